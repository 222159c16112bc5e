import { ExportError } from '../../errors';

/**
 * Where listing resumes, stored by the job between pages. Sections run in this order:
 * feed (posts) → clips (reels) → stories → highlights.
 *
 * `seen` holds the pks of feed posts the clips section could list again (videos) and of pinned
 * posts (the feed shows them first and may list them again in date order). Photos and carousels
 * never come back from the clips endpoint, so they are not kept: the cursor stays small.
 */
export type Cursor =
  | { section: 'feed'; maxId?: string; graphql?: true; seen: string[] }
  | { section: 'clips'; maxId?: string; seen: string[] }
  | { section: 'stories' }
  | { section: 'highlights'; reelIds?: string[] };

const FIRST_CURSOR: Cursor = { section: 'feed', seen: [] };

export function encodeCursor(cursor: Cursor): string {
  return JSON.stringify(cursor);
}

export function decodeCursor(text: string | null): Cursor {
  if (text === null) return FIRST_CURSOR;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw unreadable();
  }
  if (isCursor(value)) return value;
  throw unreadable();
}

function isCursor(value: unknown): value is Cursor {
  if (typeof value !== 'object' || value === null) return false;
  const cursor = value as Record<string, unknown>;
  const optionalString = (key: string) => cursor[key] === undefined || typeof cursor[key] === 'string';
  const strings = (key: string) => Array.isArray(cursor[key]) && (cursor[key] as unknown[]).every((v) => typeof v === 'string');
  switch (cursor.section) {
    case 'feed':
      return optionalString('maxId') && (cursor.graphql === undefined || cursor.graphql === true) && strings('seen');
    case 'clips':
      return optionalString('maxId') && strings('seen');
    case 'stories':
      return true;
    case 'highlights':
      return cursor.reelIds === undefined || strings('reelIds');
    default:
      return false;
  }
}

function unreadable(): ExportError {
  return new ExportError('internal', 'The saved position of this Instagram export cannot be read. Start a new export.');
}
