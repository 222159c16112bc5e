import { describe, expect, it, vi } from 'vitest';
import { exportFromMenuClick } from '../../../lib/export/contextMenuExport';
import { defaultSaveTarget } from '../../../lib/upload/saveTarget';
import { validateExportRequest } from '../../../lib/export/job/exportRequest';
import type { JobSnapshot } from '../../../lib/export/types';
import { jobStatusText } from '../../../lib/export/jobStatusText';

const base = { platform: 'instagram', format: 'json', includeMedia: true };

describe('the save target of an export request', () => {
  it('keeps WebDAV, leaves the downloads folder implicit and refuses targets this build cannot reach', () => {
    expect(validateExportRequest({ ...base, saveTo: 'webdav' })).toMatchObject({ saveTo: 'webdav' });
    expect(validateExportRequest({ ...base, saveTo: 'downloads' })).not.toHaveProperty('saveTo');
    expect(() => validateExportRequest({ ...base, saveTo: 'googleDrive' })).toThrow(/cannot save/);
    expect(() => validateExportRequest({ ...base, saveTo: 'ftp' })).toThrow(/cannot save/);
  });
});

describe('the status line of an upload', () => {
  const job = {
    id: 'j',
    request: { platform: 'instagram', format: 'json', includeMedia: true, saveTo: 'webdav' },
    posts: { done: 3, total: 3 },
    media: { done: 5, total: 5, failed: 0 },
    bytes: { done: 0, total: 0 },
    failed: [],
    percent: 99,
    createdAt: '',
    updatedAt: '',
    fileName: 'instagram-export-j.zip',
  } satisfies Partial<JobSnapshot>;

  it('says how much the server holds while uploading, and where the ZIP went when done', () => {
    const upload = { target: 'webdav' as const, done: 1.2 * 1024 ** 3, total: 4 * 1024 ** 3 };
    expect(jobStatusText({ ...job, stage: 'delivering', upload } as JobSnapshot)).toBe('Uploading to WebDAV — 1.2 GB of 4.0 GB…');
    expect(jobStatusText({ ...job, stage: 'done', upload: { ...upload, done: upload.total } } as JobSnapshot)).toMatch(/was saved to WebDAV/);
  });

  it('names the part and Google Drive while a split export goes up', () => {
    const upload = { target: 'googleDrive' as const, part: { number: 2, of: 5 }, done: 1.2 * 1024 ** 3, total: 4 * 1024 ** 3 };
    expect(jobStatusText({ ...job, stage: 'delivering', upload } as JobSnapshot)).toBe('Uploading part 2 of 5 to Google Drive — 1.2 GB of 4.0 GB…');
  });
});

describe('the context menu', () => {
  it('saves where History & settings says by default', async () => {
    await defaultSaveTarget.setValue('webdav');
    const start = vi.fn(async () => ({ jobId: 'x' }));
    await exportFromMenuClick({ pageUrl: 'https://www.instagram.com/star.demo/' }, start);
    expect(start).toHaveBeenCalledWith(expect.objectContaining({ platform: 'instagram', saveTo: 'webdav' }));
  });
});
