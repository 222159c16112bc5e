import type { ExtensionSession } from './harness';

export const QUICK_PACING = { apiDelayMinMs: 20, apiDelayMaxMs: 60, rateLimitWaitMs: 2000, maxRateLimitWaits: 5, temporaryBlockWaitMs: 3000 };

/**
 * Tests set the user-configurable request pacing low (the default 1–3 s between API calls suits
 * a real account, not a test of 60 posts); everything else stays as a user has it.
 */
export type QuickPacingOverrides = Partial<typeof QUICK_PACING> & { stallTimeoutMs?: number; partBytes?: number };

export async function useQuickPacing(session: ExtensionSession, overrides: QuickPacingOverrides = {}): Promise<void> {
  const settings = JSON.stringify({ ...QUICK_PACING, ...overrides });
  await session.serviceWorker.evaluate(`chrome.storage.local.set({ exportSettings: ${settings} })`);
}
