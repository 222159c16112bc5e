import { createServer } from 'node:net';
import { resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import type { FakeCookie, FakePlatforms } from '../../fake-platforms/types';
import { makeTempDir, removeDir } from '../../e2e/harness/profile';
import { browserCookie } from '../../e2e/harness/cookies';
import { findFirefox } from './findFirefox';
import { ExtensionPages } from './extensionPages';
import { MarionetteClient } from './marionette';

/** The add-on id the Firefox build declares (wxt.config.ts). */
export const ADDON_ID = 'star-export@star-export.app';
/** Pinned through a pref, so the test knows the extension's moz-extension:// origin. */
const ADDON_UUID = '5a7c1e1e-57a2-4e0b-9c63-0e55e0a7f1d8';
const CLOSE_TIMEOUT_MS = 15_000;

export interface FirefoxSession {
  /** The extension's pages, reached from the browser's own scope (see extensionPages.ts). */
  pages: ExtensionPages;
  downloadsDir: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address !== 'object') throw new Error('no free port');
  return address.port;
}

/**
 * Firefox has no --host-resolver-rules: every HTTPS request goes through the fake's forward proxy,
 * which ends every tunnel at the fake, whatever host was named, so nothing leaves the machine.
 */
function prefs(fake: Pick<FakePlatforms, 'proxyPort'>, downloadsDir: string, marionettePort: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': fake.proxyPort,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': fake.proxyPort,
    'network.proxy.no_proxies_on': '',
    'network.trr.mode': 5,
    // Firefox's own probes would only add noise to the fake's log.
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
    'network.http.http3.enable': false,
    'browser.download.dir': downloadsDir,
    'browser.download.folderList': 2,
    'browser.download.useDownloadDir': true,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.always_ask_before_handling_new_types': false,
    'marionette.port': marionettePort,
    // Extension pages in the parent process, where the chrome scope can reach their window.
    'extensions.webextensions.remote': false,
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    // permissions.request is granted without its doorhanger (headless has nobody to answer it);
    // the user gesture it requires is still checked.
    'extensions.webextOptionalPermissionPrompts': false,
  };
}

/**
 * Debian's Firefox ESR with the built extension as a temporary add-on, logged in with `cookies`.
 * WebDriver BiDi (puppeteer-core) launches it, installs the add-on (webExtension.install) and sets
 * the cookies (storage.setCookie); then its session ends, because Firefox allows one WebDriver
 * session and BiDi never reaches moz-extension:// pages: a Marionette session in the chrome scope
 * takes over to talk to the extension's own page (extensionPages.ts). Its acceptInsecureCerts
 * trusts the fake's self-signed certificate for every request, the background's included.
 */
export async function launchFirefoxWithExtension(options: { fake: Pick<FakePlatforms, 'proxyPort'>; cookies: FakeCookie[]; extensionPath?: string }): Promise<FirefoxSession> {
  const extensionPath = resolve(options.extensionPath ?? (process.env.STAR_EXPORT_FIREFOX_EXTENSION_PATH || '.output/firefox-mv3'));
  const userDataDir = await makeTempDir('firefox-profile');
  const downloadsDir = await makeTempDir('firefox-downloads');
  const marionettePort = await freePort();
  let pid: number | undefined;
  let marionette: MarionetteClient | undefined;

  const close = async () => {
    marionette?.close();
    if (pid !== undefined) await killAndWait(pid);
    await removeDir(userDataDir);
    await removeDir(downloadsDir);
  };

  try {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      userDataDir,
      args: ['--marionette', '--remote-allow-system-access'],
      extraPrefsFirefox: prefs(options.fake, downloadsDir, marionettePort),
      // The harness ends Firefox itself, by its process id, after the BiDi session is gone.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    pid = browser.process()?.pid;
    const id = await browser.installExtension(extensionPath);
    if (id !== ADDON_ID) throw new Error(`installed ${id}, expected ${ADDON_ID}`);
    await browser.setCookie(...options.cookies.map(browserCookie));
    await browser.disconnect();

    marionette = await MarionetteClient.connect(marionettePort);
    // Marionette reads capabilities flat, not as W3C alwaysMatch.
    const created = await marionette.send<{ capabilities: { acceptInsecureCerts: boolean } }>('WebDriver:NewSession', { acceptInsecureCerts: true });
    if (!created.capabilities.acceptInsecureCerts) throw new Error('Marionette did not accept insecure certificates');
    await marionette.send('Marionette:SetContext', { value: 'chrome' });
    await marionette.send('WebDriver:SetTimeouts', { script: 60_000 });
    const pages = await ExtensionPages.open(marionette, ADDON_ID, `moz-extension://${ADDON_UUID}`);
    return { pages, downloadsDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function killAndWait(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + CLOSE_TIMEOUT_MS;
  while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  if (alive()) process.kill(pid, 'SIGKILL');
}
