import { describe, expect, it } from 'vitest';
import { sectionsToList, selectionFor, selectPage } from '../../../../lib/export/options/postSelection';
import type { ExportOptions } from '../../../../lib/export/options/exportOptions';
import { adapterFor } from '../../../../lib/platforms/registry';
import type { AccountInfo, ListingSection, MediaItem, PlatformId, Post } from '../../../../lib/platforms/types';

const ACCOUNT: AccountInfo = { id: '1', handle: 'star.demo', isViewer: true, postCount: 10 };

function item(id: string, kind: MediaItem['kind'], publishedAt: string): MediaItem {
  return { id, postId: id.split('_')[0]!, kind, url: `https://cdn.example/${id}.${kind === 'video' ? 'mp4' : 'jpg'}`, publishedAt, caption: null };
}

function post(platform: PlatformId, id: string, kind: string, publishedAt: string, extra: Partial<Post> = {}): Post {
  const media = kind === 'carousel' ? [item(`${id}_1`, 'image', publishedAt), item(`${id}_2`, 'video', publishedAt)] : [item(id, kind === 'image' || kind === 'story' ? 'image' : 'video', publishedAt)];
  return { id, platform, kind, publishedAt, caption: null, metadata: {}, media, ...extra };
}

function sectionOf(platform: PlatformId, name: string): ListingSection {
  const section = adapterFor(platform).sections(ACCOUNT).find((candidate) => candidate.name === name);
  if (!section) throw new Error(`no section ${name}`);
  return section;
}

function select(platform: PlatformId, sectionName: string, posts: Post[], options: ExportOptions) {
  return selectPage(sectionOf(platform, sectionName), posts, selectionFor(options, adapterFor(platform)));
}

const ids = (posts: Post[]) => posts.map((p) => p.id);

describe('date range', () => {
  const options = { dateFrom: '2026-03-01', dateTo: '2026-03-31', timeZone: 'UTC' };

  it('keeps the posts within both days, inclusive, and drops the rest', () => {
    const page = [
      post('instagram', 'april', 'image', '2026-04-01T00:00:00.000Z'),
      post('instagram', 'last', 'image', '2026-03-31T23:59:59.000Z'),
      post('instagram', 'first', 'image', '2026-03-01T00:00:00.000Z'),
    ];
    const selected = select('instagram', 'posts', page, options);
    expect(ids(selected.posts)).toEqual(['last', 'first']);
    expect(selected.pastRange).toBe(false);
  });

  it('ends a newest-first section at the first post older than From', () => {
    const page = [post('instagram', 'in', 'image', '2026-03-02T00:00:00.000Z'), post('instagram', 'old', 'image', '2026-02-28T23:59:59.000Z')];
    expect(select('instagram', 'posts', page, options)).toMatchObject({ pastRange: true });
  });

  it('does not end on an old pinned post: Instagram lists pinned posts first, out of order', () => {
    const pinned = post('instagram', 'pinned', 'image', '2025-01-01T00:00:00.000Z', { metadata: { pinned: true } });
    const selected = select('instagram', 'posts', [pinned, post('instagram', 'in', 'image', '2026-03-05T00:00:00.000Z')], options);
    expect(ids(selected.posts)).toEqual(['in']);
    expect(selected.pastRange).toBe(false);
    // The reels tab has pinned reels too.
    expect(select('instagram', 'reels', [{ ...pinned, kind: 'reel' }], options).pastRange).toBe(false);
  });

  it('never ends a Facebook collection early: a photo’s date is not the order it was added in', () => {
    const selected = select('facebook', 'uploads', [post('facebook', 'old', 'image', '2020-01-01T00:00:00.000Z')], options);
    expect(selected).toEqual({ posts: [], pastRange: false });
  });

  it('keeps a post without an exact date and never ends on it (a Short dated by no lookup, Facebook’s fast mode)', () => {
    const undated = post('youtube', 'short1', 'short', '', { metadata: { dateApproximate: true } });
    const relative = post('youtube', 'short2', 'short', '2020-01-01T00:00:00.000Z', { metadata: { dateApproximate: true } });
    const selected = select('youtube', 'shorts', [undated, relative], options);
    expect(ids(selected.posts)).toEqual(['short1', 'short2']);
    expect(selected.pastRange).toBe(false);
    const fast = post('facebook', 'fast', 'image', '1970-01-01T00:00:00.000Z', { metadata: { date_unknown: true } });
    expect(ids(select('facebook', 'uploads', [fast], options).posts)).toEqual(['fast']);
  });

  it('ends a YouTube tab once an exactly dated Short is older than From', () => {
    expect(select('youtube', 'shorts', [post('youtube', 's', 'short', '2026-01-01T00:00:00.000Z')], options).pastRange).toBe(true);
  });

  it('reads the days in the user’s time zone: 23:30 UTC on 28 February is 1 March in Berlin', () => {
    const late = post('instagram', 'late', 'image', '2026-02-28T23:30:00.000Z');
    expect(ids(select('instagram', 'posts', [late], { ...options, timeZone: 'Europe/Berlin' }).posts)).toEqual(['late']);
    expect(ids(select('instagram', 'posts', [late], options).posts)).toEqual([]);
    const endOfMarchInLa = post('instagram', 'la', 'image', '2026-04-01T06:59:00.000Z');
    expect(ids(select('instagram', 'posts', [endOfMarchInLa], { ...options, timeZone: 'America/Los_Angeles' }).posts)).toEqual(['la']);
  });
});

describe('media types', () => {
  it('lists no section of unchosen types: Instagram reels and stories only', () => {
    const selection = selectionFor({ mediaTypes: ['reels', 'stories'] }, adapterFor('instagram'));
    expect(sectionsToList(adapterFor('instagram').sections(ACCOUNT), selection).map((s) => s.name)).toEqual(['reels', 'stories']);
  });

  it('lists every section, with its count, when nothing narrows the export', () => {
    const selection = selectionFor({ mediaTypes: ['images', 'videos', 'stories', 'reels', 'highlights'] }, adapterFor('instagram'));
    const sections = sectionsToList(adapterFor('instagram').sections(ACCOUNT), selection);
    expect(sections.map((s) => s.name)).toEqual(['posts', 'reels', 'stories', 'highlights']);
    expect(sections[0]!.expectedCount).toBe(10);
  });

  it('drops the section count once the export is narrowed, so a narrowed section is not called partial', () => {
    const selection = selectionFor({ dateFrom: '2026-01-01' }, adapterFor('instagram'));
    expect(sectionsToList(adapterFor('instagram').sections(ACCOUNT), selection)[0]!.expectedCount).toBeUndefined();
  });

  it('keeps the chosen files of a carousel and drops a post with none left', () => {
    const page = [post('instagram', 'c', 'carousel', '2026-03-02T00:00:00.000Z'), post('instagram', 'v', 'video', '2026-03-02T00:00:00.000Z')];
    const selected = select('instagram', 'posts', page, { mediaTypes: ['images'] });
    expect(ids(selected.posts)).toEqual(['c']);
    expect(selected.posts[0]!.media.map((m) => m.id)).toEqual(['c_1']);
  });

  it('takes a reel the Instagram grid lists for a reel, not a video', () => {
    const reel = post('instagram', 'r', 'reel', '2026-03-02T00:00:00.000Z');
    expect(select('instagram', 'posts', [reel], { mediaTypes: ['videos'] }).posts).toEqual([]);
  });

  it('takes a reel the Facebook videos collection lists for a reel', () => {
    const reel = post('facebook', 'r', 'reel', '2026-03-02T00:00:00.000Z');
    const video = post('facebook', 'v', 'video', '2026-03-02T00:00:00.000Z');
    expect(ids(select('facebook', 'videos', [reel, video], { mediaTypes: ['videos'] }).posts)).toEqual(['v']);
    expect(sectionsToList(adapterFor('facebook').sections(ACCOUNT), selectionFor({ mediaTypes: ['reels'] }, adapterFor('facebook'))).map((s) => s.name)).toEqual([
      'reels',
    ]);
  });

  it('sorts YouTube’s uploads playlist by the kind of each video', () => {
    const selection = selectionFor({ mediaTypes: ['shorts'] }, adapterFor('youtube'));
    const sections = sectionsToList(adapterFor('youtube').sections(ACCOUNT), selection);
    expect(sections.map((s) => s.name)).toEqual(['shorts', 'uploads']);
    const page = [post('youtube', 'v', 'video', '2026-03-02T00:00:00.000Z'), post('youtube', 's', 'short', '2026-03-02T00:00:00.000Z')];
    expect(ids(selectPage(sections[1]!, page, selection).posts)).toEqual(['s']);
  });
});
