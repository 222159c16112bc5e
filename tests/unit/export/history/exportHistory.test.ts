import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deleteExport, listExportHistory } from '../../../../lib/export/history/exportHistory';
import { closeExportDb } from '../../../../lib/storage/exportDb';
import { getJob, putJob } from '../../../../lib/storage/jobRecords';
import { appendPage } from '../../../../lib/storage/listedPages';
import { mediaOfJob } from '../../../../lib/storage/mediaRecords';
import { jobRecord, post, listedPage } from '../job/jobs';

const stored = new Set<string>();
// OPFS does not exist in Node: a set of job ids stands for the jobs whose ZIP is stored.
vi.mock('../../../../lib/storage/fileStaging', () => ({
  readStagedFile: async (jobId: string) => (stored.has(jobId) ? new File(['zip'], 'export.zip') : undefined),
  removeJobFiles: async (jobId: string) => void stored.delete(jobId),
}));

beforeEach(() => {
  stored.clear();
  indexedDB = new IDBFactory();
  closeExportDb();
});

describe('listExportHistory', () => {
  it('lists every export newest first, telling which ZIPs can be downloaded again', async () => {
    await putJob(jobRecord({ id: 'a', stage: 'done', createdAt: '2026-11-20T00:00:00.000Z', listing: { section: 'posts', strategy: 'rest', cursor: 'secret-cursor', listed: 0 } }));
    await putJob(jobRecord({ id: 'b', stage: 'done', createdAt: '2026-11-22T00:00:00.000Z' }));
    await putJob(jobRecord({ id: 'c', stage: 'failed', createdAt: '2026-11-23T00:00:00.000Z' }));
    stored.add('b').add('c');

    const history = await listExportHistory();

    expect(history.map((e) => [e.id, e.archiveKept])).toEqual([
      ['c', false],
      ['b', true],
      ['a', false],
    ]);
    expect(history[2]).not.toHaveProperty('cursor');
  });
});

describe('deleteExport', () => {
  it('removes the record, the items and the files of a finished export', async () => {
    await putJob(jobRecord({ id: 'a', stage: 'done' }));
    await appendPage('a', listedPage([post('p1', ['m1'])], null));
    stored.add('a');

    await deleteExport('a');

    expect(await getJob('a')).toBeUndefined();
    expect(await mediaOfJob('a')).toEqual([]);
    expect(stored.has('a')).toBe(false);
  });

  it('refuses to delete a running export, which would write itself back', async () => {
    await putJob(jobRecord({ id: 'r', stage: 'media' }));
    await expect(deleteExport('r')).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(await getJob('r')).toBeDefined();
  });

  it('does nothing for an export that is already gone', async () => {
    await expect(deleteExport('nope')).resolves.toBeUndefined();
  });
});
