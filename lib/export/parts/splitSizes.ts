import type { ExportSettings } from '../exportSettings';
import type { ExportRequest, SplitGB } from '../types';

export const SPLIT_SIZES_GB: readonly SplitGB[] = [2, 4, 10, 50];

/** The most bytes one part of this export may hold, or undefined for one ZIP. */
export function partLimitBytes(request: ExportRequest, settings: Pick<ExportSettings, 'partBytes'>): number | undefined {
  if (request.splitGB === undefined) return undefined;
  return settings.partBytes ?? request.splitGB * 1_000_000_000;
}
