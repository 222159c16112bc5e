import { describe, expect, it } from 'vitest';
import { canMakeBlobUrls } from '../../../lib/shims/archiveUrl';

describe('which context makes the ZIP’s blob: URL', () => {
  it('a page with URL.createObjectURL (Firefox’s background) makes it itself', () => {
    expect(canMakeBlobUrls({ URL: { createObjectURL: () => 'blob:x' } })).toBe(true);
  });

  it('a service worker without it (Chromium) leaves it to the offscreen document', () => {
    expect(canMakeBlobUrls({ URL: {} })).toBe(false);
  });
});
