import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve('test-output/screenshots');

/** The toolbar popup's width; the height follows the content, as in the real popup. */
const POPUP_VIEWPORT = { width: 380, height: 600 };

/** Saves what the page shows now, as a person would see it, in light or dark mode. */
export async function saveScreenshot(
  page: Page,
  name: string,
  options: { dark?: boolean; popup?: boolean; fullPage?: boolean } = {},
): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  if (options.popup) await page.setViewportSize(POPUP_VIEWPORT);
  await page.emulateMedia({ colorScheme: options.dark ? 'dark' : 'light' });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: options.fullPage ?? true, animations: 'disabled' });
  await page.emulateMedia({ colorScheme: null });
  return path;
}
