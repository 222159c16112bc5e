import { describe, expect, it } from 'vitest';
import { buildSidecar } from '../../../../lib/export/layout/sidecar';
import { compressImage } from '../../../../lib/export/media/compressImage';
import { mediaItem } from '../job/jobs';

describe('compressImage', () => {
  it('leaves videos and GIFs alone', async () => {
    expect(await compressImage(new Blob([new Uint8Array(100)]), 'mp4')).toBeUndefined();
    expect(await compressImage(new Blob([new Uint8Array(100)]), 'gif')).toBeUndefined();
  });
});

describe('the sidecar of a compressed image', () => {
  it('says it was compressed and describes the original', () => {
    const original = { format: 'png' as const, byteSize: 120_000, width: 1080, height: 1350 };
    const sidecar = buildSidecar({ platform: 'instagram', item: mediaItem('1', 'p'), format: 'jpg', byteSize: 40_000, sha256: 'c'.repeat(64), downloadedAt: new Date(0), original });
    expect(sidecar).toMatchObject({ format: 'jpg', byteSize: 40_000, compressed: true, original });
    const plain = buildSidecar({ platform: 'instagram', item: mediaItem('1', 'p'), format: 'jpg', byteSize: 40_000, sha256: 'c'.repeat(64), downloadedAt: new Date(0) });
    expect('compressed' in plain).toBe(false);
  });
});
