import { describe, expect, it } from 'vitest';
import { ExportError } from '../../../../lib/errors';
import { downloadFirstExisting } from '../../../../lib/export/media/sizeFallbacks';
import type { MediaItem } from '../../../../lib/platforms/types';

const base = 'https://i.ytimg.com/vi/x';
const item: MediaItem = {
  id: 'x_high',
  postId: 'x',
  kind: 'image',
  url: `${base}/maxresdefault.jpg`,
  width: 1280,
  height: 720,
  fallbacks: [
    { url: `${base}/sddefault.jpg`, width: 640, height: 480 },
    { url: `${base}/hqdefault.jpg`, width: 480, height: 360 },
  ],
  publishedAt: '2026-01-01T00:00:00.000Z',
  caption: null,
};
const notFound = () => new ExportError('http_error', 'The file was not found on the server (HTTP 404).', { status: 404 });

/** A server holding only `existing`; every other address answers 404. Records what was asked. */
function server(existing: string[], otherwise: () => Error = notFound) {
  const asked: string[] = [];
  const download = async (url: string) => {
    asked.push(url);
    if (existing.includes(url)) return `bytes of ${url}`;
    throw otherwise();
  };
  return { asked, download };
}

describe('downloadFirstExisting', () => {
  it('downloads the largest size when it exists, and names it without fallbacks', async () => {
    const { asked, download } = server([`${base}/maxresdefault.jpg`, `${base}/sddefault.jpg`]);
    const { result, item: got } = await downloadFirstExisting(item, download);
    expect(result).toBe(`bytes of ${base}/maxresdefault.jpg`);
    expect(asked).toEqual([`${base}/maxresdefault.jpg`]);
    expect(got).toMatchObject({ url: `${base}/maxresdefault.jpg`, width: 1280, height: 720 });
    expect(got.fallbacks).toBeUndefined();
  });

  it('falls back size by size on 404 and names the size it got', async () => {
    const { asked, download } = server([`${base}/hqdefault.jpg`]);
    const { result, item: got } = await downloadFirstExisting(item, download);
    expect(result).toBe(`bytes of ${base}/hqdefault.jpg`);
    expect(asked).toEqual([`${base}/maxresdefault.jpg`, `${base}/sddefault.jpg`, `${base}/hqdefault.jpg`]);
    expect(got).toEqual({ ...item, url: `${base}/hqdefault.jpg`, width: 480, height: 360, fallbacks: undefined });
  });

  it('fails with the last 404 when no size exists', async () => {
    const { asked, download } = server([]);
    await expect(downloadFirstExisting(item, download)).rejects.toMatchObject({ kind: 'http_error', details: { status: 404 } });
    expect(asked).toHaveLength(3);
  });

  it('does not fall back on another failure: a refused or broken file is the file’s own', async () => {
    for (const failure of [
      () => new ExportError('http_error', 'HTTP 500', { status: 500 }),
      () => new ExportError('not_allowed_type', 'a web page'),
      () => new ExportError('cancelled', 'The export was cancelled.'),
    ]) {
      const { asked, download } = server([`${base}/sddefault.jpg`], failure);
      await expect(downloadFirstExisting(item, download)).rejects.toBeInstanceOf(ExportError);
      expect(asked).toEqual([`${base}/maxresdefault.jpg`]);
    }
  });

  it('an item without fallbacks is downloaded as it is', async () => {
    const { fallbacks: _none, ...single } = item;
    const { asked, download } = server([]);
    await expect(downloadFirstExisting(single, download)).rejects.toMatchObject({ details: { status: 404 } });
    expect(asked).toEqual([`${base}/maxresdefault.jpg`]);
  });
});
