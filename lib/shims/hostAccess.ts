import browser from 'webextension-polyfill';
import { ExportError } from '../errors';

/** The platform hosts the manifest asks for (wxt.config.ts). */
export function manifestOrigins(): string[] {
  return browser.runtime.getManifest().host_permissions ?? [];
}

/**
 * Firefox treats MV3 host permissions as optional (and Chromium lets a user restrict site access):
 * without them every platform request fails as a bare network error, which would look like a
 * dropped network. So the popup and the start of an export ask which are missing.
 */
export async function missingHostAccess(origins: string[] = manifestOrigins()): Promise<string[]> {
  const granted = await Promise.all(origins.map((origin) => browser.permissions.contains({ origins: [origin] })));
  return origins.filter((_, index) => !granted[index]);
}

/** `https://*.fbcdn.net/*` → `*.fbcdn.net`, as a user reads it. */
export function hostOf(origin: string): string {
  return origin.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, '');
}

/**
 * Asks the user for the missing hosts. Call it first thing in a click handler, before any await:
 * Firefox shows the prompt only within the user's gesture.
 */
export function requestHostAccess(origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

/** Refuses to start an export that could not reach its platform, saying why and what to do. */
export async function assertHostAccess(origins: string[] = manifestOrigins()): Promise<void> {
  const missing = await missingHostAccess(origins);
  if (missing.length === 0) return;
  throw new ExportError(
    'not_allowed_host',
    `Star Export is not allowed to reach ${missing.map(hostOf).join(', ')}: open the Star Export popup and press “Allow access”, then start the export again.`,
  );
}
