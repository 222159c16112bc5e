import { describe, expect, it } from 'vitest';
import { accountFromUrl } from '../../../../lib/platforms/facebook/accountFromUrl';

describe('accountFromUrl', () => {
  it.each([
    ['https://www.facebook.com/star.demo', 'star.demo'],
    ['https://www.facebook.com/Star.Demo/', 'star.demo'],
    ['https://www.facebook.com/star.demo/photos', 'star.demo'],
    ['https://www.facebook.com/star.demo/videos/1234567890123456/', 'star.demo'],
    ['https://m.facebook.com/star.demo?ref=bookmarks', 'star.demo'],
    ['https://web.facebook.com/Some-Bakery-Porto', 'some-bakery-porto'],
    ['https://facebook.com/profile.php?id=100012345678901', '100012345678901'],
    ['https://www.facebook.com/profile.php?id=100012345678901&sk=photos', '100012345678901'],
    ['https://www.facebook.com/people/Maria-Test/100012345678901/', '100012345678901'],
    ['https://www.facebook.com/pages/Some-Bakery/104512345678901', '104512345678901'],
    ['https://www.facebook.com/permalink.php?story_fbid=pfbid02abc&id=100012345678901', '100012345678901'],
    ['https://www.facebook.com/pg/somebakery/photos/', 'somebakery'],
  ])('%s → %s', (url, expected) => {
    expect(accountFromUrl(url)).toBe(expected);
  });

  it.each([
    'https://www.facebook.com/',
    'https://www.facebook.com/home.php',
    'https://www.facebook.com/watch/?v=1234567890123456',
    'https://www.facebook.com/photo/?fbid=10160123456789012&set=a.123',
    'https://www.facebook.com/photo.php?fbid=10160123456789012',
    'https://www.facebook.com/reel/1234567890123457',
    'https://www.facebook.com/groups/12345/',
    'https://www.facebook.com/marketplace/',
    'https://www.facebook.com/profile.php',
    'https://www.facebook.com/login/?next=%2Fstar.demo',
    'https://www.instagram.com/star.demo/',
    'not a url',
  ])('%s → nothing', (url) => {
    expect(accountFromUrl(url)).toBeUndefined();
  });
});
