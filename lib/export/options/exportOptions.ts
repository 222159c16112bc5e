import { ExportError } from '../../errors';
import { isDay } from './dateRange';

export type Quality = 'original' | 'high' | 'small';

/**
 * What narrows or shapes an export beyond its platform, account and format: chosen in the popup's
 * "Options", defaulted in History & settings, recorded in the main JSON's `options`. Every field
 * is optional and its absence is today's full export, so a request without options, or from an
 * older build, means what it always meant. Adding an option: a field here, its check in
 * `validateExportOptions`, its words in `describeOptions`, and one control in lib/ui/exportOptions.
 */
export interface ExportOptions {
  /** Ids of the platform's media types to export (`PlatformAdapter.mediaTypes`); absent: all. */
  mediaTypes?: string[];
  /** First and last day to export (`YYYY-MM-DD`, inclusive) in `timeZone`; either may be absent. */
  dateFrom?: string;
  dateTo?: string;
  /** The user's IANA time zone, which the days are in; absent: UTC. */
  timeZone?: string;
  /** Which of the platform's own sizes to download; absent: the original. */
  quality?: Quality;
  /** Media bytes per second over all three downloads, in MB/s (10^6 bytes); absent: no limit. */
  speedLimitMBps?: number;
  /** Only posts earlier exports of the account did not deliver (or whose caption changed since). */
  onlyNew?: boolean;
  /** JPEG, PNG and WebP images re-encoded as JPEG (compressImage.JPEG_QUALITY) where that is smaller. */
  compressImages?: boolean;
}

/** `maxSide` limits a file's shorter side (see mediaQuality). */
export const QUALITY_CHOICES: readonly { value: Quality; label: string; maxSide?: number }[] = [
  { value: 'original', label: 'Original (best available)' },
  { value: 'high', label: 'High (up to 1080 px)', maxSide: 1080 },
  { value: 'small', label: 'Small (up to 640 px)', maxSide: 640 },
];

export const SPEED_LIMIT_CHOICES: readonly number[] = [0.5, 1, 2, 5, 10, 25];

const MAX_TYPE_ID_LENGTH = 40;
const MAX_SPEED_LIMIT_MBPS = 10_000;

function invalid(message: string): ExportError {
  return new ExportError('invalid_request', message);
}

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The options of a request, rebuilt field by field (as every message is): unknown fields are dropped. */
export function validateExportOptions(input: Record<string, unknown>): ExportOptions {
  const { mediaTypes, dateFrom, dateTo, timeZone, quality, speedLimitMBps, onlyNew, compressImages } = input;
  const options: ExportOptions = {};
  if (mediaTypes !== undefined) {
    if (!Array.isArray(mediaTypes) || !mediaTypes.every((id) => typeof id === 'string' && id.length > 0 && id.length <= MAX_TYPE_ID_LENGTH)) {
      throw invalid('The media types are not valid.');
    }
    if (mediaTypes.length === 0) throw invalid('Choose at least one media type.');
    options.mediaTypes = [...new Set(mediaTypes as string[])];
  }
  for (const [name, value] of [
    ['dateFrom', dateFrom],
    ['dateTo', dateTo],
  ] as const) {
    if (value === undefined || value === '') continue;
    if (typeof value !== 'string' || !isDay(value)) throw invalid(`The ${name === 'dateFrom' ? '“From”' : '“To”'} date is not a date.`);
    options[name] = value;
  }
  if (options.dateFrom && options.dateTo && options.dateFrom > options.dateTo) throw invalid('“From” is after “To”.');
  if (timeZone !== undefined) {
    if (typeof timeZone !== 'string' || timeZone.length > 100 || !validTimeZone(timeZone)) throw invalid('The time zone is not valid.');
    options.timeZone = timeZone;
  }
  if (quality !== undefined) {
    if (!QUALITY_CHOICES.some((choice) => choice.value === quality)) throw invalid('Unknown quality.');
    options.quality = quality as Quality;
  }
  if (speedLimitMBps !== undefined) {
    if (typeof speedLimitMBps !== 'number' || !(speedLimitMBps > 0) || speedLimitMBps > MAX_SPEED_LIMIT_MBPS) {
      throw invalid('The download speed limit is not valid.');
    }
    options.speedLimitMBps = speedLimitMBps;
  }
  if (onlyNew !== undefined) {
    if (typeof onlyNew !== 'boolean') throw invalid('“Only new since last export” must be on or off.');
    if (onlyNew) options.onlyNew = true;
  }
  if (compressImages !== undefined) {
    if (typeof compressImages !== 'boolean') throw invalid('“Compress images” must be on or off.');
    if (compressImages) options.compressImages = true;
  }
  return options;
}

/** The chosen media types the platform has; all of them when none was chosen. */
export function chosenMediaTypes(options: ExportOptions, platformTypes: readonly { id: string }[]): string[] {
  const all = platformTypes.map((type) => type.id);
  if (!options.mediaTypes) return all;
  return all.filter((id) => options.mediaTypes!.includes(id));
}

/** The options as a person reads them (history page), one phrase per option set. */
export function describeOptions(options: ExportOptions, platformTypes: readonly { id: string; label: string }[]): string[] {
  const phrases: string[] = [];
  const chosen = chosenMediaTypes(options, platformTypes);
  if (chosen.length < platformTypes.length) {
    phrases.push(platformTypes.filter((type) => chosen.includes(type.id)).map((type) => type.label).join(', '));
  }
  if (options.dateFrom || options.dateTo) phrases.push(`${options.dateFrom ?? '…'} to ${options.dateTo ?? '…'}`);
  if (options.quality && options.quality !== 'original') phrases.push(QUALITY_CHOICES.find((choice) => choice.value === options.quality)!.label);
  if (options.speedLimitMBps !== undefined) phrases.push(`at most ${options.speedLimitMBps} MB/s`);
  if (options.onlyNew) phrases.push('only new since last export');
  if (options.compressImages) phrases.push('images compressed');
  return phrases;
}

/**
 * The options one platform's export asks for: its own chosen types only (none when all are), and
 * the user's time zone with the days, so the range means what the user saw.
 */
export function optionsForPlatform(options: ExportOptions, platformTypes: readonly { id: string }[], timeZone: string): ExportOptions {
  const { mediaTypes: _types, timeZone: _zone, ...rest } = options;
  const chosen = chosenMediaTypes(options, platformTypes);
  return {
    ...rest,
    ...(chosen.length < platformTypes.length ? { mediaTypes: chosen } : {}),
    ...(options.dateFrom || options.dateTo ? { timeZone } : {}),
  };
}

/** The options as the main JSON records them: every one, defaults spelled out. */
export function recordedOptions<T extends ExportOptions>(request: T, platformTypes: readonly { id: string }[]): T & Required<Pick<ExportOptions, 'mediaTypes' | 'quality'>> {
  return { ...request, mediaTypes: chosenMediaTypes(request, platformTypes), quality: request.quality ?? 'original' };
}
