import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader, configure, type Entry } from '@zip.js/zip.js';
import { describe, expect, it } from 'vitest';
import { createZipArchiveWriter } from '../../../../lib/export/archive/zipArchiveWriter';
import { noise } from '../../support/noise';

configure({ useWebWorkers: false });

const STORED = 0;
const DEFLATED = 8;
const UNZIP = '/usr/bin/unzip';

/** A WritableStream that keeps every chunk, and the bytes they make. */
function collectingStream(): { stream: WritableStream<Uint8Array>; bytes: () => Uint8Array } {
  const chunks: Uint8Array[] = [];
  const stream = new WritableStream<Uint8Array>({
    write(chunk) {
      chunks.push(chunk.slice());
    },
  });
  return {
    stream,
    bytes() {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
      }
      return out;
    },
  };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

type Input = { kind: 'text'; path: string; text: string; modified: Date } | { kind: 'file'; path: string; data: Uint8Array<ArrayBuffer>; modified: Date };

const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];
const jpeg = new Uint8Array([...JPEG_HEAD, ...noise(70_000, 7)]);
const mp4 = noise(300_000, 11);
const manifest = JSON.stringify({ schemaVersion: 1, posts: Array.from({ length: 200 }, (_, i) => ({ id: `p${i}`, caption: 'same caption again' })) }, null, 2);

const INPUTS: Input[] = [
  { kind: 'text', path: 'export-20261124-7f3a9c/instagram-export-20261124-7f3a9c.json', text: manifest, modified: new Date('2026-11-24T12:34:57Z') },
  { kind: 'file', path: 'export-20261124-7f3a9c/media/images/instagram/2026-01-02_111.jpg', data: jpeg, modified: new Date('2026-01-02T03:04:05Z') },
  { kind: 'text', path: 'export-20261124-7f3a9c/media/images/instagram/111.jpg.meta.json', text: '{"id":"111","caption":"Café ☕ — 日本"}', modified: new Date('2026-01-02T03:04:05Z') },
  { kind: 'file', path: 'export-20261124-7f3a9c/media/videos/instagram/2019-07-31_222.mp4', data: mp4, modified: new Date('2019-07-31T23:59:59Z') },
  { kind: 'file', path: 'export-20261124-7f3a9c/media/images/instagram/2026-01-02_empty.jpg', data: new Uint8Array(0), modified: new Date('2026-01-02T03:04:05Z') },
  { kind: 'text', path: 'export-20261124-7f3a9c/posts.csv', text: '', modified: new Date('2026-11-24T12:34:57Z') },
  { kind: 'text', path: 'export-20261124-7f3a9c/media/images/instagram/ünï-cödé_名前.txt', text: 'x', modified: new Date('2024-02-29T00:00:01Z') },
];

async function writeZip(inputs: Input[]): Promise<Uint8Array> {
  const out = collectingStream();
  const writer = createZipArchiveWriter(out.stream, new AbortController().signal);
  for (const input of inputs) {
    if (input.kind === 'text') await writer.addText(input.path, input.text, input.modified);
    else await writer.addFile(input.path, new Blob([input.data]), input.modified);
  }
  await writer.close();
  return out.bytes();
}

async function readZip(bytes: Uint8Array): Promise<{ entry: Entry; data: Uint8Array }[]> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  const entries = await reader.getEntries();
  const out = [];
  for (const entry of entries) {
    if (entry.directory) throw new Error(`unexpected directory ${entry.filename}`);
    out.push({ entry, data: await entry.getData(new Uint8ArrayWriter()) });
  }
  await reader.close();
  return out;
}

/** The MS-DOS date and time of the header, read as the local time it stands for. */
function dosTime(raw: number | bigint): Date {
  const value = Number(raw);
  const date = value >>> 16;
  const time = value & 0xffff;
  return new Date((date >> 9) + 1980, ((date >> 5) & 15) - 1, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2);
}

const zipBytes = writeZip(INPUTS);
const archive = zipBytes.then(readZip);

describe('createZipArchiveWriter', () => {
  it('writes every entry, in order, with its exact name', async () => {
    const entries = await archive;
    expect(entries.map(({ entry }) => entry.filename)).toEqual(INPUTS.map((input) => input.path));
  });

  it.each(INPUTS.map((input, index) => [input.path, index] as const))('keeps the bytes of %s', async (_path, index) => {
    const input = INPUTS[index]!;
    const { entry, data } = (await archive)[index]!;
    const expected = input.kind === 'text' ? new TextEncoder().encode(input.text) : input.data;
    expect(entry.uncompressedSize).toBe(expected.length);
    expect(sha256(data)).toBe(sha256(expected));
  });

  it.each(INPUTS.map((input, index) => [input.kind, input.path, index] as const))(
    '%s entry %s: media stored, text deflated',
    async (kind, _path, index) => {
      const { entry } = (await archive)[index]!;
      if (kind === 'file') {
        expect(entry.compressionMethod).toBe(STORED);
        expect(entry.compressedSize).toBe(entry.uncompressedSize);
      } else {
        expect(entry.compressionMethod).toBe(DEFLATED);
      }
    },
  );

  it('really compresses text', async () => {
    const { entry } = (await archive)[0]!;
    expect(entry.compressedSize).toBeLessThan(entry.uncompressedSize / 5);
  });

  it('marks non-ASCII names as UTF-8', async () => {
    const entries = await archive;
    const named = entries.find(({ entry }) => entry.filename.includes('名前'))!;
    expect(named.entry.filenameUTF8).toBe(true);
  });

  it.each(INPUTS.map((input, index) => [input.path, input.modified.toISOString(), index] as const))(
    'dates %s at %s',
    async (_path, iso, index) => {
      const { entry } = (await archive)[index]!;
      // The extended timestamp (UTC, 1 s resolution) is what unzip and macOS read.
      expect(entry.lastModDate.toISOString()).toBe(iso);
      // The MS-DOS field (local time, 2 s resolution) is what Windows Explorer reads.
      expect(Math.abs(dosTime(entry.rawLastModDate).getTime() - Date.parse(iso))).toBeLessThanOrEqual(2000);
    },
  );

  it('keeps the second of a publish time whatever its milliseconds', async () => {
    const [read] = await readZip(
      await writeZip([{ kind: 'file', path: 'a.jpg', data: jpeg, modified: new Date('2026-03-04T05:06:07.890Z') }]),
    );
    expect(read!.entry.lastModDate.toISOString()).toBe('2026-03-04T05:06:07.000Z');
  });

  it('writes an empty archive that still opens', async () => {
    expect(await readZip(await writeZip([]))).toEqual([]);
  });

  it('stops writing when the job is cancelled', async () => {
    const out = collectingStream();
    const controller = new AbortController();
    const writer = createZipArchiveWriter(out.stream, controller.signal);
    await writer.addText('first.json', '{}', new Date('2026-01-01T00:00:00Z'));
    controller.abort();
    await expect(writer.addFile('big.mp4', new Blob([mp4]), new Date('2026-01-01T00:00:00Z'))).rejects.toMatchObject({
      name: 'AbortError',
    });
  });

  it.skipIf(!existsSync(UNZIP))('passes unzip -t and lists the same names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'star-export-zip-'));
    try {
      const file = join(dir, 'export.zip');
      writeFileSync(file, await zipBytes);
      const test = execFileSync(UNZIP, ['-t', file], { encoding: 'utf8' });
      expect(test).toMatch(/No errors detected/);
      const names = execFileSync(UNZIP, ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
      expect(names).toEqual(INPUTS.map((input) => input.path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
