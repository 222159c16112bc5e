import { ExportError } from '../../errors';
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

/** The collections after `section`, in listing order, of those `included`. */
export function sectionsAfter(section: CollectionName, included: (name: CollectionName) => boolean): CollectionName[] {
  return SECTIONS.slice(SECTIONS.indexOf(section) + 1).filter(included);
}

function isCursor(value: unknown): value is Cursor {
  if (typeof value !== 'object' || value === null) return false;
  const cursor = value as Record<string, unknown>;
  const strings = (key: string) => Array.isArray(cursor[key]) && (cursor[key] as unknown[]).every((v) => typeof v === 'string');
  return (
    cursor.v === 1 &&
    SECTIONS.includes(cursor.section as CollectionName) &&
    (cursor.after === undefined || typeof cursor.after === 'string') &&
    (cursor.end === undefined || cursor.end === true) &&
    strings('queue') &&
    strings('seen')
  );
}

function unreadable(): ExportError {
  return new ExportError('internal', 'The saved position of this Facebook export cannot be read. Start a new export.');
}
