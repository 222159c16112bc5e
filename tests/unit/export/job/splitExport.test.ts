import { createHash } from 'node:crypto';
import { BlobReader, Uint8ArrayWriter, ZipReader, configure } from '@zip.js/zip.js';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { DEFAULT_EXPORT_SETTINGS, exportSettings } from '../../../../lib/export/exportSettings';
import { runJob } from '../../../../lib/export/job/runJob';
import { toSnapshot } from '../../../../lib/export/job/jobSnapshot';
import { onPartCompleted, readPartStream, type CompletedPart } from '../../../../lib/export/parts/completedParts';
import { PART_RESERVE_BYTES, estimatedPostBytes } from '../../../../lib/export/parts/partPlan';
import { adapterFor } from '../../../../lib/platforms/registry';
import { closeExportDb, type JobRecord } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { jobRecord } from './jobs';
import { JPEG_BYTES, fakeAdapter, photoPosts, servedDownload } from './runJobHarness';
import { staged } from './memoryStaging';
import { testServices } from './testServices';

configure({ useWebWorkers: false });

const services = testServices();

const POSTS = photoPosts(7);
const JPEG_SHA256 = createHash('sha256').update(JPEG_BYTES).digest('hex');

interface Delivered {
  file: string;
  fileName: string;
  zip: Blob;
}

let delivered: Delivered[];
let refuse: ((file: string) => boolean) | undefined;

async function entriesOf(zip: Blob): Promise<Map<string, Uint8Array>> {
  const reader = new ZipReader(new BlobReader(zip));
  const entries = new Map<string, Uint8Array>();
  for (const entry of await reader.getEntries()) if (!entry.directory) entries.set(entry.filename, await entry.getData(new Uint8ArrayWriter()));
  await reader.close();
  return entries;
}

const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

async function run(job: JobRecord): Promise<JobRecord> {
  await runJob(job, new AbortController().signal, putJob, services);
  return (await getJob(job.id))!;
}

beforeEach(async () => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
  staged.clear();
  delivered = [];
  refuse = undefined;
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Star Export', version: '1.0.0' });
  services.downloadWithRetry.mockImplementation(servedDownload);
  services.delivery.deliverArchive.mockImplementation(async ({ jobId, file, fileName, onStarted }) => {
    // What the offscreen document would hand to Downloads: the file as stored at that moment.
    const zip = staged.get(jobId)?.get(file ?? 'export.zip');
    if (!zip) throw new Error(`${file} is not stored`);
    if (refuse?.(file ?? 'export.zip')) throw new Error('The browser stopped the download (NETWORK_FAILED).');
    delivered.push({ file: file ?? 'export.zip', fileName, zip });
    await onStarted(100 + delivered.length);
  });
  services.adapterFor.mockImplementation((id) => (id === 'instagram' ? fakeAdapter([POSTS]) : adapterFor(id)));
  // Room for two posts a part: small enough to split seven one-photo posts.
  const onePost = estimatedPostBytes({ textBytes: new TextEncoder().encode(JSON.stringify(POSTS[0])).byteLength + 16, fileBytes: [JPEG_BYTES.byteLength] });
  await exportSettings.setValue({ ...DEFAULT_EXPORT_SETTINGS, partBytes: PART_RESERVE_BYTES + 2 * onePost + 1 });
});

describe('a split export', () => {
  const splitJob = () => jobRecord({ request: { platform: 'instagram', format: 'csv', includeMedia: true, splitGB: 2 } });

  it('delivers ZIPs that each hold whole posts with their files, sidecars, main JSON and SHA256SUMS, every file once', async () => {
    const parts: CompletedPart[] = [];
    const stop = onPartCompleted((part) => void parts.push(part));
    const job = await run(splitJob());
    stop();

    expect(job.stage).toBe('done');
    expect(delivered).toHaveLength(4);
    delivered.forEach(({ fileName }, i) => expect(fileName).toMatch(new RegExp(`^star-export_instagram_star\\.demo_\\d{4}-\\d{2}-\\d{2}_20261124-7f3a9c_part-0${i + 1}\\.zip$`)));
    expect(toSnapshot(job)).toMatchObject({ partCount: 4, fileName: delivered[0]!.fileName });
    expect(toSnapshot(job)).not.toHaveProperty('parts');
    // Only the last part, complete once everything is listed and downloaded, knows how many there are.
    expect(parts.map((p) => [p.number, p.of, p.name])).toEqual(delivered.map((d, i) => [i + 1, i === 3 ? 4 : undefined, d.fileName]));
    expect(job.zipBytes).toBe(delivered.reduce((sum, d) => sum + d.zip.size, 0));

    const seen = new Map<string, number>();
    let postsSoFar = 0;
    for (const [index, { zip }] of delivered.entries()) {
      const entries = await entriesOf(zip);
      expect(parts[index]!.size).toBe(zip.size);
      const manifest = JSON.parse(text(entries.get('export-20261124-7f3a9c/instagram-export-20261124-7f3a9c.json'))) as {
        posts: { id: string; media: { id: string; path: string; sha256: string }[] }[];
        counts: { posts: number; savedFiles: number };
        part: { number: number; last: boolean; of?: number; names: string[]; total: { posts: number; savedFiles: number } };
      };
      const last = index === delivered.length - 1;
      expect(manifest.part).toEqual({
        number: index + 1,
        last,
        ...(last ? { of: 4 } : {}),
        names: delivered.slice(0, index + 1).map((d) => d.fileName),
        total: expect.objectContaining({ posts: postsSoFar + manifest.posts.length, savedFiles: postsSoFar + manifest.posts.length }) as unknown,
      });
      postsSoFar += manifest.posts.length;
      if (last) expect(manifest.part.total).toMatchObject({ posts: 7, savedFiles: 7 });
      expect(manifest.counts).toMatchObject({ posts: manifest.posts.length, savedFiles: manifest.posts.length });
      const sums = text(entries.get('export-20261124-7f3a9c/SHA256SUMS'));
      for (const post of manifest.posts) {
        seen.set(post.id, (seen.get(post.id) ?? 0) + 1);
        const [media] = post.media;
        // The post's file, its sidecar and its checksum line are in the same part as the post.
        expect(entries.get(`export-20261124-7f3a9c/${media!.path}`)).toEqual(JPEG_BYTES);
        expect(JSON.parse(text(entries.get(`export-20261124-7f3a9c/media/images/instagram/${media!.id}.jpg.meta.json`)))).toMatchObject({ postId: post.id, sha256: JPEG_SHA256 });
        expect(sums).toContain(`${JPEG_SHA256}  ${media!.path}\n`);
      }
      expect(sums.split('\n').filter(Boolean)).toHaveLength(manifest.posts.length);
      expect(text(entries.get('export-20261124-7f3a9c/instagram-export-20261124-7f3a9c.csv')).split('\r\n').filter(Boolean)).toHaveLength(manifest.posts.length + 1);
    }
    expect([...seen.keys()].sort()).toEqual(POSTS.map((p) => p.id).sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
    // Each part's file went once its download completed.
    expect([...(staged.get(job.id)?.keys() ?? [])].filter((name) => name.startsWith('export.'))).toEqual([]);
  });

  it('lets a listener read a completed part from any offset, as an upload resuming mid-file would', async () => {
    const read: Uint8Array[] = [];
    const stop = onPartCompleted(async (part) => {
      if (part.number !== 2) return;
      read.push(new Uint8Array(await new Response(await readPartStream(services.staging, part.jobId, part.number, 100)).arrayBuffer()));
    });
    const job = await run(splitJob());
    stop();
    expect(job.stage).toBe('done');
    const whole = new Uint8Array(await delivered[1]!.zip.arrayBuffer());
    expect(read).toEqual([whole.subarray(100)]);
  });

  it('keeps a part until every listener is done with it', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let storedWhileHeld: boolean | undefined;
    const stop = onPartCompleted(async (part) => {
      if (part.number !== 1) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
      storedWhileHeld = staged.get(part.jobId)?.has('export.part-01.zip');
      release();
      await held;
    });
    const job = await run(splitJob());
    stop();
    expect(job.stage).toBe('done');
    expect(storedWhileHeld).toBe(true);
  });

  it('after a part that could not be delivered, Resume delivers each part once and the export completes', async () => {
    refuse = (file) => file === 'export.part-03.zip';
    const stopped = await run(splitJob());
    expect(stopped.stage).toBe('failed');
    expect(toSnapshot(stopped).resumable).toBe(true);
    expect(stopped.parts!.slice(0, 2).every((p) => p.delivered)).toBe(true);
    expect(stopped.parts![2]!.delivered).toBeUndefined();

    refuse = undefined;
    const resumed = await run({ ...stopped, stage: stopped.resumeStage!, resumeStage: undefined, error: undefined });
    expect(resumed.stage).toBe('done');
    expect(resumed.parts!.every((p) => p.delivered)).toBe(true);
    expect(delivered.map((d) => d.file).sort()).toEqual(['export.part-01.zip', 'export.part-02.zip', 'export.part-03.zip', 'export.part-04.zip']);
  });
});
