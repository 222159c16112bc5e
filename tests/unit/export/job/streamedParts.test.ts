import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobReader, Uint8ArrayWriter, ZipReader, configure } from '@zip.js/zip.js';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ExportError } from '../../../../lib/errors';
import { DEFAULT_EXPORT_SETTINGS, exportSettings } from '../../../../lib/export/exportSettings';
import { runJob } from '../../../../lib/export/job/runJob';
import type { DownloadWithRetryOptions } from '../../../../lib/export/media/downloadWithRetry';
import { PART_RESERVE_BYTES, estimatedPostBytes } from '../../../../lib/export/parts/partPlan';
import type { Post } from '../../../../lib/platforms/types';
import { adapterFor } from '../../../../lib/platforms/registry';
import { closeExportDb, type JobRecord } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { jobRecord, post } from './jobs';
import { staged } from './memoryStaging';
import { memoryZip } from './memoryZipWorker';
import { JPEG_BYTES, fakeAdapter, photoPosts, servedDownload } from './runJobHarness';
import { testServices } from './testServices';

configure({ useWebWorkers: false });

const services = testServices();
const ROOT = 'export-20261124-7f3a9c';
const MAIN_JSON = `${ROOT}/instagram-export-20261124-7f3a9c.json`;
const dir = mkdtempSync(join(tmpdir(), 'streamed-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A post with photos on Instagram's CDN, as photoPosts makes them. */
function photoPost(id: string, mediaIds: string[]): Post {
  const listed = post(id, mediaIds);
  return { ...listed, media: listed.media.map((m) => ({ ...m, url: `https://scontent.cdninstagram.com/v/${m.id}_n.jpg?oh=sig` })) };
}

interface Delivered {
  file: string;
  zip: Blob;
  /** The media files whose downloads had not finished when the part was handed over. */
  stillDownloading: string[];
  /** The job's staged media at that moment. */
  stagedMedia: string[];
}

let delivered: Delivered[];
let downloading: Set<string>;
let onDeliver: ((file: string) => void) | undefined;

interface PartContent {
  manifest: { posts: { id: string; media: { id: string; path?: string }[] }[]; part: { number: number; last: boolean; of?: number } };
  names: string[];
  files: Map<string, Uint8Array>;
}

/** A delivered part as unzip and sha256sum see it: it must open alone and check clean. */
async function openPart({ file, zip }: Delivered): Promise<PartContent> {
  const path = join(dir, `${file}-${zip.size}`);
  writeFileSync(path, new Uint8Array(await zip.arrayBuffer()));
  const test = spawnSync('/usr/bin/unzip', ['-tq', path], { encoding: 'utf8' });
  expect(test.status, test.stdout + test.stderr).toBe(0);
  const out = join(dir, `${file}-${zip.size}-x`);
  expect(spawnSync('/usr/bin/unzip', ['-oq', path, '-d', out]).status).toBe(0);
  const sums = spawnSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: join(out, ROOT), encoding: 'utf8' });
  expect(sums.status, sums.stdout + sums.stderr).toBe(0);
  const reader = new ZipReader(new BlobReader(zip));
  const files = new Map<string, Uint8Array>();
  const names: string[] = [];
  for (const entry of await reader.getEntries()) {
    names.push(entry.filename);
    if (!entry.directory) files.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
  }
  await reader.close();
  return { manifest: JSON.parse(new TextDecoder().decode(files.get(MAIN_JSON))) as PartContent['manifest'], names, files };
}

/** Checks every delivered part and returns, per part, the ids of its posts. */
async function postsPerPart(): Promise<string[][]> {
  const parts: string[][] = [];
  for (const part of delivered) {
    const { manifest, names, files } = await openPart(part);
    // No entry twice, even after a stop cut the part back.
    expect(new Set(names).size, part.file).toBe(names.length);
    for (const { media } of manifest.posts) for (const { path } of media) expect(files.get(`${ROOT}/${path}`), `${part.file}: ${path}`).toEqual(JPEG_BYTES);
    parts.push(manifest.posts.map((p) => p.id));
  }
  return parts;
}

async function run(job: JobRecord, signal = new AbortController().signal, publish = putJob): Promise<JobRecord> {
  await runJob(job, signal, publish, services);
  return (await getJob(job.id))!;
}

/**
 * A worker that stops as the service worker does: its signal aborts and, from then on, it saves
 * nothing more, so a resume sees only what was stored before the stop.
 */
function stoppableWorker() {
  const worker = new AbortController();
  let alive = true;
  const stop = () => {
    alive = false;
    worker.abort(new ExportError('network_error', 'The service worker stopped.'));
  };
  return {
    get alive() {
      return alive;
    },
    stop,
    /** Stops the worker as the download of `mediaId` begins, once `ready` (if given) has resolved. */
    stopAtDownloadOf(mediaId: string, ready?: () => Promise<void>): void {
      services.downloadWithRetry.mockImplementation(async (opts: DownloadWithRetryOptions) => {
        if (alive && opts.url.includes(`/${mediaId}_n`)) {
          if (ready) await ready();
          stop();
        }
        return servedDownload(opts);
      });
    },
    run: (job: JobRecord) =>
      run(job, worker.signal, async (saved) => {
        if (alive) await putJob(saved);
      }),
  };
}

const splitJob = () => jobRecord({ request: { platform: 'instagram', format: 'csv', includeMedia: true, splitGB: 2 } });
const POSTS = photoPosts(7);

beforeEach(async () => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
  staged.clear();
  delivered = [];
  downloading = new Set();
  onDeliver = undefined;
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Star Export', version: '1.0.0' });
  services.downloadWithRetry.mockImplementation(servedDownload);
  services.delivery.deliverArchive.mockImplementation(async ({ jobId, file, onStarted }) => {
    const name = file ?? 'export.zip';
    onDeliver?.(name);
    const zip = staged.get(jobId)?.get(name);
    if (!zip) throw new Error(`${name} is not stored`);
    const stagedMedia = [...(staged.get(jobId)?.keys() ?? [])].filter((stored) => !stored.startsWith('export.'));
    delivered.push({ file: name, zip, stillDownloading: [...downloading], stagedMedia });
    await onStarted(100 + delivered.length);
  });
  services.adapterFor.mockImplementation((id) => (id === 'instagram' ? fakeAdapter([POSTS]) : adapterFor(id)));
  // Room for two one-photo posts a part.
  const onePost = estimatedPostBytes({ textBytes: new TextEncoder().encode(JSON.stringify(POSTS[0])).byteLength + 16, fileBytes: [JPEG_BYTES.byteLength] });
  await exportSettings.setValue({ ...DEFAULT_EXPORT_SETTINGS, partBytes: PART_RESERVE_BYTES + 2 * onePost + 1 });
});

describe('a split export streamed part by part', () => {
  it('hands the first part to Downloads while a later post still downloads, its staged files already gone', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    services.downloadWithRetry.mockImplementation(async (opts: DownloadWithRetryOptions) => {
      const id = /\/v\/(m\d+)_n/.exec(opts.url)![1]!;
      downloading.add(id);
      // The last post's file comes only once part 1 is in Downloads, or after a long wait that fails the test.
      if (id === 'm6') await Promise.race([held, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      const result = await servedDownload(opts);
      downloading.delete(id);
      return result;
    });
    onDeliver = (file) => {
      if (file === 'export.part-01.zip') release();
    };
    const job = await run(splitJob());

    expect(job.stage, job.error?.message).toBe('done');
    expect(delivered.map((d) => d.file)).toEqual(['export.part-01.zip', 'export.part-02.zip', 'export.part-03.zip', 'export.part-04.zip']);
    expect(delivered[0]!.stillDownloading).toContain('m6');
    // Part 1's files live in part 1 only: their staged copies went as they were appended.
    expect(delivered[0]!.stagedMedia.filter((name) => /^m[01]\b/.test(name))).toEqual([]);
    expect(await postsPerPart()).toEqual([['p0', 'p1'], ['p2', 'p3'], ['p4', 'p5'], ['p6']]);
    expect(job.parts!.map((part) => [part.number, part.start, part.end, part.last ?? false])).toEqual([
      [1, 0, 2, false],
      [2, 2, 4, false],
      [3, 4, 6, false],
      [4, 6, 7, true],
    ]);
  });

  it('keeps a post whole in one part, and gives a post larger than a part a part of its own', async () => {
    const posts = [photoPost('p0', ['a0']), photoPost('p1', ['b0', 'b1', 'b2', 'b3']), photoPost('p2', ['c0']), photoPost('p3', ['d0'])];
    services.adapterFor.mockImplementation((id) => (id === 'instagram' ? fakeAdapter([posts]) : adapterFor(id)));
    const job = await run(splitJob());

    expect(job.stage, job.error?.message).toBe('done');
    expect(await postsPerPart()).toEqual([['p0'], ['p1'], ['p2', 'p3']]);
    const second = await openPart(delivered[1]!);
    expect(second.manifest.posts[0]!.media.map((m) => m.path)).toEqual(['b0', 'b1', 'b2', 'b3'].map((id) => `media/images/instagram/2026-01-02_${id}.jpg`));
    expect(second.names.filter((name) => name.endsWith('.meta.json'))).toHaveLength(4);
  });

  it('after a worker stop mid-part, carries on in that part: no entry twice, no part delivered twice', async () => {
    const worker = stoppableWorker();
    let firstDelivered!: () => void;
    const partOneDelivered = new Promise<void>((resolve) => (firstDelivered = resolve));
    onDeliver = (file) => {
      if (file === 'export.part-01.zip') firstDelivered();
    };
    // The worker dies once part 2 holds one post, while the next post's file is on its way.
    worker.stopAtDownloadOf('m3', async () => {
      await partOneDelivered;
      await vi.waitFor(async () => expect((await getJob(splitJob().id))?.parts?.[1]?.end).toBe(3));
    });
    const left = await worker.run(splitJob());
    expect(left.stage).not.toBe('done');
    expect(left.parts!.map((part) => [part.size !== undefined, part.end])).toEqual([
      [true, 2],
      [false, 3],
    ]);
    // What the stopped worker had begun of a further entry, past the saved end: resuming cuts it off.
    const open = memoryZip(left.id, 'export.part-02.zip')!;
    open.write(new Uint8Array(300).fill(0x50), open.getSize());

    const job = await run({ ...left, stage: left.stage === 'failed' ? left.resumeStage! : left.stage });
    expect(job.stage, job.error?.message).toBe('done');
    expect(delivered.map((d) => d.file)).toEqual(['export.part-01.zip', 'export.part-02.zip', 'export.part-03.zip', 'export.part-04.zip']);
    expect(await postsPerPart()).toEqual([['p0', 'p1'], ['p2', 'p3'], ['p4', 'p5'], ['p6']]);
    expect([...(staged.get(job.id)?.keys() ?? [])]).toEqual([]);
  });

  it('resumed straight into the archive stage with files still to fetch, fetches them before the last part', async () => {
    const worker = stoppableWorker();
    worker.stopAtDownloadOf('m5');
    const left = await worker.run(splitJob());
    expect(left.stage).not.toBe('done');

    // As a job failed in its archive stage resumes: no media stage of its own.
    const job = await run({ ...left, stage: 'archive', metadataDone: true, error: undefined, resumeStage: undefined });
    expect(job.stage, job.error?.message).toBe('done');
    expect(await postsPerPart()).toEqual([['p0', 'p1'], ['p2', 'p3'], ['p4', 'p5'], ['p6']]);
  });

  it('after a worker stop between parts, hands over the part left complete once and goes on with the next', async () => {
    const worker = stoppableWorker();
    onDeliver = (file) => {
      // The worker dies as part 2 is complete and about to go to Downloads.
      if (worker.alive && file === 'export.part-02.zip') {
        worker.stop();
        throw new Error('The service worker stopped.');
      }
    };
    const left = await worker.run(splitJob());
    expect(left.stage).not.toBe('done');
    expect(left.parts![0]!.delivered).toBe(true);
    expect(left.parts![1]!.size).toBeDefined();
    expect(left.parts![1]!.delivered).toBeUndefined();

    const job = await run({ ...left, stage: left.stage === 'failed' ? left.resumeStage! : left.stage });
    expect(job.stage, job.error?.message).toBe('done');
    expect(delivered.map((d) => d.file)).toEqual(['export.part-01.zip', 'export.part-02.zip', 'export.part-03.zip', 'export.part-04.zip']);
    expect(await postsPerPart()).toEqual([['p0', 'p1'], ['p2', 'p3'], ['p4', 'p5'], ['p6']]);
  });

  it('makes a file that failed in a complete part final: Retry has nothing to fetch again', async () => {
    services.downloadWithRetry.mockImplementation(async (opts: DownloadWithRetryOptions) => {
      if (opts.url.includes('/m0_n')) throw new ExportError('http_error', 'The CDN answered 503.', { status: 503 });
      return servedDownload(opts);
    });
    const job = await run(splitJob());
    expect(job.stage, job.error?.message).toBe('done');
    expect(job.media.failed).toBe(1);
    expect(job.retryableFailed ?? 0).toBe(0);
    const first = await openPart(delivered[0]!);
    expect(first.manifest.posts[0]!.media[0]).toMatchObject({ id: 'm0', failure: { reason: 'http_error' } });
  });
});
