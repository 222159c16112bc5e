import { ExportError } from '../../errors';
import type { JsonObject } from '../shared/jsonReaders';
import { isOptionalString, isOptionalTrue, opaqueCursorCodec } from '../shared/opaqueCursor';
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

export const { encode: encodeCursor, decode: decodeCursor } = opaqueCursorCodec<Cursor>({
  first: () => ({ tab: TABS[0].tab }),
  isCursor: (cursor: JsonObject) =>
    TABS.some((entry) => entry.tab === cursor.tab) && isOptionalString(cursor.token) && isOptionalTrue(cursor.noDates),
  unreadable: () => new ExportError('internal', 'The saved position of this YouTube export cannot be read. Start a new export.'),
});

/** The first page of the tab after `tab`, or null after the last one. */
export function nextTab(tab: TabName, noDates: boolean): Cursor | null {
  const next = TABS[TABS.findIndex((entry) => entry.tab === tab) + 1];
  return next ? { tab: next.tab, ...(noDates ? { noDates: true as const } : {}) } : null;
}
