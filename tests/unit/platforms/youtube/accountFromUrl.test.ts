import { describe, expect, it } from 'vitest';
import { accountFromUrl, parseChannelRef } from '../../../../lib/platforms/youtube/accountFromUrl';

describe('accountFromUrl', () => {
  it.each([
    ['https://www.youtube.com/@star.demo', 'star.demo'],
    ['https://www.youtube.com/@star.demo/videos', 'star.demo'],
    ['https://www.youtube.com/@Star.Demo/shorts?view=0', 'Star.Demo'],
    ['https://m.youtube.com/@star.demo/streams', 'star.demo'],
    ['https://youtube.com/@star.demo', 'star.demo'],
    ['https://www.youtube.com/@%E6%97%A5%E6%9C%AC', '日本'],
    ['https://www.youtube.com/channel/UCd5hJ1MrjUxB0eMkGThiWdQ', 'channel/UCd5hJ1MrjUxB0eMkGThiWdQ'],
    ['https://www.youtube.com/channel/UCd5hJ1MrjUxB0eMkGThiWdQ/videos', 'channel/UCd5hJ1MrjUxB0eMkGThiWdQ'],
    ['https://www.youtube.com/c/StarDemo', 'c/StarDemo'],
    ['https://www.youtube.com/user/stardemo2009/videos', 'user/stardemo2009'],
    ['https://www.youtube.com/watch?v=BD-LB23rRBE&t=42s', 'video:BD-LB23rRBE'],
    ['https://www.youtube.com/shorts/Q9n9B8S4xnE', 'video:Q9n9B8S4xnE'],
    ['https://www.youtube.com/live/V21pZhtaNZA?si=abc', 'video:V21pZhtaNZA'],
    ['https://www.youtube.com/', undefined],
    ['https://www.youtube.com/feed/subscriptions', undefined],
    ['https://www.youtube.com/results?search_query=star', undefined],
    ['https://www.youtube.com/watch?v=short', undefined],
    ['https://www.youtube.com/channel/not-a-channel', undefined],
    ['https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG', undefined],
    ['https://www.instagram.com/star.demo/', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, expected) => {
    expect(accountFromUrl(url)).toBe(expected);
  });
});

describe('parseChannelRef: what accountFromUrl returns, and what a user may type', () => {
  it.each([
    ['star.demo', { type: 'handle', handle: 'star.demo' }],
    ['@star.demo', { type: 'handle', handle: 'star.demo' }],
    ['UCd5hJ1MrjUxB0eMkGThiWdQ', { type: 'channel', id: 'UCd5hJ1MrjUxB0eMkGThiWdQ' }],
    ['channel/UCd5hJ1MrjUxB0eMkGThiWdQ', { type: 'channel', id: 'UCd5hJ1MrjUxB0eMkGThiWdQ' }],
    ['c/StarDemo', { type: 'legacy', path: 'c/StarDemo' }],
    ['user/stardemo2009', { type: 'legacy', path: 'user/stardemo2009' }],
    ['video:BD-LB23rRBE', { type: 'video', videoId: 'BD-LB23rRBE' }],
    ['https://www.youtube.com/@star.demo/videos', { type: 'handle', handle: 'star.demo' }],
    ['video:not-an-id', undefined],
    ['two words', undefined],
  ])('%s', (text, expected) => {
    expect(parseChannelRef(text)).toEqual(expected);
  });
});
