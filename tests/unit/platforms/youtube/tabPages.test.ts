import { describe, expect, it } from 'vitest';
import { firstTabPage } from '../../../../lib/platforms/youtube/tabPages';
import { tabNameOf } from '../../../../lib/platforms/youtube/tabNames';
import { respond } from '../fakeResponses';
import { rejection } from '../rejections';
import { CHANNEL_ID, FakeYouTube, fixtureText, respondFixture } from './fakeYouTube';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const tabUrl = (url: string) => ({ endpoint: { commandMetadata: { webCommandMetadata: { url } } } });

describe('tabNameOf', () => {
  it.each([
    ['/@star.demo/videos', 'videos'],
    ['/@star.demo/videos?app=desktop', 'videos'],
    ['/@star.demo/streams?view=0&sort=dd', 'streams'],
    ['https://www.youtube.com/@star.demo/shorts#top', 'shorts'],
    [`/channel/${CHANNEL_ID}/videos?app=desktop`, 'videos'],
    ['/c/StarDemo/playlists', 'playlists'],
    ['/@star.demo', 'featured'],
    ['/@star.demo?app=desktop', 'featured'],
  ])('names the tab linking to %s “%s”', (url, name) => {
    expect(tabNameOf(tabUrl(url))).toBe(name);
  });

  it('falls back to tabIdentifier, then to the English title', () => {
    expect(tabNameOf({ tabIdentifier: 'FEwhat_to_watch' })).toBe('fewhat_to_watch');
    expect(tabNameOf({ title: 'Live' })).toBe('streams');
    expect(tabNameOf({ title: 'Videos' })).toBe('videos');
    expect(tabNameOf({})).toBeUndefined();
  });
});

describe('firstTabPage', () => {
  const page = (body: string) => firstTabPage(new FakeYouTube().on('browse', respond(200, body)), CHANNEL_ID, 'videos');

  it.each([['browse-videos-tab-url-query.json'], ['browse-videos-tab-titles-only.json']])('finds the Videos tab in %s', async (fixture) => {
    const found = await firstTabPage(new FakeYouTube().on('browse', respondFixture(fixture)), CHANNEL_ID, 'videos');
    expect(found.present).toBe(true);
    expect(found.videos.map((video) => video.id)).toEqual(['BD-LB23rRBE', 'xnhI8vUSEzo', 'd-QTmJJmNCI']);
  });

  it('takes a Shorts tab the channel does not list as absent', async () => {
    const found = await firstTabPage(new FakeYouTube().on('browse', respondFixture('browse-no-shorts-tab.json')), CHANNEL_ID, 'shorts');
    expect(found).toMatchObject({ present: false, videos: [] });
  });

  it('fails when YouTube lists the tab but selects another', async () => {
    const error = await rejection(page(fixtureText('browse-no-shorts-tab.json')));
    expect(error.kind).toBe('platform_changed');
    expect(error.message).toMatch(/Videos tab cannot be found/);
  });

  /** browse-no-shorts-tab.json (Home selected; Videos, Live, Playlists listed) with only the tabs whose path ends as `keep` says. */
  function homeWithTabs(keep: RegExp, header?: Json): string {
    const body = JSON.parse(fixtureText('browse-no-shorts-tab.json')) as Json;
    const tabs: Json[] = body.contents.twoColumnBrowseResultsRenderer.tabs;
    body.contents.twoColumnBrowseResultsRenderer.tabs = tabs.filter((t) => keep.test(t.tabRenderer?.endpoint?.commandMetadata?.webCommandMetadata?.url ?? ''));
    if (header) body.header = header;
    return JSON.stringify(body);
  }
  const countsVideos = (count: string) => ({ pageHeaderRenderer: { content: { pageHeaderViewModel: { metadata: { contentMetadataViewModel: { metadataRows: [{ metadataParts: [{ text: { content: count } }] }] } } } } } });

  it('fails when no Videos tab can be found while the header counts videos, never exporting an empty channel', async () => {
    expect((await rejection(page(homeWithTabs(/\/(featured|playlists)$/, countsVideos('196 videos'))))).kind).toBe('platform_changed');
  });

  it('takes a channel without uploads, or with Live but no Videos tab, as having no Videos tab', async () => {
    expect(await page(homeWithTabs(/\/(featured|playlists)$/, countsVideos('0 videos')))).toMatchObject({ present: false, videos: [] });
    expect(await page(homeWithTabs(/\/(featured|streams)$/, countsVideos('3 videos')))).toMatchObject({ present: false, videos: [] });
  });

  it('fails when the selected tab says nothing of what it is', async () => {
    const body = JSON.parse(fixtureText('browse-videos-lockup.json')) as Json;
    for (const tab of body.contents.twoColumnBrowseResultsRenderer.tabs as Json[]) {
      const renderer = tab.tabRenderer ?? tab.expandableTabRenderer;
      delete renderer.endpoint;
      delete renderer.title;
    }
    expect((await rejection(page(JSON.stringify(body)))).kind).toBe('platform_changed');
  });
});
