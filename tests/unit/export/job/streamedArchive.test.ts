import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory } from 'fake-indexeddb';
import { BlobReader, ZipReader, configure } from '@zip.js/zip.js';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ARCHIVE_FILE_NAME } from '../../../../lib/export/archive/archiveFile';
import { type JobContext } from '../../../../lib/export/job/jobContext';
import { startMediaDownloads } from '../../../../lib/export/job/mediaStage';
import { runStreamedArchiveStage } from '../../../../lib/export/job/streamedArchiveStage';
import { closeExportDb, type JobRecord } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { appendPage } from '../../../../lib/storage/listedPages';
import { mediaOfJob } from '../../../../lib/storage/mediaRecords';
import { jobRecord, listedPage, post } from './jobs';
import { staged } from './memoryStaging';
import { memoryZip } from './memoryZipWorker';
import { photoPosts, servedDownload } from './runJobHarness';
import { offlineJobContext, testServices } from './testServices';

configure({ useWebWorkers: false });

const services = testServices();
const ACCOUNT = { id: '1', handle: 'star.demo' };
const dir = mkdtempSync(join(tmpdir(), 'streamed-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stageContext(job: JobRecord): JobContext {
  return offlineJobContext(job, { services });
}

async function zipEntries(jobId: string): Promise<{ name: string; offset: number }[]> {
  const file = staged.get(jobId)!.get(ARCHIVE_FILE_NAME)!;
  const path = join(dir, `${jobId}-${file.size}.zip`);
  writeFileSync(path, new Uint8Array(await file.arrayBuffer()));
  const test = spawnSync('/usr/bin/unzip', ['-tq', path], { encoding: 'utf8' });
  expect(test.status, test.stdout + test.stderr).toBe(0);
  const reader = new ZipReader(new BlobReader(file));
  const entries = (await reader.getEntries()).map((e) => ({ name: e.filename, offset: e.offset }));
  await reader.close();
  return entries;
}

beforeEach(() => {
  closeExportDb();
  globalThis.indexedDB = new IDBFactory();
  staged.clear();
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Star Export', version: '1.0.0' });
  services.downloadWithRetry.mockImplementation(servedDownload);
});

describe('the streaming ZIP of a job', () => {
  it('takes each kept file as it comes and frees its staged copy; a stop mid-entry costs only that entry', async () => {
    await putJob(jobRecord({ stage: 'media', account: ACCOUNT }));
    const first = await appendPage(jobRecord().id, listedPage(photoPosts(2), 'next'));
    await (await startMediaDownloads(stageContext(first))).finish();
    const jobId = first.id;
    // Only the ZIP is left in the job's folder: the media are in it.
    expect([...staged.get(jobId)!.keys()]).toEqual([ARCHIVE_FILE_NAME]);
    const saved = (await getJob(jobId))!;
    expect(saved.zipOffset).toBe(memoryZip(jobId, ARCHIVE_FILE_NAME)!.getSize());
    const appended = (await mediaOfJob(jobId)).map((r) => r.zip!.file);

    // The worker stopped halfway through the next entry: bytes past the saved end.
    const zip = memoryZip(jobId, ARCHIVE_FILE_NAME)!;
    zip.write(new Uint8Array(5000).fill(7), saved.zipOffset!);
    // A later page lists a file whose id an appended one has: it must get a name of its own.
    const again = { ...post('p9', ['m0']), media: [{ ...post('p9', ['m0']).media[0]!, url: 'https://scontent.cdninstagram.com/v/m0b_n.jpg?oh=sig' }] };
    await appendPage(jobId, listedPage([...photoPosts(1, 2), again], null));
    const resumed = (await getJob(jobId))!;
    const ctx = stageContext(resumed);
    await (await startMediaDownloads(ctx)).finish();
    await runStreamedArchiveStage(ctx);

    const entries = await zipEntries(jobId);
    const names = entries.map((e) => e.name);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names.filter((n) => /\.(jpg)$/.test(n))).toHaveLength(4);
    expect(names.filter((n) => n.endsWith('.meta.json'))).toHaveLength(4);
    expect(names.some((n) => n.endsWith('_m0_2.jpg'))).toBe(true);
    expect(names.some((n) => n.endsWith('instagram-export-' + jobId + '.json'))).toBe(true);
    expect(names.some((n) => n.endsWith('SHA256SUMS'))).toBe(true);
    // What was in the ZIP before the stop stayed where it was, written once.
    for (const record of appended) expect(entries.find((e) => e.name === record.name)?.offset).toBe(record.offset);
    expect((await getJob(jobId))!.zipBytes).toBe(staged.get(jobId)!.get(ARCHIVE_FILE_NAME)!.size);
  });
});
