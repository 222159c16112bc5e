import { ExportError, toExportError } from '../../errors';
import { parseRetryAfter } from '../../net/retryPolicy';
import type { MediaFormat, MediaKind, MediaRules } from '../../platforms/types';
import { createStallWatchdog, type StallWatchdog } from '../../net/stallWatchdog';
import type { ByteSink } from '../../storage/byteSink';
import { READ_BUFFER_BYTES } from '../../storage/reusedBufferReader';
import type { SpaceReservation } from '../../storage/spaceReservations';
import { abandon, rangedBody } from './rangedBody';
import { checkResponseHead, tooLarge } from './responseChecks';
import { SNIFF_BYTES, kindOf, looksLikeMarkup, sniffFormat } from './mediaFormat';
import type { ByteThrottle } from './tokenBucket';

export interface DownloadMediaOptions {
  url: string;
  rules: MediaRules;
  /** The kind the platform announced; bytes of the other kind are refused. */
  expectedKind?: MediaKind;
  signal: AbortSignal;
  /** Opened only once the response passed every check, so a refused file leaves nothing behind. */
  openSink: () => Promise<ByteSink>;
  fetchImpl?: typeof fetch;
  now?: () => number;
  /** Give up on a response that sends nothing (headers or bytes) for this long; default 30 s. */
  stallTimeoutMs?: number;
  /** Holds disk space for the file (its Content-Length, else the platform's limit) while it downloads. */
  reserveSpace?: (bytes: number) => Promise<SpaceReservation>;
  /** The export's speed limit, shared by every download of the job; each chunk read takes its bytes from it. */
  throttle?: ByteThrottle;
}

/**
 * Files are asked for this many bytes at a time (HTTP Range, as the platforms' CDNs serve them).
 * Chromium reads a fetch body ahead of the script into the renderer's memory when the network is
 * faster than the bytes are hashed and written, so an unranged 1 GB video could sit there by the
 * hundreds of MB; a range bounds it (docs/architecture.md, "Storage and memory").
 */
export const RANGE_BYTES = 16 * 1024 * 1024;

/** The disk is checked again after every this many bytes written. */
const RECHECK_EVERY_BYTES = 32 * 1024 * 1024;

export interface DownloadedMedia {
  format: MediaFormat;
  bytes: number;
  contentType: string | null;
}

const DEFAULT_STALL_TIMEOUT_MS = 30_000;

const MIN_READ_BUFFER_BYTES = 16 * 1024;

function readBufferBytes(expectedLength: number | undefined): number {
  if (expectedLength === undefined) return READ_BUFFER_BYTES;
  return Math.min(READ_BUFFER_BYTES, Math.max(MIN_READ_BUFFER_BYTES, expectedLength));
}

/** Whatever reason the signal carries, a cancelled job reads as cancelled. */
function cancelledError(): ExportError {
  return new ExportError('cancelled', 'The export was cancelled.');
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw cancelledError();
}

function formatList(formats: readonly MediaFormat[]): string {
  return formats.map((format) => format.toUpperCase()).join(', ');
}

interface Head {
  chunks: Uint8Array[];
  length: number;
  done: boolean;
}

/** Reads until SNIFF_BYTES arrived (or the body ended), however small the chunks. */
async function readHead(read: () => Promise<ReadableStreamReadResult<Uint8Array>>, rules: MediaRules, signal: AbortSignal): Promise<Head> {
  const head: Head = { chunks: [], length: 0, done: false };
  while (head.length < SNIFF_BYTES) {
    throwIfCancelled(signal);
    const { done, value } = await read();
    if (done) return { ...head, done: true };
    // A copy: the reader's buffer is read into again before these are written.
    head.chunks.push(value.slice());
    head.length += value.byteLength;
    if (head.length > rules.maxBytes) throw tooLarge(rules);
  }
  return head;
}

function sniffWindow(chunks: Uint8Array[]): Uint8Array {
  const window = new Uint8Array(Math.min(SNIFF_BYTES, chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0)));
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= window.length) break;
    const part = chunk.subarray(0, window.length - offset);
    window.set(part, offset);
    offset += part.length;
  }
  return window;
}

/** The format the bytes prove, if the platform allows it and it agrees with what was announced. */
function checkMagic(bytes: Uint8Array, declared: MediaFormat | undefined, opts: DownloadMediaOptions): MediaFormat {
  const format = sniffFormat(bytes);
  if (!format) {
    const what = looksLikeMarkup(bytes) ? 'a web page (usually a login or error page)' : 'no allowed format';
    throw new ExportError('not_allowed_type', `The file's content is ${what}, not ${formatList(opts.rules.formats)}.`);
  }
  if (!opts.rules.formats.includes(format)) {
    throw new ExportError('not_allowed_type', `The file is a ${format.toUpperCase()}, which is not kept for this platform (${formatList(opts.rules.formats)}).`);
  }
  if (declared && kindOf(declared) !== kindOf(format)) {
    throw new ExportError('not_allowed_type', `The server labelled the file ${declared.toUpperCase()} but its content is a ${format.toUpperCase()}.`);
  }
  if (opts.expectedKind && kindOf(format) !== opts.expectedKind) {
    throw new ExportError('not_allowed_type', `Expected ${opts.expectedKind === 'video' ? 'a video' : 'an image'} but the file is a ${format.toUpperCase()}.`);
  }
  return format;
}

/**
 * Downloads one media file into a sink, validating before writing and while streaming: the
 * body is read chunk by chunk (never `blob()`/`arrayBuffer()`: a video can be 1 GB), and a
 * failure at any point cancels the request and aborts the sink.
 */
export async function downloadMedia(opts: DownloadMediaOptions): Promise<DownloadedMedia> {
  const { signal } = opts;
  throwIfCancelled(signal);
  const watchdog = createStallWatchdog(signal, opts.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS);
  try {
    return await fetchInto(opts, watchdog);
  } catch (error) {
    if (watchdog.stalled) throw watchdog.error();
    throw signal.aborted ? cancelledError() : toExportError(error);
  } finally {
    watchdog.stop();
  }
}

async function fetchInto(opts: DownloadMediaOptions, watchdog: StallWatchdog): Promise<DownloadedMedia> {
  const { rules, signal } = opts;
  const fetchImpl = opts.fetchImpl ?? fetch;
  // Signed CDN URLs need no cookies; sending none keeps the session out of media requests.
  // A redirect is never followed: it could lead past the media host allow-list.
  // no-store keeps gigabytes of video out of the HTTP cache.
  const fetchRange = async (start: number) => {
    const range = `bytes=${start}-${start + RANGE_BYTES - 1}`;
    const answer = await fetchImpl(opts.url, { credentials: 'omit', redirect: 'manual', cache: 'no-store', signal: watchdog.signal, headers: { Range: range } });
    watchdog.progress();
    return answer;
  };
  const retryAfter = (header: string | null) => parseRetryAfter(header, (opts.now ?? Date.now)());
  const response = await fetchRange(0);
  const contentType = response.headers.get('content-type');
  let head;
  try {
    head = checkResponseHead(response, opts, retryAfter);
  } catch (error) {
    await abandon(response.body);
    throw error;
  }
  if (!response.body) throw new ExportError('not_allowed_type', 'The server sent an empty response instead of the file.');

  // Each chunk is written (and hashed) before the next read, so one buffer serves the whole file;
  // a small file (a thumbnail) gets a buffer of about its own size.
  const body = rangedBody({ first: response.body, head, bufferBytes: readBufferBytes(head.expectedLength), fetchRange, retryAfter });
  const read = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    const next = await body.read();
    watchdog.progress();
    if (!next.done && opts.throttle) {
      await opts.throttle.take(next.value.byteLength, signal);
      // Waiting for the speed limit is not the server stalling.
      watchdog.progress();
    }
    return next;
  };
  let sink: ByteSink | undefined;
  let space: SpaceReservation | undefined;
  try {
    const first = await readHead(read, rules, signal);
    const format = checkMagic(sniffWindow(first.chunks), head.declaredFormat, opts);
    space = await opts.reserveSpace?.(head.expectedLength ?? rules.maxBytes);
    sink = await opts.openSink();
    for (const chunk of first.chunks) await sink.write(chunk);
    let bytes = first.length;
    let checkedAt = 0;
    while (!first.done) {
      throwIfCancelled(signal);
      const next = await read();
      if (next.done) break;
      bytes += next.value.byteLength;
      if (bytes > rules.maxBytes) throw tooLarge(rules);
      await sink.write(next.value);
      // Other programs fill the disk too: the export stops before Chromium's own fatal check does.
      if (space && bytes - checkedAt >= RECHECK_EVERY_BYTES) {
        checkedAt = bytes;
        await space.recheck(bytes);
      }
    }
    if (head.expectedLength !== undefined && bytes < head.expectedLength) {
      throw new ExportError('network_error', `The download stopped early: ${bytes} of ${head.expectedLength} bytes arrived.`);
    }
    await sink.close();
    return { format, bytes, contentType };
  } catch (error) {
    const failure = watchdog.stalled ? watchdog.error() : signal.aborted ? cancelledError() : toExportError(error);
    await body.abandon(failure);
    await sink?.abort(failure).catch(() => undefined);
    throw failure;
  } finally {
    space?.release();
  }
}
