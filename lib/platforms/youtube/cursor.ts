import { ExportError } from '../../errors';
import { TABS, type TabName } from './constants';

/**
 * Where listing resumes, stored by the job between pages: the tab (Videos → Shorts → Live), the
 * continuation token of its next page, and whether YouTube refused date lookups earlier in this
 * export (then the rest is dated from the grid's labels, without asking again).
 */
export interface Cursor {
  tab: TabName;
  token?: string;
  noDates?: true;
}

export function encodeCursor(cursor: Cursor): string {
  return JSON.stringify(cursor);
}

export function decodeCursor(text: string | null): Cursor {
  if (text === null) return { tab: TABS[0].tab };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw unreadable();
  }
  if (isCursor(value)) return value;
  throw unreadable();
}

/** The first page of the tab after `tab`, or null after the last one. */
export function nextTab(tab: TabName, noDates: boolean): Cursor | null {
  const next = TABS[TABS.findIndex((entry) => entry.tab === tab) + 1];
  return next ? { tab: next.tab, ...(noDates ? { noDates: true as const } : {}) } : null;
}

function isCursor(value: unknown): value is Cursor {
  if (typeof value !== 'object' || value === null) return false;
  const cursor = value as Record<string, unknown>;
  return (
    TABS.some((entry) => entry.tab === cursor.tab) &&
    (cursor.token === undefined || typeof cursor.token === 'string') &&
    (cursor.noDates === undefined || cursor.noDates === true)
  );
}

function unreadable(): ExportError {
  return new ExportError('internal', 'The saved position of this YouTube export cannot be read. Start a new export.');
}
