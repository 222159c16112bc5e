import { ExportError } from '../../errors';
import type { JsonObject } from '../shared/jsonReaders';
import { isOptionalString, isOptionalTrue, isStringArray, opaqueCursorCodec } from '../shared/opaqueCursor';
import type { CollectionName } from './queries';

/**
 * Where listing resumes, stored by the job after every page. Collections run in this order:
 * uploads → tagged (when enabled) → videos → reels. Every fetchPage sends at most one request:
 * a collection page (its items join `queue`) or one item's detail (taken off `queue`), so a rate
 * limit or a block never costs more than the request it hit.
 */
export interface Cursor {
  v: 1;
  section: CollectionName;
  /** `end_cursor` of the collection page read last; absent before its first page. */
  after?: string;
  /** The collection has no page after `after`. */
  end?: true;
  /** Listed media ids whose detail is still to be read, in collection order. */
  queue: string[];
  /** Video ids listed by the videos collection, so the reels collection skips them. */
  seen: string[];
}

export const FIRST_CURSOR: Cursor = { v: 1, section: 'uploads', queue: [], seen: [] };

const SECTIONS: readonly CollectionName[] = ['uploads', 'tagged', 'videos', 'reels'];

export const { encode: encodeCursor, decode: decodeCursor } = opaqueCursorCodec<Cursor>({
  first: () => FIRST_CURSOR,
  isCursor,
  unreadable: () => new ExportError('internal', 'The saved position of this Facebook export cannot be read. Start a new export.'),
});

/** The collections after `section`, in listing order, of those `included`. */
export function sectionsAfter(section: CollectionName, included: (name: CollectionName) => boolean): CollectionName[] {
  return SECTIONS.slice(SECTIONS.indexOf(section) + 1).filter(included);
}

function isCursor(cursor: JsonObject): boolean {
  return (
    cursor.v === 1 &&
    SECTIONS.includes(cursor.section as CollectionName) &&
    isOptionalString(cursor.after) &&
    isOptionalTrue(cursor.end) &&
    isStringArray(cursor.queue) &&
    isStringArray(cursor.seen)
  );
}
