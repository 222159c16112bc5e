import { describe, expect, it } from 'vitest';
import { firstUploadsPage, nextUploadsPage, uploadsBrowseId } from '../../../../lib/platforms/youtube/uploadsPages';
import { respond } from '../fakeResponses';
import { rejection } from '../rejections';
import { CHANNEL_ID, FakeYouTube, respondFixture } from './fakeYouTube';

const TOKEN = '4qmFsgKlARIYVkxVVWQ1aEoxTXJqVXhCMGVNa0dUaGlXZFEaFENBRjZCbEJVT2tOSFVRJTNEJTNE';

describe('the uploads playlist', () => {
  it('is browsed as VLUU + the channel id without UC', async () => {
    expect(uploadsBrowseId(CHANNEL_ID)).toBe('VLUUd5hJ1MrjUxB0eMkGThiWdQ');
    const yt = new FakeYouTube().on('browse', respondFixture('browse-uploads-owner.json'), (body) => body.browseId === 'VLUUd5hJ1MrjUxB0eMkGThiWdQ');
    await firstUploadsPage(yt, CHANNEL_ID);
    expect(yt.bodies('browse')).toHaveLength(1);
  });

  it('reads each video with its kind and its visibility from the owner’s privacy badges, and the wrapped token', async () => {
    const yt = new FakeYouTube().on('browse', respondFixture('browse-uploads-owner.json'));
    const page = await firstUploadsPage(yt, CHANNEL_ID);
    expect(page.token).toBe(TOKEN);
    expect(page.videos.map((video) => [video.id, video.kind, video.visibility])).toEqual([
      ['BD-LB23rRBE', 'video', 'public'],
      ['Hq3Tn0dPLkA', 'video', 'unlisted'],
      ['Q9n9B8S4xnE', 'short', 'public'],
      ['pR1v4t3Vid0', 'video', 'private'],
    ]);
    expect(page.videos[1]).toMatchObject({ title: 'Draft: studio tour', publishedText: '2 weeks ago', durationText: '9:12', viewsText: '3 views' });
  });

  it('reads the last page, a finished stream among it', async () => {
    const yt = new FakeYouTube().on('browse', respondFixture('continuation-uploads-last.json'), (body) => body.continuation === TOKEN);
    const page = await nextUploadsPage(yt, TOKEN);
    expect(page.token).toBeUndefined();
    expect(page.videos.map((video) => [video.id, video.kind, video.visibility, video.publishedText])).toEqual([
      ['piAzZnlrDqM', 'live', 'public', 'Streamed 2 months ago'],
      ['uNl1st3dV1d', 'video', 'unlisted', '3 months ago'],
    ]);
  });

  it('takes a playlist page without a list as empty', async () => {
    const page = await firstUploadsPage(new FakeYouTube().on('browse', respondFixture('browse-uploads-empty.json')), CHANNEL_ID);
    expect(page).toEqual({ videos: [] });
  });

  it.each([
    ['an ERROR alert', '{"alerts":[{"alertRenderer":{"type":"ERROR","text":{"runs":[{"text":"The playlist does not exist."}]}}}]}', /The playlist does not exist/],
    ['a page without sections', '{"contents":{"twoColumnBrowseResultsRenderer":{"tabs":[{"tabRenderer":{"selected":true,"content":{}}}]}}}', /no item section/],
    ['an item of unknown shape', JSON.stringify({ contents: { twoColumnBrowseResultsRenderer: { tabs: [{ tabRenderer: { selected: true, content: { sectionListRenderer: { contents: [{ itemSectionRenderer: { contents: [{ playlistVideoListRenderer: { contents: [{ videoCardViewModel: {} }] } }] } }] } } } }] } } }), /videoCardViewModel/],
  ])('fails as platform_changed on %s', async (_what, body, message) => {
    const error = await rejection(firstUploadsPage(new FakeYouTube().on('browse', respond(200, body)), CHANNEL_ID));
    expect(error.kind).toBe('platform_changed');
    expect(error.message).toMatch(message);
  });
});
