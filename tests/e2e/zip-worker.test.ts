import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useExtensionWithFake } from './extensionWithFake';
import { listZip, readZipEntry } from './harness';

/**
 * The streaming ZIP's worker in the built extension (docs/architecture.md, "Storage and memory"):
 * the service worker opens the offscreen document, hands it a MessagePort, the offscreen document
 * starts entrypoints/zip-worker.ts with it, and the worker writes with OPFS sync access handles.
 * The test speaks the worker's protocol (lib/export/archive/stream/zipWorkerProtocol.ts) from the
 * service worker, as the job does.
 */

const STAGED_BYTES = 24 * 1024 * 1024;

interface WorkerRun {
  zip: string;
  staged: string;
  records: { name: string; offset: number; size: number }[];
}

/** Runs in the service worker: stages a file, writes a ZIP through two workers (the first cut off mid-entry), returns it base64. */
async function writeThroughWorkers(stagedBytes: number): Promise<WorkerRun> {
  const jobId = 'e2e-zip-worker';
  const scope = self as unknown as {
    chrome: { offscreen: { hasDocument(): Promise<boolean>; createDocument(o: object): Promise<void> }; runtime: { getURL(p: string): string } };
    clients: { matchAll(o: object): Promise<{ url: string; postMessage(m: unknown, t: Transferable[]): void }[]> };
  };
  const root = await navigator.storage.getDirectory();
  const dir = await (await root.getDirectoryHandle('jobs', { create: true })).getDirectoryHandle(jobId, { create: true });
  const staged = new Uint8Array(stagedBytes);
  for (let i = 0; i < staged.length; i += 1) staged[i] = (i * 2654435761) >>> 24;
  const writable = await (await dir.getFileHandle('m1.bin', { create: true })).createWritable();
  await writable.write(staged);
  await writable.close();

  if (!(await scope.chrome.offscreen.hasDocument())) {
    await scope.chrome.offscreen.createDocument({ url: '/offscreen.html', reasons: ['BLOBS', 'WORKERS'], justification: 'test' });
  }
  const connect = async () => {
    const pages = await scope.clients.matchAll({ includeUncontrolled: true, type: 'window' });
    const offscreen = pages.find((p) => p.url === scope.chrome.runtime.getURL('/offscreen.html'));
    if (!offscreen) throw new Error('no offscreen document');
    const channel = new MessageChannel();
    offscreen.postMessage({ starExportZipWorkerPort: channel.port2 }, [channel.port2]);
    let id = 0;
    const waiting = new Map<number, (reply: { ok: boolean; value?: unknown; error?: { name: string; message: string } }) => void>();
    channel.port1.onmessage = (event) => waiting.get(event.data.id)?.(event.data);
    return {
      send(call: string, params: unknown, transfer: Transferable[] = []): Promise<unknown> {
        id += 1;
        const mine = id;
        return new Promise((resolve, reject) => {
          waiting.set(mine, (reply) => (reply.ok ? resolve(reply.value) : reject(new Error(`${reply.error?.name}: ${reply.error?.message}`))));
          channel.port1.postMessage({ id: mine, call, params }, transfer);
        });
      },
    };
  };
  const modified = Date.parse('2026-05-06T07:08:09Z');
  const first = await connect();
  await first.send('open', { jobId, fileName: 'export.zip', resumeAt: 0 });
  const records = [(await first.send('appendStaged', { stagedName: 'm1.bin', entry: { name: 'e/media/a.mp4', modified } })) as { name: string; offset: number; size: number }];
  const sidecar = new TextEncoder().encode('{"caption":"Café ☕"}');
  await first.send('beginEntry', { entry: { name: 'e/media/a.mp4.meta.json', modified } });
  await first.send('entryChunks', { chunks: [sidecar] }, [sidecar.buffer]);
  records.push((await first.send('endEntry', {})) as WorkerRun['records'][number]);
  const resumeAt = (await (await dir.getFileHandle('export.zip')).getFile()).size;
  // A second copy of the file is under way when a new port arrives: the offscreen document
  // replaces the worker, as after a service worker stop, leaving half an entry behind.
  const cut = first.send('appendStaged', { stagedName: 'm1.bin', entry: { name: 'e/media/b.mp4', modified } }).catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 20));
  const second = await connect();
  await second.send('open', { jobId, fileName: 'export.zip', resumeAt });
  void cut;
  records.push((await second.send('appendStaged', { stagedName: 'm1.bin', entry: { name: 'e/media/b.mp4', modified } })) as WorkerRun['records'][number]);
  await second.send('finish', { records });
  await second.send('close', {});
  const zip = new Uint8Array(await (await (await dir.getFileHandle('export.zip')).getFile()).arrayBuffer());
  await root.getDirectoryHandle('jobs').then((jobs) => jobs.removeEntry(jobId, { recursive: true }));
  const base64 = (bytes: Uint8Array) => {
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(text);
  };
  return { zip: base64(zip), staged: base64(staged), records };
}

describe('the ZIP worker in Chromium', () => {
  const env = useExtensionWithFake();
  const dir = mkdtempSync(join(tmpdir(), 'zip-worker-e2e-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a ZIP with OPFS sync access handles, and a replacing worker resumes it after cutting off the half entry', async () => {
    const run = await env.session.serviceWorker.evaluate(writeThroughWorkers, STAGED_BYTES);
    const zipPath = join(dir, 'export.zip');
    writeFileSync(zipPath, Buffer.from(run.zip, 'base64'));
    const test = spawnSync('/usr/bin/unzip', ['-tq', zipPath], { encoding: 'utf8' });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect((await listZip(zipPath)).map((e) => [e.name, e.size])).toEqual([
      ['e/media/a.mp4', STAGED_BYTES],
      ['e/media/a.mp4.meta.json', Buffer.byteLength('{"caption":"Café ☕"}')],
      ['e/media/b.mp4', STAGED_BYTES],
    ]);
    const staged = createHash('sha256').update(Buffer.from(run.staged, 'base64')).digest('hex');
    for (const name of ['e/media/a.mp4', 'e/media/b.mp4']) {
      expect(createHash('sha256').update(await readZipEntry(zipPath, name)).digest('hex'), name).toBe(staged);
    }
    expect(Buffer.from(await readZipEntry(zipPath, 'e/media/a.mp4.meta.json')).toString('utf8')).toBe('{"caption":"Café ☕"}');
  });
});
