import { useFakePlatformsWith } from '../../fake-platforms/useFakePlatformsWith';
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
  const both = useFakePlatformsWith(
    { proxyPort: 0, ...options },
    'Firefox',
    (fake) => launchFirefoxWithExtension({ fake, cookies: cookies(fake) }),
    (firefox) => useQuickPacing(firefox.pages, pacing),
  );
  return {
    get fake() {
      return both.fake;
    },
    get firefox() {
      return both.browser;
    },
  };
}
