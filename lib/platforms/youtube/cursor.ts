import { ExportError } from '../../errors';
import type { JsonObject } from '../shared/jsonReaders';
import { isOptionalString, opaqueCursorCodec } from '../shared/opaqueCursor';

/** Where a tab's listing resumes: the continuation token of its next page (none for page 1). */
export interface TabCursor {
  token?: string;
}

export const { encode: encodeCursor, decode: decodeCursor } = opaqueCursorCodec<TabCursor>({
  first: () => ({}),
  isCursor: (cursor: JsonObject) => isOptionalString(cursor.token),
  unreadable: () => new ExportError('internal', 'The saved position of this YouTube export cannot be read. Start a new export.'),
});
