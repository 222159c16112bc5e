import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Reader, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, configure, type Entry } from '@zip.js/zip.js';
import { afterAll, describe, expect, it } from 'vitest';
import { StreamingZipWriter, type ZipEntryRecord } from '../../../../../lib/export/archive/stream/streamingZipWriter';
import { entryEnd, localHeader, localHeaderLength, encodeName } from '../../../../../lib/export/archive/stream/zipFormat';
import { MemoryFile, SparseFile } from './memoryFiles';
import { noise } from '../../../support/noise';

configure({ useWebWorkers: false });

const UNZIP = '/usr/bin/unzip';
const GiB = 1024 ** 3;
const dir = mkdtempSync(join(tmpdir(), 'stream-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Input {
  name: string;
  modified: number;
  data: Uint8Array;
  deflate?: boolean;
}

const INPUTS: Input[] = [
  { name: 'export-1/media/images/instagram/2026-01-02_111.jpg', modified: Date.parse('2026-01-02T03:04:05Z'), data: noise(70_000, 7) },
  { name: 'export-1/media/images/instagram/2026-01-02_111.jpg.meta.json', modified: Date.parse('2026-01-02T03:04:05Z'), data: new TextEncoder().encode('{"caption":"Café ☕ — 日本"}') },
  // Past the writer's 1 MiB write size: header, data and patch are separate writes.
  { name: 'export-1/media/videos/instagram/2019-07-31_222.mp4', modified: Date.parse('2019-07-31T23:59:59Z'), data: noise(2_500_000, 11) },
  { name: 'export-1/media/images/instagram/1900-01-01_empty.jpg', modified: Date.parse('1900-01-01T00:00:00Z'), data: new Uint8Array(0) },
  { name: 'export-1/ünï-cödé_名前.txt', modified: Date.parse('3000-01-01T00:00:00Z'), data: new TextEncoder().encode('x') },
  // The main JSON, deflated as text is.
  { name: 'export-1/instagram-export-1.json', modified: Date.parse('2026-11-24T12:34:57Z'), data: new TextEncoder().encode(JSON.stringify({ posts: Array.from({ length: 5000 }, (_, i) => ({ id: `p${i}`, caption: 'same caption' })) })), deflate: true },
];

/** The bytes in chunks of uneven size, as a staged file's stream gives them. */
async function* chunksOf(data: Uint8Array): AsyncIterable<Uint8Array> {
  for (let at = 0, step = 1000; at < data.length; at += step, step = step * 3 + 1) yield data.subarray(at, at + step);
}

interface Checkpoint {
  offset: number;
  records: ZipEntryRecord[];
}

type Boundary = 'mid local header' | 'mid data' | 'before patch' | 'mid central directory';

/** Runs the export from its checkpoint as a job would; returns where it stopped, if it did. */
async function runFrom(file: MemoryFile, checkpoint: Checkpoint, inputs: Input[]): Promise<Boundary | undefined> {
  const writer = await StreamingZipWriter.open(file, checkpoint.offset);
  let entryStart = file.writes + 1;
  try {
    for (const input of inputs.slice(checkpoint.records.length)) {
      entryStart = file.writes + 1;
      const record = await writer.append(input.name, input.modified, chunksOf(input.data), { deflate: input.deflate === true });
      // Saved with the offset in one write, as the job saves them.
      checkpoint.records.push(record);
      checkpoint.offset = writer.offset;
    }
    entryStart = Infinity;
    await writer.finish(checkpoint.records);
    return undefined;
  } catch (error) {
    if (!(error instanceof Error) || error.message !== 'stopped' || !file.stopped) throw error;
    if (entryStart === Infinity) return 'mid central directory';
    const input = inputs[checkpoint.records.length]!;
    const headerBytes = localHeaderLength(encodeName(input.name), input.modified);
    const { at, kept } = file.stopped;
    if (at === checkpoint.offset && file.writes > entryStart) return 'before patch';
    return at === checkpoint.offset && kept < headerBytes ? 'mid local header' : 'mid data';
  }
}

function unzipTest(bytes: Uint8Array, label: string): string {
  const path = join(dir, `${label.replace(/\W+/g, '_')}.zip`);
  writeFileSync(path, bytes);
  const result = spawnSync(UNZIP, ['-tq', path], { encoding: 'utf8' });
  expect(result.status, `${label}: ${result.stdout}${result.stderr}`).toBe(0);
  return result.stdout;
}

async function readAll(bytes: Uint8Array): Promise<{ name: string; data: Uint8Array; modified: Date }[]> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  const entries = await reader.getEntries();
  const out = [];
  for (const entry of entries) {
    if (entry.directory) throw new Error(`unexpected directory ${entry.filename}`);
    out.push({ name: entry.filename, data: await entry.getData(new Uint8ArrayWriter(), { checkCrc32: true }), modified: entry.lastModDate });
  }
  await reader.close();
  return out;
}

async function expectWhole(bytes: Uint8Array, label: string, inputs = INPUTS): Promise<void> {
  unzipTest(bytes, label);
  const entries = await readAll(bytes);
  expect(entries.map((e) => e.name), label).toEqual(inputs.map((i) => i.name));
  entries.forEach((entry, i) => expect(Buffer.from(entry.data).equals(Buffer.from(inputs[i]!.data)), `${label}: ${entry.name}`).toBe(true));
}

describe('StreamingZipWriter', () => {
  it('writes a ZIP of stored entries that unzip -t and zip.js accept, names in UTF-8, dated', async () => {
    const file = new MemoryFile();
    const checkpoint: Checkpoint = { offset: 0, records: [] };
    expect(await runFrom(file, checkpoint, INPUTS)).toBeUndefined();
    await expectWhole(file.bytes, 'clean');
    const entries = await readAll(file.bytes);
    expect(entries[0]!.modified.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(entries[2]!.modified.toISOString()).toBe('2019-07-31T23:59:59.000Z');
    const listing = spawnSync(UNZIP, ['-Z', '-v', join(dir, 'clean.zip')], { encoding: 'utf8' }).stdout;
    expect(listing).toContain('compression method:                             none (stored)');
    expect(listing).toContain('compression method:                             deflated');
    const json = checkpoint.records.at(-1)!;
    expect(json.compressedSize).toBeLessThan(json.size / 5);
    expect(listing).toMatch(/extended local header:\s+no/);
  });

  it('returns records whose ends chain: each entry starts where the last one ended', async () => {
    const file = new MemoryFile();
    const checkpoint: Checkpoint = { offset: 0, records: [] };
    await runFrom(file, checkpoint, INPUTS);
    checkpoint.records.slice(1).forEach((record, i) => expect(record.offset).toBe(entryEnd(checkpoint.records[i]!)));
    expect(JSON.parse(JSON.stringify(checkpoint.records))).toEqual(checkpoint.records);
  });

  it('resumes after a stop at every write, cut at its start, middle and end: one valid ZIP, no entry twice', async () => {
    const clean = new MemoryFile();
    await runFrom(clean, { offset: 0, records: [] }, INPUTS);
    const seen = new Set<Boundary>();
    for (let write = 1; write <= clean.writes; write += 1) {
      for (const keep of [() => 0, (n: number) => Math.floor(n / 2), (n: number) => n - 1]) {
        const file = new MemoryFile();
        file.stopAt = { write, keep };
        const checkpoint: Checkpoint = { offset: 0, records: [] };
        const boundary = await runFrom(file, checkpoint, INPUTS);
        expect(boundary, `write ${write}`).toBeDefined();
        seen.add(boundary!);
        file.stopAt = undefined;
        expect(await runFrom(file, checkpoint, INPUTS)).toBeUndefined();
        const label = `write ${write} keep ${keep(100)} ${boundary}`;
        expect(Buffer.from(file.bytes).equals(Buffer.from(clean.bytes)), label).toBe(true);
      }
    }
    expect([...seen].sort()).toEqual(['before patch', 'mid central directory', 'mid data', 'mid local header']);
    await expectWhole(clean.bytes, 'resumed');
  });

  it('writes an entry again when it was complete but its record was never saved', async () => {
    const file = new MemoryFile();
    const checkpoint: Checkpoint = { offset: 0, records: [] };
    const first = await StreamingZipWriter.open(file, 0);
    checkpoint.records.push(await first.append(INPUTS[0]!.name, INPUTS[0]!.modified, chunksOf(INPUTS[0]!.data)));
    checkpoint.offset = first.offset;
    await first.append(INPUTS[1]!.name, INPUTS[1]!.modified, chunksOf(INPUTS[1]!.data));
    // The stop came between the append and the save: the checkpoint still ends after entry 0.
    expect(await runFrom(file, checkpoint, INPUTS)).toBeUndefined();
    await expectWhole(file.bytes, 'unsaved');
  });

  it('refuses to resume past the end of the file', async () => {
    await expect(StreamingZipWriter.open(new MemoryFile(), 10)).rejects.toThrow(/fewer than/);
  });

  it('ends with ZIP64 records when the ZIP holds 65535 entries or more', { timeout: 60_000 }, async () => {
    const file = new MemoryFile();
    const writer = await StreamingZipWriter.open(file, 0);
    const records: ZipEntryRecord[] = [];
    const inputs: Input[] = Array.from({ length: 65_600 }, (_, i) => ({ name: `f/${i}.txt`, modified: Date.parse('2026-01-01T00:00:00Z'), data: new Uint8Array([i & 0xff]) }));
    for (const input of inputs) records.push(await writer.append(input.name, input.modified, [input.data]));
    await writer.finish(records);
    expect(unzipTest(file.bytes, 'many')).toContain('No errors detected');
    const reader = new ZipReader(new Uint8ArrayReader(file.bytes));
    expect((await reader.getEntries()).length).toBe(65_600);
    await reader.close();
  });
});

/** zip.js reading the sparse file a range at a time. */
class SparseReader extends Reader<SparseFile> {
  constructor(private readonly file: SparseFile) {
    super(file);
  }

  override init(): Promise<void> {
    this.size = this.file.getSize();
    return Promise.resolve();
  }

  override readUint8Array(index: number, length: number): Promise<Uint8Array> {
    return Promise.resolve(this.file.read(index, length));
  }
}

describe('StreamingZipWriter past 4 GiB', () => {
  it('patches a ZIP64 field into the local header of an entry of 4 GiB or more', () => {
    const name = encodeName('big.mp4');
    const modified = Date.parse('2026-01-01T00:00:00Z');
    const before = localHeader(name, modified);
    const after = localHeader(name, modified, { size: 5 * GiB, crc32: 0x12345678 });
    expect(after.length).toBe(before.length);
    const view = new DataView(after.buffer);
    expect(view.getUint16(4, true)).toBe(45);
    expect(view.getUint32(14, true)).toBe(0x12345678);
    expect(view.getUint32(18, true)).toBe(0xffffffff);
    expect(view.getUint32(22, true)).toBe(0xffffffff);
    const zip64 = after.length - 20;
    expect(view.getUint16(zip64, true)).toBe(1);
    expect(view.getUint16(zip64 + 2, true)).toBe(16);
    expect(Number(view.getBigUint64(zip64 + 4, true))).toBe(5 * GiB);
    expect(Number(view.getBigUint64(zip64 + 12, true))).toBe(5 * GiB);
    // Below 4 GiB the same bytes are a field readers skip, and the sizes are in the header itself.
    const small = new DataView(localHeader(name, modified, { size: 10, crc32: 1 }).buffer);
    expect(small.getUint16(zip64, true)).toBe(0xa220);
    expect(small.getUint32(22, true)).toBe(10);
  });

  it('writes entries after 4 GiB with ZIP64 sizes, offsets and end records that zip.js reads', async () => {
    const file = new SparseFile();
    const modified = Date.parse('2026-01-01T00:00:00Z');
    const first = await StreamingZipWriter.open(file, 0);
    const records = [await first.append('first.txt', modified, [new TextEncoder().encode('first')])];
    // A 5 GiB entry of zeros stands in for a long video: its header is real, its data a hole.
    const bigName = encodeName('big.mp4');
    const bigAt = first.offset;
    file.write(localHeader(bigName, modified, { size: 5 * GiB, crc32: 0 }), bigAt);
    records.push({ name: 'big.mp4', offset: bigAt, size: 5 * GiB, crc32: 0, modified });
    const bigEnd = entryEnd(records[1]!);
    file.truncate(bigEnd + 777);
    // Resumed after the big entry, with a half-written entry past it to cut off.
    const writer = await StreamingZipWriter.open(file, bigEnd);
    const afterData = noise(300_000, 5);
    records.push(await writer.append('after.bin', modified, [afterData]));
    expect(records[2]!.offset).toBe(bigEnd);
    const size = await writer.finish(records);
    expect(size).toBe(file.getSize());
    expect(size).toBeGreaterThan(5 * GiB);

    const reader = new ZipReader(new SparseReader(file));
    const entries: Entry[] = await reader.getEntries();
    expect(entries.map((e) => [e.filename, e.uncompressedSize])).toEqual([
      ['first.txt', 5],
      ['big.mp4', 5 * GiB],
      ['after.bin', afterData.length],
    ]);
    const after = entries[2]!;
    if (after.directory) throw new Error('after.bin is a file');
    expect(after.offset).toBe(bigEnd);
    const read = await after.getData(new Uint8ArrayWriter(), { checkCrc32: true });
    expect(Buffer.from(read).equals(Buffer.from(afterData))).toBe(true);
    await reader.close();
  });
});
