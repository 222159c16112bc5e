import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import { BlobReader, configure, Uint8ArrayWriter, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';

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

/** Opens the ZIP as a disk-backed Blob, so a 1 GB export is never read into memory whole. */
async function withZip<T>(path: string, use: (entries: Entry[]) => Promise<T>): Promise<T> {
  const reader = new ZipReader(new BlobReader(await openAsBlob(path)));
  try {
    return await use(await reader.getEntries());
  } finally {
    await reader.close();
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
