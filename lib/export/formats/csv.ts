/**
 * RFC 4180 CSV that spreadsheets open as the user expects: CRLF between records, quotes only
 * where a field needs them, and a UTF-8 byte order mark because Excel otherwise reads UTF-8 as
 * the system's legacy code page and mangles every non-ASCII caption.
 */
export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Spreadsheets run a cell that starts with one of these as a formula (`=cmd|' /C calc'!A0`
 * starts a program in old Excel); a leading apostrophe makes them show it as text instead.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One field, neutralised against formula injection and quoted when RFC 4180 requires it. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers and booleans are ours, never text a platform chose: `-3` must stay a number.
  if (typeof value !== 'string') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record of a CSV document, ended by CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(',')}${CRLF}`;
}

/** A whole CSV document: BOM, header row, then one record per row, each ended by CRLF. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const records = [UTF8_BOM, csvRecord(header)];
  for (const row of rows) records.push(csvRecord(row));
  return records.join('');
}
