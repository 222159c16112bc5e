import type { ExtensionSession } from './harness';

/**
 * Tests set the user-configurable request pacing low (the default 1–3 s between API calls suits
 * a real account, not a test of 60 posts); everything else stays as a user has it.
 */
export async function useQuickPacing(session: ExtensionSession): Promise<void> {
  await session.serviceWorker.evaluate(
    `chrome.storage.local.set({ exportSettings: { apiDelayMinMs: 20, apiDelayMaxMs: 60, rateLimitWaitMs: 2000, maxRateLimitWaits: 5, temporaryBlockWaitMs: 3000 } })`,
  );
}
