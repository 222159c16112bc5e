import { ExportError } from '../../errors';
import { isPlatformId } from '../../platforms/descriptors';
import { adapterFor } from '../../platforms/registry';
import { AVAILABLE_SAVE_TARGETS, type SaveTarget } from '../../upload/saveTarget';
import { chosenMediaTypes, validateExportOptions } from '../options/exportOptions';
import { SPLIT_SIZES_GB } from '../parts/splitSizes';
import type { ExportFormat, ExportRequest, SplitGB } from '../types';

const FORMATS: readonly ExportFormat[] = ['json', 'csv', 'html'];
const MAX_ACCOUNT_LENGTH = 200;

/** Messages are checked at the boundary: a request is rebuilt field by field, never trusted whole. */
export function validateExportRequest(raw: unknown): ExportRequest {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { platform, format, includeMedia, account, splitGB, saveTo } = input;
  if (!isPlatformId(platform)) throw new ExportError('invalid_request', 'Unknown platform.');
  if (!FORMATS.includes(format as ExportFormat)) throw new ExportError('invalid_request', 'Unknown export format.');
  if (typeof includeMedia !== 'boolean') throw new ExportError('invalid_request', 'includeMedia must be true or false.');
  if (account !== undefined && (typeof account !== 'string' || account.length === 0 || account.length > MAX_ACCOUNT_LENGTH)) {
    throw new ExportError('invalid_request', 'The account name is not valid.');
  }
  if (splitGB !== undefined && !SPLIT_SIZES_GB.includes(splitGB as SplitGB)) throw new ExportError('invalid_request', 'Unknown part size.');
  if (saveTo !== undefined && !AVAILABLE_SAVE_TARGETS.includes(saveTo as SaveTarget)) {
    throw new ExportError('invalid_request', 'This build cannot save exports there.');
  }
  const target = saveTo === undefined || saveTo === 'downloads' ? {} : { saveTo: saveTo as SaveTarget };
  const options = validateExportOptions(input);
  if (options.mediaTypes && chosenMediaTypes(options, adapterFor(platform).mediaTypes).length === 0) {
    throw new ExportError('invalid_request', 'Choose at least one media type this platform has.');
  }
  return {
    platform,
    format: format as ExportFormat,
    includeMedia,
    ...(account ? { account } : {}),
    ...options,
    ...target,
    // Without media an export is a few MB of text: it is never split.
    ...(splitGB !== undefined && includeMedia ? { splitGB: splitGB as SplitGB } : {}),
  };
}
