/**
 * The ZIP worker as unit tests of the job run it: the real worker service on one end of a
 * MessageChannel, writing into the in-memory staging (memoryStaging.ts), where the ZIP appears as
 * the job's staged file after each flush, as an OPFS file does.
 */
import { ZipWorkerClient } from '../../../../lib/export/archive/stream/zipWorkerClient';
import type { ZipWorkerPort } from '../../../../lib/export/archive/stream/zipWorkerProtocol';
import { serveZipWorker, type ClosableFile } from '../../../../lib/export/archive/stream/zipWorkerService';
import type { ZipWorkerConnection } from '../../../../lib/shims/zipWorker';
import { MemoryFile } from '../archive/stream/memoryFiles';
import * as memoryStaging from './memoryStaging';

const zips = new Map<string, MemoryFile>();

/** The job's ZIP as the worker left it, to cut or spoil as a stop would. */
export function memoryZip(jobId: string, fileName: string): MemoryFile | undefined {
  return zips.get(`${jobId}/${fileName}`);
}

function openZip(jobId: string, fileName: string): Promise<ClosableFile> {
  const key = `${jobId}/${fileName}`;
  let file = zips.get(key);
  // A ZIP the job removed (cleanup, cancel) starts again empty, as on disk.
  if (!file || !memoryStaging.staged.get(jobId)?.has(fileName)) file = new MemoryFile();
  zips.set(key, file);
  const publish = () => {
    let files = memoryStaging.staged.get(jobId);
    if (!files) memoryStaging.staged.set(jobId, (files = new Map()));
    files.set(fileName, new Blob([file.bytes.slice()]));
  };
  publish();
  return Promise.resolve({
    write: (bytes, at) => file.write(bytes, at),
    truncate: (size) => file.truncate(size),
    getSize: () => file.getSize(),
    flush: publish,
    close: publish,
  });
}

export async function connectMemoryZipWorker(): Promise<ZipWorkerConnection> {
  const channel = new MessageChannel();
  const readStaged = async (jobId: string, name: string) => {
    const file = await memoryStaging.readStagedFile(jobId, name);
    return file && [new Uint8Array(await file.arrayBuffer())];
  };
  serveZipWorker(channel.port2 as ZipWorkerPort, { openZip, readStaged });
  const client = new ZipWorkerClient(channel.port1 as ZipWorkerPort);
  return {
    client,
    async release() {
      await client.close().catch(() => undefined);
      channel.port1.close();
      channel.port2.close();
    },
  };
}
