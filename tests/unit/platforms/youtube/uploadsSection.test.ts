import { describe, expect, it } from 'vitest';
import { sections } from '../../../../lib/platforms/youtube/sections';
import type { AccountInfo } from '../../../../lib/platforms/types';
import { walkSections } from '../pageWalk';
import { respond } from '../fakeResponses';
import { rejection } from '../rejections';
import { CHANNEL_ID, FakeYouTube, channelTabs, continuation, fixtureText, respondFixture } from './fakeYouTube';

const OWNER: AccountInfo = { id: CHANNEL_ID, handle: 'star.demo', isViewer: true };
const VISITOR: AccountInfo = { id: CHANNEL_ID, handle: 'star.demo', isViewer: false };
const UPLOADS_TOKEN = '4qmFsgKlARIYVkxVVWQ1aEoxTXJqVXhCMGVNa0dUaGlXZFEaFENBRjZCbEJVT2tOSFVRJTNEJTNE';
const HIDDEN = { Hq3Tn0dPLkA: 'unlisted', pR1v4t3Vid0: 'private', uNl1st3dV1d: 'unlisted' };

function channel(): FakeYouTube {
  return channelTabs()
    .on('browse', respondFixture('browse-uploads-owner.json'), (body) => body.browseId === 'VLUUd5hJ1MrjUxB0eMkGThiWdQ')
    .on('browse', respondFixture('continuation-uploads-last.json'), continuation(UPLOADS_TOKEN))
    .on('player', respondFixture('player-ok.json'));
}

describe('the uploads section', () => {
  it('is read for the channel’s own export only, after the tabs and in their scope', () => {
    expect(sections(VISITOR).map((section) => section.name)).toEqual(['videos', 'shorts', 'streams']);
    const own = sections(OWNER);
    expect(own.map((section) => section.name)).toEqual(['videos', 'shorts', 'streams', 'uploads']);
    expect(new Set(own.map((section) => section.scope)).size).toBe(1);
    expect(own.at(-1)?.strategies.map((strategy) => strategy.name)).toEqual(['playlist']);
  });

  it('adds the private and unlisted uploads, each with its visibility, and asks the player for no video twice', async () => {
    const yt = channel();
    const { posts, reports } = await walkSections(sections(OWNER), yt, OWNER, { maxPages: 20 });
    const hidden = posts.filter((post) => post.metadata.visibility !== 'public');
    expect(Object.fromEntries(hidden.map((post) => [post.id, post.metadata.visibility]))).toEqual(HIDDEN);
    expect(posts.slice(0, -3).every((post) => post.metadata.visibility === 'public')).toBe(true);
    expect(new Set(posts.map((post) => post.id)).size).toBe(posts.length);
    expect(hidden.every((post) => post.kind === 'video' && post.media.length === 2 && post.metadata.dateSource === 'player')).toBe(true);
    const asked = yt.bodies('player').map((body) => body.videoId);
    expect(asked).toEqual(posts.map((post) => post.id));
    expect(reports.map((report) => `${report.name}:${report.status}:${report.listed}`)).toEqual([
      'videos:complete:6',
      'shorts:complete:4',
      'streams:complete:2',
      'uploads:complete:6',
    ]);
    expect(yt.bodies('browse').filter((body) => body.browseId === 'VLUUd5hJ1MrjUxB0eMkGThiWdQ')).toHaveLength(1);
  });

  it('fails the section, never ends it quietly, on an unreadable playlist token', async () => {
    const unreadable = fixtureText('browse-uploads-owner.json').replace('"token"', '"tokenV2"');
    const yt = new FakeYouTube().on('browse', respond(200, unreadable));
    yt.notes.set('youtube.noDates', 'refused');
    const strategy = sections(OWNER).at(-1)!.strategies[0]!;
    const error = await rejection(strategy.fetchPage(yt, OWNER, null, { has: async () => false }));
    expect(error.kind).toBe('platform_changed');
    expect(error.message).toMatch(/uploads playlist/);
  });
});
