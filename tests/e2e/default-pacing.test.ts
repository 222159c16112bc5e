import { describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../fake-platforms/types';
import { useExtensionWithFake } from './extensionWithFake';
import { addFakeCookies, PopupPage } from './harness';
import { pollUntil } from './popupUi';

/** Under the settings a user gets, the shortest pause ever seen between two calls to a platform's API. */
const CAREFUL_FLOOR_MS = { instagram: 6_000, facebook: 3_000 } as const;
const HOSTS = { instagram: 'www.instagram.com', facebook: 'www.facebook.com' } as const;
const CALLS_TO_WATCH = 4;

describe('API pacing as shipped (Careful)', () => {
  const env = useExtensionWithFake({}, 'as shipped');

  it.each(['instagram', 'facebook'] as const)('never calls %s sooner than Careful allows, and the popup says which pace it uses', async (platform) => {
    const { session, fake } = env;
    await addFakeCookies(session.context, platform === 'instagram' ? fake.instagramCookies() : fake.facebookCookies());
    fake.resetLog();
    const popup = await PopupPage.open(session.context, session.extensionId);
    await popup.choosePlatform(platform);
    expect(await popup.page.locator('.pace').textContent()).toMatch(new RegExp(`^Careful \\(recommended\\): ${CAREFUL_FLOOR_MS[platform] / 1000}–\\d+ s between requests`));
    await popup.chooseFormat('json');
    await popup.setIncludeMedia(false);
    await popup.start();
    const calls = (): RequestLogEntry[] => fake.log.filter((entry) => entry.kind === 'api' && entry.host === HOSTS[platform]);
    await pollUntil(async () => calls().length, (count) => count >= CALLS_TO_WATCH, 120_000, `${CALLS_TO_WATCH} API calls`);
    await popup.page.getByRole('button', { name: /^Cancel/ }).first().click();
    const seen = calls().slice(0, CALLS_TO_WATCH);
    for (let i = 1; i < seen.length; i += 1) {
      const pause = seen[i]!.at - (seen[i - 1]!.at + seen[i - 1]!.durationMs);
      expect(pause, `${seen[i - 1]!.path} → ${seen[i]!.path}`).toBeGreaterThanOrEqual(CAREFUL_FLOOR_MS[platform] - 50);
    }
    await popup.waitForFinalStage(60_000);
    await popup.page.close();
  });
});
