import { beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { getJob, listJobs, putJob } from '../../../lib/storage/jobRecords';
import { jobRecord } from '../export/job/jobs';

/**
 * The real composition roots (entrypoints/background.ts, entrypoints/offscreen/main.ts) fed
 * messages as Chrome delivers them: anything but the extension's own pages is refused with
 * 'invalid_request', and nothing it asked for happens.
 */

const OWN_ID = fakeBrowser.runtime.id;
const OWN = fakeBrowser.runtime.getURL('/');
const tab = { id: 7, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false, url: 'https://www.instagram.com/star.demo/' } as Tabs.Tab;

const HOSTILE_SENDERS: [string, Runtime.MessageSender][] = [
  ['a content script on a platform page', { id: OWN_ID, url: 'https://www.instagram.com/star.demo/', tab, frameId: 0 }],
  ['a content script in a frame whose URL quotes our page', { id: OWN_ID, url: `https://evil.example/?next=${OWN}popup.html`, tab, frameId: 4 }],
  ['a web page', { url: 'https://www.instagram.com/star.demo/', tab }],
  ['another extension', { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/page.html' }],
  ['another extension naming our page', { id: 'abcdefghijklmnopabcdefghijklmnop', url: `${OWN}popup.html` }],
  ['a sender with no id and no url', {}],
];

const REFUSED = { ok: false, error: { kind: 'invalid_request', message: 'Not allowed.' } };
const SEEDED = jobRecord({ id: '20261124-5eed00', stage: 'done', finishedAt: '2026-11-24T12:05:00.000Z', fileName: 'star-export.zip', zipBytes: 10 });

function background(type: string, data?: unknown) {
  return { starExport: 'background', type, data };
}

/** Every control message the background answers, with data that would act on the seeded job. */
const CONTROL_MESSAGES = [
  background('startExport', { platform: 'instagram', format: 'json', includeMedia: true }),
  background('startExport', { platform: 'instagram', account: 'star.demo', format: 'html', includeMedia: false }),
  background('listJobs'),
  background('cancelExport', { jobId: SEEDED.id }),
  background('resumeExport', { jobId: SEEDED.id }),
  background('continueExport', { jobId: SEEDED.id }),
  background('listHistory'),
  background('deleteExport', { jobId: SEEDED.id }),
  background('redownloadExport', { jobId: SEEDED.id }),
  background('forgetExportedItems'),
];

async function deliver(message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, sender);
  return answers.find((answer: unknown) => answer !== undefined);
}

/** Runs the background's main() as Chrome would on a worker start, with the APIs the fake browser lacks stubbed. */
async function startBackground(): Promise<void> {
  vi.spyOn(browser.contextMenus, 'removeAll').mockResolvedValue(undefined);
  vi.spyOn(browser.contextMenus, 'create').mockImplementation(() => 1);
  vi.spyOn(browser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(browser.notifications.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(browser.declarativeNetRequest, 'getSessionRules').mockResolvedValue([]);
  vi.spyOn(browser.declarativeNetRequest, 'updateSessionRules').mockResolvedValue(undefined);
  vi.resetModules();
  const entry = (await import('../../../entrypoints/background')).default as unknown as { main(): void };
  entry.main();
}

describe('background control messages', () => {
  let download: MockInstance;
  let notify: MockInstance;
  let outsideListeners: MockInstance[];

  beforeEach(async () => {
    download = vi.spyOn(browser.downloads, 'download').mockResolvedValue(1);
    notify = vi.spyOn(browser.notifications, 'create').mockResolvedValue('id');
    outsideListeners = [
      vi.spyOn(browser.runtime.onMessageExternal, 'addListener').mockImplementation(() => undefined),
      vi.spyOn(browser.runtime.onConnectExternal, 'addListener').mockImplementation(() => undefined),
      vi.spyOn(browser.runtime.onConnect, 'addListener').mockImplementation(() => undefined),
    ];
    for (const job of await listJobs()) await putJob({ ...job, stage: 'done' });
    await putJob(SEEDED);
    await startBackground();
  });

  it('answers its own popup (so the refusals below are not a dead listener)', async () => {
    const reply = (await deliver(background('listJobs'), { id: OWN_ID, url: `${OWN}popup.html` })) as { ok: boolean; value: { id: string }[] };
    expect(reply.ok).toBe(true);
    expect(reply.value.map((j) => j.id)).toContain(SEEDED.id);
  });

  describe.each(HOSTILE_SENDERS)('from %s', (_name, sender) => {
    it.each(CONTROL_MESSAGES.map((m) => [m.type, m] as const))('refuses %s, and nothing happens', async (_type, message) => {
      const jobsBefore = await listJobs();
      const alarmsBefore = await browser.alarms.getAll();
      expect(await deliver(message, sender)).toEqual(REFUSED);
      // Let anything a handler might have started settle before looking.
      await new Promise((r) => setTimeout(r, 20));
      expect(await listJobs()).toEqual(jobsBefore);
      expect(await getJob(SEEDED.id)).toEqual(SEEDED);
      expect(await browser.alarms.getAll()).toEqual(alarmsBefore);
      expect(download).not.toHaveBeenCalled();
      expect(notify).not.toHaveBeenCalled();
    });
  });

  it('listens to no message or port from outside the extension at all', () => {
    for (const addListener of outsideListeners) expect(addListener).not.toHaveBeenCalled();
  });
});

describe('offscreen document control messages', () => {
  it('answers the background (so the refusals below are not a dead listener)', async () => {
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.resetModules();
    await import('../../../entrypoints/offscreen/main');
    const revoke = { starExport: 'offscreen', type: 'revokeArchiveUrl', data: { url: 'blob:chrome-extension://x/1' } };
    expect(await deliver(revoke, { id: OWN_ID, url: `${OWN}background.js` })).toEqual({ ok: true, value: undefined });
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:chrome-extension://x/1');
  });

  it.each(HOSTILE_SENDERS)('refuses %s: no blob: URL is made for the archive', async (_name, sender) => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:fake');
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.resetModules();
    await import('../../../entrypoints/offscreen/main');
    const create = { starExport: 'offscreen', type: 'createArchiveUrl', data: { jobId: SEEDED.id } };
    const revoke = { starExport: 'offscreen', type: 'revokeArchiveUrl', data: { url: 'blob:chrome-extension://x/1' } };
    expect(await deliver(create, sender)).toEqual(REFUSED);
    expect(await deliver(revoke, sender)).toEqual(REFUSED);
    expect(createObjectURL).not.toHaveBeenCalled();
    expect(revokeObjectURL).not.toHaveBeenCalled();
  });
});
