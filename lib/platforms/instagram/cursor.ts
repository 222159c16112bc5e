import { ExportError } from '../../errors';
import type { JsonObject } from '../shared/jsonReaders';
import { isOptionalString, isStringArray, opaqueCursorCodec } from '../shared/opaqueCursor';

/** Where a paged Instagram list resumes: the `max_id` (REST) or `after` (GraphQL) of its next page. */
export interface PageCursor {
  next?: string;
}

/**
 * Highlights, once the tray was read: the highlight reels still to read, and the tray's next page
 * when it has one. REST and GraphQL write the same form, so either carries on the other's work.
 */
export interface HighlightsCursor {
  reelIds: string[];
  trayAfter?: string;
}

const unreadable = () => new ExportError('internal', 'The saved position of this Instagram export cannot be read. Start a new export.');

export const pageCursor = opaqueCursorCodec<PageCursor>({
  first: () => ({}),
  isCursor: (cursor: JsonObject) => isOptionalString(cursor.next),
  unreadable,
});

export const highlightsCursor = opaqueCursorCodec<HighlightsCursor | undefined>({
  first: () => undefined,
  isCursor: (cursor: JsonObject) => isStringArray(cursor.reelIds) && isOptionalString(cursor.trayAfter),
  unreadable,
});

/** A page that claims more but hands back the same position would loop for ever. */
export function nextPage(next: string | undefined, current: string | undefined): string | null {
  return next !== undefined && next !== current ? pageCursor.encode({ next }) : null;
}

/**
 * The REST feed's next_max_id and the GraphQL timeline's end_cursor are both "<pk>_<owner pk>":
 * either strategy carries on where the other stopped. Any other position starts the section over.
 */
export function timelineContinuation(previous: { cursor: string }): string | null {
  const next = readable(() => pageCursor.decode(previous.cursor).next);
  return next !== undefined && /^\d+_\d+$/.test(next) ? previous.cursor : null;
}

/** The highlights position for what is left, or null when nothing is. */
export function nextHighlights(position: HighlightsCursor): string | null {
  return position.reelIds.length > 0 || position.trayAfter !== undefined ? highlightsCursor.encode(position) : null;
}

/** True when the tray's next page is due: its reels so far are all read. */
export function trayPageDue(position: HighlightsCursor): boolean {
  return position.reelIds.length === 0 && position.trayAfter !== undefined;
}

/** Both highlights strategies write one form: a position either wrote is one the other can carry on from. */
export function highlightsContinuation(previous: { cursor: string }): string | null {
  return readable(() => highlightsCursor.decode(previous.cursor)) === undefined ? null : previous.cursor;
}

/** What a decoder makes of a position another strategy wrote; undefined when it is none it can read. */
function readable<T>(decode: () => T): T | undefined {
  try {
    return decode();
  } catch {
    return undefined;
  }
}
