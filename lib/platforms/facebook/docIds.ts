import { isExportError } from '../../errors';
import type { PlatformContext } from '../types';
import { relayOperationIds } from './bundles';
import { COLLECTIONS, DETAILS } from './queries';
import { facebookSession } from './session';

/**
 * The doc_ids of this job's queries, read at run time from the bundles the home page links, as
 * Facebook rotates them (docs/platforms.md, "Facebook: doc_ids"). Kept in memory per PlatformContext with
 * the time they were read; a restarted worker reads them again. A query the bundles do not name
 * falls back to its compiled-in id (queries.ts), the last resort.
 */
export interface DocIdBook {
  /** Friendly name → doc_id, as the bundles published them. */
  ids: ReadonlyMap<string, string>;
  /** ms since the epoch. */
  readAt: number;
}

/**
 * The page links dozens of bundles and every request is paced (a static file costs no ban risk,
 * but time): reading stops once every query is named, and after this many bundles at most.
 */
const MAX_BUNDLES = 20;
const WANTED = new Set([...Object.values(COLLECTIONS), ...Object.values(DETAILS)].map((query) => query.friendlyName));

const books = new WeakMap<PlatformContext, Promise<DocIdBook>>();

/**
 * Facebook deploys several times a day: a job that runs for hours (long waits after a block) reads
 * the ids again after this long rather than first spending a request on a retired one.
 */
export const DOC_IDS_MAX_AGE_MS = 6 * 60 * 60 * 1000;

/** The job's doc_ids: read the first time a query needs one, and again once they are old. */
export async function docIdBook(ctx: PlatformContext): Promise<DocIdBook> {
  const current = books.get(ctx);
  if (!current) return startReading(ctx, false);
  const book = await current;
  return Date.now() - book.readAt < DOC_IDS_MAX_AGE_MS ? book : rereadOnce(ctx, current);
}

/**
 * The ids read again, from a fresh home page, after Facebook said one of `stale` was not found.
 * When another request already re-read them since, that reading is used: one re-read per rotation.
 */
export async function rereadDocIds(ctx: PlatformContext, stale: DocIdBook): Promise<DocIdBook> {
  const current = books.get(ctx);
  if (current && (await current) !== stale) return current;
  return rereadOnce(ctx, current);
}

/** A new reading, unless another request replaced `seen` with one while this one waited. */
function rereadOnce(ctx: PlatformContext, seen: Promise<DocIdBook> | undefined): Promise<DocIdBook> {
  const latest = books.get(ctx);
  return latest && latest !== seen ? latest : startReading(ctx, true);
}

export function docIdIn(book: DocIdBook, query: { friendlyName: string; docId: string }): string {
  return book.ids.get(query.friendlyName) ?? query.docId;
}

function startReading(ctx: PlatformContext, refresh: boolean): Promise<DocIdBook> {
  const reading = readBook(ctx, refresh);
  books.set(ctx, reading);
  reading.catch(() => {
    if (books.get(ctx) === reading) books.delete(ctx);
  });
  return reading;
}

async function readBook(ctx: PlatformContext, refresh: boolean): Promise<DocIdBook> {
  const { bundles } = await facebookSession(ctx, { refresh });
  const ids = new Map<string, string>();
  for (const url of bundles.slice(0, MAX_BUNDLES)) {
    if ([...WANTED].every((name) => ids.has(name))) break;
    for (const [name, id] of await bundleIds(ctx, url)) if (WANTED.has(name) && !ids.has(name)) ids.set(name, id);
  }
  return { ids, readAt: Date.now() };
}

async function bundleIds(ctx: PlatformContext, url: string): Promise<Map<string, string>> {
  try {
    const response = await ctx.request({ url, method: 'GET', headers: { Accept: '*/*' }, staticAsset: true });
    return response.status === 200 ? relayOperationIds(response.text) : new Map();
  } catch (error) {
    // A bundle that does not load only costs the ids it held; the compiled-in ones remain.
    if (isExportError(error) && error.kind !== 'cancelled' && !ctx.signal.aborted) return new Map();
    throw error;
  }
}
