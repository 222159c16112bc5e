import type { Page } from 'playwright-core';

/**
 * Sends one message of the extension's typed protocol to its background, from one of its own
 * pages (docs/architecture.md, "Messages and who may send them": the popup, the history page or a test may ask), and gives back the value of
 * the reply or throws what the background refused with.
 */
export async function sendToBackground<T>(page: Page, type: string, data?: unknown): Promise<T> {
  const reply = (await page.evaluate(
    ({ type, data }) => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
      return runtime.sendMessage({ starExport: 'background', type, data });
    },
    { type, data },
  )) as { ok: boolean; value: T; error?: { message: string } } | undefined;
  if (!reply?.ok) throw new Error(`${type} refused: ${reply?.error?.message ?? 'no answer'}`);
  return reply.value;
}
