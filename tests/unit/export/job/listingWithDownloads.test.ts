import type { ByteSink } from '../../../../lib/storage/byteSink';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { DEFAULT_EXPORT_SETTINGS, type ExportSettings } from '../../../../lib/export/exportSettings';
import { type JobContext } from '../../../../lib/export/job/jobContext';
import { listWhileDownloading } from '../../../../lib/export/job/listingWithDownloads';
import { downloadMedia } from '../../../../lib/export/media/downloadMedia';
import { downloadWithRetry } from '../../../../lib/export/media/downloadWithRetry';
import { downloadSlots } from '../../../../lib/export/media/downloadSlots';
import { adapterFor } from '../../../../lib/platforms/registry';
import type { ListingStrategy, PlatformAdapter, Post } from '../../../../lib/platforms/types';
import { closeExportDb, type JobRecord } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { appendPage } from '../../../../lib/storage/listedPages';
import { mediaOfJob } from '../../../../lib/storage/mediaRecords';
import { jobStatusText } from '../../../../lib/export/jobStatusText';
import { jobRecord, listedPage, post } from './jobs';
import { offlineJobContext, testServices } from './testServices';

// The real retries and the real three slots run; only the transfer itself and the disk are faked.
vi.mock('../../../../lib/export/media/downloadMedia', () => ({ downloadMedia: vi.fn() }));
vi.mock('../../../../lib/storage/listedPages', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../lib/storage/listedPages')>();
  return { ...actual, appendPage: vi.fn(actual.appendPage) };
});

const services = { ...testServices(), downloadWithRetry };

const SETTINGS: ExportSettings = { ...DEFAULT_EXPORT_SETTINGS, rateLimitWaitMs: 300 };

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

/** `pages` pages of `perPage` posts with one photo each, ids m0, m1… in listing order. */
function pagesOf(pages: number, perPage: number): Post[][] {
  return Array.from({ length: pages }, (_, p) =>
    Array.from({ length: perPage }, (_, i) => {
      const n = p * perPage + i;
      const listed = post(`p${n}`, [`m${n}`]);
      return { ...listed, media: listed.media.map((m) => ({ ...m, url: `https://scontent.cdninstagram.com/v/t51.2885-15/${m.id}_n.jpg?oh=sig` })) };
    }),
  );
}

async function stageBytes(openSink: () => Promise<ByteSink>, size: number): Promise<void> {
  const sink = await openSink();
  await sink.write(new Uint8Array(size));
  await sink.close();
}

/** Transfers the test finishes by hand (or at once, once `auto` is set); they end when the job's signal aborts. */
function fakeTransfers() {
  const state = { started: [] as string[], inFlight: 0, maxInFlight: 0, auto: false };
  const open = new Map<string, () => void>();
  vi.mocked(downloadMedia).mockImplementation(
    ({ url, signal, openSink }) =>
      new Promise((resolve, reject) => {
        const id = /\/(m\d+)_n\.jpg/.exec(url)![1]!;
        state.started.push(id);
        state.inFlight += 1;
        state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
        const end = () => {
          state.inFlight -= 1;
          open.delete(id);
        };
        const onAbort = () => {
          end();
          reject(new ExportError('cancelled', 'The export was cancelled.'));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        const finish = () => {
          signal.removeEventListener('abort', onAbort);
          end();
          // The file is staged as a real download stages it: the ZIP takes it from there.
          void stageBytes(openSink, 100).then(() => resolve({ format: 'jpg', bytes: 100, contentType: 'image/jpeg' }), reject);
        };
        open.set(id, finish);
        if (state.auto) setTimeout(finish, 2);
      }),
  );
  return {
    state,
    finish(id: string) {
      open.get(id)!();
    },
    finishAllFromNowOn() {
      state.auto = true;
      for (const finish of [...open.values()]) finish();
    },
  };
}

/** An Instagram adapter whose listing answers from `pages`, each page only once its gate opens. */
function fakeListing(pages: Post[][], fail?: (page: number, call: number) => ExportError | undefined) {
  const gates = pages.map(() => deferred());
  const calls = pages.map(() => 0);
  const listed: number[] = [];
  const strategy: ListingStrategy = {
    name: 'test',
    async fetchPage(platform, _account, cursor) {
      const page = cursor === null ? 0 : Number(cursor);
      calls[page]! += 1;
      const aborted = new Promise<never>((_, reject) =>
        platform.signal.addEventListener('abort', () => reject(new ExportError('cancelled', 'The export was cancelled.')), { once: true }),
      );
      await Promise.race([gates[page]!.promise, aborted]);
      const failure = fail?.(page, calls[page]!);
      if (failure) throw failure;
      listed.push(page);
      return { posts: pages[page]!, nextCursor: page + 1 < pages.length ? String(page + 1) : null };
    },
  };
  const adapter: PlatformAdapter = { ...adapterFor('instagram'), sections: () => [{ name: 'posts', label: 'Posts', strategies: [strategy] }] };
  return {
    adapter,
    listed,
    open(...which: number[]) {
      for (const page of which) gates[page]!.resolve();
    },
  };
}

function contextFor(job: JobRecord, adapter: PlatformAdapter, outer = new AbortController()): JobContext {
  return offlineJobContext(job, { adapter, settings: SETTINGS, services, signal: outer.signal });
}

async function listedJob(): Promise<JobRecord> {
  const job = jobRecord({ stage: 'metadata', account: { id: '1', handle: 'star.demo' } });
  await putJob(job);
  return job;
}

async function statesOf(jobId: string): Promise<Record<string, string>> {
  return Object.fromEntries((await mediaOfJob(jobId)).map((r) => [r.mediaId, r.state]));
}

beforeEach(() => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
  services.ensureFreeSpace.mockResolvedValue(undefined);
});

describe('media download while the listing runs', () => {
  it('starts downloads of the first page before the next is listed, three at a time, with no idle slot', async () => {
    const transfers = fakeTransfers();
    const listing = fakeListing(pagesOf(3, 4));
    const job = await listedJob();
    const ctx = contextFor(job, listing.adapter);
    listing.open(0);
    const running = listWhileDownloading(ctx);

    await vi.waitFor(() => expect(transfers.state.started).toEqual(['m0', 'm1', 'm2']));
    expect(listing.listed).toEqual([0]);
    expect(downloadSlots.pendingCount).toBe(1);

    // A slot that frees up goes to the next listed file at once.
    transfers.finish('m1');
    await vi.waitFor(() => expect(transfers.state.started).toEqual(['m0', 'm1', 'm2', 'm3']));
    expect(transfers.state.inFlight).toBe(3);

    listing.open(1);
    await vi.waitFor(() => expect(downloadSlots.pendingCount).toBe(4));
    expect(transfers.state.inFlight).toBe(3);
    expect(listing.listed).toEqual([0, 1]);
    expect(job.stage).toBe('metadata');
    expect(jobStatusText(job)).toBe('Listing posts of @star.demo: 8 so far… (1 file downloaded)');

    listing.open(2);
    transfers.finishAllFromNowOn();
    const downloads = await running;
    await downloads.finish();

    expect(transfers.state.maxInFlight).toBe(3);
    expect([...transfers.state.started].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `m${i}`).sort());
    expect(Object.values(await statesOf(job.id))).toEqual(Array(12).fill('kept'));
    expect(job).toMatchObject({ metadataDone: true, listing: undefined, media: { done: 12, failed: 0, total: 12 } });
    expect(await getJob(job.id)).toMatchObject({ metadataDone: true, media: { done: 12, failed: 0, total: 12 } });
  });

  it('keeps downloading what is listed while the listing waits out a rate limit', async () => {
    const transfers = fakeTransfers();
    transfers.finishAllFromNowOn();
    const rateLimited = (page: number, call: number) => (page === 1 && call === 1 ? new ExportError('rate_limited', 'Slow down.', { status: 429 }) : undefined);
    const listing = fakeListing(pagesOf(2, 4), rateLimited);
    const job = await listedJob();
    const ctx = contextFor(job, listing.adapter);
    listing.open(0, 1);
    const running = listWhileDownloading(ctx);

    // Every file of the first page is kept while the listing is still waiting.
    await vi.waitFor(() => expect(job.media.done).toBe(4));
    expect(job.waitingUntil).toBeDefined();
    expect(listing.listed).toEqual([0]);
    expect(jobStatusText(job)).toMatch(/^Instagram asked us to slow down; continuing at .* \(4 files downloaded\)\.$/);

    await (await running).finish();
    expect(listing.listed).toEqual([0, 1]);
    expect(job.media).toEqual({ done: 8, failed: 0, total: 8 });
  });

  it('a fatal listing error stops the downloads, keeps what was kept, and a resumed job fetches only the rest', async () => {
    const transfers = fakeTransfers();
    const loggedOut = (page: number, call: number) => (page === 1 && call === 1 ? new ExportError('login_required', 'Log in.') : undefined);
    const listing = fakeListing(pagesOf(3, 4), loggedOut);
    const job = await listedJob();
    const ctx = contextFor(job, listing.adapter);
    listing.open(0);
    const running = listWhileDownloading(ctx);

    await vi.waitFor(() => expect(transfers.state.started).toHaveLength(3));
    transfers.finish('m0');
    transfers.finish('m1');
    await vi.waitFor(() => expect(job.media.done).toBe(2));
    await vi.waitFor(() => expect(transfers.state.started).toEqual(['m0', 'm1', 'm2', 'm3']));

    listing.open(1);
    await expect(running).rejects.toMatchObject({ kind: 'login_required' });
    expect(ctx.signal.reason).toMatchObject({ kind: 'login_required' });
    // The files cut short stay pending (not failed), and nothing else started.
    expect(transfers.state.inFlight).toBe(0);
    expect(transfers.state.started).toHaveLength(4);
    expect(await statesOf(job.id)).toEqual({ m0: 'kept', m1: 'kept', m2: 'pending', m3: 'pending' });
    expect(job.failed).toEqual([]);

    // Resuming (a new worker, from what IndexedDB holds) lists the rest and downloads the rest.
    transfers.state.started.length = 0;
    transfers.finishAllFromNowOn();
    const stored = (await getJob(job.id))!;
    expect(stored.listing?.cursor).toBe('1');
    listing.open(2);
    await (await listWhileDownloading(contextFor(stored, listing.adapter))).finish();
    expect([...transfers.state.started].sort()).toEqual(['m10', 'm11', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8', 'm9']);
    expect(Object.values(await statesOf(job.id))).toEqual(Array(12).fill('kept'));
    expect(stored.media).toEqual({ done: 12, failed: 0, total: 12 });
  });

  it('a full disk during the listing stops the listing too, keeping the files not yet downloaded pending', async () => {
    const transfers = fakeTransfers();
    transfers.finishAllFromNowOn();
    const listing = fakeListing(pagesOf(3, 4));
    const job = await listedJob();
    const ctx = contextFor(job, listing.adapter);
    listing.open(0);
    const running = listWhileDownloading(ctx);
    await vi.waitFor(() => expect(job.media.done).toBe(4));

    services.ensureFreeSpace.mockRejectedValue(new ExportError('quota_exceeded', 'The disk is nearly full.'));
    listing.open(1);
    await expect(running).rejects.toBeDefined();
    expect(ctx.signal.reason).toMatchObject({ kind: 'quota_exceeded' });
    // Page 2 was being asked for when the disk filled up: the listing stopped without it.
    expect(listing.listed).toEqual([0, 1]);
    expect(await getJob(job.id)).toMatchObject({ listing: { cursor: '2' }, metadataDone: false });
    const states = await statesOf(job.id);
    expect(Object.values(states).filter((s) => s === 'kept')).toHaveLength(4);
    expect(Object.values(states).filter((s) => s === 'pending')).toHaveLength(4);
    expect(transfers.state.started).toEqual(['m0', 'm1', 'm2', 'm3']);
  });

  it('cancel stops the listing and the downloads alike', async () => {
    const transfers = fakeTransfers();
    const listing = fakeListing(pagesOf(2, 4));
    const job = await listedJob();
    const outer = new AbortController();
    const ctx = contextFor(job, listing.adapter, outer);
    listing.open(0);
    const running = listWhileDownloading(ctx);
    await vi.waitFor(() => expect(transfers.state.started).toHaveLength(3));

    outer.abort(new ExportError('cancelled', 'The export was cancelled.'));
    await expect(running).rejects.toMatchObject({ kind: 'cancelled' });
    expect(transfers.state.inFlight).toBe(0);
    expect(downloadSlots.pendingCount).toBe(0);
    expect(listing.listed).toEqual([0]);
    expect(Object.values(await statesOf(job.id))).toEqual(Array(4).fill('pending'));
  });
});

describe('the job record while pages are stored', () => {
  it('a save made while a page is being stored never writes the old position back', async () => {
    const job = await listedJob();
    const ctx = contextFor(job, adapterFor('instagram'));
    const realAppendPage = (await vi.importActual<typeof import('../../../../lib/storage/listedPages')>('../../../../lib/storage/listedPages')).appendPage;
    let saved: Promise<void> | undefined;
    // A download saves the job just after the page's transaction committed, before the listing took its result in.
    vi.mocked(appendPage).mockImplementationOnce(async (...args) => {
      const result = await realAppendPage(...args);
      saved = ctx.save();
      return result;
    });
    await ctx.recordPage(listedPage(pagesOf(1, 2)[0]!, 'after-page-0'));
    await saved;
    expect(await getJob(job.id)).toMatchObject({ listing: { cursor: 'after-page-0' }, nextPostSeq: 2, nextMediaSeq: 2 });
    expect(job).toMatchObject({ listing: { cursor: 'after-page-0' }, nextPostSeq: 2, nextMediaSeq: 2, posts: { done: 2 }, media: { total: 2 } });
  });
});
