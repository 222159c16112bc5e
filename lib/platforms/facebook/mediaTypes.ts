import type { MediaItem, MediaTypeChoice, Post } from '../types';

export const MEDIA_TYPES: readonly MediaTypeChoice[] = [
  { id: 'images', label: 'Images' },
  { id: 'videos', label: 'Videos' },
  { id: 'reels', label: 'Reels' },
];

/** The videos collection lists reels too: a reel is a reel, whichever collection listed it. */
export function mediaTypeOf(post: Post, item: MediaItem): string {
  if (post.kind === 'reel') return 'reels';
  return item.kind === 'video' ? 'videos' : 'images';
}
