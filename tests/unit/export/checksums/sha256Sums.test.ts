import { describe, expect, it } from 'vitest';
import { formatSha256Sums } from '../../../../lib/export/checksums/sha256Sums';

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('formatSha256Sums', () => {
  it('writes one GNU line per file, two spaces between digest and path', () => {
    expect(formatSha256Sums([
      { sha256: A, path: 'media/images/instagram/2024-05-01_1.jpg' },
      { sha256: B, path: 'media/videos/instagram/undated_2 x.mp4' },
    ])).toBe(`${A}  media/images/instagram/2024-05-01_1.jpg\n${B}  media/videos/instagram/undated_2 x.mp4\n`);
  });

  it('escapes a name with a backslash or a line break the way sha256sum reads it back', () => {
    expect(formatSha256Sums([{ sha256: A, path: 'a\\b\nc\rd' }])).toBe(`\\${A}  a\\\\b\\nc\\rd\n`);
  });

  it('is empty for an export without files', () => {
    expect(formatSha256Sums([])).toBe('');
  });
});
