import { describe, expect, it } from 'vitest';
import { formatFromUrl, formatOfExtension } from '../../../../lib/platforms/shared/formatHint';
import type { MediaFormat } from '../../../../lib/platforms/types';

describe('formatOfExtension', () => {
  it.each<[string | undefined, MediaFormat | undefined]>([
    ['jpg', 'jpg'],
    ['JPEG', 'jpg'],
    ['png', 'png'],
    ['gif', 'gif'],
    ['webp', 'webp'],
    ['mp4', 'mp4'],
    ['MOV', 'mov'],
    ['heic', undefined],
    ['constructor', undefined],
    ['__proto__', undefined],
    ['toString', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (extension, expected) => {
    expect(formatOfExtension(extension)).toBe(expected);
  });
});

describe('formatFromUrl', () => {
  const convertParam = (url: URL) => url.searchParams.get('to') ?? undefined;

  it.each<[string, string, MediaFormat | undefined]>([
    ['the path’s extension', 'https://cdn.test/v/photo.png?sig=abc', 'png'],
    ['an upper-case extension', 'https://cdn.test/v/CLIP.MP4', 'mp4'],
    ['an extension the export does not keep', 'https://cdn.test/v/photo.heic', undefined],
    ['no extension', 'https://cdn.test/v/photo', undefined],
    ['a dot in a folder only', 'https://cdn.test/v.1/photo', undefined],
    ['a query that looks like an extension', 'https://cdn.test/v/photo?x=.jpg', undefined],
    ['not a URL', 'photo.jpg', undefined],
    ['the conversion over the path', 'https://cdn.test/v/photo.webp?to=jpg', 'jpg'],
    ['the path when the conversion is unknown', 'https://cdn.test/v/photo.webp?to=avif', 'webp'],
  ])('reads %s', (_name, url, expected) => {
    expect(formatFromUrl(url, convertParam)).toBe(expected);
  });

  it('reads only the path without a conversion', () => {
    expect(formatFromUrl('https://cdn.test/v/photo.webp?to=jpg')).toBe('webp');
  });
});
