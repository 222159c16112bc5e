import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../fake-platforms/types';
import { startJsonExportWithMedia, useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, PopupPage } from './harness';
import { pollUntil } from './popupUi';

const PROBE_PATH = '/api/v1/users/web_profile_info/?username=star.demo&probe=page';

describe('The extension’s header rules', () => {
  const env = useExtensionWithFake();

  it('give the extension’s own POSTs the platform’s Origin (GETs none, as the web app), and leave a web page’s own request alone', async () => {
    const { session, fake } = env;
    await addFakeCookies(session.context, fake.instagramCookies());
    fake.resetLog();

    const page = await session.context.newPage();
    await page.goto('https://www.youtube.com/', { waitUntil: 'domcontentloaded' });
    await page.evaluate(async (url) => {
      await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body: 'probe' }).catch(() => undefined);
    }, `https://www.instagram.com${PROBE_PATH}`);
    const fromPage = await pollUntil(
      async () => fake.log.find((entry) => entry.host === 'www.instagram.com' && entry.path === PROBE_PATH),
      (entry): entry is RequestLogEntry => entry !== undefined,
      30_000,
      'the page’s request',
    );
    expect(fromPage?.origin).toBe('https://www.youtube.com');
    await page.close();

    const popup = await PopupPage.open(session.context, session.extensionId);
    await startJsonExportWithMedia(popup, 'instagram');
    const end = await popup.waitForFinalStage(180_000);
    expect(end.outcome, end.text).toBe('done');
    const own = fake.log.filter((entry) => entry.host === 'www.instagram.com' && entry.kind === 'api' && entry.path !== PROBE_PATH);
    expect(own.some((entry) => entry.method === 'POST')).toBe(true);
    for (const entry of own) expect(entry.origin, `${entry.method} ${entry.path}`).toBe(entry.method === 'POST' ? 'https://www.instagram.com' : undefined);
  });
});
