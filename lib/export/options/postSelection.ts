import type { ListingSection, MediaItem, PlatformAdapter, Post } from '../../platforms/types';
import { timeRange, type TimeRange } from './dateRange';
import { chosenMediaTypes, type ExportOptions, type Quality } from './exportOptions';
import { captionHash } from '../../storage/deliveredIndex';
import { atQuality } from './mediaQuality';

/** What an export keeps of what the platform lists. */
export interface PostSelection {
  /** The chosen media type ids; undefined keeps every type. */
  types?: ReadonlySet<string>;
  range: TimeRange;
  quality: Quality;
  /** The platform's type of a listed file (`PlatformAdapter.mediaTypeOf`). */
  typeOf(post: Post, item: MediaItem): string;
  /** "Only new": the posts earlier exports delivered, by listing id, with their caption hash. */
  delivered?: ReadonlyMap<string, string>;
}

export interface SelectedPage {
  posts: Post[];
  /** A newest-first section reached a post older than "From": nothing after it can be in range. */
  pastRange: boolean;
}

/**
 * The post's publish time when the platform gave it exactly; undefined for a date estimated from
 * "3 weeks ago" or not given at all (Facebook's fast mode, a Short once YouTube refused lookups).
 */
function exactTime(post: Post): number | undefined {
  if (post.metadata.dateApproximate === true || post.metadata.date_unknown === true) return undefined;
  if (post.media.some((item) => item.dateApproximate)) return undefined;
  const time = Date.parse(post.publishedAt);
  return Number.isNaN(time) ? undefined : time;
}

function inRange(time: number | undefined, range: TimeRange): boolean {
  // A post without an exact date is kept: an export never drops a post on a guess.
  if (time === undefined) return true;
  return (range.from === undefined || time >= range.from) && (range.until === undefined || time < range.until);
}

/** The post with only the files of chosen types, at the chosen quality; undefined when none is left. */
function selectFiles(post: Post, selection: PostSelection): Post | undefined {
  const { types } = selection;
  if (types && post.media.length === 0) return undefined;
  const media = types ? post.media.filter((item) => types.has(selection.typeOf(post, item))) : post.media;
  if (media.length === 0 && post.media.length > 0) return undefined;
  return { ...post, media: media.map((item) => atQuality(item, selection.quality)) };
}

/** Whether an earlier export delivered the post: as it is now, or with another caption. */
function delivery(post: Post, selection: PostSelection): 'same' | 'edited' | undefined {
  const id = post.listingId === undefined ? post.id : post.listingId;
  const hash = id === null ? undefined : selection.delivered?.get(id);
  if (hash === undefined) return undefined;
  return hash === captionHash(post.caption) ? 'same' : 'edited';
}

/**
 * "Only new": what a strategy may ask while it lists (`ListedPosts.deliveredBefore`): whether an
 * earlier export delivered the post whole, with this caption when the strategy knows it.
 */
export function deliveredCheck(delivered: ReadonlyMap<string, string>): (listingId: string, caption?: string | null) => boolean {
  return (listingId, caption) => {
    const hash = delivered.get(listingId);
    return hash !== undefined && (caption === undefined || hash === captionHash(caption));
  };
}

/**
 * Keeps the page's posts within the date range and of the chosen types, each file at the chosen
 * quality, leaving out with "Only new" those delivered before. In a newest-first section, the first
 * in-order post older than "From", or delivered before, ends the listing; a pinned post (out of
 * order) or one without an exact date never does.
 */
export function selectPage(section: ListingSection, posts: readonly Post[], selection: PostSelection): SelectedPage {
  let pastRange = false;
  const kept: Post[] = [];
  for (const post of posts) {
    const time = exactTime(post);
    const inOrder = section.newestFirst && !section.newestFirst.outOfOrder?.(post);
    if (inOrder && time !== undefined && selection.range.from !== undefined && time < selection.range.from) pastRange = true;
    if (!inRange(time, selection.range)) continue;
    const earlier = delivery(post, selection);
    if (earlier === 'same') {
      // Everything after the first post delivered before is older, and was delivered too.
      if (inOrder) pastRange = true;
      continue;
    }
    const selected = selectFiles(post, selection);
    if (!selected) continue;
    // An edited post: its new caption is exported, its files were delivered before and are not fetched again.
    kept.push(earlier === 'edited' ? { ...selected, media: [], metadata: { ...selected.metadata, edited_since_export: true } } : selected);
  }
  return { posts: kept, pastRange };
}

/**
 * The sections worth listing: one holding none of the chosen types costs no API call. When the
 * export is narrowed, a section's own count no longer says what it should list, so it is dropped.
 */
export function sectionsToList(sections: readonly ListingSection[], selection: Pick<PostSelection, 'types' | 'range' | 'delivered'>): ListingSection[] {
  const narrowed = selection.types !== undefined || selection.range.from !== undefined || selection.range.until !== undefined || selection.delivered !== undefined;
  return sections
    .filter((section) => !selection.types || !section.mediaTypes || section.mediaTypes.some((type) => selection.types!.has(type)))
    .map((section) => (narrowed ? { ...section, expectedCount: undefined } : section));
}

/** What an export with these options keeps of the adapter's listing. */
export function selectionFor(
  options: ExportOptions,
  adapter: Pick<PlatformAdapter, 'mediaTypes' | 'mediaTypeOf'>,
  delivered?: ReadonlyMap<string, string>,
): PostSelection {
  const chosen = chosenMediaTypes(options, adapter.mediaTypes);
  return {
    ...(delivered ? { delivered } : {}),
    ...(chosen.length < adapter.mediaTypes.length ? { types: new Set(chosen) } : {}),
    range: timeRange(options),
    quality: options.quality ?? 'original',
    typeOf: (post, item) => adapter.mediaTypeOf(post, item),
  };
}
