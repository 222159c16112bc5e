import type { PlatformAdapter } from '../types';
import { resolveAccount } from './account';
import { accountFromUrl } from './accountFromUrl';
import { facebookDescriptor } from './descriptor';
import { MEDIA_TYPES, mediaTypeOf } from './mediaTypes';
import { sections } from './sections';
import { apiCallsFor } from './pacing';
import { refreshMediaUrl } from './refresh';

export const facebookAdapter: PlatformAdapter = {
  ...facebookDescriptor,
  accountFromUrl,
  resolveAccount,
  sections: () => sections(),
  refreshMediaUrl,
  countsPosts: false,
  apiCallsFor,
  mediaTypes: MEDIA_TYPES,
  mediaTypeOf,
};
