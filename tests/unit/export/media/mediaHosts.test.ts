import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { checkMediaUrl } from '../../../../lib/export/media/mediaHosts';
import type { PlatformSite } from '../../../../lib/platforms/types';

const SITE: PlatformSite = { origin: 'https://www.instagram.com', hosts: ['www.instagram.com'], mediaHosts: ['*.cdninstagram.com', '*.fbcdn.net'] };

function kindOf(url: string): string | undefined {
  try {
    checkMediaUrl(url, SITE, 'Instagram');
    return undefined;
  } catch (error) {
    return (error as ExportError).kind;
  }
}

describe('checkMediaUrl', () => {
  it.each([
    'https://scontent-lax3-1.cdninstagram.com/v/t51/1_n.jpg?oh=1&oe=2',
    'https://instagram.fhel6-1.fna.fbcdn.net/o1/v/t16/f2/m86/x.mp4?oe=1',
    'https://cdninstagram.com/a.jpg',
  ])('allows the platform CDN: %s', (url) => {
    expect(kindOf(url)).toBeUndefined();
  });

  it.each([
    ['another host', 'https://evil.example/a.jpg'],
    ['a look-alike suffix', 'https://scontent.cdninstagram.com.evil.example/a.jpg'],
    ['a host ending in the name without a dot', 'https://evilcdninstagram.com/a.jpg'],
    ['credentials in the URL', 'https://user:pass@scontent.cdninstagram.com/a.jpg'],
    ['plain http', 'http://scontent.cdninstagram.com/a.jpg'],
    ['another scheme', 'file:///etc/passwd'],
    ['no URL at all', ''],
    ['a relative path', '/v/t51/1_n.jpg'],
  ])('refuses %s', (_name, url) => {
    expect(kindOf(url)).toBe('not_allowed_host');
  });

  it('names the host but never the query in its message', () => {
    try {
      checkMediaUrl('https://evil.example/a.jpg?oh=secret&oe=1', SITE, 'Instagram');
    } catch (error) {
      expect((error as Error).message).toContain('evil.example');
      expect((error as Error).message).not.toContain('secret');
    }
  });
});
