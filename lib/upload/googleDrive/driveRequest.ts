import { ExportError, isExportError } from '../../errors';
import { answerDetails, connectionFailed, SessionGone } from '../uploadRetry';

/** What every Drive request needs: the fetch to use, the job's signal and a valid access token. */
export interface DriveClient {
  fetch: typeof fetch;
  signal: AbortSignal;
  /** A valid access token; `forceRefresh` after Google refused the current one. */
  accessToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

interface DriveErrorBody {
  error?: { code?: number; message?: string; errors?: { reason?: string }[] };
}

const RATE_LIMIT_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded']);

export function quotaFull(): ExportError {
  return new ExportError('quota_exceeded', 'Your Google Drive is full. Free some space there, then press Continue.', { status: 403, uploadPause: 'full' });
}

/**
 * Sends one request to Drive with the bearer token, renewing the token once when Google answers
 * 401, and turns what cannot be used into export errors: Drive's rate-limit 403 into `rate_limited`,
 * so it is tried again like a 5xx or a 429 (`withUploadRetries`). Resolves with any 2xx or 308
 * answer. `session` marks requests to an upload session URI, where 404 and 410 mean it expired
 * (`SessionGone`).
 */
export async function driveRequest(client: DriveClient, url: string, init: RequestInit, { session = false } = {}): Promise<Response> {
  for (let refreshed = false; ; refreshed = true) {
    client.signal.throwIfAborted();
    const token = await client.accessToken({ forceRefresh: refreshed });
    let response: Response;
    try {
      response = await client.fetch(url, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` },
        signal: client.signal,
        credentials: 'omit',
      });
    } catch (error) {
      if (client.signal.aborted) throw client.signal.reason;
      if (isExportError(error)) throw error;
      throw connectionFailed('Google Drive', error);
    }
    if (response.ok || response.status === 308) return response;
    const body = (await response.json().catch(() => ({}))) as DriveErrorBody;
    const reasons = (body.error?.errors ?? []).map((e) => e.reason);
    if (response.status === 401 && !refreshed) continue;
    if (response.status === 401) throw new ExportError('http_error', 'Google Drive refused the sign-in: connect it again in History & settings, then press Continue.', { status: 401, uploadPause: 'login' });
    if (session && (response.status === 404 || response.status === 410)) throw new SessionGone();
    if (reasons.includes('storageQuotaExceeded')) throw quotaFull();
    const rateLimited = response.status === 403 && reasons.some((r) => r && RATE_LIMIT_REASONS.has(r));
    throw new ExportError(
      rateLimited ? 'rate_limited' : 'http_error',
      `Google Drive answered ${response.status}${body.error?.message ? ` (${body.error.message})` : ''}.`,
      answerDetails(response),
    );
  }
}
