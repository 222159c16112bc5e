import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Downloads } from 'webextension-polyfill';
import { findStartedDownload, waitForDownload } from '../../../../lib/export/delivery/deliverArchive';

type Changed = (delta: Downloads.OnChangedDownloadDeltaType) => void;
type Erased = (id: number) => void;

const changed = new Set<Changed>();
const erased = new Set<Erased>();
let searched: Partial<Downloads.DownloadItem>[] = [];

beforeEach(() => {
  changed.clear();
  erased.clear();
  searched = [{ id: 5, state: 'in_progress', paused: false }];
  vi.spyOn(fakeBrowser.downloads.onChanged, 'addListener').mockImplementation((l) => void changed.add(l as Changed));
  vi.spyOn(fakeBrowser.downloads.onChanged, 'removeListener').mockImplementation((l) => void changed.delete(l as Changed));
  vi.spyOn(fakeBrowser.downloads.onErased, 'addListener').mockImplementation((l) => void erased.add(l as Erased));
  vi.spyOn(fakeBrowser.downloads.onErased, 'removeListener').mockImplementation((l) => void erased.delete(l as Erased));
  vi.spyOn(fakeBrowser.downloads, 'search').mockImplementation(async () => searched as Downloads.DownloadItem[]);
});

describe('waiting for the ZIP on the downloads shelf', () => {
  it('completes when the download does', async () => {
    const waiting = waitForDownload(5, new AbortController().signal);
    await vi.waitFor(() => expect(changed.size).toBe(1));
    for (const l of changed) l({ id: 5, state: { current: 'complete', previous: 'in_progress' } });
    await expect(waiting).resolves.toBeUndefined();
  });

  it('ends when the user removes the download from the shelf, instead of holding the queue', async () => {
    const waiting = waitForDownload(5, new AbortController().signal);
    await vi.waitFor(() => expect(erased.size).toBe(1));
    for (const l of erased) l(5);
    await expect(waiting).rejects.toMatchObject({ message: expect.stringMatching(/removed from the downloads/) });
    expect(changed.size + erased.size).toBe(0);
  });

  it('ends when the download stays paused too long, and not while it runs on', async () => {
    const waiting = waitForDownload(5, new AbortController().signal, { pausedLimitMs: 60 });
    await vi.waitFor(() => expect(changed.size).toBe(1));
    for (const l of changed) l({ id: 5, paused: { current: true, previous: false } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const l of changed) l({ id: 5, paused: { current: false, previous: true } });
    await new Promise((resolve) => setTimeout(resolve, 80));
    for (const l of changed) l({ id: 5, paused: { current: true, previous: false } });
    await expect(waiting).rejects.toMatchObject({ message: expect.stringMatching(/paused/) });
  });

  it('a download already paused when the wait starts counts too', async () => {
    searched = [{ id: 5, state: 'in_progress', paused: true }];
    await expect(waitForDownload(5, new AbortController().signal, { pausedLimitMs: 30 })).rejects.toMatchObject({ message: expect.stringMatching(/paused/) });
  });
});

describe('finding a ZIP download a stopped worker started', () => {
  it('finds this extension\'s download of the file, renamed or not, and nothing else', async () => {
    vi.spyOn(fakeBrowser.downloads, 'search').mockResolvedValue([
      { id: 1, filename: '/home/u/Downloads/star-export_instagram_a_2026-12-06_x.zip', byExtensionId: 'other-extension' },
      { id: 2, filename: '/home/u/Downloads/star-export_instagram_a_2026-12-06_x (1).zip', byExtensionId: fakeBrowser.runtime.id },
    ] as Downloads.DownloadItem[]);
    expect(await findStartedDownload('star-export_instagram_a_2026-12-06_x.zip', new Date().toISOString())).toBe(2);
    expect(await findStartedDownload('star-export_youtube_b_2026-12-06_y.zip', new Date().toISOString())).toBeUndefined();
  });
});
