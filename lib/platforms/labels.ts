import { PLATFORM_DESCRIPTORS, type PlatformId } from './descriptors';

export const PLATFORM_LABELS = Object.fromEntries(
  PLATFORM_DESCRIPTORS.map((descriptor) => [descriptor.id, descriptor.label]),
) as Record<PlatformId, string>;
