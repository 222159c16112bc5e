import { useFakePlatformsWith } from '../fake-platforms/useFakePlatformsWith';
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
  const both = useFakePlatformsWith(
    options,
    'Chromium',
    (fake) => launchWithExtension({ fake }),
    async (session) => {
      if (pacing !== 'as shipped') await useQuickPacing(session, pacing);
    },
  );
  return {
    get fake() {
      return both.fake;
    },
    get session() {
      return both.browser;
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
