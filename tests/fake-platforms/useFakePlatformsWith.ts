import { afterAll, beforeAll } from 'vitest';
import { startFakePlatforms } from './index';
import type { FakePlatforms, FakePlatformsOptions } from './types';

export interface FakePlatformsWith<B> {
  readonly fake: FakePlatforms;
  readonly browser: B;
}

/**
 * For one describe block: the fake platforms and a browser started against them (then `prepare`d),
 * before its tests, and always both closed after them (the browser first: it holds connections to the fakes).
 */
export function useFakePlatformsWith<B extends { close(): Promise<void> }>(
  options: FakePlatformsOptions,
  browserName: string,
  launch: (fake: FakePlatforms) => Promise<B>,
  prepare: (browser: B) => Promise<void> = async () => undefined,
): FakePlatformsWith<B> {
  let fake: FakePlatforms | undefined;
  let browser: B | undefined;
  beforeAll(async () => {
    fake = await startFakePlatforms({ port: 0, ...options });
    browser = await launch(fake);
    await prepare(browser);
  });
  afterAll(async () => {
    try {
      await browser?.close();
    } finally {
      await fake?.close();
    }
  });
  return {
    get fake() {
      if (!fake) throw new Error('The fake platforms are not started (used outside a test?).');
      return fake;
    },
    get browser() {
      if (!browser) throw new Error(`${browserName} is not started (used outside a test?).`);
      return browser;
    },
  };
}
