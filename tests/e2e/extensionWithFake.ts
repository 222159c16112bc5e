import { afterAll, beforeAll } from 'vitest';
import { startFakePlatforms } from '../fake-platforms/index';
import type { FakePlatforms, FakePlatformsOptions } from '../fake-platforms/types';
import { launchWithExtension, PopupPage, type ExtensionSession } from './harness';
import { useQuickPacing, type QuickPacingOverrides } from './quickPacing';

export interface ExtensionWithFake {
  readonly fake: FakePlatforms;
  readonly session: ExtensionSession;
}

/**
 * For one describe block: the fake platforms and a Chromium with the built extension (quick API
 * pacing, unless 'as shipped'), started before its tests and always closed after them.
 */
export function useExtensionWithFake(options: FakePlatformsOptions = {}, pacing: QuickPacingOverrides | 'as shipped' = {}): ExtensionWithFake {
  let fake: FakePlatforms | undefined;
  let session: ExtensionSession | undefined;
  beforeAll(async () => {
    fake = await startFakePlatforms({ port: 0, ...options });
    session = await launchWithExtension({ fake });
    if (pacing !== 'as shipped') await useQuickPacing(session, pacing);
  });
  afterAll(async () => {
    try {
      await session?.close();
    } finally {
      await fake?.close();
    }
  });
  return {
    get fake() {
      if (!fake) throw new Error('The fake platforms are not started (used outside a test?).');
      return fake;
    },
    get session() {
      if (!session) throw new Error('Chromium is not started (used outside a test?).');
      return session;
    },
  };
}

/** Asks the popup for a JSON export with media of the logged-in user's `platform` account, and starts it. */
export async function startJsonExportWithMedia(popup: PopupPage, platform: string): Promise<void> {
  await popup.choosePlatform(platform);
  await popup.chooseFormat('json');
  await popup.setIncludeMedia(true);
  await popup.start();
}

/** Starts a JSON export with media of `platform` from the popup and waits for it to end. */
export async function exportFromPopup(session: ExtensionSession, platform: string, timeoutMs: number, onChange?: (text: string) => void) {
  const popup = await PopupPage.open(session.context, session.extensionId);
  await startJsonExportWithMedia(popup, platform);
  return { popup, end: await popup.waitForFinalStage(timeoutMs, onChange) };
}
