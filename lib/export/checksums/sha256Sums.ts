/** One file's line in a SHA256SUMS file: its digest and its path from the ZIP's root. */
export interface ChecksumLine {
  sha256: string;
  path: string;
}

export const SHA256SUMS_NAME = 'SHA256SUMS';

/**
 * The text `sha256sum -c SHA256SUMS` verifies, run where the ZIP was unpacked. GNU coreutils
 * marks a name holding a backslash or a line break with a leading backslash and escapes those
 * characters; names are sanitised before this, but a checksum file must not break on one.
 */
export function formatSha256Sums(lines: readonly ChecksumLine[]): string {
  return lines
    .map(({ sha256, path }) => {
      if (!/[\\\n\r]/.test(path)) return `${sha256}  ${path}\n`;
      const escaped = path.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
      return `\\${sha256}  ${escaped}\n`;
    })
    .join('');
}
