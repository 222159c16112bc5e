import { describe, expect, it } from 'vitest';
import { detectFromUrl, registeredAdapters } from '../../../../lib/platforms/registry';
import { youtubeAdapter } from '../../../../lib/platforms/youtube';

describe('youtubeAdapter', () => {
  it('declares YouTube’s site and media rules', () => {
    expect(youtubeAdapter).toMatchObject({
      id: 'youtube',
      label: 'YouTube',
      site: { origin: 'https://www.youtube.com', hosts: ['www.youtube.com', 'youtube.com', 'm.youtube.com'] },
      mediaRules: { maxBytes: 2048 * 1024 * 1024, formats: ['jpg'] },
    });
  });

  it('is registered, so a YouTube tab is recognised', () => {
    expect(registeredAdapters()).toContain(youtubeAdapter);
    expect(detectFromUrl('https://www.youtube.com/@star.demo/videos')).toEqual({ platform: 'youtube', account: 'star.demo' });
  });

  it('has no fresher URL for a thumbnail (they are not signed)', async () => {
    const item = { id: 'x_high', postId: 'x', kind: 'image' as const, url: 'https://i.ytimg.com/vi/x/hqdefault.jpg', publishedAt: '', caption: null };
    expect(await youtubeAdapter.refreshMediaUrl({} as never, item)).toBeNull();
  });
});
