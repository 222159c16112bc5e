import { describe, expect, it } from 'vitest';
import { newJobId } from '../../../../lib/export/layout/jobId';

const fixed = (values: number[]) => (bytes: Uint8Array) => {
  bytes.set(values);
  return bytes;
};

describe('newJobId', () => {
  it.each([
    ['2026-11-24T12:00:00Z', [0x7f, 0x3a, 0x9c], '20261124-7f3a9c'],
    ['2026-01-02T23:59:59.999Z', [0, 1, 2], '20260102-000102'],
    ['1999-12-31T00:00:00Z', [0xff, 0xff, 0xff], '19991231-ffffff'],
  ])('%s with %j → %s (the UTC day)', (iso, random, expected) => {
    expect(newJobId(new Date(iso), fixed(random))).toBe(expected);
  });

  it('is short and shaped YYYYMMDD-6 hex with real randomness', () => {
    const ids = Array.from({ length: 200 }, () => newJobId(new Date('2026-11-24T00:00:00Z')));
    for (const id of ids) expect(id).toMatch(/^20261124-[0-9a-f]{6}$/);
    expect(new Set(ids).size).toBeGreaterThan(195);
  });

  it('sorts by day', () => {
    const days = ['2025-12-31', '2026-01-01', '2026-02-10', '2026-11-24'];
    const ids = days.map((day) => newJobId(new Date(`${day}T12:00:00Z`)));
    expect([...ids].reverse().sort()).toEqual(ids);
  });
});
