import { describe, expect, it } from 'vitest';
import { continuationToken } from '../../../../lib/platforms/youtube/continuations';
import { tabStrategy } from '../../../../lib/platforms/youtube/pages';
import { rejection } from '../rejections';
import { CHANNEL_ID, FakeYouTube, PARAMS, TOKENS, browseTab, continuation, respondFixture } from './fakeYouTube';

const NONE_LISTED = { has: async () => false };
const command = (token: string) => ({ commandMetadata: { webCommandMetadata: { sendPost: true } }, continuationCommand: { token, request: 'CONTINUATION_REQUEST_TYPE_BROWSE' } });
const wrapped = (token: string) => ({ commandExecutorCommand: { commands: [{ playlistVotingRefreshPopupCommand: { command: {} } }, command(token)] } });

describe('continuationToken', () => {
  it.each([
    ['the renderer’s endpoint', { continuationEndpoint: command('T1') }],
    ['the renderer’s button', { button: { buttonRenderer: { command: command('T1') } } }],
    ['the view model’s innertubeCommand', { continuationCommand: { innertubeCommand: command('T1') } }],
    ['a commandExecutorCommand in the renderer’s endpoint', { continuationEndpoint: wrapped('T1') }],
    ['a commandExecutorCommand in the view model', { continuationCommand: { innertubeCommand: wrapped('T1') } }],
  ])('reads %s', (_where, entry) => {
    expect(continuationToken(entry, 'the Videos tab')).toBe('T1');
  });

  it('fails loudly, naming the list, when no command holds a token', () => {
    expect(() => continuationToken({ continuationEndpoint: { commandExecutorCommand: { commands: [{ signalAction: {} }] } } }, 'the Videos tab')).toThrow(
      /YouTube changed the Videos tab \(a “more” entry without a token/,
    );
  });
});

describe('listing through wrapped continuations', () => {
  const account = { id: CHANNEL_ID, handle: 'star.demo' };
  const videos = tabStrategy('videos');
  const channel = (page2: string) => {
    const yt = new FakeYouTube()
      .on('browse', respondFixture('browse-videos-lockup.json'), browseTab(PARAMS.videos))
      .on('browse', respondFixture(page2), continuation(TOKENS.videos2))
      .on('browse', respondFixture('continuation-videos-last.json'), continuation(TOKENS.videos3));
    yt.notes.set('youtube.noDates', 'refused');
    return yt;
  };

  it('follows a token inside commandExecutorCommand to the next page', async () => {
    const yt = channel('continuation-videos-wrapped.json');
    const page2 = await videos.fetchPage(yt, account, JSON.stringify({ token: TOKENS.videos2 }), NONE_LISTED);
    expect(JSON.parse(page2.nextCursor!)).toEqual({ token: TOKENS.videos3 });
  });

  it('reads a page whose items come as onResponseReceivedEndpoints, as yt-dlp’s pager does', async () => {
    const yt = channel('continuation-videos-endpoints.json');
    const page2 = await videos.fetchPage(yt, account, JSON.stringify({ token: TOKENS.videos2 }), NONE_LISTED);
    const wrappedPage = await videos.fetchPage(channel('continuation-videos-wrapped.json'), account, JSON.stringify({ token: TOKENS.videos2 }), NONE_LISTED);
    expect(page2.posts.length).toBeGreaterThan(0);
    expect(page2.posts.map((post) => post.id)).toEqual(wrappedPage.posts.map((post) => post.id));
    expect(JSON.parse(page2.nextCursor!)).toEqual({ token: TOKENS.videos3 });
  });

  it('fails the page, never ends the tab, when the token cannot be read', async () => {
    const yt = channel('continuation-videos-unreadable.json');
    const error = await rejection(videos.fetchPage(yt, account, JSON.stringify({ token: TOKENS.videos2 }), NONE_LISTED));
    expect(error.kind).toBe('platform_changed');
    expect(error.message).toMatch(/Videos tab/);
  });
});
