import { ExportError } from '../errors';
import { facebookAdapter } from './facebook';
import { instagramAdapter } from './instagram';
import { parseUrl } from './shared/urlPaths';
import type { PlatformAdapter, PlatformId } from './types';
import { youtubeAdapter } from './youtube';

/** Each platform of descriptors.ts with its code; the type makes a missing one a compile error. */
const adapters: Record<PlatformId, PlatformAdapter> = {
  instagram: instagramAdapter,
  youtube: youtubeAdapter,
  facebook: facebookAdapter,
};

export function registeredAdapters(): PlatformAdapter[] {
  return Object.values(adapters);
}

export function adapterFor(platform: PlatformId): PlatformAdapter {
  const adapter = adapters[platform];
  if (!adapter) throw new ExportError('invalid_request', `Exports from ${platform} are not supported yet.`);
  return adapter;
}

/** The platform and account a tab's URL shows, when it is a supported platform's page. */
export function detectFromUrl(url: string): { platform: PlatformId; account?: string } | undefined {
  const host = parseUrl(url)?.hostname;
  if (host === undefined) return undefined;
  for (const adapter of registeredAdapters()) {
    if (adapter.site.hosts.includes(host)) return { platform: adapter.id, account: adapter.accountFromUrl(url) };
  }
  return undefined;
}
