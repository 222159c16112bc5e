import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import { configure, Reader, Uint8ArrayWriter, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';

// Node has no need for zip.js's web workers, and they would keep the test process alive.
configure({ useWebWorkers: false });

export interface ZipEntryInfo {
  name: string;
  directory: boolean;
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflated. */
  compressionMethod: number;
  lastModDate: Date;
}

/**
 * Reads the ZIP straight from the file, a range at a time, so a 5 GB export is never in memory.
 * (Node 20's fs.openAsBlob reports the size of a file past 4 GiB modulo 2^32, which hides a
 * ZIP64 archive's end records; positional reads have no such limit.)
 */
class FileRangeReader extends Reader<string> {
  private handle?: FileHandle;

  constructor(private readonly path: string) {
    super(path);
  }

  override async init(): Promise<void> {
    this.handle = await open(this.path, 'r');
    this.size = (await this.handle.stat()).size;
  }

  override async readUint8Array(index: number, length: number): Promise<Uint8Array> {
    const buffer = new Uint8Array(length);
    let read = 0;
    while (read < length) {
      const { bytesRead } = await this.handle!.read(buffer, read, length - read, index + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return buffer.subarray(0, read);
  }

  async close(): Promise<void> {
    await this.handle?.close();
  }
}

async function withZip<T>(path: string, use: (entries: Entry[]) => Promise<T>): Promise<T> {
  const file = new FileRangeReader(path);
  const reader = new ZipReader(file);
  try {
    return await use(await reader.getEntries());
  } finally {
    await reader.close();
    await file.close();
  }
}

function fileEntry(entries: Entry[], name: string, path: string): FileEntry {
  const entry = entries.find((e) => e.filename === name);
  if (!entry || entry.directory) throw new Error(`${path} has no file entry ${name}`);
  return entry;
}

export async function listZip(path: string): Promise<ZipEntryInfo[]> {
  return withZip(path, async (entries) =>
    entries.map((e) => ({
      name: e.filename,
      directory: e.directory,
      size: e.uncompressedSize,
      compressedSize: e.compressedSize,
      compressionMethod: e.compressionMethod,
      lastModDate: e.lastModDate,
    })),
  );
}

export async function readZipEntry(path: string, name: string): Promise<Uint8Array> {
  return withZip(path, (entries) => fileEntry(entries, name, path).getData(new Uint8ArrayWriter()));
}

export async function readZipJson<T = unknown>(path: string, name: string): Promise<T> {
  return JSON.parse(new TextDecoder().decode(await readZipEntry(path, name))) as T;
}

/** Every file entry `select` picks, parsed as JSON, read in one pass over the archive. */
export async function readZipJsonEntries(path: string, select: (name: string) => boolean): Promise<{ name: string; value: unknown }[]> {
  return withZip(path, async (entries) => {
    const found: { name: string; value: unknown }[] = [];
    for (const entry of entries) {
      if (entry.directory || !select(entry.filename)) continue;
      const text = new TextDecoder().decode(await entry.getData(new Uint8ArrayWriter()));
      found.push({ name: entry.filename, value: JSON.parse(text) as unknown });
    }
    return found;
  });
}

/** SHA-256 (hex) of one entry, streamed, to compare media against what the fake served. */
export async function hashZipEntry(path: string, name: string): Promise<string> {
  const hash = createHash('sha256');
  await withZip(path, (entries) =>
    fileEntry(entries, name, path).getData(new WritableStream<Uint8Array>({ write: (chunk) => void hash.update(chunk) })),
  );
  return hash.digest('hex');
}

export type UnzipTestResult =
  | { status: 'passed' | 'failed'; output: string }
  | { status: 'skipped'; output: string };

/** Info-ZIP's own integrity check, the closest stand-in for the archive tools users open ZIPs with. */
export function unzipTest(path: string): UnzipTestResult {
  const run = spawnSync('unzip', ['-t', '-qq', path], { encoding: 'utf8', timeout: 120_000, maxBuffer: 16 * 1024 * 1024 });
  if (run.error && (run.error as NodeJS.ErrnoException).code === 'ENOENT') {
    return { status: 'skipped', output: '`unzip` is not installed (apt-get install -y unzip; .ci/run does this), so `unzip -t` was skipped.' };
  }
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`.trim();
  return { status: run.status === 0 ? 'passed' : 'failed', output };
}

/**
 * Unpacks the ZIP with Info-ZIP and runs GNU `sha256sum -c SHA256SUMS` in its export folder, as a
 * user checking a download would. `failed` lists the lines that did not verify.
 */
export function sha256sumCheck(path: string, root: string): { status: 'passed' | 'failed'; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'star-sums-'));
  try {
    const unpack = spawnSync('unzip', ['-qq', path, '-d', dir], { encoding: 'utf8', timeout: 300_000 });
    if (unpack.status !== 0) return { status: 'failed', output: `unzip: ${unpack.stderr}${unpack.error ?? ''}` };
    const check = spawnSync('sha256sum', ['-c', '--quiet', '--strict', 'SHA256SUMS'], { cwd: join(dir, root), encoding: 'utf8', timeout: 300_000 });
    return { status: check.status === 0 ? 'passed' : 'failed', output: `${check.stdout}${check.stderr}${check.error ?? ''}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
