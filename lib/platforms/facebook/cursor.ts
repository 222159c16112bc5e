import { ExportError } from '../../errors';
import type { JsonObject } from '../shared/jsonReaders';
import { isOptionalString, isOptionalTrue, isStringArray, opaqueCursorCodec } from '../shared/opaqueCursor';

/**
 * Where a collection's listing resumes, stored by the job after every page. Every page sends at
 * most one request: a collection page (its items join `queue`) or one item's detail (taken off
 * `queue`), so a rate limit or a block never costs more than the request it hit.
 */
export interface Cursor {
  v: 2;
  /** `end_cursor` of the collection page read last; absent before its first page. */
  after?: string;
  /** The collection has no page after `after`. */
  end?: true;
  /** Listed media ids whose detail is still to be read, in collection order. */
  queue: string[];
}

export const FIRST_CURSOR: Cursor = { v: 2, queue: [] };

export const { encode: encodeCursor, decode: decodeCursor } = opaqueCursorCodec<Cursor>({
  first: () => FIRST_CURSOR,
  isCursor,
  unreadable: () => new ExportError('internal', 'The saved position of this Facebook export cannot be read. Start a new export.'),
});

function isCursor(cursor: JsonObject): boolean {
  return cursor.v === 2 && isOptionalString(cursor.after) && isOptionalTrue(cursor.end) && isStringArray(cursor.queue);
}
