import { isExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { docIdsIn } from './bundleDocIds';
import { DOC_IDS_FRESH_MS, FALLBACK_DOC_IDS, MAX_BUNDLES_PER_SCAN, type QueryName } from './constants';
import type { WebPage } from './webPage';

/**
 * The doc_ids this job read from the web app's bundles, with when. In memory only: the next job
 * reads them afresh, so a rotation between jobs costs nothing.
 */
interface ReadIds {
  ids: Map<string, string>;
  readAt: number;
}

const registries = new WeakMap<PlatformContext, ReadIds>();
const WANTED = Object.keys(FALLBACK_DOC_IDS) as QueryName[];

export interface DocId {
  value: string;
  /** Read from the bundles, or compiled in because none of them published it. */
  source: 'bundle' | 'compiled';
}

/** The current doc_id of a query: from the bundles of `page` (read once per job), else compiled in. */
export async function docIdFor(ctx: PlatformContext, query: QueryName, page: WebPage): Promise<DocId> {
  const read = registries.get(ctx) ?? (await scan(ctx, page));
  const value = read.ids.get(query);
  return value ? { value, source: 'bundle' } : { value: FALLBACK_DOC_IDS[query], source: 'compiled' };
}

/** True while the bundles were read a moment ago: a 401 then is a real rate limit, not a revoked doc_id. */
export function docIdsAreFresh(ctx: PlatformContext): boolean {
  const read = registries.get(ctx);
  return read !== undefined && Date.now() - read.readAt < DOC_IDS_FRESH_MS;
}

/** Read the bundles of `page` again (after a 401 that may be a revoked doc_id). */
export async function rereadDocIds(ctx: PlatformContext, page: WebPage): Promise<void> {
  await scan(ctx, page);
}

async function scan(ctx: PlatformContext, page: WebPage): Promise<ReadIds> {
  const ids = new Map(page.inlineDocIds);
  for (const url of page.bundles.slice(0, MAX_BUNDLES_PER_SCAN)) {
    if (WANTED.every((name) => ids.has(name))) break;
    for (const [name, value] of await bundleDocIds(ctx, url)) ids.set(name, value);
  }
  const read = { ids, readAt: Date.now() };
  registries.set(ctx, read);
  return read;
}

/** A bundle that cannot be read is skipped: another may publish the same ids, and the compiled ones remain. */
async function bundleDocIds(ctx: PlatformContext, url: string): Promise<Map<string, string>> {
  try {
    const response = await ctx.request({ url, method: 'GET', headers: { Accept: '*/*' } });
    return response.status === 200 && !response.redirected ? docIdsIn(response.text) : new Map();
  } catch (error) {
    if (isExportError(error) && error.kind === 'cancelled') throw error;
    return new Map();
  }
}
