import { resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';
import type { FakePlatforms } from '../../fake-platforms/types';
import { findChromium } from './findChromium';
import { withPageCdpSession } from './pageCdpSession';
import { chromiumPidsFor, killPids, settleWithin } from './processGuard';
import { makeTempDir, removeDir, writeDownloadPreferences } from './profile';

export interface LaunchOptions {
  /** Where Chromium sends the platforms' host names and which certificate it trusts. */
  fake: Pick<FakePlatforms, 'hostResolverRules' | 'spkiHash'>;
  extensionPath?: string;
  /** Created (and removed on close) when omitted. */
  downloadsDir?: string;
  /** Reuse a profile, e.g. to restart the browser mid-job; the caller's folder is never removed. */
  userDataDir?: string;
  /** Extra Chromium flags for one test. */
  args?: string[];
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  downloadsDir: string;
  userDataDir: string;
  /** Closes the browser (killing it if it hangs) and removes the folders the harness created. */
  close(options?: { keepProfile?: boolean }): Promise<void>;
  /** Closes the browser, keeping profile and downloads, and launches it again on the same profile. */
  restart(): Promise<ExtensionSession>;
}

const CLOSE_TIMEOUT_MS = 20_000;
const WORKER_TIMEOUT_MS = 30_000;

/** The flags docs/testing.md, "Chromium", found to work for extensions under headless Chromium on these machines. */
function chromiumArgs(extensionPath: string, fake: LaunchOptions['fake']): string[] {
  return [
    `--disable-extensions-except=${extensionPath}`,
    `--load-extension=${extensionPath}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--host-resolver-rules=${fake.hostResolverRules}`,
    // ignoreHTTPSErrors covers pages only; the service worker's fetch needs the cert trusted by SPKI.
    `--ignore-certificate-errors-spki-list=${fake.spkiHash}`,
  ];
}

/** The extension's live service worker; after Chrome stopped it, the one it restarts. */
export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
  const running = context.serviceWorkers().find(isExtension);
  if (running) return running;
  return context.waitForEvent('serviceworker', { predicate: isExtension, timeout: WORKER_TIMEOUT_MS });
}

/**
 * Playwright points downloads at its own folder under GUID names; 'default' hands them back to
 * Chromium, which then honours the profile's download.default_directory like a user's browser.
 */
async function useProfileDownloadFolder(context: BrowserContext): Promise<void> {
  await withPageCdpSession(context, (session) => session.send('Browser.setDownloadBehavior', { behavior: 'default' }));
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionSession> {
  const ownsProfile = !options.userDataDir;
  const ownsDownloads = !options.downloadsDir;
  const userDataDir = resolve(options.userDataDir ?? (await makeTempDir('profile')));
  const downloadsDir = resolve(options.downloadsDir ?? (await makeTempDir('downloads')));
  return launchOn({ ...options, userDataDir, downloadsDir }, ownsProfile, ownsDownloads);
}

async function launchOn(
  options: LaunchOptions & { userDataDir: string; downloadsDir: string },
  ownsProfile: boolean,
  ownsDownloads: boolean,
): Promise<ExtensionSession> {
  const { userDataDir, downloadsDir } = options;
  // STAR_EXPORT_EXTENSION_PATH: a private copy of the build, safe from others' rebuilds mid-run.
  const extensionPath = resolve(options.extensionPath ?? (process.env.STAR_EXPORT_EXTENSION_PATH || '.output/chrome-mv3'));
  await writeDownloadPreferences(userDataDir, downloadsDir);

  let context: BrowserContext | undefined;
  const shutdown = async (keepProfile: boolean, keepDownloads: boolean) => {
    try {
      if (context) await settleWithin(context.close(), CLOSE_TIMEOUT_MS);
    } catch (error) {
      // Seen after a test stopped the service worker; the kill below still ends the browser.
      console.warn(`Closing Chromium failed (${String(error)}); killing it instead.`);
    } finally {
      killPids(chromiumPidsFor(userDataDir));
      if (!keepProfile) await removeDir(userDataDir);
      if (!keepDownloads) await removeDir(downloadsDir);
    }
  };

  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: true,
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [...chromiumArgs(extensionPath, options.fake), ...(options.args ?? [])],
      timeout: WORKER_TIMEOUT_MS,
    });
    const serviceWorker = await extensionWorker(context);
    await useProfileDownloadFolder(context);
    const extensionId = new URL(serviceWorker.url()).host;
    return {
      context,
      extensionId,
      serviceWorker,
      downloadsDir,
      userDataDir,
      close: ({ keepProfile = false } = {}) => shutdown(keepProfile || !ownsProfile, !ownsDownloads),
      restart: async () => {
        await shutdown(true, true);
        return launchOn(options, ownsProfile, ownsDownloads);
      },
    };
  } catch (error) {
    await shutdown(!ownsProfile, !ownsDownloads);
    throw error;
  }
}
