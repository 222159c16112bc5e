import { describe, expect, it } from 'vitest';
import browser from 'webextension-polyfill';
import { jobEndedNotice, notifyJobEnded } from '../../../lib/export/jobNotifications';
import type { JobSnapshot } from '../../../lib/export/types';
import { jobRecord } from './job/jobs';

function job(overrides: Partial<JobSnapshot>): JobSnapshot {
  return { ...jobRecord(), account: { id: '1', handle: 'star.demo' }, ...overrides };
}

describe('jobEndedNotice', () => {
  it('says a finished export is on the downloads shelf, with its counts', () => {
    const notice = jobEndedNotice(job({ stage: 'done', posts: { done: 60, total: 60 }, media: { done: 118, total: 120, failed: 2 } }));
    expect(notice).toEqual({
      title: 'Instagram export of @star.demo is ready',
      message: '60 posts and 118 media files, 2 could not be downloaded. The ZIP is on your downloads shelf.',
    });
  });

  it('counts the ZIPs of a split export', () => {
    const notice = jobEndedNotice(job({ stage: 'done', posts: { done: 60, total: 60 }, media: { done: 120, total: 120, failed: 0 }, partCount: 4 }));
    expect(notice?.message).toBe('60 posts and 120 media files. The 4 ZIPs are on your downloads shelf.');
  });

  it('never calls an export with a section missing simply ready', () => {
    const sections = [
      { name: 'posts', label: 'Posts', status: 'complete' as const, strategy: 'graphql', listed: 60 },
      { name: 'stories', label: 'Stories', status: 'unavailable' as const, strategy: 'graphql', listed: 0, reason: 'Instagram answered 500.' },
    ];
    const notice = jobEndedNotice(job({ stage: 'done', posts: { done: 60, total: 60 }, media: { done: 118, total: 118, failed: 0 }, sections }));
    expect(notice).toEqual({
      title: 'Instagram export of @star.demo is ready, with parts missing',
      message: '60 posts and 118 media files. The ZIP is on your downloads shelf. Stories could not be read: Instagram answered 500.',
    });
  });

  it('tells a logged-out user to log in', () => {
    const notice = jobEndedNotice(job({ stage: 'failed', error: { kind: 'login_required', message: 'Instagram did not accept…' } }));
    expect(notice?.message).toBe('Log in to Instagram in this browser, then try again.');
  });

  it('stays quiet for an export the user cancelled or one still running', () => {
    expect(jobEndedNotice(job({ stage: 'cancelled' }))).toBeUndefined();
    expect(jobEndedNotice(job({ stage: 'media' }))).toBeUndefined();
  });
});

describe('notifyJobEnded', () => {
  it('shows one notification per job, with the extension’s icon', async () => {
    await notifyJobEnded(job({ stage: 'done' }));
    const shown = await browser.notifications.getAll();
    expect(Object.keys(shown)).toEqual(['star-export:job:20261124-7f3a9c']);
    expect(Object.values(shown)[0]).toMatchObject({ type: 'basic', iconUrl: expect.stringMatching(/\/icon\/128\.png$/) });
  });
});
