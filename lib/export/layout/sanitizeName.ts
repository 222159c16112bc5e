/**
 * Path components come from platform data (ids, handles) and end up as file names on Windows,
 * macOS and Linux after the user unzips; every rule below is one of those systems' limits or a
 * way to disguise a name.
 */

export const MAX_COMPONENT_BYTES = 100;

/** C0, DEL and C1 controls. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidi marks, embeddings, overrides and isolates (they can make `exe.jpg` read as `gpj.exe`), line/paragraph separators, BOM. */
const INVISIBLE = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/** Path separators and the characters Windows reserves (`:` is also the classic macOS separator). */
const RESERVED = /[/\\<>:"|?*]/g;
/** Device names Windows resolves in any folder, with or without an extension (`aux.jpg`). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\s*\..*)?$/i;

const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/** Leading dots hide a file on Unix; Windows drops trailing dots and spaces. */
function trimEdges(name: string): string {
  return name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/** Cuts whole graphemes (emoji ZWJ sequences stay intact), or whole code points inside one that alone is too long. */
function truncateUtf8(name: string, maxBytes: number): string {
  if (byteLength(name) <= maxBytes) return name;
  let result = '';
  let used = 0;
  for (const { segment } of graphemes.segment(name)) {
    const size = byteLength(segment);
    if (used + size <= maxBytes) {
      result += segment;
      used += size;
      continue;
    }
    if (result === '') {
      for (const codePoint of segment) {
        const cpSize = byteLength(codePoint);
        if (used + cpSize > maxBytes) break;
        result += codePoint;
        used += cpSize;
      }
    }
    break;
  }
  return result;
}

/**
 * A name that is safe as one path component everywhere: no separators or `..`, no control,
 * bidi or reserved characters, no Windows device name, at most `maxBytes` of UTF-8, NFC.
 * Returns the (sanitized) fallback when nothing usable is left.
 */
export function sanitizePathComponent(raw: string, fallback: string, maxBytes = MAX_COMPONENT_BYTES): string {
  let name = raw
    .replace(LONE_SURROGATE, '')
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_')
    .replace(/\.{2,}/g, '.');
  name = trimEdges(name);
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  name = trimEdges(truncateUtf8(name, maxBytes));
  if (name) return name;
  return fallback ? sanitizePathComponent(fallback, '', maxBytes) : '_';
}
