import type { PlatformAdapter } from '../types';
import { resolveAccount } from './account';
import { accountFromUrl } from './accountFromUrl';
import { youtubeDescriptor } from './descriptor';
import { MEDIA_TYPES, mediaTypeOf } from './mediaTypes';
import { sections } from './sections';
import { apiCallsFor } from './pacing';
import { refreshMediaUrl } from './refresh';

export const youtubeAdapter: PlatformAdapter = {
  ...youtubeDescriptor,
  accountFromUrl,
  resolveAccount,
  sections,
  refreshMediaUrl,
  countsPosts: true,
  apiCallsFor,
  mediaTypes: MEDIA_TYPES,
  mediaTypeOf,
};
