import { ExportError } from '../../errors';
import type { JsonObject } from '../shared/jsonReaders';
import { isOptionalString, isOptionalTrue, isStringArray, opaqueCursorCodec } from '../shared/opaqueCursor';

/**
 * Where listing resumes, stored by the job between pages. Sections run in this order:
 * feed (posts) → clips (reels) → stories → highlights.
 *
 * `seen` holds the listed ids (json.ts) of feed posts the clips section could list again (videos)
 * and of pinned posts (the feed shows them first and may list them again in date order). Photos
 * and carousels never come back from the clips endpoint, so they are not kept: the cursor stays small.
 */
export type Cursor =
  | { section: 'feed'; maxId?: string; graphql?: true; seen: string[] }
  | { section: 'clips'; maxId?: string; seen: string[] }
  | { section: 'stories' }
  | { section: 'highlights'; reelIds?: string[] };

const FIRST_CURSOR: Cursor = { section: 'feed', seen: [] };

export const { encode: encodeCursor, decode: decodeCursor } = opaqueCursorCodec<Cursor>({
  first: () => FIRST_CURSOR,
  isCursor,
  unreadable: () => new ExportError('internal', 'The saved position of this Instagram export cannot be read. Start a new export.'),
});

function isCursor(cursor: JsonObject): boolean {
  switch (cursor.section) {
    case 'feed':
      return isOptionalString(cursor.maxId) && isOptionalTrue(cursor.graphql) && isStringArray(cursor.seen);
    case 'clips':
      return isOptionalString(cursor.maxId) && isStringArray(cursor.seen);
    case 'stories':
      return true;
    case 'highlights':
      return cursor.reelIds === undefined || isStringArray(cursor.reelIds);
    default:
      return false;
  }
}
