import type { PlatformDescriptor } from '../platformDescriptor';
import { MAX_MEDIA_BYTES, MEDIA_FORMATS, MEDIA_HOSTS, ORIGIN, PAGE_HOSTS } from './constants';
import { PACING } from './pacing';

export const youtubeDescriptor = {
  id: 'youtube',
  label: 'YouTube',
  site: { origin: ORIGIN, hosts: PAGE_HOSTS, mediaHosts: MEDIA_HOSTS },
  mediaRules: { maxBytes: MAX_MEDIA_BYTES, formats: MEDIA_FORMATS },
  loginUrl: 'https://accounts.google.com/ServiceLogin?service=youtube&continue=https%3A%2F%2Fwww.youtube.com%2F',
  mediaKinds: 'Thumbnails of every video of the channel (high and medium)',
  pacing: PACING,
} as const satisfies PlatformDescriptor;
