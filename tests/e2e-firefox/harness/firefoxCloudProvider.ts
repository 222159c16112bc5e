import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { startFakePlatforms } from '../../fake-platforms/index';
import { startProxy, type FakeProxy } from '../../fake-platforms/server/proxy';
import type { FakeInstagramAccountSpec, FakePlatforms } from '../../fake-platforms/types';
import { makeTempDir, removeDir } from '../../e2e/harness/profile';
import { useQuickPacing } from './exportJobs';
import { launchFirefoxWithExtension, type FirefoxSession } from './launchFirefox';

export interface FirefoxCloudProviderOptions<P> {
  /** Starts the provider's fake (an HTTPS server on 127.0.0.1:`port`, e.g. startGoogleDriveServer). */
  startProvider(): Promise<P & { port: number; close(): Promise<void> }>;
  /** The provider's real host names: Firefox's proxy sends their tunnels to the provider's fake. */
  hosts: string[];
  /** The WXT build mode of this test's own Firefox copy (`.output/firefox-mv3-<mode>`). */
  buildMode: string;
  /** Build-time settings, such as the provider's client id: inlined, hence the own build. */
  buildEnv(provider: P): Record<string, string>;
  /** Tells the provider the add-on's redirect URI (`browser.identity.getRedirectURL(path)`). */
  setRedirectUri(provider: P, uri: string): void;
  redirectPath: string;
  instagramAccount: FakeInstagramAccountSpec;
}

export interface FirefoxCloudProvider<P> {
  readonly provider: P;
  readonly fake: FakePlatforms;
  readonly firefox: FirefoxSession;
  /** A folder for the files a test takes out of the provider. */
  readonly scratch: string;
}

/**
 * For one describe block: a cloud provider's fake, the fake platforms, and Firefox with a build of
 * the add-on that knows the provider, logged in to Instagram with quick pacing. Firefox has no
 * resolver rules: one proxy routes the provider's hosts to its fake and every other host to the
 * platforms', and Marionette's acceptInsecureCerts trusts both certificates. Always closed after.
 */
export function useFirefoxCloudProvider<P>(options: FirefoxCloudProviderOptions<P>): FirefoxCloudProvider<P> {
  let provider: (P & { port: number; close(): Promise<void> }) | undefined;
  let fake: FakePlatforms | undefined;
  let proxy: FakeProxy | undefined;
  let firefox: FirefoxSession | undefined;
  let scratch: string | undefined;

  beforeAll(async () => {
    const started = await options.startProvider();
    provider = started;
    await promisify(execFile)('npx', ['wxt', 'build', '-b', 'firefox', '-m', options.buildMode, '--level', 'warn'], {
      env: { ...process.env, ...options.buildEnv(started) },
    });
    fake = await startFakePlatforms({ port: 0, instagramAccounts: [options.instagramAccount] });
    proxy = await startProxy(0, fake.port, new Map(options.hosts.map((host) => [host, started.port])));
    firefox = await launchFirefoxWithExtension({ fake: { proxyPort: proxy.port }, cookies: fake.instagramCookies(), extensionPath: `.output/firefox-mv3-${options.buildMode}` });
    await useQuickPacing(firefox.pages);
    // The address Firefox gives this add-on, as the user registers it with their OAuth app.
    options.setRedirectUri(started, await firefox.pages.evaluate<string>(`browser.identity.getRedirectURL(${JSON.stringify(options.redirectPath)})`));
    scratch = await makeTempDir(`firefox-${options.buildMode}-scratch`);
  }, 180_000);

  afterAll(async () => {
    try {
      await firefox?.close();
    } finally {
      await Promise.all([proxy?.close(), fake?.close(), provider?.close()]);
      if (scratch) await removeDir(scratch);
    }
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (used outside a test?).`);
    return value;
  };
  return {
    get provider() {
      return started(provider, 'The provider');
    },
    get fake() {
      return started(fake, 'The fake platforms');
    },
    get firefox() {
      return started(firefox, 'Firefox');
    },
    get scratch() {
      return started(scratch, 'The scratch folder');
    },
  };
}
