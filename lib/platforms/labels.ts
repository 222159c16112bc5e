import type { PlatformId } from './types';

export const PLATFORM_LABELS: Record<PlatformId, string> = {
  instagram: 'Instagram',
  youtube: 'YouTube',
  facebook: 'Facebook',
};
