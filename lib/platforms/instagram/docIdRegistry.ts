import { isExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { docIdsIn } from './bundleDocIds';
import { FALLBACK_DOC_IDS, MAX_BUNDLES_PER_SCAN, type QueryName } from './constants';
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

/**
 * Read the page's bundles again for one query after a 401, which is also what a revoked doc_id
 * gets. True when they now publish another id for it: only then is asking again any use.
 */
export async function rereadDocId(ctx: PlatformContext, query: QueryName, page: WebPage, sent: string): Promise<boolean> {
  const known = registries.get(ctx)?.ids ?? new Map<string, string>();
  const read = await scan(ctx, page, [query], known);
  return (read.ids.get(query) ?? FALLBACK_DOC_IDS[query]) !== sent;
}

/** Reads bundles until each wanted query is found; what they publish replaces what was known. */
async function scan(ctx: PlatformContext, page: WebPage, wanted: readonly QueryName[] = WANTED, known = new Map<string, string>()): Promise<ReadIds> {
  const found = new Map(page.inlineDocIds);
  for (const url of page.bundles.slice(0, MAX_BUNDLES_PER_SCAN)) {
    if (wanted.every((name) => found.has(name))) break;
    for (const [name, value] of await bundleDocIds(ctx, url)) found.set(name, value);
  }
  const read = { ids: new Map([...known, ...found]), readAt: Date.now() };
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
