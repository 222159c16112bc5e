import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import type { TabName } from '../../../../lib/platforms/youtube/constants';
import { parseGridItems } from '../../../../lib/platforms/youtube/gridItems';
import { fixtureText, TOKENS } from './fakeYouTube';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Page 1's items (the selected tab's grid) or a continuation's items, as the parser receives them. */
function itemsOf(name: string): unknown[] {
  const body = JSON.parse(fixtureText(name)) as Json;
  if (body.onResponseReceivedActions) return body.onResponseReceivedActions[0].appendContinuationItemsAction.continuationItems;
  const tab = body.contents.twoColumnBrowseResultsRenderer.tabs.find((t: Json) => t.tabRenderer?.selected).tabRenderer;
  return tab.content.richGridRenderer.contents;
}

const cases: { fixture: string; tab: TabName; videos: Json[]; token?: string }[] = [
  {
    fixture: 'browse-videos-lockup.json',
    tab: 'videos',
    videos: [
      { id: 'BD-LB23rRBE', kind: 'video', title: 'Expert Panel III — what comes next', publishedText: '13 days ago', durationText: '1:07:34', viewsText: '28 views' },
      { id: 'xnhI8vUSEzo', kind: 'video', title: 'Morning routine in Lisbon ☀️', publishedText: '1mo ago', durationText: '3:31', viewsText: '1.2K views' },
      { id: 'd-QTmJJmNCI', kind: 'video', title: '東京の夜散歩 — Tokyo night walk', publishedText: '2 years ago', durationText: '12:00', viewsText: 'No views' },
    ],
    token: TOKENS.videos2,
  },
  {
    fixture: 'continuation-videos-viewmodel.json',
    tab: 'videos',
    videos: [
      { id: 'B1b2RirwdMo', title: 'مرحبا بالعالم: first vlog', publishedText: '3 months ago', durationText: '8:02' },
      { id: 'v89EABFxAJ8', title: 'שלום! Hebrew lesson #1', publishedText: '1 year ago', viewsText: '1 view' },
    ],
    token: TOKENS.videos3,
  },
  { fixture: 'continuation-videos-last.json', tab: 'videos', videos: [{ id: 'ME2SgYrQFlo', viewsText: '3,456 views' }] },
  {
    fixture: 'browse-videos-legacy.json',
    tab: 'videos',
    videos: [
      { id: '83NuGsgKzhA', title: 'Q&A: "What camera?" / gear <2026>', publishedText: '3 weeks ago', durationText: '3:31', viewsText: '35 views' },
      { id: 'qdYggJ9GQpw', title: 'a/b testing: thumbnails vs. titles?', publishedText: '11 months ago', durationText: '1:02:03' },
    ],
    token: TOKENS.legacy2,
  },
  {
    fixture: 'browse-shorts-lockup.json',
    tab: 'shorts',
    videos: [
      { id: 'Q9n9B8S4xnE', kind: 'short', title: 'Wait for it… 😂 #shorts', viewsText: '895K views' },
      { id: 'UXu84C1jHjU', kind: 'short', title: '15 seconds of Lisbon', viewsText: '12 views' },
    ],
    token: TOKENS.shorts2,
  },
  {
    fixture: 'continuation-shorts-reel.json',
    tab: 'shorts',
    videos: [
      { id: 'SJGJtwE98xc', kind: 'short', title: 'POV: you export your channel', viewsText: '1.1M views' },
      { id: 'oZlr1U0oZ3M', kind: 'short', title: 'クイックヒント #shorts' },
    ],
  },
  {
    fixture: 'browse-streams-lockup.json',
    tab: 'streams',
    videos: [
      { id: 'V21pZhtaNZA', kind: 'live', publishedText: 'Streamed 2 weeks ago', durationText: '1:30:03' },
      { id: 'piAzZnlrDqM', kind: 'live', liveNow: true, viewsText: '14 watching' },
    ],
  },
];

describe('parseGridItems: every item and continuation shape YouTube serves', () => {
  it.each(cases.map((c) => [c.fixture, c] as const))('%s', (_name, c) => {
    const parsed = parseGridItems(itemsOf(c.fixture), c.tab, 'Videos');
    expect(parsed.videos).toHaveLength(c.videos.length);
    c.videos.forEach((expected, i) => expect(parsed.videos[i]).toMatchObject(expected));
    expect(parsed.token).toBe(c.token);
  });

  it('gives Shorts no date and no duration (the grid shows neither)', () => {
    const { videos } = parseGridItems(itemsOf('browse-shorts-lockup.json'), 'shorts', 'Shorts');
    expect(videos.every((v) => v.publishedText === undefined && v.durationText === undefined)).toBe(true);
  });

  it('leaves playlists and shelves out of a tab’s uploads', () => {
    const { videos } = parseGridItems(itemsOf('browse-videos-lockup.json'), 'videos', 'Videos');
    expect(videos.map((v) => v.id)).not.toContain('PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG');
  });

  it.each([
    ['browse-unknown-item.json', 'videoCardViewModel'],
    ['browse-unknown-entry.json', 'gridVideoRendererV2'],
  ])('stops on an unknown shape and names it (%s)', (fixture, shape) => {
    let error: unknown;
    try {
      parseGridItems(itemsOf(fixture), 'videos', 'Videos');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).kind).toBe('platform_changed');
    expect((error as ExportError).message).toMatch(new RegExp(`^YouTube changed the Videos tab.*“${shape}”`));
  });

  it('refuses a video item without a usable id', () => {
    const items = [{ richItemRenderer: { content: { videoRenderer: { title: { runs: [{ text: 'no id' }] } } } } }];
    expect(() => parseGridItems(items, 'videos', 'Videos')).toThrow(/without a video id/);
  });
});
