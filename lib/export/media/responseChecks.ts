import { ExportError } from '../../errors';
import { isUnfollowedRedirect } from '../../net/redirects';
import type { MediaFormat, MediaKind, MediaRules } from '../../platforms/types';
import { formatFromContentType, kindOf, mimeType } from './mediaFormat';

/** Some CDNs label every file like this; the magic bytes then decide alone. */
const GENERIC_BINARY_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const MARKUP_TYPES = new Set(['text/html', 'application/xhtml+xml', 'text/plain', 'application/json']);

export interface ResponseHead {
  /** The format the Content-Type names, when it names one. */
  declaredFormat?: MediaFormat;
  /** The whole file's length when known: the Content-Length of an identity body, or a range's total. */
  expectedLength?: number;
  /** When the server answered the first range (206): the end (exclusive) of the bytes this response carries. */
  rangeEnd?: number;
}

/** The range a 206 carries (`Content-Range: bytes first-last/total`), end exclusive. */
export interface ContentRange {
  start: number;
  end: number;
  total: number;
}

export function contentRange(response: Response): ContentRange | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers.get('content-range')?.trim() ?? '');
  if (!match) return undefined;
  const [start, last, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return start <= last && last < total ? { start, end: last + 1, total } : undefined;
}

function rangeRefused(what: string): ExportError {
  return new ExportError('network_error', `The server ${what} part-way through the file; it is downloaded again.`);
}

interface CheckOptions {
  rules: MediaRules;
  expectedKind?: MediaKind;
}

export function tooLarge(rules: MediaRules): ExportError {
  const mb = Math.round(rules.maxBytes / 2 ** 20);
  return new ExportError('too_large', `The file is larger than the ${mb} MB allowed for this platform.`);
}

function webPageServed(): ExportError {
  return new ExportError(
    'not_allowed_type',
    'The server sent a web page instead of the file (usually a login or error page); it was not saved.',
  );
}

function statusError(response: Response, retryAfter: (header: string | null) => number | undefined): ExportError {
  const { status } = response;
  if (status === 403 || status === 410) {
    return new ExportError('expired_url', `The file's link was refused (HTTP ${status}); it has probably expired.`, { status });
  }
  if (status === 404) return new ExportError('http_error', 'The file was not found on the server (HTTP 404).', { status });
  const retryAfterMs = retryAfter(response.headers.get('retry-after'));
  return new ExportError('http_error', `The server answered HTTP ${status} instead of the file.`, {
    status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });
}

/**
 * Redirects are not followed (the platforms' CDNs serve files where they are; a redirect leads to
 * a login page or a host outside the allow-list), so one is a refusal.
 */
function redirected(): ExportError {
  return new ExportError(
    'not_allowed_host',
    'The server sent this file’s link elsewhere (usually to a login page); only the platform’s own media servers are asked for files, so it was not saved.',
  );
}

function contentLength(response: Response): number | undefined {
  const header = response.headers.get('content-length')?.trim();
  return header && /^\d+$/.test(header) ? Number(header) : undefined;
}

/**
 * Everything that can be judged from the status line and headers, before a byte of the body is
 * read: the status, a redirect, the Content-Type and the Content-Length.
 */
export function checkResponseHead(
  response: Response,
  opts: CheckOptions,
  retryAfter: (header: string | null) => number | undefined,
): ResponseHead {
  if (isUnfollowedRedirect(response)) throw redirected();
  // 206 answers the first range asked for; a server without ranges sends the whole file with 200.
  const range = response.status === 206 ? contentRange(response) : undefined;
  if (response.status !== 200 && !(range && range.start === 0)) throw statusError(response, retryAfter);

  const mime = mimeType(response.headers.get('content-type'));
  if (MARKUP_TYPES.has(mime)) throw webPageServed();
  const declaredFormat = formatFromContentType(mime);
  if (!declaredFormat && !GENERIC_BINARY_TYPES.has(mime)) {
    throw new ExportError('not_allowed_type', `The server sent "${mime}" content, which is not an allowed media format.`);
  }
  if (declaredFormat && !opts.rules.formats.includes(declaredFormat)) {
    throw new ExportError('not_allowed_type', `The server sent a ${declaredFormat.toUpperCase()}, which is not kept for this platform.`);
  }
  if (declaredFormat && opts.expectedKind && kindOf(declaredFormat) !== opts.expectedKind) {
    throw new ExportError('not_allowed_type', `Expected ${opts.expectedKind === 'video' ? 'a video' : 'an image'} but the server sent ${mime}.`);
  }

  const length = range?.total ?? contentLength(response);
  if (length !== undefined && length > opts.rules.maxBytes) throw tooLarge(opts.rules);
  // A compressed body decodes to a different length, so only an identity body can be held to it.
  const coding = response.headers.get('content-encoding')?.trim().toLowerCase();
  const identity = !coding || coding === 'identity';
  if (range && !identity) throw rangeRefused('compressed a range');
  return {
    ...(declaredFormat ? { declaredFormat } : {}),
    ...(identity && length !== undefined ? { expectedLength: length } : {}),
    ...(range ? { rangeEnd: range.end } : {}),
  };
}

/**
 * A later range of a file whose first range came with a 206: it must start where the bytes so far
 * end and belong to a file of the same length, or the file changed (or the server stopped
 * honouring ranges) and the bytes so far cannot be continued.
 */
export function checkNextRange(
  response: Response,
  expected: { start: number; total: number },
  retryAfter: (header: string | null) => number | undefined,
): ContentRange {
  if (isUnfollowedRedirect(response)) throw redirected();
  if (response.status === 200) throw rangeRefused('stopped sending ranges');
  if (response.status !== 206) throw statusError(response, retryAfter);
  const range = contentRange(response);
  if (!range || range.start !== expected.start || range.total !== expected.total) throw rangeRefused('sent another range or a changed file');
  return range;
}
