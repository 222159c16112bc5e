import { seeded } from '../instagram/seeded';

/**
 * The GraphQL documents the fake serves, by friendly name. Generation 0 uses the ids docs/platforms.md ("Facebook: doc_ids")
 * lists (what clients compiled in during 2025–2026), so clients that never read the page's bundles
 * still work until the ids rotate; each rotation issues new ids, and the old ones are then unknown
 * ("The GraphQL document with ID … was not found."), as after a Facebook deploy.
 */

export const FB_QUERIES = {
  photos: 'ProfileCometAppCollectionPhotosRendererPaginationQuery',
  videos: 'ProfileCometAppCollectionVideosRendererPaginationQuery',
  reels: 'ProfileCometAppCollectionReelsRendererPaginationQuery',
  photo: 'CometPhotoRootContentQuery',
  video: 'CometVideoRootMediaViewerQuery',
} as const;

export type FbQuery = keyof typeof FB_QUERIES;

const FIRST_IDS: Record<FbQuery, string> = {
  photos: '27028962643386672',
  videos: '27205790585732100',
  reels: '9608255752564845',
  photo: '25407333282216326',
  video: '25092610667077508',
};

const QUERIES = Object.keys(FB_QUERIES) as FbQuery[];

export class FacebookDocIds {
  private generationValue = 0;

  /** How many times the ids rotated; the bundles' URLs change with it. */
  get generation(): number {
    return this.generationValue;
  }

  /** The current doc_id of every query, by friendly name. */
  byFriendlyName(generation = this.generationValue): Record<string, string> {
    const ids = idsOf(generation);
    return Object.fromEntries(QUERIES.map((query) => [FB_QUERIES[query], ids[query]]));
  }

  /** Which query a doc_id names now; undefined for an unknown or retired id. */
  queryOf(docId: string): FbQuery | undefined {
    const ids = idsOf(this.generationValue);
    return QUERIES.find((query) => ids[query] === docId);
  }

  rotate(): void {
    this.generationValue += 1;
  }
}

function idsOf(generation: number): Record<FbQuery, string> {
  if (generation === 0) return FIRST_IDS;
  const rng = seeded('fb-doc-ids', generation);
  return Object.fromEntries(QUERIES.map((query) => [query, rng.digits(rng.int(16, 17), '123456789')])) as Record<FbQuery, string>;
}
