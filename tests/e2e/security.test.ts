import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatforms } from '../fake-platforms/index';
import { fakeFetch } from '../fake-platforms/test-client';
import type { FakePlatforms } from '../fake-platforms/types';
import { expectEveryServedFileAccountedFor, expectNeverMoreThanThreeInFlight, expectOnlyPlatformHosts, openExport } from './exportChecks';
import type { JobSnapshot } from '../../lib/export/types';
import { addFakeCookies, existingZips, launchWithExtension, PopupPage, sendToBackground, waitForZip, type ExtensionSession } from './harness';
import { extensionStorage, profileFiles, Secrets, signedUrls, zipContents } from './secretScan';
import { useQuickPacing } from './quickPacing';

const EXPORT_TIMEOUT_MS = 180_000;
const PROFILE_URL = 'https://www.instagram.com/star.demo/';
/** The build under test: the harness's default, or the private copy STAR_EXPORT_EXTENSION_PATH names. */
const EXTENSION_DIR = resolve(process.env.STAR_EXPORT_EXTENSION_PATH || '.output/chrome-mv3');

/**
 * What the manifest may ask for, exactly (docs/architecture.md, "Permissions and privacy"). Growing either list must be a reviewed
 * change of this snapshot, not a side effect.
 */
const PERMISSIONS = [
  'activeTab',
  'storage',
  'unlimitedStorage',
  'downloads',
  'offscreen',
  'cookies',
  'declarativeNetRequestWithHostAccess',
  'alarms',
  'contextMenus',
  'notifications',
  'identity',
];
/** Cloud servers the user names (their WebDAV server, Dropbox): each origin is requested alone when connected. */
const OPTIONAL_HOST_PERMISSIONS = ['https://*/*', 'http://*/*'];
const HOST_PERMISSIONS = [
  'https://www.instagram.com/*',
  'https://*.cdninstagram.com/*',
  'https://*.fbcdn.net/*',
  'https://www.youtube.com/*',
  'https://i.ytimg.com/*',
  'https://www.facebook.com/*',
];

/**
 * Every absolute URL the built code may contain, and why. Anything else (an analytics endpoint,
 * a CDN for scripts, a debugging host) fails the scan.
 */
const ALLOWED_URLS: { pattern: RegExp; why: string }[] = [
  { pattern: /^https:\/\/(www\.instagram\.com|www\.facebook\.com|www\.youtube\.com|i\.ytimg\.com)(\/|$)/, why: 'the platforms themselves' },
  { pattern: /^https:\/\/\*\.(cdninstagram\.com|fbcdn\.net)\/\*$/, why: 'host permission patterns of the media CDNs' },
  { pattern: /^https:\/\/\$\{[a-z]\}\/\*$/, why: 'a host pattern built from the adapters’ hosts (https://${host}/*)' },
  { pattern: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|1998\/Math\/MathML)$/, why: 'XML namespace names in Preact, never fetched' },
  { pattern: /^https:\/\/accounts\.google\.com\/ServiceLogin\?service=youtube&/, why: 'YouTube’s login page, a link shown to a logged-out user' },
  { pattern: /^https:\/\/(www\.dropbox\.com\/oauth2\/authorize|api\.dropboxapi\.com\/(oauth2\/token|2\/auth\/token\/revoke|2\/files\/|\*)|content\.dropboxapi\.com\/(2\/files\/|\*))$/, why: 'Dropbox sign-in, tokens, uploads and removing a broken upload, used only once the user connects Dropbox' },
  {
    pattern: /^https:\/\/(accounts\.google\.com\/o\/oauth2\/v2\/auth|oauth2\.googleapis\.com\/(revoke|\*)|www\.googleapis\.com\/(\*|auth\/drive\.file|(upload\/)?drive\/v3\/files|drive\/v3\/about\?fields=user\(emailAddress))$/,
    why: 'Google sign-in, revoke and Drive uploads, used only once the user connects Google Drive',
  },
  { pattern: /^https?:\/\/\*\/\*$/, why: 'optional host patterns: the one origin of the user’s own server is requested when they connect it' },
  { pattern: /^https:\/\/cloud\.example\.com\/remote\.php\/dav\/files\/you\/Exports\/$/, why: 'the example address shown in the empty WebDAV form' },
  { pattern: /^https:\/\/(wxt\.dev\/guide\/go-further\/testing\.html|github\.com\/wxt-dev\/wxt\/issues\/371)$/, why: 'text of an error wxt/storage throws outside an extension' },
];

/** The id Chromium gives an unpacked extension: SHA-256 of its absolute path, first 32 hex digits as a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Another installed extension, with no permissions: its page is where a foreign extension's messages come from. */
async function writeOtherExtension(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'star-export-other-extension-'));
  await writeFile(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Some other extension', version: '1.0' }));
  await writeFile(join(dir, 'page.html'), '<!doctype html><title>other</title><p>other extension</p>');
  return dir;
}

type MessageOutcome = { delivered: true; reply: unknown } | { delivered: false; error: string };

/** Sends a startExport to the extension by id from `page`, the way anything outside it would have to. */
function sendStartExport(page: Page, extensionId: string): Promise<MessageOutcome> {
  return page.evaluate(async (id) => {
    const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, message: unknown) => Promise<unknown> } } }).chrome?.runtime;
    if (typeof runtime?.sendMessage !== 'function') return { delivered: false, error: 'no chrome.runtime.sendMessage here' };
    try {
      const request = { platform: 'instagram', format: 'json', includeMedia: true };
      const reply = await runtime.sendMessage(id, { starExport: 'background', type: 'startExport', data: request });
      return { delivered: true, reply };
    } catch (error) {
      return { delivered: false, error: String(error) };
    }
  }, extensionId);
}

describe('security: who may control the extension, what it is built from, what it keeps', () => {
  let fake: FakePlatforms;
  let session: ExtensionSession;
  let otherExtensionDir: string;
  let popup: PopupPage;
  const consoleLines: string[] = [];

  async function jobIds(): Promise<string[]> {
    const reply = (await popup.page.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ starExport: 'background', type: 'listJobs' }),
    )) as { ok: boolean; value: { id: string }[] };
    expect(reply.ok).toBe(true);
    return reply.value.map((j) => j.id);
  }

  beforeAll(async () => {
    // A small YouTube channel: the export only has to show where the session's values go.
    fake = await startFakePlatforms({ port: 0, youtubeChannels: [{ handle: 'star.demo', videos: 12, shorts: 3, lives: 1 }] });
    otherExtensionDir = await writeOtherExtension();
    // Chromium loads a comma-separated list of unpacked extensions; ours comes first, so its worker is the one found.
    session = await launchWithExtension({ fake, extensionPath: `${EXTENSION_DIR},${otherExtensionDir}` });
    session.serviceWorker.on('console', (m) => consoleLines.push(m.text()));
    session.context.on('page', (page) => page.on('console', (m) => consoleLines.push(m.text())));
    await useQuickPacing(session);
    await addFakeCookies(session.context, fake.instagramCookies());
    popup = await PopupPage.open(session.context, session.extensionId);
  });

  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      await fake?.close();
      if (otherExtensionDir) await rm(otherExtensionDir, { recursive: true, force: true });
    }
  });

  describe('control messages come only from the extension’s own pages', () => {
    it('a platform page has no channel to the extension, in its main world or an isolated one', async () => {
      const before = await jobIds();
      const page = await session.context.newPage();
      try {
        await page.goto(PROFILE_URL);
        const outcome = await sendStartExport(page, session.extensionId);
        expect(outcome.delivered, JSON.stringify(outcome)).toBe(false);

        // A world like a content script's, made from outside: it gets no extension API either.
        const cdp = await session.context.newCDPSession(page);
        let isolated: string;
        try {
          const { frameTree } = await cdp.send('Page.getFrameTree');
          const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'probe', grantUniveralAccess: true });
          const { result } = await cdp.send('Runtime.evaluate', {
            contextId: executionContextId,
            awaitPromise: true,
            returnByValue: true,
            expression: `(async () => {
              const runtime = globalThis.chrome && globalThis.chrome.runtime;
              if (!runtime || typeof runtime.sendMessage !== 'function') return 'no chrome.runtime.sendMessage';
              try { return JSON.stringify(await runtime.sendMessage(${JSON.stringify(session.extensionId)}, { starExport: 'background', type: 'startExport', data: { platform: 'instagram', format: 'json', includeMedia: true } })); }
              catch (error) { return 'refused: ' + error; }
            })()`,
          });
          isolated = String(result.value);
        } finally {
          await cdp.detach();
        }
        expect(isolated).toMatch(/^(no chrome\.runtime\.sendMessage|refused: )/);

        // No web-accessible resources: a platform page can neither read nor frame the popup (no clickjacking of Start Export).
        const reachable = await page.evaluate(async (id) => {
          const read = await fetch(`chrome-extension://${id}/popup.html`).then(() => 'read', () => 'refused');
          const framed = await new Promise<string>((done) => {
            const frame = document.createElement('iframe');
            frame.src = `chrome-extension://${id}/popup.html`;
            frame.onload = () => {
              try {
                done(frame.contentDocument ? 'same-origin?' : 'blocked');
              } catch {
                done('blocked');
              }
            };
            document.body.append(frame);
            setTimeout(() => done('no load'), 5000);
          });
          return { read, framed };
        }, session.extensionId);
        expect(reachable.read).toBe('refused');
        expect(reachable.framed).not.toBe('same-origin?');
        const popupFrame = page.frames().find((f) => f.url().startsWith(`chrome-extension://${session.extensionId}/`));
        const startInFrame = popupFrame ? await popupFrame.getByRole('button', { name: 'Start Export' }).count().catch(() => 0) : 0;
        expect(startInFrame, 'the popup rendered inside a platform page').toBe(0);
      } finally {
        await page.close();
      }
      expect(await jobIds()).toEqual(before);
    });

    it('another extension cannot start, list or cancel exports', async () => {
      const before = await jobIds();
      const otherId = unpackedExtensionId(otherExtensionDir);
      const page = await session.context.newPage();
      try {
        await page.goto(`chrome-extension://${otherId}/page.html`);
        expect(await page.locator('p').textContent()).toBe('other extension');
        const outcome = await sendStartExport(page, session.extensionId);
        expect(outcome.delivered, JSON.stringify(outcome)).toBe(false);
        expect(outcome.delivered ? '' : outcome.error).toMatch(/Receiving end does not exist|Could not establish connection/);
        const connected = await page.evaluate(async (id) => {
          const runtime = (globalThis as unknown as { chrome: { runtime: { connect(id: string): { onDisconnect: { addListener(f: () => void): void }; postMessage(m: unknown): void }; lastError?: { message: string } } } }).chrome.runtime;
          return new Promise<string>((done) => {
            const port = runtime.connect(id);
            port.onDisconnect.addListener(() => done(`disconnected: ${runtime.lastError?.message ?? ''}`));
            port.postMessage({ starExport: 'background', type: 'listJobs' });
            setTimeout(() => done('still connected'), 15_000);
          });
        }, session.extensionId);
        expect(connected).toMatch(/^disconnected/);
      } finally {
        await page.close();
      }
      expect(await jobIds()).toEqual(before);
    });

    it('the manifest opens no channel from outside: no externally_connectable, content scripts or web-accessible resources', async () => {
      const manifest = (await session.serviceWorker.evaluate('chrome.runtime.getManifest()')) as Record<string, unknown>;
      for (const key of ['externally_connectable', 'content_scripts', 'web_accessible_resources', 'key', 'update_url']) {
        expect(manifest[key], key).toBeUndefined();
      }
    });
  });

  describe('the build: permissions, CSP and code', () => {
    it('asks for exactly the snapshot of permissions and host permissions, in the built file and as loaded', async () => {
      const built = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      const loaded = (await session.serviceWorker.evaluate('chrome.runtime.getManifest()')) as Record<string, unknown>;
      for (const manifest of [built, loaded]) {
        expect(manifest.permissions).toEqual(PERMISSIONS);
        expect(manifest.host_permissions).toEqual(HOST_PERMISSIONS);
        expect(manifest.optional_permissions).toBeUndefined();
        expect(manifest.optional_host_permissions).toEqual(OPTIONAL_HOST_PERMISSIONS);
      }
    });

    it('keeps the default extension CSP: no unsafe-eval, no remote script source, and eval really is refused', async () => {
      const built = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_security_policy?: Record<string, string> };
      const policies = Object.values(built.content_security_policy ?? {});
      for (const policy of policies) {
        expect(policy).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*|data:|blob:/);
      }
      // Code evaluated over DevTools is exempt from CSP, so the probes make the page itself run strings:
      // an inline <script>, a string timer (eval's twin) and a data: script.
      const ran = await popup.page.evaluate(async () => {
        const flags = globalThis as unknown as Record<string, unknown>;
        const violations: string[] = [];
        flags.__violations = violations;
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
        const inline = document.createElement('script');
        inline.textContent = 'globalThis.__inlineRan = true;';
        document.head.append(inline);
        const fromData = document.createElement('script');
        const dataDone = new Promise((r) => {
          fromData.addEventListener('error', r);
          fromData.addEventListener('load', r);
          setTimeout(r, 10_000);
        });
        fromData.src = 'data:text/javascript,globalThis.__dataRan=true';
        document.head.append(fromData);
        (setTimeout as unknown as (code: string, ms: number) => number)('globalThis.__timerRan = true', 0);
        // Timers of equal delay run in order: once this one fires, the string timer has had its turn.
        await new Promise((r) => setTimeout(r, 0));
        await dataDone;
        return { inline: flags.__inlineRan === true, data: flags.__dataRan === true, timer: flags.__timerRan === true };
      });
      expect(ran).toEqual({ inline: false, data: false, timer: false });
      // …because the policy refused them (not because they failed some other way).
      await expect.poll(() => popup.page.evaluate(() => (globalThis as unknown as { __violations: string[] }).__violations.length)).toBeGreaterThanOrEqual(3);
    });

    it('has no eval or Function constructor in its code and loads no script from elsewhere', async () => {
      const files = await filesUnder(EXTENSION_DIR);
      const found: string[] = [];
      for (const file of files.filter((f) => /\.(js|mjs)$/.test(f))) {
        const code = await readFile(file, 'utf8');
        for (const match of code.matchAll(/\beval\s*\(|\bnew\s+Function\s*\(|(?<![.\w$])Function\s*\(\s*['"`]|setTimeout\s*\(\s*['"`]|setInterval\s*\(\s*['"`]|importScripts\s*\(/g)) {
          found.push(`${relative(EXTENSION_DIR, file)}: ${code.slice(Math.max(0, match.index - 40), match.index + 40)}`);
        }
      }
      expect(found).toEqual([]);
      for (const html of files.filter((f) => f.endsWith('.html'))) {
        const text = await readFile(html, 'utf8');
        const sources = [...text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
        expect(sources.filter((src) => /^(https?:)?\/\//.test(src)), relative(EXTENSION_DIR, html)).toEqual([]);
        expect(text, `${relative(EXTENSION_DIR, html)} inline script`).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
      }
    });

    it('names no web address but the platforms’ (and a few that are only text), so nothing else is called', async () => {
      const files = (await filesUnder(EXTENSION_DIR)).filter((f) => /\.(js|mjs|html|css|json)$/.test(f));
      const unexpected: string[] = [];
      for (const file of files) {
        const text = await readFile(file, 'utf8');
        for (const [url] of text.matchAll(/(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]+/g)) {
          if (!ALLOWED_URLS.some((a) => a.pattern.test(url))) unexpected.push(`${relative(EXTENSION_DIR, file)}: ${url}`);
        }
      }
      expect(unexpected).toEqual([]);
    });
  });

  /** Exports `platform` from the popup (media included, HTML) and returns the delivered ZIP. */
  async function exportFromPopup(platform: string): Promise<string> {
    const before = await existingZips(session.downloadsDir);
    await popup.choosePlatform(platform);
    await popup.chooseFormat('html');
    await popup.setIncludeMedia(true);
    await popup.start();
    const end = await popup.waitForFinalStage(EXPORT_TIMEOUT_MS);
    expect(end.outcome, end.text).toBe('done');
    return waitForZip(session.downloadsDir, 60_000, before);
  }

  describe('after a full Instagram export', () => {
    let zipPath: string;
    const secrets = new Secrets();

    beforeAll(async () => {
      const cookies = fake.instagramCookies();
      // ds_user_id is the user's public numeric id, which the export rightly holds; every other cookie is secret.
      secrets.addCookies(cookies, ['ds_user_id']);
      // Long pieces of sessionid, in case it is stored split at its ':' separators.
      for (const piece of decodeURIComponent(cookies.find((c) => c.name === 'sessionid')!.value).split(':')) if (piece.length >= 12) secrets.add('sessionid (part)', piece);
      const answer = await fakeFetch(fake.port, 'https://www.instagram.com/api/v1/users/web_profile_info/?username=star.demo', {
        headers: { cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; '), 'x-ig-app-id': '936619743392459' },
      });
      secrets.add('x-ig-set-www-claim', String(answer.headers['x-ig-set-www-claim']));
      expect(secrets.values.size).toBeGreaterThanOrEqual(5);
      fake.resetLog();
      zipPath = await exportFromPopup('instagram');
    });

    it('delivers a complete ZIP: every served file byte-identical or failed, never more than three downloads at once', async () => {
      const exported = await openExport(zipPath, 'instagram');
      await expectEveryServedFileAccountedFor(zipPath, exported, fake.instagramMedia());
      expectNeverMoreThanThreeInFlight(fake);
    });

    it('sent nothing to any host but the platforms’ (checked against every request Chromium made)', () => {
      expectOnlyPlatformHosts(fake);
      // Nor did any request carry the session in its URL, where logs and referrers would see it.
      expect(secrets.foundIn(fake.log.map((e) => ({ where: `${e.host}${e.path}`, text: `${e.host}${e.path}` })))).toEqual([]);
    });

    it('keeps no cookie or session token in IndexedDB, chrome.storage, OPFS, request rules, the ZIP or the console', async () => {
      const stored = await extensionStorage(session);
      // The dump does see what the extension stores: the exported account and the job are in it.
      const everything = stored.map((d) => d.text).join('\n');
      expect(everything).toContain('star.demo');
      expect(everything).toContain(/_(\d{8}-[0-9a-f]{6})\.zip$/.exec(zipPath)![1]!);
      const console = { where: 'console output', text: consoleLines.join('\n') };
      expect(secrets.foundIn([...stored, ...(await zipContents(zipPath)), console])).toEqual([]);
    });

    it('leaves no session value anywhere in the browser profile but Chromium’s own cookie store', async () => {
      expect(secrets.foundIn(await profileFiles(session.userDataDir))).toEqual([]);
    });

    it('keeps signed-URL signatures out of the texts it exports', async () => {
      expect(signedUrls(await zipContents(zipPath))).toEqual([]);
    });

    it('a failed export keeps no cookie or session token in what it leaves stored for Resume', async () => {
      // Logged out after a few API calls: the job fails, keeping its listed posts, media records and files.
      fake.addFault({ match: 'api', after: 3, times: Infinity, fault: { type: 'redirect-login' } });
      try {
        await popup.choosePlatform('instagram');
        await popup.setIncludeMedia(true);
        const before = new Set((await sendToBackground<JobSnapshot[]>(popup.page, 'listJobs')).map((job) => job.id));
        await popup.start();
        // Read from the background: the popup may show a section note beside the job's own status.
        await expect
          .poll(async () => (await sendToBackground<JobSnapshot[]>(popup.page, 'listJobs')).find((job) => !before.has(job.id))?.stage, { timeout: EXPORT_TIMEOUT_MS, interval: 500 })
          .toBe('failed');
      } finally {
        fake.clearFaults();
      }
      expect(fake.log.some((e) => e.faulted), 'the logout fault fired').toBe(true);
      const stored = await extensionStorage(session);
      expect(stored.some((d) => d.text.includes('login_required')), 'the failed job is among what was scanned').toBe(true);
      expect(secrets.foundIn(stored)).toEqual([]);
    });
  });

  describe('after Facebook and YouTube exports', () => {
    const zips: string[] = [];
    const secrets = new Secrets();

    beforeAll(async () => {
      const facebook = fake.facebookCookies();
      const youtube = fake.youtubeCookies();
      await addFakeCookies(session.context, [...facebook, ...youtube]);
      // c_user is the profile's public numeric id; PREF holds display settings.
      secrets.addCookies(facebook, ['c_user']).addCookies(youtube, ['PREF']);
      // The page tokens every Facebook GraphQL call sends: as much the session's as its cookies.
      const home = await fakeFetch(fake.port, 'https://www.facebook.com/', { headers: { cookie: facebook.map((c) => `${c.name}=${c.value}`).join('; ') } });
      for (const [, name, token] of home.text().matchAll(/\["(DTSGInitialData|LSD)",\[\],\{"token":"([^"]+)"/g)) secrets.add(name!, token!);
      expect([...secrets.values.values()]).toEqual(expect.arrayContaining(['DTSGInitialData', 'LSD', 'xs', 'SAPISID']));
      fake.resetLog();
      zips.push(await exportFromPopup('facebook'), await exportFromPopup('youtube'));
    });

    it('delivers complete ZIPs and sends nothing to any other host', async () => {
      await expectEveryServedFileAccountedFor(zips[0]!, await openExport(zips[0]!, 'facebook'), fake.facebookMedia());
      const youtube = await openExport(zips[1]!, 'youtube');
      // A video whose player gives no date (the age-gated one) is dated by its day: its files are named by that day.
      const dayDated = new Map(
        (youtube.manifest.posts as unknown as { id: string; publishedAt: string; metadata: { dateSource?: string } }[])
          .filter((p) => p.metadata.dateSource !== 'player')
          .map((p) => [p.id, Date.parse(p.publishedAt) / 1000]),
      );
      const served = fake.youtubeMedia().map((m) => (dayDated.has(m.postId) ? { ...m, takenAt: dayDated.get(m.postId)! } : m));
      await expectEveryServedFileAccountedFor(zips[1]!, youtube, served);
      expectNeverMoreThanThreeInFlight(fake);
      expectOnlyPlatformHosts(fake);
      expect(secrets.foundIn(fake.log.map((e) => ({ where: `${e.host}${e.path}`, text: `${e.host}${e.path}` })))).toEqual([]);
    });

    it('keeps no cookie or page token of either session anywhere: storage, ZIPs, console, profile', async () => {
      const places = [...(await extensionStorage(session)), { where: 'console output', text: consoleLines.join('\n') }, ...(await profileFiles(session.userDataDir))];
      for (const zipPath of zips) places.push(...(await zipContents(zipPath)));
      expect(secrets.foundIn(places)).toEqual([]);
    });

    it('keeps signed-URL signatures out of the texts it exports', async () => {
      for (const zipPath of zips) expect(signedUrls(await zipContents(zipPath))).toEqual([]);
    });
  });
});
