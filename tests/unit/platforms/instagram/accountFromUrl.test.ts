import { describe, expect, it } from 'vitest';
import { accountFromUrl } from '../../../../lib/platforms/instagram/accountFromUrl';

describe('accountFromUrl', () => {
  it.each([
    ['https://www.instagram.com/star.demo/', 'star.demo'],
    ['https://www.instagram.com/star.demo', 'star.demo'],
    ['https://www.instagram.com/Star.Demo/?hl=en', 'star.demo'],
    ['https://www.instagram.com/star_demo_2/reels/', 'star_demo_2'],
    ['https://www.instagram.com/star.demo/tagged/', 'star.demo'],
    ['https://www.instagram.com/star.demo/p/DGy8kLmNpQr/', 'star.demo'],
    ['https://instagram.com/star.demo/', 'star.demo'],
    ['https://www.instagram.com/stories/star.demo/3425000000000000011/', 'star.demo'],
    ['https://www.instagram.com/stories/star.demo/', 'star.demo'],
    ['https://www.instagram.com/p/DGy8kLmNpQr/', undefined],
    ['https://www.instagram.com/reel/DGx0AbCdEfG/', undefined],
    ['https://www.instagram.com/reels/DGx0AbCdEfG/', undefined],
    ['https://www.instagram.com/tv/CAbCdEfGhIj/', undefined],
    ['https://www.instagram.com/explore/tags/berlin/', undefined],
    ['https://www.instagram.com/accounts/edit/', undefined],
    ['https://www.instagram.com/direct/inbox/', undefined],
    ['https://www.instagram.com/stories/highlights/17901234567890121/', undefined],
    ['https://www.instagram.com/', undefined],
    ['https://www.instagram.com/not%20a%20name/', undefined],
    ['https://www.youtube.com/@star.demo', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, expected) => {
    expect(accountFromUrl(url)).toBe(expected);
  });
});
