import type { Runtime, Tabs } from 'webextension-polyfill';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ExportError } from '../../../lib/errors';
import { handleMessages, isOwnExtensionPage } from '../../../lib/messaging/messenger';

const OWN_ID = fakeBrowser.runtime.id;
const OWN_ORIGIN = fakeBrowser.runtime.getURL('/');
const tab = { id: 12, index: 0, windowId: 1, highlighted: true, active: true, pinned: false, incognito: false } as Tabs.Tab;

const sender = (fields: Runtime.MessageSender): Runtime.MessageSender => fields;

describe('isOwnExtensionPage', () => {
  it.each<[string, Runtime.MessageSender]>([
    ['the popup', { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` }],
    ['the offscreen document', { id: OWN_ID, url: `${OWN_ORIGIN}offscreen.html?reason=blobs` }],
    ['the history page opened in a tab', { id: OWN_ID, url: `${OWN_ORIGIN}options.html#history`, tab, frameId: 0 }],
    ['the extension root', { id: OWN_ID, url: OWN_ORIGIN }],
  ])('accepts %s', (_name, from) => {
    expect(isOwnExtensionPage(sender(from))).toBe(true);
  });

  it.each<[string, Runtime.MessageSender]>([
    ['a content script on the platform', { id: OWN_ID, url: 'https://www.instagram.com/natgeo/', tab, frameId: 0 }],
    ['a content script in a frame', { id: OWN_ID, url: 'https://www.youtube.com/embed/abc', tab, frameId: 3 }],
    ['a web page', { url: 'https://evil.example/', tab }],
    ['a web page that names our id', { id: OWN_ID, url: `https://evil.example/${OWN_ORIGIN}popup.html`, tab }],
    ['another extension', { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/popup.html' }],
    ['another extension claiming our page', { id: 'other-extension-id', url: `${OWN_ORIGIN}popup.html` }],
    ['an id that only starts like ours', { id: OWN_ID, url: `chrome-extension://${OWN_ID}x/popup.html` }],
    ['a host that only starts like ours', { id: OWN_ID, url: `chrome-extension://${OWN_ID}.evil.example/popup.html` }],
    ['our id without a url', { id: OWN_ID }],
    ['our id with an empty url', { id: OWN_ID, url: '' }],
    ['our page without an id', { url: `${OWN_ORIGIN}popup.html` }],
    ['nobody', {}],
  ])('rejects %s', (_name, from) => {
    expect(isOwnExtensionPage(sender(from))).toBe(false);
  });
});

interface TestProtocol {
  echo(text: string): string;
  fail(): void;
  crash(): void;
}

/** Delivers `message` as the browser would, from `from`, and returns the first answer. */
async function deliver(message: unknown, from: Runtime.MessageSender): Promise<unknown> {
  const answers = await fakeBrowser.runtime.onMessage.trigger(message, from);
  return answers.find((answer: unknown) => answer !== undefined);
}

describe('handleMessages', () => {
  const popup = sender({ id: OWN_ID, url: `${OWN_ORIGIN}popup.html` });
  const contentScript = sender({ id: OWN_ID, url: 'https://www.instagram.com/natgeo/', tab, frameId: 0 });

  function listen(): void {
    handleMessages<TestProtocol>('background', {
      echo: (text) => `echo: ${text}`,
      fail: () => {
        throw new ExportError('rate_limited', 'Slow down.');
      },
      crash: () => {
        throw new Error('boom');
      },
    });
  }

  it.each<[string, unknown, Runtime.MessageSender, unknown]>([
    ['answers its own pages', { starExport: 'background', type: 'echo', data: 'hi' }, popup, { ok: true, value: 'echo: hi' }],
    [
      'refuses a content script',
      { starExport: 'background', type: 'echo', data: 'hi' },
      contentScript,
      { ok: false, error: { kind: 'invalid_request', message: 'Not allowed.' } },
    ],
    [
      'refuses another extension',
      { starExport: 'background', type: 'echo', data: 'hi' },
      { id: 'other-extension-id', url: 'chrome-extension://other-extension-id/popup.html' },
      { ok: false, error: { kind: 'invalid_request', message: 'Not allowed.' } },
    ],
    ['passes on an error kind', { starExport: 'background', type: 'fail' }, popup, { ok: false, error: { kind: 'rate_limited', message: 'Slow down.' } }],
    ['turns anything thrown into an error value', { starExport: 'background', type: 'crash' }, popup, { ok: false, error: { kind: 'internal', message: 'boom' } }],
    ['ignores an unknown type', { starExport: 'background', type: 'nope' }, popup, undefined],
    ['ignores a message for the offscreen page', { starExport: 'offscreen', type: 'echo', data: 'hi' }, popup, undefined],
    ['ignores a foreign message', { type: 'echo', data: 'hi' }, popup, undefined],
    ['ignores a non-object', 'echo', popup, undefined],
  ])('%s', async (_name, message, from, expected) => {
    listen();
    expect(await deliver(message, from)).toEqual(expected);
  });
});
