import { IDBFactory } from 'fake-indexeddb';
import { configure } from '@zip.js/zip.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ExportError } from '../../../../lib/errors';
import { DEFAULT_EXPORT_SETTINGS, exportSettings } from '../../../../lib/export/exportSettings';
import { continueWaitingJob } from '../../../../lib/export/job/continueNow';
import { runJob } from '../../../../lib/export/job/runJob';
import { jobStatusText } from '../../../../lib/export/jobStatusText';
import { toSnapshot } from '../../../../lib/export/job/jobSnapshot';
import { onPartCompleted, readPartStream } from '../../../../lib/export/parts/completedParts';
import { PART_RESERVE_BYTES, estimatedPostBytes } from '../../../../lib/export/parts/partPlan';
import { adapterFor } from '../../../../lib/platforms/registry';
import { closeExportDb, type JobRecord } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { saveWebdavAccount } from '../../../../lib/upload/webdav/webdavAccount';
import { FakeWebdav } from '../../upload/fakeWebdav';
import { jobRecord } from './jobs';
import { staged } from './memoryStaging';
import { JPEG_BYTES, fakeAdapter, photoPosts, servedDownload } from './runJobHarness';
import { testServices } from './testServices';

configure({ useWebWorkers: false });

const USER = 'alice';
const PASSWORD = 'app-password-1';
const NEXTCLOUD_URL = 'https://cloud.example.test/remote.php/dav/files/alice/Exports/';
const PLAIN_URL = 'https://dav.example.test/exports/';
/** How long a paused job may take to say so on a loaded machine. */
const WAIT = { timeout: 20_000, interval: 20 };
/** Small chunks: each part of the test export goes up in several. */
const CHUNK = 512;

/** The server the uploader talks to; `beforeRequest` sees each request first and may stop the worker. */
const net: { server: FakeWebdav; beforeRequest?: (method: string, url: URL, headers: Headers) => void } = {
  server: new FakeWebdav({ user: USER, password: PASSWORD }),
};

const services = testServices();
// The real uploader, against the in-memory server, with small chunks and no waits between tries.
vi.mock('../../../../lib/upload/webdav/webdavUpload', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../../lib/upload/webdav/webdavUpload')>();
  return {
    ...actual,
    uploadToWebdav: (options: Parameters<typeof actual.uploadToWebdav>[0]) =>
      actual.uploadToWebdav({
        ...options,
        chunkSize: CHUNK,
        retryDelaysMs: [0, 0, 0],
        fetch: async (input, init = {}) => {
          // A stopped worker's requests go nowhere, as fetch does with an aborted signal.
          init.signal?.throwIfAborted();
          const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
          net.beforeRequest?.(init.method ?? 'GET', url, new Headers(init.headers));
          init.signal?.throwIfAborted();
          return net.server.fetch(input, init);
        },
      }),
  };
});

const POSTS = photoPosts(7);
const splitJob = () => jobRecord({ request: { platform: 'instagram', format: 'csv', includeMedia: true, splitGB: 2, saveTo: 'webdav' } });

/** Every part's bytes as written, read when it is announced complete (its file goes once uploaded). */
function collectParts(): { parts: Map<number, Uint8Array>; stop: () => void } {
  const parts = new Map<number, Uint8Array>();
  const stop = onPartCompleted(async (part) => {
    parts.set(part.number, new Uint8Array(await new Response(await readPartStream(services.staging, part.jobId, part.number)).arrayBuffer()));
  });
  return { parts, stop };
}

async function useServer(url: string): Promise<FakeWebdav> {
  const server = new FakeWebdav({ user: USER, password: PASSWORD });
  server.mkdir(new URL(url).pathname);
  server.mkdir('/remote.php/dav/uploads/alice/');
  net.server = server;
  await saveWebdavAccount({ url, user: USER, password: PASSWORD });
  return server;
}

/** The parts on the server, by name, in the export's folder. */
function uploadedParts(server: FakeWebdav, folderPath: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const [path, bytes] of server.files) if (path.startsWith(folderPath)) files.set(path.slice(folderPath.length), bytes);
  return files;
}

const partFiles = (jobId: string) => [...(staged.get(jobId)?.keys() ?? [])].filter((name) => name.startsWith('export.'));

beforeEach(async () => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
  staged.clear();
  net.beforeRequest = undefined;
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Star Export', version: '1.0.0' });
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
  services.downloadWithRetry.mockImplementation(servedDownload);
  services.delivery.deliverArchive.mockReset();
  services.adapterFor.mockImplementation((id) => (id === 'instagram' ? fakeAdapter([POSTS]) : adapterFor(id)));
  // Room for two posts a part: seven one-photo posts make four parts.
  const onePost = estimatedPostBytes({ textBytes: new TextEncoder().encode(JSON.stringify(POSTS[0])).byteLength + 16, fileBytes: [JPEG_BYTES.byteLength] });
  await exportSettings.setValue({ ...DEFAULT_EXPORT_SETTINGS, partBytes: PART_RESERVE_BYTES + 2 * onePost + 1 });
});

describe('a split export saved to WebDAV', () => {
  it('uploads each part into the export folder as it completes, frees it once confirmed, and sends nothing to Downloads', async () => {
    const server = await useServer(NEXTCLOUD_URL);
    const { parts, stop } = collectParts();
    const snapshots: JobRecord[] = [];
    let job = splitJob();
    // When a part starts going up, the part before it is confirmed and its file already gone.
    const storedAtFirstChunk = new Map<string, string[]>();
    net.beforeRequest = (method, url, headers) => {
      const destination = headers.get('Destination');
      if (method === 'PUT' && destination && url.pathname.endsWith('/00001')) storedAtFirstChunk.set(destination.slice(-11), partFiles(job.id));
    };
    await runJob(job, new AbortController().signal, async (saved) => {
      snapshots.push(structuredClone(saved));
      await putJob(saved);
    }, services);
    stop();
    job = (await getJob(job.id))!;

    expect(job.stage, job.error?.message).toBe('done');
    expect(services.delivery.deliverArchive).not.toHaveBeenCalled();
    expect(job.parts).toHaveLength(4);
    const folder = `/remote.php/dav/files/alice/Exports/${job.parts![0]!.name.replace(/_part-01\.zip$/, '')}/`;
    const onServer = uploadedParts(server, folder);
    expect([...onServer.keys()].sort()).toEqual(job.parts!.map((part) => part.name));
    for (const part of job.parts!) {
      expect(onServer.get(part.name), part.name).toEqual(parts.get(part.number));
      expect(part).toMatchObject({ delivered: true, uploadCheckpoint: { complete: true, confirmed: part.size } });
    }
    expect([...storedAtFirstChunk.keys()].sort()).toEqual(['part-01.zip', 'part-02.zip', 'part-03.zip', 'part-04.zip']);
    for (const [name, stored] of storedAtFirstChunk) {
      const number = Number(/part-(\d+)/.exec(name)![1]);
      const earlier = Array.from({ length: number - 1 }, (_, i) => `export.part-0${i + 1}.zip`);
      expect(stored.filter((file) => earlier.includes(file)), `stored when ${name} started`).toEqual([]);
    }
    expect(partFiles(job.id)).toEqual([]);

    const lines = snapshots.map((saved) => jobStatusText(toSnapshot(saved)));
    // How many parts there are is known once the last is complete, which may come after part 2 went up.
    expect(lines.some((line) => /Uploading part 2( of 4)? to WebDAV — \d+(\.\d)? KB of \d+(\.\d)? KB…$/.test(line)), lines.join('\n')).toBe(true);
    expect(lines.at(-1)).toMatch(/^Done: 7 posts, 7 media files\. 4 ZIPs, from .*_part-01\.zip, were saved to WebDAV\.$/);
  });

  it('after a worker stop mid-part, carries on with that part from the chunks the server holds, each part once', async () => {
    const server = await useServer(NEXTCLOUD_URL);
    const { parts, stop } = collectParts();
    const first = splitJob();
    const worker = new AbortController();
    let alive = true;
    net.beforeRequest = (method, url, headers) => {
      // The worker dies as the third chunk of part 2 is about to go up: nothing it does after is saved.
      if (alive && method === 'PUT' && headers.get('Destination')?.endsWith('_part-02.zip') && url.pathname.endsWith('/00003')) {
        alive = false;
        worker.abort(new ExportError('network_error', 'The service worker stopped.'));
      }
    };
    await runJob(first, worker.signal, async (saved) => {
      if (alive) await putJob(saved);
    }, services);
    const left = (await getJob(first.id))!;
    expect(left.stage).not.toBe('done');
    expect(left.parts![0]!.delivered).toBe(true);
    expect(left.parts![1]).toMatchObject({ uploadCheckpoint: { confirmed: 2 * CHUNK } });
    expect(left.parts![1]!.delivered).toBeUndefined();

    const transfer = new URL(left.parts![1]!.uploadCheckpoint!.transferUrl!).pathname;
    // The next worker runs the job as IndexedDB left it.
    const requestsBefore = server.requests.length;
    await runJob(left, new AbortController().signal, putJob, services);
    stop();
    const job = (await getJob(first.id))!;
    expect(job.stage, job.error?.message).toBe('done');
    // Part 1 is not sent again; part 2 goes on from its third chunk, in the upload the server kept.
    const resumedPuts = server.requests.slice(requestsBefore).filter((r) => r.method === 'PUT');
    expect(resumedPuts[0]!.path).toBe(`${transfer}00003`);
    expect(resumedPuts.filter((r) => r.path.startsWith(transfer)).map((r) => r.path.slice(transfer.length))).not.toContain('00002');
    expect(server.requests.filter((r) => r.method === 'PUT' && r.path.startsWith(transfer) && r.path.endsWith('/00001'))).toHaveLength(1);
    const folder = `/remote.php/dav/files/alice/Exports/${job.parts![0]!.name.replace(/_part-01\.zip$/, '')}/`;
    const onServer = uploadedParts(server, folder);
    expect([...onServer.keys()].sort()).toEqual(job.parts!.map((part) => part.name));
    for (const part of job.parts!) expect(onServer.get(part.name), part.name).toEqual(parts.get(part.number));
    expect(partFiles(job.id)).toEqual([]);
    expect(services.delivery.deliverArchive).not.toHaveBeenCalled();
  });

  it('on a plain WebDAV server, pauses on a refused password, keeps the parts confirmed, and Continue uploads the rest', async () => {
    const server = await useServer(PLAIN_URL);
    const { parts, stop } = collectParts();
    let refused = 0;
    net.beforeRequest = (method, _url, headers) => {
      // The login expires after two parts: every request is refused until the password is fixed.
      if (method === 'PUT' && headers.get('Destination') === null && refused === 0 && server.files.size >= 2) {
        refused++;
        server.setPassword('rotated');
      }
    };
    const job = splitJob();
    const saved: JobRecord[] = [];
    const running = runJob(job, new AbortController().signal, async (record) => {
      saved.push(structuredClone(record));
      await putJob(record);
    }, services);
    await vi.waitFor(() => expect(saved.at(-1)?.pausedFor).toBe('upload'), WAIT);
    const paused = saved.at(-1)!;
    expect(paused.stage).not.toBe('failed');
    expect(jobStatusText(toSnapshot(paused))).toMatch(
      /^Paused: The WebDAV server refused the user name or app password\. Check them in History & settings, then press Continue\. 0 B of .* of part 3( of 4)? are on WebDAV already; nothing is lost\.$/,
    );
    expect(paused.parts!.filter((part) => part.delivered)).toHaveLength(2);
    // Still refused: Continue asks the server again and the job pauses again, nothing lost.
    const savesBefore = saved.length;
    expect(continueWaitingJob(job.id)).toBe(true);
    await vi.waitFor(() => {
      const after = saved.slice(savesBefore).map((record) => record.pausedFor);
      const resumed = after.indexOf(undefined);
      expect(resumed).toBeGreaterThanOrEqual(0);
      expect(after.slice(resumed)).toContain('upload');
    }, WAIT);
    expect(saved.at(-1)!.pausedFor).toBe('upload');

    server.setPassword(PASSWORD);
    expect(continueWaitingJob(job.id)).toBe(true);
    await running;
    stop();
    const done = (await getJob(job.id))!;
    expect(done.stage, done.error?.message).toBe('done');
    expect(done.pausedFor).toBeUndefined();
    const folder = `/exports/${done.parts![0]!.name.replace(/_part-01\.zip$/, '')}/`;
    const onServer = uploadedParts(server, folder);
    for (const part of done.parts!) expect(onServer.get(part.name), part.name).toEqual(parts.get(part.number));
    // Parts the server confirmed before the pause were not sent again.
    const puts = server.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('.zip')).map((r) => r.path.slice(folder.length));
    expect(puts.filter((name) => name === done.parts![0]!.name)).toHaveLength(1);
    expect(partFiles(done.id)).toEqual([]);
  });

  it('pauses when the server is full, and Continue after space was freed carries on from the chunks it holds', async () => {
    const server = await useServer(NEXTCLOUD_URL);
    const { parts, stop } = collectParts();
    server.setQuota(CHUNK * 5);
    const job = splitJob();
    const saved: JobRecord[] = [];
    const running = runJob(job, new AbortController().signal, async (record) => {
      saved.push(structuredClone(record));
      await putJob(record);
    }, services);
    await vi.waitFor(() => expect(saved.at(-1)?.pausedFor).toBe('upload'), WAIT);
    expect(saved.at(-1)!.pauseMessage).toBe('The WebDAV server says the account is full. Free space there, then press Continue.');
    const chunksBefore = server.requests.filter((r) => r.method === 'PUT').map((r) => r.path);

    server.setQuota(undefined);
    expect(continueWaitingJob(job.id)).toBe(true);
    await running;
    stop();
    const done = (await getJob(job.id))!;
    expect(done.stage, done.error?.message).toBe('done');
    const folder = `/remote.php/dav/files/alice/Exports/${done.parts![0]!.name.replace(/_part-01\.zip$/, '')}/`;
    const onServer = uploadedParts(server, folder);
    for (const part of done.parts!) expect(onServer.get(part.name), part.name).toEqual(parts.get(part.number));
    // No chunk the server had accepted went up again.
    const accepted = new Set(chunksBefore.slice(0, -1));
    const after = server.requests.filter((r) => r.method === 'PUT').slice(chunksBefore.length).map((r) => r.path);
    expect(after.filter((path) => accepted.has(path))).toEqual([]);
  });
});
