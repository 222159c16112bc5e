import type { MediaItem, MediaTypeChoice, Post } from '../types';

export const MEDIA_TYPES: readonly MediaTypeChoice[] = [
  { id: 'images', label: 'Images' },
  { id: 'videos', label: 'Videos' },
  { id: 'stories', label: 'Stories' },
  { id: 'reels', label: 'Reels' },
  { id: 'highlights', label: 'Highlights' },
];

/** Stories, highlights and reels are types of their own whatever their files are; feed posts go by file. */
export function mediaTypeOf(post: Post, item: MediaItem): string {
  if (post.kind === 'story') return 'stories';
  if (post.kind === 'highlight') return 'highlights';
  if (post.kind === 'reel') return 'reels';
  return item.kind === 'video' ? 'videos' : 'images';
}

/** Pinned posts head the grid and the reels tab whatever their date. */
export function isPinned(post: Post): boolean {
  return post.metadata.pinned === true;
}
