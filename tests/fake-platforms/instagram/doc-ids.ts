import type { InstagramQueryName } from '../types';
import { relayOperationBundles, type RelayBundle } from './bundles';
import { seeded } from './seeded';

/** The web GraphQL queries the fake answers, in the order the bundles publish them. */
export const INSTAGRAM_QUERIES: readonly InstagramQueryName[] = [
  'PolarisProfilePostsQuery',
  'PolarisProfileReelsTabContentQuery',
  'PolarisStoriesV3ReelPageStandaloneQuery',
  'PolarisProfileStoryHighlightsTrayContentQuery',
  'PolarisPostRootQuery',
];

export type DocIdMap = Record<InstagramQueryName, string>;

/**
 * Made-up ids of real length: none is an id seen in the field (docs/platforms.md, "Instagram: doc_ids", lists
 * 34579740524958711, 27378030181834840, 28570182382647478 for posts), so a client that only
 * knows compiled-in ids fails here just as it does against Instagram after its next rotation.
 */
function docIdsOf(generation: number): DocIdMap {
  const entries = INSTAGRAM_QUERIES.map((name) => [name, seeded('ig-doc-id', name, generation).digits(17, '23')] as const);
  return Object.fromEntries(entries) as DocIdMap;
}

/**
 * The current doc_id of each query and the bundles that publish them. Instagram rotates doc_ids
 * every few weeks (docs/platforms.md, "Instagram: doc_ids"); a rotation ships new content-hashed bundles and revokes the old
 * ids, while old bundle files stay on the CDN as immutable files do.
 */
export class InstagramDocIds {
  private readonly published: DocIdMap[] = [docIdsOf(0)];
  private readonly bundleCache = new Map<number, RelayBundle[]>();
  private calls = 0;

  /** `rotateAfter`: rotate once, after that many GraphQL calls (a rotation during an export). */
  constructor(private readonly rotateAfter?: number) {}

  current(): DocIdMap {
    return { ...this.latest() };
  }

  /** The query a doc_id runs, if it is current; revoked and unknown ids run nothing. */
  queryFor(docId: string): InstagramQueryName | undefined {
    return INSTAGRAM_QUERIES.find((name) => this.latest()[name] === docId);
  }

  /** Counts one GraphQL call; the call that reaches `rotateAfter` was still answered with the old ids. */
  countCall(): void {
    this.calls += 1;
    if (this.calls === this.rotateAfter) this.rotate();
  }

  rotate(): void {
    this.published.push(docIdsOf(this.published.length));
  }

  /** The bundles the pages link now. */
  currentBundles(): RelayBundle[] {
    return this.bundlesOf(this.published.length - 1);
  }

  /** Any bundle ever published, by its path on static.cdninstagram.com. */
  findBundle(path: string): RelayBundle | undefined {
    for (let generation = this.published.length - 1; generation >= 0; generation--) {
      const bundle = this.bundlesOf(generation).find((b) => b.path === path);
      if (bundle) return bundle;
    }
    return undefined;
  }

  private latest(): DocIdMap {
    const ids = this.published[this.published.length - 1];
    if (!ids) throw new Error('no doc_ids published');
    return ids;
  }

  private bundlesOf(generation: number): RelayBundle[] {
    let bundles = this.bundleCache.get(generation);
    const ids = this.published[generation];
    if (!bundles && ids) {
      bundles = relayOperationBundles(ids, { seed: `generation-${generation}` });
      this.bundleCache.set(generation, bundles);
    }
    return bundles ?? [];
  }
}
