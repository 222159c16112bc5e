import type { PlatformDescriptor } from '../platformDescriptor';
import { MAX_MEDIA_BYTES, MEDIA_FORMATS, MEDIA_HOSTS, ORIGIN, PAGE_HOSTS } from './constants';
import { PACING } from './pacing';

export const facebookDescriptor = {
  id: 'facebook',
  label: 'Facebook',
  site: { origin: ORIGIN, hosts: PAGE_HOSTS, mediaHosts: MEDIA_HOSTS },
  mediaRules: { maxBytes: MAX_MEDIA_BYTES, formats: MEDIA_FORMATS },
  loginUrl: 'https://www.facebook.com/login/',
  mediaKinds: 'Photos and videos from posts and uploads',
  pacing: PACING,
} as const satisfies PlatformDescriptor;
