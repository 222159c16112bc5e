/**
 * What a path inside an export must satisfy to unzip to the same files on Windows (NTFS,
 * Explorer), macOS (APFS, Archive Utility) and Linux (ext4, Info-ZIP), and to read as what it is.
 * Written from those systems' rules, not from the extension's sanitizer, so it checks that code
 * instead of repeating it.
 */

const encoder = new TextEncoder();

/** Device names Windows opens in any folder, with any extension (`aux.jpg`, `COM1 .txt`). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$|clock\$)$/i;
/** Longest entry path kept so that unzipping into a folder of up to 60 characters stays under MAX_PATH (260). */
export const MAX_ENTRY_PATH_CHARS = 200;

/** Why `name` is not a portable single path component; [] when it is. */
export function componentProblems(name: string): string[] {
  const problems: string[] = [];
  if (name === '' || name === '.' || name === '..') problems.push('empty, . or ..');
  if (/[/\\]/.test(name)) problems.push('path separator');
  if (/[<>:"|?*]/.test(name)) problems.push('character Windows reserves');
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) problems.push('control character');
  // Bidi marks, embeddings, overrides, isolates; line/paragraph separators; BOM; invisible separators.
  if (/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/.test(name)) problems.push('bidi or invisible control');
  if (!name.isWellFormed()) problems.push('lone surrogate');
  if (name !== name.normalize('NFC')) problems.push('not NFC (macOS would store another form)');
  if (/[ .]$/.test(name)) problems.push('trailing dot or space (Windows drops it)');
  if (name.startsWith('.')) problems.push('leading dot (hidden on macOS and Linux)');
  const stem = name.split('.')[0]!.replace(/ +$/, '');
  if (WINDOWS_DEVICE.test(stem)) problems.push('Windows device name');
  if (encoder.encode(name).length > 255) problems.push('longer than 255 bytes (Linux, macOS)');
  if (name.length > 255) problems.push('longer than 255 UTF-16 units (Windows)');
  return problems;
}

/** Problems of a ZIP entry name (files and folders), each prefixed with the component it concerns. */
export function entryPathProblems(entry: string): string[] {
  const path = entry.endsWith('/') ? entry.slice(0, -1) : entry;
  const problems: string[] = [];
  if (path.startsWith('/')) problems.push('absolute path');
  if (/^[A-Za-z]:/.test(path)) problems.push('drive letter');
  if (path.length > MAX_ENTRY_PATH_CHARS) problems.push(`longer than ${MAX_ENTRY_PATH_CHARS} characters`);
  for (const component of path.split('/')) {
    for (const problem of componentProblems(component)) problems.push(`${JSON.stringify(component)}: ${problem}`);
  }
  return problems;
}

/** How Windows and macOS compare names: case-insensitively, after normalization, ignoring trailing dots and spaces. */
export function collisionKey(path: string): string {
  return path
    .split('/')
    .map((c) => c.normalize('NFC').replace(/[ .]+$/, '').toUpperCase().toLowerCase())
    .join('/');
}

/** Groups of entries that would land on the same file of a case-insensitive file system. */
export function collisions(entries: readonly string[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const entry of entries) {
    const key = collisionKey(entry.replace(/\/$/, ''));
    byKey.set(key, [...(byKey.get(key) ?? []), entry]);
  }
  return [...byKey.values()].filter((group) => group.length > 1);
}
