import { storage } from 'wxt/utils/storage';
import type { PacingProfile } from '../platforms/types';
import { validateExportOptions, type ExportOptions } from './options/exportOptions';
import type { ExportFormat } from './types';

/** What the user chose on the options page; the context menu exports with these. */
export interface UserPreferences {
  format: ExportFormat;
  includeMedia: boolean;
  /** Finished exports (the ZIP and any staging) are removed this many days after they ended. */
  retentionDays: number;
  /** How fast exports call the platforms' APIs; Careful protects the account. */
  pacing: PacingProfile;
  /** The export options the popup starts with and the context menu uses (no date range: that is one export's). */
  options: ExportOptions;
}

export const DEFAULT_USER_PREFERENCES: UserPreferences = { format: 'json', includeMedia: true, retentionDays: 7, pacing: 'careful', options: {} };

/** Stored defaults that no longer pass the request's checks fall back to none. */
function storedOptions(value: unknown): ExportOptions {
  if (typeof value !== 'object' || value === null) return {};
  try {
    const { dateFrom: _from, dateTo: _to, timeZone: _zone, ...options } = validateExportOptions(value as Record<string, unknown>);
    return options;
  } catch {
    return {};
  }
}

export const PACING_CHOICES: readonly { value: PacingProfile; label: string }[] = [
  { value: 'careful', label: 'Careful (recommended)' },
  { value: 'normal', label: 'Normal' },
  { value: 'fast', label: 'Fast (your account’s risk)' },
];

export const RETENTION_DAY_CHOICES = [1, 3, 7, 14, 30, 90] as const;

const FORMATS: readonly ExportFormat[] = ['json', 'csv', 'html'];

export const userPreferences = storage.defineItem<UserPreferences>('local:userPreferences', {
  fallback: DEFAULT_USER_PREFERENCES,
  version: 1,
});

/** Stored values are checked field by field: a bad one falls back to its default, not the whole set. */
export function normalizePreferences(stored: Partial<UserPreferences> | null | undefined): UserPreferences {
  const value = stored ?? {};
  return {
    format: FORMATS.includes(value.format as ExportFormat) ? (value.format as ExportFormat) : DEFAULT_USER_PREFERENCES.format,
    includeMedia: typeof value.includeMedia === 'boolean' ? value.includeMedia : DEFAULT_USER_PREFERENCES.includeMedia,
    retentionDays:
      Number.isInteger(value.retentionDays) && value.retentionDays! >= 1 && value.retentionDays! <= 365
        ? value.retentionDays!
        : DEFAULT_USER_PREFERENCES.retentionDays,
    pacing: PACING_CHOICES.some((choice) => choice.value === value.pacing) ? value.pacing! : DEFAULT_USER_PREFERENCES.pacing,
    options: storedOptions(value.options),
  };
}

export async function readUserPreferences(): Promise<UserPreferences> {
  return normalizePreferences(await userPreferences.getValue());
}
