import { ExportError } from '../../errors';
import type { PlatformId } from '../../platforms/types';
import type { ExportFormat, ExportRequest } from '../types';
import { AVAILABLE_SAVE_TARGETS, type SaveTarget } from '../../upload/saveTarget';

const PLATFORMS: readonly PlatformId[] = ['instagram', 'youtube', 'facebook'];
const FORMATS: readonly ExportFormat[] = ['json', 'csv', 'html'];
const MAX_ACCOUNT_LENGTH = 200;

/** Messages are checked at the boundary: a request is rebuilt field by field, never trusted whole. */
export function validateExportRequest(raw: unknown): ExportRequest {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const { platform, format, includeMedia, account, saveTo } = input;
  if (!PLATFORMS.includes(platform as PlatformId)) throw new ExportError('invalid_request', 'Unknown platform.');
  if (!FORMATS.includes(format as ExportFormat)) throw new ExportError('invalid_request', 'Unknown export format.');
  if (typeof includeMedia !== 'boolean') throw new ExportError('invalid_request', 'includeMedia must be true or false.');
  if (account !== undefined && (typeof account !== 'string' || account.length === 0 || account.length > MAX_ACCOUNT_LENGTH)) {
    throw new ExportError('invalid_request', 'The account name is not valid.');
  }
  if (saveTo !== undefined && !AVAILABLE_SAVE_TARGETS.includes(saveTo as SaveTarget)) {
    throw new ExportError('invalid_request', 'This build cannot save exports there.');
  }
  const target = saveTo === undefined || saveTo === 'downloads' ? {} : { saveTo: saveTo as SaveTarget };
  return { platform: platform as PlatformId, format: format as ExportFormat, includeMedia, ...(account ? { account } : {}), ...target };
}
