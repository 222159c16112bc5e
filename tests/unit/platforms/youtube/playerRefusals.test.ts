import { describe, expect, it } from 'vitest';
import { resolveAccount } from '../../../../lib/platforms/youtube/account';
import { tabStrategy } from '../../../../lib/platforms/youtube/pages';
import { sections } from '../../../../lib/platforms/youtube/sections';
import type { AccountInfo } from '../../../../lib/platforms/types';
import { walkSections } from '../pageWalk';
import { CHANNEL_ID, FakeYouTube, channelTabs, respondFixture } from './fakeYouTube';

const ACCOUNT: AccountInfo = { id: CHANNEL_ID, handle: 'star.demo' };
const NONE_LISTED = { has: async () => false };
const VIDEOS = tabStrategy('videos');



/** A player that answers once, then refuses with `fixture` for ever. */
function refusingAfterOne(yt: FakeYouTube, fixture: string): FakeYouTube {
  let calls = 0;
  return yt.on('player', () => respondFixture(++calls === 1 ? 'player-ok.json' : fixture));
}

describe('player refusals are the whole session’s', () => {
  it.each([
    ['the bot wall', 'player-bot-wall.json'],
    ['“try again later”', 'player-try-again-later.json'],
    ['“try again later” in the error screen only', 'player-try-again-later-subreason.json'],
    ['a captcha screen', 'player-captcha.json'],
  ])('after %s, asks no more and dates the rest from the grid, every thumbnail kept', async (_what, fixture) => {
    const yt = refusingAfterOne(channelTabs(), fixture);
    const { posts } = await walkSections(sections(ACCOUNT), yt, ACCOUNT, { maxPages: 20 });
    expect(posts).toHaveLength(12);
    expect(yt.bodies('player')).toHaveLength(2);
    expect(posts.slice(1).every((post) => post.metadata.dateApproximate === true)).toBe(true);
    expect(posts.every((post) => post.media.length === 2)).toBe(true);
  });

  it('asks for the error screen, where the captcha and the rate-limit words are', async () => {
    const yt = refusingAfterOne(channelTabs(), 'player-captcha.json');
    await VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    const fields = new URL(yt.requests.find((req) => req.url.includes('/player'))!.url).searchParams.get('$fields');
    expect(fields).toMatch(/playabilityStatus\(status,reason,errorScreen\)/);
  });

  it('remembers the refusal in the job’s notes, for every later section', async () => {
    const yt = refusingAfterOne(channelTabs(), 'player-try-again-later.json');
    await VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    expect(yt.notes.get('youtube.noDates')).toBe('refused');
    const shorts = await tabStrategy('shorts').fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    expect(yt.bodies('player')).toHaveLength(2);
    expect(shorts.posts.every((post) => post.metadata.dateApproximate === true)).toBe(true);
  });

  it('keeps asking after a video that is only unavailable itself', async () => {
    let calls = 0;
    const yt = channelTabs().on('player', () => respondFixture(++calls === 1 ? 'player-unavailable.json' : 'player-ok.json')).on('next', respondFixture('next.json'));
    const { posts } = await VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    expect(yt.bodies('player')).toHaveLength(3);
    expect(posts.slice(1).every((post) => post.metadata.dateSource === 'player')).toBe(true);
  });

  it('counts a refusal met while finding a watch page’s uploader', async () => {
    const yt = channelTabs()
      .on('player', respondFixture('player-try-again-later.json'))
      .on('next', respondFixture('next.json'))
      .on('account/account_menu', respondFixture('account-menu.json'));
    await resolveAccount(yt, 'video:xnhI8vUSEzo');
    await VIDEOS.fetchPage(yt, ACCOUNT, null, NONE_LISTED);
    expect(yt.bodies('player')).toHaveLength(1);
  });
});
