import { describe, expect, it } from 'vitest';
import { buildSidecar } from '../../../../lib/export/layout/sidecar';
import type { MediaItem } from '../../../../lib/platforms/types';

const ITEM: MediaItem = {
  id: 'BD-LB23rRBE_high',
  postId: 'BD-LB23rRBE',
  kind: 'image',
  url: 'https://i.ytimg.com/vi/BD-LB23rRBE/hqdefault.jpg',
  publishedAt: '2026-11-03T00:00:00.000Z',
  caption: 'Expert Panel III',
};

describe('sidecar date accuracy', () => {
  it.each([
    ['an exact date carries no flag', ITEM, undefined],
    ['an estimated date says so', { ...ITEM, dateApproximate: true as const }, true],
  ])('%s', (_name, item, expected) => {
    const sidecar = buildSidecar({ platform: 'youtube', item, format: 'jpg', byteSize: 10, sha256: 'ab'.repeat(32), downloadedAt: new Date('2026-11-24T00:00:00Z') });
    expect(sidecar.dateApproximate).toBe(expected);
    expect(sidecar.publishedAt).toBe(ITEM.publishedAt);
  });
});
