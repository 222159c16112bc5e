import { afterEach, describe, expect, it, vi } from 'vitest';
import { acquireOffscreenDocument } from '../../../lib/shims/offscreenDocument';

function fakeOffscreen() {
  let open = false;
  const api = {
    hasDocument: vi.fn(async () => open),
    createDocument: vi.fn(async () => void (open = true)),
    closeDocument: vi.fn(async () => void (open = false)),
  };
  vi.stubGlobal('chrome', { offscreen: api });
  return { api, isOpen: () => open };
}

afterEach(() => vi.unstubAllGlobals());

describe('the offscreen document', () => {
  it('is closed once no delivery needs it any more, and only then', async () => {
    const { api, isOpen } = fakeOffscreen();
    const first = await acquireOffscreenDocument();
    const second = await acquireOffscreenDocument();
    expect(api.createDocument).toHaveBeenCalledTimes(1);
    await first();
    expect(isOpen()).toBe(true);
    await second();
    expect(isOpen()).toBe(false);
    expect(api.closeDocument).toHaveBeenCalledTimes(1);
  });

  it('a delivery starting while the last one ends gets an open document', async () => {
    const { isOpen } = fakeOffscreen();
    const first = await acquireOffscreenDocument();
    const [, second] = await Promise.all([first(), acquireOffscreenDocument()]);
    expect(isOpen()).toBe(true);
    await second();
    expect(isOpen()).toBe(false);
  });
});
