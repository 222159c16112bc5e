import { isExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { docIdsIn } from './bundleDocIds';
import { FALLBACK_DOC_IDS, MAX_BUNDLES_PER_SCAN, type QueryName } from './constants';
import type { WebPage } from './webPage';

/** A doc_id as the bundles published it, and when they were read. */
interface ReadId {
  value: string;
  readAt: number;
}

/**
 * The doc_ids this job read from the web app's bundles, and the pages whose bundles were read.
 * In memory only: the next job reads them afresh, so a rotation between jobs costs nothing.
 */
interface Registry {
  ids: Map<string, ReadId>;
  scannedPages: Set<string>;
}

const registries = new WeakMap<PlatformContext, Registry>();
const WANTED = Object.keys(FALLBACK_DOC_IDS) as QueryName[];

/**
 * The current doc_id of a query. The bundles of each page the job reads are scanned once, when a
 * query is not known yet (the home page links fewer queries than a profile page); compiled in
 * only when none published it.
 */
export async function docIdFor(ctx: PlatformContext, query: QueryName, page: WebPage): Promise<string> {
  const registry = registryOf(ctx);
  if (!registry.ids.has(query) && !registry.scannedPages.has(page.url)) await scan(ctx, registry, page, WANTED);
  return registry.ids.get(query)?.value ?? FALLBACK_DOC_IDS[query];
}

/**
 * Read the page's bundles again for one query after a 401, which is also what a revoked doc_id
 * gets. True when they now publish another id for it: only then is asking again any use.
 */
export async function rereadDocId(ctx: PlatformContext, query: QueryName, page: WebPage, sent: string): Promise<boolean> {
  const registry = registryOf(ctx);
  await scan(ctx, registry, page, [query]);
  return (registry.ids.get(query)?.value ?? FALLBACK_DOC_IDS[query]) !== sent;
}

function registryOf(ctx: PlatformContext): Registry {
  let registry = registries.get(ctx);
  if (!registry) {
    registry = { ids: new Map(), scannedPages: new Set() };
    registries.set(ctx, registry);
  }
  return registry;
}

/** Reads the page's bundles until each wanted query is found; what they publish replaces what was known. */
async function scan(ctx: PlatformContext, registry: Registry, page: WebPage, wanted: readonly QueryName[]): Promise<void> {
  const found = new Map(page.inlineDocIds);
  for (const url of page.bundles.slice(0, MAX_BUNDLES_PER_SCAN)) {
    if (wanted.every((name) => found.has(name))) break;
    for (const [name, value] of await bundleDocIds(ctx, url)) found.set(name, value);
  }
  const readAt = Date.now();
  for (const [name, value] of found) registry.ids.set(name, { value, readAt });
  registry.scannedPages.add(page.url);
}

/** A bundle that cannot be read is skipped: another may publish the same ids, and the compiled ones remain. */
async function bundleDocIds(ctx: PlatformContext, url: string): Promise<Map<string, string>> {
  try {
    const response = await ctx.request({ url, method: 'GET', headers: { Accept: '*/*' }, staticAsset: true });
    return response.status === 200 && !response.redirected ? docIdsIn(response.text) : new Map();
  } catch (error) {
    if (isExportError(error) && error.kind === 'cancelled') throw error;
    return new Map();
  }
}
