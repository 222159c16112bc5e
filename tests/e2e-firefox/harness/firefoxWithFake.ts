import { afterAll, beforeAll } from 'vitest';
import { startFakePlatforms } from '../../fake-platforms/index';
import type { FakeCookie, FakePlatforms, FakePlatformsOptions } from '../../fake-platforms/types';
import type { QuickPacingOverrides } from '../../e2e/quickPacing';
import { useQuickPacing } from './exportJobs';
import { launchFirefoxWithExtension, type FirefoxSession } from './launchFirefox';

export interface FirefoxWithFake {
  readonly fake: FakePlatforms;
  readonly firefox: FirefoxSession;
}

/**
 * For one describe block: the fake platforms (with their forward proxy) and a Firefox with the
 * built extension, logged in with `cookies(fake)`, quick API pacing; always closed after.
 */
export function useFirefoxWithFake(cookies: (fake: FakePlatforms) => FakeCookie[], options: FakePlatformsOptions = {}, pacing: QuickPacingOverrides = {}): FirefoxWithFake {
  let fake: FakePlatforms | undefined;
  let firefox: FirefoxSession | undefined;
  beforeAll(async () => {
    fake = await startFakePlatforms({ port: 0, proxyPort: 0, ...options });
    firefox = await launchFirefoxWithExtension({ fake, cookies: cookies(fake) });
    await useQuickPacing(firefox.pages, pacing);
  });
  afterAll(async () => {
    try {
      await firefox?.close();
    } finally {
      await fake?.close();
    }
  });
  return {
    get fake() {
      if (!fake) throw new Error('The fake platforms are not started (used outside a test?).');
      return fake;
    },
    get firefox() {
      if (!firefox) throw new Error('Firefox is not started (used outside a test?).');
      return firefox;
    },
  };
}
