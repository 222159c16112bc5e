import { execFileSync } from 'node:child_process';
import { closeSync, fstatSync, ftruncateSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BlobReader, TextWriter, ZipReader } from '@zip.js/zip.js';
import { IDBFactory } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PositionalFile } from '@/lib/export/archive/stream/positionalFile';
import { StreamingZipWriter } from '@/lib/export/archive/stream/streamingZipWriter';
import { textChunks } from '@/lib/export/archive/textStream';
import { storedManifestPosts } from '@/lib/export/job/storedManifestPosts';
import type { Manifest, MediaOutcome } from '@/lib/export/layout/manifest';
import { manifestChunks, manifestSource } from '@/lib/export/layout/manifestStream';
import { closeExportDb, openExportDb, type MediaRecord, type PostRecord } from '@/lib/storage/exportDb';

const JOB = '20261207-5a5a5a';
const POSTS = 50_000;
/**
 * Growth of the live heap allowed while the main JSON streams: it measured ~2 MB, where reading
 * the posts into one array and stringifying them (as the archive stage did) grew it by ~280 MB
 * for these 76 M characters of JSON. Loose on purpose: the machine is shared.
 */
const MAX_GROWTH_MB = 100;
const MB = 1024 * 1024;
const SAMPLE_CHARS = 8 * MB;

/** A caption of the size creators write, with text V8 must store two bytes a character. */
const captionOf = (n: number) => `Post ${n} — ${'Golden hour at the lake 🌅 ünïcödé "quoted" <b>tag</b>\n'.repeat(8)}`;

function gcFunction(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Every post has two files: the first kept, the second failed. */
async function storeAccount(): Promise<void> {
  const db = await openExportDb();
  const batch = 2_000;
  for (let from = 0; from < POSTS; from += batch) {
    const tx = db.transaction(['posts', 'media'], 'readwrite');
    for (let n = from; n < from + batch; n += 1) {
      const id = `${3_100_000_000_000_000 + n}`;
      const publishedAt = new Date(Date.UTC(2020, 0, 1) + n * 3_600_000).toISOString();
      const caption = captionOf(n);
      const post: PostRecord = {
        jobId: JOB,
        seq: n,
        post: { id, platform: 'instagram', kind: 'carousel', publishedAt, caption, permalink: `https://www.instagram.com/p/${id}/`, metadata: { like_count: n, location: { name: 'Lake' } } },
        mediaIds: [`${id}_a`, `${id}_b`],
      };
      void tx.objectStore('posts').put(post);
      for (const [index, mediaId] of post.mediaIds.entries()) {
        const record: MediaRecord = {
          jobId: JOB,
          mediaId,
          seq: n * 2 + index,
          item: { id: mediaId, postId: id, kind: 'image', url: `https://scontent.cdninstagram.com/v/${mediaId}.jpg?oh=SIG`, width: 1080, height: 1350, publishedAt, caption },
          state: index === 0 ? 'kept' : 'failed',
          ...(index === 0 ? { format: 'jpg' as const, bytes: 100_000 + n } : { failure: { mediaId, postId: id, url: '', reason: 'expired_url' as const, message: 'The link expired.' } }),
        };
        void tx.objectStore('media').put(record);
      }
    }
    await tx.done;
  }
}

function outcomeOf(record: MediaRecord): MediaOutcome | undefined {
  if (record.state === 'failed' && record.failure) return { status: 'failed', reason: record.failure.reason, message: record.failure.message };
  if (record.state !== 'kept') return undefined;
  return { status: 'saved', path: `media/images/instagram/${record.mediaId}.jpg`, format: 'jpg', byteSize: record.bytes!, sha256: 'ab'.repeat(32) };
}

describe('the metadata of a 50 000-post export', () => {
  let dir: string;

  beforeAll(async () => {
    closeExportDb();
    indexedDB = new IDBFactory();
    dir = await mkdtemp(join(tmpdir(), 'star-metadata-'));
  });

  afterAll(async () => {
    closeExportDb();
    await rm(dir, { recursive: true, force: true });
  });

  it('streams its main JSON into a ZIP with bounded memory, complete and valid', async () => {
    await storeAccount();
    const gc = gcFunction();
    const zipPath = join(dir, 'export.zip');
    const heap = () => {
      gc();
      return process.memoryUsage().heapUsed;
    };
    const baseline = heap();
    let peak = baseline;
    let chars = 0;
    let samples = 0;
    // Sampled every ~8 M characters of JSON: after a full collection, what is still held is what the stream keeps.
    async function* measured(pieces: AsyncIterable<string>): AsyncGenerator<string> {
      for await (const piece of pieces) {
        const before = Math.floor(chars / SAMPLE_CHARS);
        chars += piece.length;
        if (Math.floor(chars / SAMPLE_CHARS) !== before) {
          peak = Math.max(peak, heap());
          samples += 1;
        }
        yield piece;
      }
    }

    const fd = openSync(zipPath, 'w+');
    // The ZIP on disk, as the ZIP worker writes it through an OPFS sync access handle.
    const file: PositionalFile = {
      write: (bytes, at) => void writeSync(fd, bytes, 0, bytes.byteLength, at),
      truncate: (size) => ftruncateSync(fd, size),
      getSize: () => fstatSync(fd).size,
      flush: () => fsyncSync(fd),
    };
    const zip = await StreamingZipWriter.open(file, 0);
    const head = {
      jobId: JOB,
      exporterVersion: '0.1.0',
      platform: 'instagram' as const,
      account: { id: '42', handle: 'star.demo' },
      options: { platform: 'instagram' as const, format: 'json' as const, includeMedia: true, mediaTypes: ['images'], quality: 'original' as const },
      exportedAt: new Date('2026-12-07T02:00:00Z'),
      failed: [],
      sections: [],
    };
    const source = await manifestSource(head, storedManifestPosts(JOB, undefined, outcomeOf));
    peak = Math.max(peak, heap());
    const written = await zip.append(`export-${JOB}/instagram-export-${JOB}.json`, head.exportedAt.getTime(), textChunks(measured(manifestChunks(source))), { deflate: true });
    await zip.finish([written]);
    closeSync(fd);
    const growthMB = (peak - baseline) / MB;

    expect(samples).toBeGreaterThan(5);
    expect(growthMB, `live heap grew ${growthMB.toFixed(1)} MB`).toBeLessThan(MAX_GROWTH_MB);
    expect(execFileSync('unzip', ['-tq', zipPath], { encoding: 'utf8' })).toMatch(/No errors detected/);

    const reader = new ZipReader(new BlobReader(new Blob([await readFile(zipPath)])));
    const [entry] = await reader.getEntries();
    if (!entry || entry.directory) throw new Error('The ZIP holds no main JSON.');
    const text = await entry.getData(new TextWriter());
    await reader.close();
    const manifest = JSON.parse(text) as Manifest;
    expect(manifest.counts).toEqual({ posts: POSTS, media: POSTS * 2, savedFiles: POSTS, failedFiles: 0, savedBytes: POSTS * 100_000 + (POSTS * (POSTS - 1)) / 2 });
    expect(manifest.posts).toHaveLength(POSTS);
    for (const n of [0, 1, 199, 200, 24_999, POSTS - 1]) {
      const post = manifest.posts[n]!;
      expect(post.id).toBe(`${3_100_000_000_000_000 + n}`);
      expect(post.caption).toBe(captionOf(n));
      expect(post.media.map((m) => m.path ?? m.failure?.reason)).toEqual([`media/images/instagram/${post.id}_a.jpg`, 'expired_url']);
    }
  }, 600_000);
});
