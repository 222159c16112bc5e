import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../lib/export/types';
import { formatBytes } from '../../../lib/export/formatBytes';
import { accountLabel, failureText, jobStatusText, whenItContinues } from '../../../lib/export/jobStatusText';
import { formatLimit, platformInfo } from '../../../lib/ui/platformInfo';
import { jobRecord } from './job/jobs';

function job(overrides: Partial<JobSnapshot>): JobSnapshot {
  return { ...jobRecord(), ...overrides };
}

describe('jobStatusText', () => {
  it.each<[string, Partial<JobSnapshot>, string]>([
    ['queued, account asked for', { request: { platform: 'instagram', account: 'star.demo', format: 'json', includeMedia: true } }, 'Waiting to export @star.demo…'],
    ['queued, own account', {}, 'Waiting to export your account…'],
    ['listing, nothing downloaded yet', { stage: 'metadata', posts: { done: 24, total: 60 } }, 'Listing posts of your account: 24 so far…'],
    [
      'listing while the files of listed posts download',
      { stage: 'metadata', posts: { done: 24, total: 60 }, media: { done: 7, failed: 1, total: 30 } },
      'Listing posts of your account: 24 so far… (7 files downloaded)',
    ],
    ['media', { stage: 'media', media: { done: 10, failed: 2, total: 50 }, bytes: { done: 3 * 1024 * 1024, total: 0 } }, 'Downloading media: 12 of 50 (3.0 MB)…'],
    [
      'listing while an earlier part of a split export is complete',
      {
        stage: 'metadata',
        request: { platform: 'instagram', format: 'json', includeMedia: true, splitGB: 4 },
        posts: { done: 240, total: 600 },
        media: { done: 300, failed: 0, total: 320 },
        partCount: 1,
      },
      'Listing posts of your account: 240 so far… (300 files downloaded) Part 1 is complete.',
    ],
    [
      'downloading once a part of a split export is complete',
      {
        stage: 'media',
        request: { platform: 'instagram', format: 'json', includeMedia: true, splitGB: 4 },
        media: { done: 10, failed: 2, total: 50 },
        bytes: { done: 3 * 1024 * 1024, total: 0 },
        partCount: 2,
      },
      'Downloading media: 12 of 50 (3.0 MB)… Parts 1–2 are complete.',
    ],
    [
      'downloading while a complete part goes up, before the last part is known',
      {
        stage: 'media',
        request: { platform: 'instagram', format: 'json', includeMedia: true, splitGB: 4, saveTo: 'webdav' },
        media: { done: 10, failed: 2, total: 50 },
        bytes: { done: 3 * 1024 * 1024, total: 0 },
        partCount: 1,
        upload: { target: 'webdav', part: { number: 1 }, done: 1024 ** 3, total: 4 * 1024 ** 3 },
      },
      'Downloading media: 12 of 50 (3.0 MB)… Uploading part 1 to WebDAV — 1.0 GB of 4.0 GB…',
    ],
    [
      'done with media',
      { stage: 'done', posts: { done: 60, total: 60 }, media: { done: 118, failed: 2, total: 120 }, fileName: 'x.zip' },
      'Done: 60 posts, 118 media files, 2 failed. x.zip is in your downloads.',
    ],
    [
      'done in parts',
      { stage: 'done', posts: { done: 60, total: 60 }, media: { done: 120, failed: 0, total: 120 }, fileName: 'x_part-01.zip', partCount: 3 },
      'Done: 60 posts, 120 media files. 3 ZIPs, from x_part-01.zip, are in your downloads.',
    ],
    [
      'building the parts of a split export',
      { stage: 'archive', request: { platform: 'instagram', format: 'json', includeMedia: true, splitGB: 4 } },
      'Building the ZIPs; each goes to your downloads when complete…',
    ],
    [
      'uploading a part while later parts are built',
      {
        stage: 'archive',
        request: { platform: 'instagram', format: 'json', includeMedia: true, splitGB: 4, saveTo: 'webdav' },
        upload: { target: 'webdav', part: { number: 2, of: 5 }, done: 1.2 * 1024 ** 3, total: 4 * 1024 ** 3 },
      },
      'Building the ZIPs; each goes to WebDAV when complete. Uploading part 2 of 5 to WebDAV — 1.2 GB of 4.0 GB…',
    ],
    [
      'uploading the last parts once all are built',
      { stage: 'delivering', upload: { target: 'dropbox', part: { number: 5, of: 5 }, done: 0, total: 3 * 1024 ** 2 } },
      'Uploading part 5 of 5 to Dropbox — 0 B of 3.0 MB…',
    ],
    [
      'done in parts saved to the cloud',
      {
        stage: 'done',
        posts: { done: 60, total: 60 },
        media: { done: 120, failed: 0, total: 120 },
        fileName: 'x_part-01.zip',
        partCount: 3,
        upload: { target: 'webdav', part: { number: 3, of: 3 }, done: 10, total: 10 },
      },
      'Done: 60 posts, 120 media files. 3 ZIPs, from x_part-01.zip, were saved to WebDAV.',
    ],
    [
      'done without media',
      { stage: 'done', request: { platform: 'instagram', format: 'csv', includeMedia: false }, posts: { done: 60, total: 60 }, fileName: 'x.zip' },
      'Done: 60 posts (no media). x.zip is in your downloads.',
    ],
    ['logged out', { stage: 'failed', error: { kind: 'login_required', message: 'whatever the adapter said' } }, 'Export failed. Log in to Instagram in this browser, then try again.'],
    ['other failure', { stage: 'failed', error: { kind: 'private_account', message: 'This account is private.' } }, 'Export failed. This account is private.'],
    ['cancelled', { stage: 'cancelled' }, 'Export cancelled.'],
  ])('%s', (_name, overrides, text) => {
    expect(jobStatusText(job(overrides))).toBe(text);
  });

  it('says a parked job continues tomorrow at 09:00, or on Continue now', () => {
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    tomorrow.setHours(9, 0, 0, 0);
    const parked = job({ stage: 'media', request: { platform: 'facebook', format: 'json', includeMedia: true }, waitingUntil: tomorrow.toISOString(), pausedFor: 'parked' });
    expect(jobStatusText(parked)).toBe(
      'Facebook warned us several times, so the export rests to protect your account: it continues tomorrow at 09:00, or press Continue now. Nothing listed or downloaded is lost.',
    );
  });

  it('names the day a parked job continues', () => {
    const now = new Date(2026, 11, 6, 1, 30);
    expect(whenItContinues(new Date(2026, 11, 6, 9, 0), now)).toBe('today at 09:00');
    expect(whenItContinues(new Date(2026, 11, 7, 9, 0), now)).toBe('tomorrow at 09:00');
  });

  it('names the resolved account once known', () => {
    expect(accountLabel(job({ account: { id: '1', handle: 'star.demo' } }))).toBe('@star.demo');
    expect(failureText(job({ stage: 'failed' }))).toBe('Something went wrong; try again.');
  });
});

describe('sizes', () => {
  it.each([
    [512, '512 B'],
    [1536, '1.5 KB'],
    [5.25 * 1024 * 1024, '5.3 MB'],
    [300 * 1024 * 1024, '300 MB'],
  ])('formatBytes(%i) = %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });

  it('writes limits as platforms do', () => {
    expect(formatLimit(1024 * 1024 * 1024)).toBe('1 GB');
    expect(formatLimit(2048 * 1024 * 1024)).toBe('2 GB');
    expect(formatLimit(500 * 1024 * 1024)).toBe('500 MB');
  });
});

describe('platformInfo', () => {
  it('shows a registered platform’s real media rules, and the design table for the others', () => {
    expect(platformInfo('instagram')).toMatchObject({ maxBytes: 1024 * 1024 * 1024, loginUrl: 'https://www.instagram.com/accounts/login/' });
    expect(platformInfo('instagram').formats).toEqual(expect.arrayContaining(['jpg', 'png', 'mp4', 'mov']));
    expect(platformInfo('youtube').maxBytes).toBe(2048 * 1024 * 1024);
    expect(platformInfo('facebook').formats).toContain('gif');
  });
});
