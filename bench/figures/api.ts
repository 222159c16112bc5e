import { addFakeCookies } from '../../tests/e2e/harness';
import { useQuickPacing } from '../../tests/e2e/quickPacing';
import type { FakeInstagramAccountSpec, ServedMedia } from '../../tests/fake-platforms/types';
import type { BenchConfig } from '../config';
import { withRig } from '../lib/benchRig';
import { exportFromPopup } from '../lib/popupExport';
import { apiCallsByEndpoint, total } from '../lib/requestLog';
import { round } from '../lib/stats';

/** The platform's page sizes (docs/platforms.md, "Instagram: endpoints"): posts feed 30, reels tab 50, reels_media 5 reels a call. */
const FEED_PAGE = 30;
const REELS_TAB_PAGE = 50;
const REELS_PER_CALL = 5;

export interface ApiRun {
  posts: number;
  requests: number;
  /** Feed pages at 30 posts a page: what no exporter of every post can go below. */
  feedPages: number;
  /** The minimum: feed pages + the constant sections. */
  minimum: number;
  ratio: number;
  /** requests − feed pages: the "constant", if it stays the same for every N. */
  beyondFeed: number;
  /** Every listing the export reads at its page size, the reels tab included. */
  listingMinimum: number;
  reelsTabItems: number;
  byEndpoint: Record<string, number>;
  metadataStageMs: number;
}

export interface ApiResult {
  /** At the largest account. */
  ratio: number;
  target: string;
  met: boolean;
  /** Calls made once whatever the size: account, stories, highlights tray, highlight items. */
  constantSections: number;
  constantBreakdown: Record<string, number>;
  runs: ApiRun[];
}

/** Posts whose one file is a video: the reels tab lists them (include_feed_video=true). */
function reelsTabItems(media: ServedMedia[], postIds: string[]): number {
  const feed = new Set(postIds);
  const perPost = new Map<string, ServedMedia[]>();
  for (const m of media) if (feed.has(m.postId)) perPost.set(m.postId, [...(perPost.get(m.postId) ?? []), m]);
  return [...perPost.values()].filter((files) => files.length === 1 && files[0]!.kind === 'video').length;
}

export async function benchApi(config: BenchConfig['api'], log: (line: string) => void): Promise<ApiResult> {
  const specs: FakeInstagramAccountSpec[] = config.postCounts.map((posts) => ({
    username: `bench.posts${posts}`,
    posts,
    stories: config.stories,
    highlights: config.highlights,
  }));
  const constantBreakdown = { 'account (users/{id}/info)': 1, 'stories (reels_media)': 1, 'highlights tray': 1, 'highlight items (reels_media)': Math.ceil(config.highlights / REELS_PER_CALL) };
  const constantSections = Object.values(constantBreakdown).reduce((a, b) => a + b, 0);
  return withRig({ instagramAccounts: specs, apiBudgetPerMinute: 100_000 }, async (rig) => {
    await useQuickPacing(rig.session);
    const runs: ApiRun[] = [];
    for (const spec of specs) {
      // Logging in as another user replaces the session cookies; the export is of "your own account".
      await rig.session.context.clearCookies();
      await addFakeCookies(rig.session.context, rig.fake.instagramCookies(spec.username));
      rig.fake.resetLog();
      const run = await exportFromPopup(rig, { includeMedia: false, timeoutMs: 300_000 });
      const byEndpoint = apiCallsByEndpoint(rig.fake.log);
      const requests = total(byEndpoint);
      const feedPages = Math.ceil(spec.posts / FEED_PAGE);
      const minimum = feedPages + constantSections;
      const tabItems = reelsTabItems(rig.fake.instagramMedia(spec.username), rig.fake.instagramPostIds(spec.username));
      const listingMinimum = minimum + Math.max(1, Math.ceil(tabItems / REELS_TAB_PAGE));
      runs.push({
        posts: spec.posts,
        requests,
        feedPages,
        minimum,
        ratio: round(requests / minimum, 3),
        beyondFeed: requests - feedPages,
        listingMinimum,
        reelsTabItems: tabItems,
        byEndpoint,
        metadataStageMs: run.stages.metadata?.ms ?? NaN,
      });
      log(`  ${spec.posts} posts: ${requests} API calls (${feedPages} feed pages) in ${((run.stages.metadata?.ms ?? 0) / 1000).toFixed(1)} s`);
    }
    const largest = runs[runs.length - 1]!;
    // "1.0 + a constant": what the export asks beyond the feed pages must not grow with the account.
    const met = runs.every((r) => r.beyondFeed === runs[0]!.beyondFeed);
    return { ratio: largest.ratio, target: '1.0 + constant (requests − feed pages the same for every N)', met, constantSections, constantBreakdown, runs };
  });
}
