import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader, configure } from '@zip.js/zip.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ZipWorkerClient } from '../../../../../lib/export/archive/stream/zipWorkerClient';
import type { ZipWorkerPort } from '../../../../../lib/export/archive/stream/zipWorkerProtocol';
import { serveZipWorker, type ClosableFile, type ZipWorkerFiles } from '../../../../../lib/export/archive/stream/zipWorkerService';
import type { ZipEntryRecord } from '../../../../../lib/export/archive/stream/zipFormat';
import type { Chunks } from '../../../../../lib/export/archive/stream/streamingZipWriter';
import { MemoryFile } from './memoryFiles';
import { noise } from '../../../support/noise';

configure({ useWebWorkers: false });

const dir = mkdtempSync(join(tmpdir(), 'zip-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A job folder in memory: the ZIP (survives a worker stop) and the staged media. */
class MemoryFolder implements ZipWorkerFiles {
  zips = new Map<string, MemoryFile>();
  staged = new Map<string, Blob>();
  openHandles = 0;

  async openZip(jobId: string, fileName: string): Promise<ClosableFile> {
    const key = `${jobId}/${fileName}`;
    const file = this.zips.get(key) ?? new MemoryFile();
    this.zips.set(key, file);
    this.openHandles += 1;
    return {
      write: (bytes, at) => file.write(bytes, at),
      truncate: (size) => file.truncate(size),
      getSize: () => file.getSize(),
      flush: () => file.flush(),
      close: () => {
        this.openHandles -= 1;
      },
    };
  }

  async readStaged(jobId: string, stagedName: string): Promise<Chunks | undefined> {
    const blob = this.staged.get(`${jobId}/${stagedName}`);
    return blob && pieces(new Uint8Array(await blob.arrayBuffer()), 64 * 1024);
  }
}

const ports: { close(): void }[] = [];
afterEach(() => ports.splice(0).forEach((p) => p.close()));

/** A worker on one end of a channel, its client on the other, as the offscreen document connects them. */
function startWorker(folder: MemoryFolder): ZipWorkerClient {
  const channel = new MessageChannel();
  ports.push(channel.port1, channel.port2);
  serveZipWorker(channel.port2 as unknown as ZipWorkerPort, folder);
  return new ZipWorkerClient(channel.port1 as unknown as ZipWorkerPort);
}

async function* pieces(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

async function expectZip(bytes: Uint8Array, expected: [string, Uint8Array][]): Promise<void> {
  const path = join(dir, `${expected.length}-${bytes.length}.zip`);
  writeFileSync(path, bytes);
  const test = spawnSync('/usr/bin/unzip', ['-tq', path], { encoding: 'utf8' });
  expect(test.status, test.stdout + test.stderr).toBe(0);
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  const entries = await reader.getEntries();
  expect(entries.map((e) => e.filename)).toEqual(expected.map(([name]) => name));
  for (const [i, entry] of entries.entries()) {
    if (entry.directory) throw new Error('no directories');
    const data = await entry.getData(new Uint8ArrayWriter(), { checkCrc32: true });
    expect(Buffer.from(data).equals(Buffer.from(expected[i]![1])), entry.filename).toBe(true);
  }
  await reader.close();
}

const MODIFIED = Date.parse('2026-03-04T05:06:07Z');
const video = noise(3_000_000, 3);
const sidecar = new TextEncoder().encode(JSON.stringify({ caption: 'Café ☕', sha256: 'ab'.repeat(32) }));
const manifest = new TextEncoder().encode(JSON.stringify({ posts: Array.from({ length: 30_000 }, (_, i) => ({ id: `p${i}` })) }));

describe('the ZIP worker and its client', () => {
  it('appends a staged file read by the worker, then streamed bytes in many messages, then finishes', async () => {
    const folder = new MemoryFolder();
    folder.staged.set('job1/m1.bin', new Blob([video]));
    const zip = startWorker(folder);
    expect(await zip.open('job1', 'export.zip', 0)).toEqual({ offset: 0 });
    const records: ZipEntryRecord[] = [];
    records.push(await zip.appendStaged('m1.bin', { name: 'e/media/v.mp4', modified: MODIFIED }));
    records.push(await zip.appendBytes({ name: 'e/media/v.mp4.meta.json', modified: MODIFIED }, sidecar));
    records.push(await zip.appendChunks({ name: 'e/export.json', modified: MODIFIED }, pieces(manifest, 4096)));
    expect(records.map((r) => r.size)).toEqual([video.length, sidecar.length, manifest.length]);
    const { size } = await zip.finish(records);
    await zip.close();
    expect(folder.openHandles).toBe(0);
    const bytes = folder.zips.get('job1/export.zip')!.bytes;
    expect(bytes.length).toBe(size);
    await expectZip(bytes, [
      ['e/media/v.mp4', video],
      ['e/media/v.mp4.meta.json', sidecar],
      ['e/export.json', manifest],
    ]);
  });

  it('carries on in a new worker from the saved offset after the last one stopped mid-entry', async () => {
    const folder = new MemoryFolder();
    folder.staged.set('job2/a.bin', new Blob([video.slice(0, 100_000)]));
    folder.staged.set('job2/b.bin', new Blob([video]));
    const first = startWorker(folder);
    await first.open('job2', 'export.zip', 0);
    const saved = [await first.appendStaged('a.bin', { name: 'a.jpg', modified: MODIFIED })];
    const file = folder.zips.get('job2/export.zip')!;
    file.stopAt = { write: file.writes + 2, keep: (n) => Math.floor(n / 2) };
    await expect(first.appendStaged('b.bin', { name: 'b.mp4', modified: MODIFIED })).rejects.toThrow('stopped');
    file.stopAt = undefined;
    const offset = saved[0]!.offset + 30 + 'a.jpg'.length + 9 + 20 + 100_000;
    expect(file.bytes.length).toBeGreaterThan(offset);

    const second = startWorker(folder);
    await second.open('job2', 'export.zip', offset);
    saved.push(await second.appendStaged('b.bin', { name: 'b.mp4', modified: MODIFIED }));
    await second.finish(saved);
    await second.close();
    await expectZip(file.bytes, [
      ['a.jpg', video.subarray(0, 100_000)],
      ['b.mp4', video],
    ]);
  });

  it('reports a missing staged file, and a write error by its name, and stays usable', async () => {
    const folder = new MemoryFolder();
    const zip = startWorker(folder);
    await zip.open('job3', 'export.zip', 0);
    await expect(zip.appendStaged('gone.bin', { name: 'x.jpg', modified: MODIFIED })).rejects.toThrow('The staged file gone.bin is missing.');
    const file = folder.zips.get('job3/export.zip')!;
    const write = file.write.bind(file);
    file.write = () => {
      throw new DOMException('The disk is full.', 'QuotaExceededError');
    };
    const failure = await zip.appendChunks({ name: 'big.json', modified: MODIFIED }, pieces(manifest, 100_000)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DOMException);
    expect((failure as DOMException).name).toBe('QuotaExceededError');
    await expect(zip.finish([])).rejects.toThrow('The disk is full.');
    file.write = write;
    expect(await zip.finish([])).toEqual({ size: 22 });
    await zip.close();
  });

  it('refuses work before a ZIP is open', async () => {
    const zip = startWorker(new MemoryFolder());
    await expect(zip.finish([])).rejects.toThrow('No ZIP is open');
  });
});
