import { ExportError } from '../../errors';
import type { JsonObject } from '../shared/jsonReaders';
import { isOptionalString, isStringArray, opaqueCursorCodec } from '../shared/opaqueCursor';

/** Where a paged Instagram list resumes: the `max_id` (REST) or `after` (GraphQL) of its next page. */
export interface PageCursor {
  next?: string;
}

/** Highlights: the ids still to read, once the tray was read. */
export interface HighlightsCursor {
  reelIds: string[];
}

const unreadable = () => new ExportError('internal', 'The saved position of this Instagram export cannot be read. Start a new export.');

export const pageCursor = opaqueCursorCodec<PageCursor>({
  first: () => ({}),
  isCursor: (cursor: JsonObject) => isOptionalString(cursor.next),
  unreadable,
});

export const highlightsCursor = opaqueCursorCodec<HighlightsCursor | undefined>({
  first: () => undefined,
  isCursor: (cursor: JsonObject) => isStringArray(cursor.reelIds),
  unreadable,
});

/** A page that claims more but hands back the same position would loop for ever. */
export function nextPage(next: string | undefined, current: string | undefined): string | null {
  return next !== undefined && next !== current ? pageCursor.encode({ next }) : null;
}
