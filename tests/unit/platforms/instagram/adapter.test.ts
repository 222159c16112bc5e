import { describe, expect, it } from 'vitest';
import { instagramAdapter } from '../../../../lib/platforms/instagram';

describe('instagramAdapter', () => {
  it('declares Instagram’s site and media rules', () => {
    expect(instagramAdapter).toMatchObject({
      id: 'instagram',
      label: 'Instagram',
      site: { origin: 'https://www.instagram.com' },
      mediaRules: { maxBytes: 1024 * 1024 * 1024 },
    });
    expect(instagramAdapter.site.hosts).toContain('www.instagram.com');
    expect([...instagramAdapter.mediaRules.formats].sort()).toEqual(['jpg', 'mov', 'mp4', 'png', 'webp']);
  });
});
