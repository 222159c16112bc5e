import type { Page } from 'playwright-core';
import type { ExportRequest } from '../../lib/export/types';
import { sendToBackground } from './harness';

/**
 * Starts an export the way an extension page does, through the background's typed protocol
 * (docs/architecture.md, "Messages and who may send them": a request may come from the popup, the context menu or an automated test). Used
 * where the popup cannot express the request, e.g. an account no tab is showing.
 */
export async function startFromExtensionPage(page: Page, request: ExportRequest): Promise<string> {
  return (await sendToBackground<{ jobId: string }>(page, 'startExport', request)).jobId;
}
