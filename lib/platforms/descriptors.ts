import { facebookDescriptor } from './facebook/descriptor';
import { instagramDescriptor } from './instagram/descriptor';
import type { PlatformDescriptor } from './platformDescriptor';
import { youtubeDescriptor } from './youtube/descriptor';

/**
 * Every supported platform, in the order the popup offers them. Adding a platform is a folder under
 * lib/platforms/ and one line here; the compiler then asks for its adapter in registry.ts, and the
 * platform type, labels, request checks, popup panel and manifest host permissions follow from this list.
 */
export const PLATFORM_DESCRIPTORS = [instagramDescriptor, youtubeDescriptor, facebookDescriptor] as const;

export type PlatformId = (typeof PLATFORM_DESCRIPTORS)[number]['id'];

export const PLATFORM_IDS: readonly PlatformId[] = PLATFORM_DESCRIPTORS.map((descriptor) => descriptor.id);

export function descriptorFor(platform: PlatformId): PlatformDescriptor {
  return PLATFORM_DESCRIPTORS.find((descriptor) => descriptor.id === platform) as PlatformDescriptor;
}

export function isPlatformId(value: unknown): value is PlatformId {
  return PLATFORM_IDS.includes(value as PlatformId);
}
