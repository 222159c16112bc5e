import { ExportError } from '../../../errors';
import { isOptionalString, isStringArray, opaqueCursorCodec } from '../../shared/opaqueCursor';

/**
 * Where a highlights listing stands: the highlight reels still to read, and the tray's next page
 * when it has one. REST and GraphQL write the same form, so either can carry on the other's work.
 */
export interface HighlightsCursor {
  reelIds: string[];
  trayAfter?: string;
}

const codec = opaqueCursorCodec<HighlightsCursor | null>({
  first: () => null,
  isCursor: (cursor) => isStringArray(cursor.reelIds) && isOptionalString(cursor.trayAfter),
  unreadable: () => new ExportError('internal', 'The saved position of this Instagram export cannot be read. Start a new export.'),
});

/** null before the tray was read. */
export const decodeHighlights = codec.decode;

/** The cursor for what is left, or null when nothing is. */
export function nextHighlights(position: HighlightsCursor): string | null {
  return position.reelIds.length > 0 || position.trayAfter !== undefined ? codec.encode(position) : null;
}

/** True when the tray's next page is due: its reels so far are all read. */
export function trayPageDue(position: HighlightsCursor): boolean {
  return position.reelIds.length === 0 && position.trayAfter !== undefined;
}
