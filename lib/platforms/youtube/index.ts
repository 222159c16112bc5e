import type { PlatformAdapter } from '../types';
import { resolveAccount } from './account';
import { accountFromUrl } from './accountFromUrl';
import { MAX_MEDIA_BYTES, MEDIA_FORMATS, MEDIA_HOSTS, ORIGIN, PAGE_HOSTS } from './constants';
import { MEDIA_TYPES, mediaTypeOf } from './mediaTypes';
import { sections } from './sections';
import { PACING } from './pacing';
import { refreshMediaUrl } from './refresh';

export const youtubeAdapter: PlatformAdapter = {
  id: 'youtube',
  label: 'YouTube',
  site: { origin: ORIGIN, hosts: PAGE_HOSTS, mediaHosts: MEDIA_HOSTS },
  mediaRules: { maxBytes: MAX_MEDIA_BYTES, formats: MEDIA_FORMATS },
  pacing: PACING,
  accountFromUrl,
  resolveAccount,
  sections,
  refreshMediaUrl,
  mediaTypes: MEDIA_TYPES,
  mediaTypeOf,
};
