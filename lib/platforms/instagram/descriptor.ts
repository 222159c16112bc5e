import type { PlatformDescriptor } from '../platformDescriptor';
import { MAX_MEDIA_BYTES, MEDIA_FORMATS, MEDIA_HOSTS, ORIGIN, PAGE_HOSTS } from './constants';
import { PACING } from './pacing';

export const instagramDescriptor = {
  id: 'instagram',
  label: 'Instagram',
  site: { origin: ORIGIN, hosts: PAGE_HOSTS, mediaHosts: MEDIA_HOSTS },
  mediaRules: { maxBytes: MAX_MEDIA_BYTES, formats: MEDIA_FORMATS },
  loginUrl: 'https://www.instagram.com/accounts/login/',
  mediaKinds: 'Images, videos, stories and carousel media of all posts',
  pacing: PACING,
} as const satisfies PlatformDescriptor;
