import { ExportError, toExportError, type ErrorKind } from '../../errors';
import type { ListedPosts, ListingSection, ListingStrategy, Post, PostPage } from '../../platforms/types';
import type { ListingPosition } from '../../storage/exportDb';
import type { ListedPage } from '../../storage/listedPages';
import type { SectionReport, SectionStatus } from '../types';

/**
 * The failures that close one way of reading a section but say nothing of the session: an
 * endpoint retired for it, an answer in a shape the parser does not know, an HTTP error that
 * outlived its retries. Everything else (logged out, a checkpoint, a rate limit, a full disk…)
 * belongs to the whole job.
 */
const STRATEGY_FAILURES: readonly ErrorKind[] = ['endpoint_retired', 'platform_changed', 'http_error'];

export function closesStrategy(error: ExportError): boolean {
  return STRATEGY_FAILURES.includes(error.kind);
}

/** The first position of `section`, or undefined when there is none (listing is complete). */
export function startOf(section: ListingSection | undefined): ListingPosition | undefined {
  const first = section?.strategies[0];
  return section && first ? { section: section.name, strategy: first.name, cursor: null, listed: 0 } : undefined;
}

export function scopeOf(section: ListingSection): string {
  return section.scope ?? section.name;
}

/** The section and strategy a stored position names; a position from another build of the adapter is refused. */
export function locate(
  sections: readonly ListingSection[],
  position: ListingPosition,
): { section: ListingSection; strategy: ListingStrategy; index: number } {
  const index = sections.findIndex((candidate) => candidate.name === position.section);
  const section = sections[index];
  const strategy = section?.strategies.find((candidate) => candidate.name === position.strategy);
  if (!section || !strategy) {
    throw new ExportError('internal', 'The saved position of this export belongs to another version of Star Export. Start a new export.');
  }
  return { section, strategy, index };
}

/** The strategy after `current` in its section, starting where `current` stopped when it can. */
export function nextStrategy(section: ListingSection, position: ListingPosition): ListingPosition | undefined {
  const strategies = section.strategies;
  const next = strategies[strategies.findIndex((candidate) => candidate.name === position.strategy) + 1];
  if (!next) return undefined;
  const previous = position.cursor === null ? undefined : { strategy: position.strategy, cursor: position.cursor };
  return { section: section.name, strategy: next.name, cursor: (previous && next.continueFrom?.(previous)) ?? null, listed: position.listed };
}

/**
 * Whether `listed` is clearly fewer than the platform's own count: counts lag behind deletions
 * and archiving a little, so a shortfall of a post or two, or of 2 %, is not called partial.
 */
function fallsShort(listed: number, expected: number | undefined): expected is number {
  if (expected === undefined) return false;
  const tolerance = Math.max(2, Math.floor(expected * 0.02));
  return expected - listed > tolerance;
}

/** The report of a section whose listing ended: read to its end, or given up with `failure`. */
export function reportOf(section: ListingSection, position: ListingPosition, failure?: ExportError): SectionReport {
  const { listed } = position;
  const expected = section.expectedCount;
  let status: SectionStatus = 'complete';
  let reason: string | undefined;
  if (failure) {
    status = listed > 0 ? 'partial' : 'unavailable';
    reason = failure.message;
  } else if (fallsShort(listed, expected)) {
    status = 'partial';
    reason = `Listed ${listed} of the ${expected} the platform counts.`;
  }
  return {
    name: section.name,
    label: section.label,
    status,
    strategy: position.strategy,
    ...(reason === undefined ? {} : { reason }),
    listed,
    ...(expected === undefined ? {} : { expected }),
  };
}

/** Reads one page of a strategy: the engine wraps it in its retries and waits. */
export type ReadPage = (strategy: ListingStrategy, cursor: string | null, listed: ListedPosts) => Promise<PostPage>;

/** What the export keeps of a page, and whether the section has nothing more it wants (see postSelection). */
export type SelectPosts = (section: ListingSection, posts: readonly Post[]) => { posts: Post[]; pastRange: boolean };

const KEEP_ALL: SelectPosts = (_section, posts) => ({ posts: [...posts], pastRange: false });

/**
 * The next listed page from `position` (undefined before the first): a page of the current
 * strategy, or, when that strategy closes, an empty page that moves the section to its next
 * strategy (remembered for the rest of the job) or, with none left, reports the section and
 * moves on to the next one. The page's `advance` gives the position after it.
 */
export async function readNextPage(
  sections: readonly ListingSection[],
  position: ListingPosition | undefined,
  read: ReadPage,
  isListed: (scope: string, postId: string) => Promise<boolean>,
  select: SelectPosts = KEEP_ALL,
): Promise<ListedPage> {
  const current = position ?? startOf(sections[0]);
  if (!current) return { posts: [], section: '', scope: '', advance: () => ({ listing: undefined }) };
  const { section, strategy, index } = locate(sections, current);
  const scope = scopeOf(section);
  let page: PostPage;
  try {
    page = await read(strategy, current.cursor, { has: (postId) => isListed(scope, postId) });
  } catch (error) {
    const failure = toExportError(error);
    if (!closesStrategy(failure)) throw failure;
    const next = nextStrategy(section, current);
    const advance = () => (next ? { listing: next } : { listing: startOf(sections[index + 1]), finished: reportOf(section, current, failure) });
    return { posts: [], section: section.name, scope, advance };
  }
  const selected = select(section, page.posts);
  // A section past the export's date range ends as if it had no more pages.
  const nextCursor = selected.pastRange ? null : page.nextCursor;
  return {
    posts: selected.posts,
    section: section.name,
    scope,
    advance: (counted) => {
      const after = { ...current, cursor: nextCursor, listed: current.listed + counted };
      if (nextCursor !== null) return { listing: after };
      return { listing: startOf(sections[index + 1]), finished: reportOf(section, after) };
    },
  };
}
