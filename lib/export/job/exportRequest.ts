import { ExportError } from '../../errors';
import type { PlatformId } from '../../platforms/types';
import { adapterFor } from '../../platforms/registry';
import { chosenMediaTypes, validateExportOptions } from '../options/exportOptions';
import type { ExportFormat, ExportRequest } from '../types';

const PLATFORMS: readonly PlatformId[] = ['instagram', 'youtube', 'facebook'];
const FORMATS: readonly ExportFormat[] = ['json', 'csv', 'html'];
const MAX_ACCOUNT_LENGTH = 200;

/** Messages are checked at the boundary: a request is rebuilt field by field, never trusted whole. */
export function validateExportRequest(raw: unknown): ExportRequest {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { platform, format, includeMedia, account } = input;
  if (!PLATFORMS.includes(platform as PlatformId)) throw new ExportError('invalid_request', 'Unknown platform.');
  if (!FORMATS.includes(format as ExportFormat)) throw new ExportError('invalid_request', 'Unknown export format.');
  if (typeof includeMedia !== 'boolean') throw new ExportError('invalid_request', 'includeMedia must be true or false.');
  if (account !== undefined && (typeof account !== 'string' || account.length === 0 || account.length > MAX_ACCOUNT_LENGTH)) {
    throw new ExportError('invalid_request', 'The account name is not valid.');
  }
  const options = validateExportOptions(input);
  if (options.mediaTypes && chosenMediaTypes(options, adapterFor(platform as PlatformId).mediaTypes).length === 0) {
    throw new ExportError('invalid_request', 'Choose at least one media type this platform has.');
  }
  return {
    platform: platform as PlatformId,
    format: format as ExportFormat,
    includeMedia,
    ...(account ? { account } : {}),
    ...options,
  };
}
