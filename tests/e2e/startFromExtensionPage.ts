import type { Page } from 'playwright-core';
import type { ExportRequest } from '../../lib/export/types';

/**
 * Starts an export the way an extension page does, through the background's typed protocol
 * (DESIGN §2: a request may come from the popup, the context menu or an automated test). Used
 * where the popup cannot express the request, e.g. an account no tab is showing.
 */
export async function startFromExtensionPage(page: Page, request: ExportRequest): Promise<string> {
  const reply = (await page.evaluate((data) => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    return runtime.sendMessage({ starExport: 'background', type: 'startExport', data });
  }, request)) as { ok: boolean; value?: { jobId: string }; error?: { message: string } };
  if (!reply.ok || !reply.value) throw new Error(`startExport refused: ${reply.error?.message ?? 'no answer'}`);
  return reply.value.jobId;
}
