import { describe, expect, it } from 'vitest';
import type { JobSnapshot } from '../../../lib/export/types';
import { laterSnapshot, mergeJobs } from '../../../lib/ui/jobSnapshots';
import { jobRecord } from '../export/job/jobs';

function job(id: string, overrides: Partial<JobSnapshot> = {}): JobSnapshot {
  return { ...jobRecord({ id }), ...overrides };
}

describe('laterSnapshot', () => {
  it('keeps the newer snapshot when an older list read arrives after a broadcast', () => {
    const newer = job('a', { stage: 'media', percent: 40, updatedAt: '2026-11-24T12:00:05.000Z' });
    const older = job('a', { stage: 'metadata', percent: 15, updatedAt: '2026-11-24T12:00:01.000Z' });
    expect(laterSnapshot(newer, older)).toBe(newer);
    expect(laterSnapshot(older, newer)).toBe(newer);
  });

  it('never shows a lower percent than it showed before', () => {
    const shown = job('a', { percent: 40, updatedAt: '2026-11-24T12:00:01.000Z' });
    const next = job('a', { percent: 39.5, updatedAt: '2026-11-24T12:00:02.000Z', stage: 'archive' });
    expect(laterSnapshot(shown, next)).toMatchObject({ stage: 'archive', percent: 40 });
  });
});

describe('mergeJobs', () => {
  it('adds new jobs and lists the newest first', () => {
    const a = job('a', { createdAt: '2026-11-24T12:00:00.000Z' });
    const b = job('b', { createdAt: '2026-11-24T12:01:00.000Z' });
    const c = job('c', { createdAt: '2026-11-24T12:02:00.000Z' });
    expect(mergeJobs([a], [c, b]).map((j) => j.id)).toEqual(['c', 'b', 'a']);
  });
});
