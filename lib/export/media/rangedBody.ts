import { ExportError } from '../../errors';
import { reusedBufferReader } from '../../storage/reusedBufferReader';
import { checkNextRange, type ResponseHead } from './responseChecks';

/**
 * Chromium closes the connection of a cancelled body a moment after cancel() settles, so the slot's
 * next request could reach the platform while the abandoned one still counts there as a fourth
 * download. Holding the slot this much longer after giving up on a body keeps it at three.
 */
const ABANDONED_BODY_GRACE_MS = 250;

/** Stops reading a body that has not ended, then waits for its connection to be gone. */
export async function abandon(body: { cancel(reason?: unknown): Promise<void> } | null, reason?: unknown): Promise<void> {
  if (!body) return;
  await body.cancel(reason).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, ABANDONED_BODY_GRACE_MS));
}

/** One file's bytes read in order across the HTTP ranges it is fetched in, as one stream. */
export interface RangedBody {
  /** The next bytes: a view that the next read overwrites. */
  read(): Promise<ReadableStreamReadResult<Uint8Array>>;
  /** Gives up on the file: the response being read is abandoned, unless its body already ended. */
  abandon(reason: unknown): Promise<void>;
}

export interface RangedBodyOptions {
  /** The body of the first answer, which passed checkResponseHead as `head`. */
  first: ReadableStream<Uint8Array>;
  head: ResponseHead;
  /** Bytes per read; one buffer of this size serves every range. */
  bufferBytes: number;
  /** Asks for the range starting at `start`. */
  fetchRange(start: number): Promise<Response>;
  retryAfter(header: string | null): number | undefined;
}

/**
 * Reads the first answer, then asks for the next range each time one's bytes are all read, and
 * refuses a range that ends short, overruns, or belongs elsewhere (checkNextRange). A first answer
 * without a range (200) is read to its end.
 */
export function rangedBody({ first, head, bufferBytes, fetchRange, retryAfter }: RangedBodyOptions): RangedBody {
  let reader = reusedBufferReader(first, bufferBytes);
  // Whether the body being read has not ended yet: only such a body's connection is abandoned.
  let readerOpen = true;
  let rangeEnd = head.rangeEnd;
  const { expectedLength } = head;
  let position = 0;

  // The next range once this one's bytes are all read; false when the file is done.
  const nextRange = async (): Promise<boolean> => {
    if (rangeEnd === undefined || expectedLength === undefined || rangeEnd >= expectedLength) return false;
    const answer = await fetchRange(rangeEnd);
    let range;
    try {
      range = checkNextRange(answer, { start: rangeEnd, total: expectedLength }, retryAfter);
    } catch (error) {
      await abandon(answer.body);
      throw error;
    }
    if (!answer.body) throw new ExportError('network_error', 'The server sent an empty range part-way through the file.');
    reader = reusedBufferReader(answer.body, bufferBytes);
    readerOpen = true;
    rangeEnd = range.end;
    return true;
  };

  return {
    async read() {
      let next = await reader.read();
      readerOpen = !next.done;
      while (next.done && rangeEnd !== undefined) {
        if (position !== rangeEnd) throw new ExportError('network_error', `The download stopped early: a range ended after ${position} of ${rangeEnd} bytes.`);
        if (!(await nextRange())) break;
        next = await reader.read();
        readerOpen = !next.done;
      }
      if (!next.done) {
        position += next.value.byteLength;
        if (rangeEnd !== undefined && position > rangeEnd) throw new ExportError('network_error', 'The server sent more than the range it announced.');
      }
      return next;
    },
    async abandon(reason) {
      if (readerOpen) await abandon(reader, reason);
    },
  };
}
