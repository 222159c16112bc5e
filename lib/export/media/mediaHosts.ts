import { ExportError } from '../../errors';
import type { PlatformSite } from '../../platforms/types';

function hostMatches(host: string, pattern: string): boolean {
  if (!pattern.startsWith('*.')) return host === pattern;
  const domain = pattern.slice(2);
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * A media URL comes from the platform's JSON; only the platform's own media servers are fetched,
 * so a broken or hostile answer can never make the browser connect somewhere else.
 */
export function checkMediaUrl(url: string, site: PlatformSite, platformLabel: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ExportError('not_allowed_host', `The platform gave no usable address for this file; it was not downloaded.`);
  }
  const allowed =
    parsed.protocol === 'https:' &&
    !parsed.username &&
    !parsed.password &&
    site.mediaHosts.some((pattern) => hostMatches(parsed.hostname, pattern));
  if (!allowed) {
    throw new ExportError(
      'not_allowed_host',
      `The file is on ${parsed.hostname || 'an unknown host'}, which is not one of ${platformLabel}'s media servers; it was not downloaded.`,
    );
  }
}
