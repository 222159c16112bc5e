import type { JobRecord } from '../../../../lib/storage/exportDb';
import type { ListedPage } from '../../../../lib/storage/listedPages';
import type { ExportRequest } from '../../../../lib/export/types';
import type { MediaItem, PlatformContext, Post } from '../../../../lib/platforms/types';
import { MemoryNotes } from '../../platforms/memoryNotes';

/** A job as the scheduler creates it, before any stage ran; `overrides` replace whole fields. */
export function jobRecord(overrides: Partial<JobRecord> = {}): JobRecord {
  const request: ExportRequest = { platform: 'instagram', format: 'json', includeMedia: true };
  return {
    id: '20261124-7f3a9c',
    request,
    stage: 'queued',
    percent: 0,
    posts: { done: 0, total: 0 },
    media: { done: 0, total: 0, failed: 0 },
    bytes: { done: 0, total: 0 },
    failed: [],
    createdAt: '2026-11-24T12:00:00.000Z',
    updatedAt: '2026-11-24T12:00:00.000Z',
    metadataDone: false,
    nextPostSeq: 0,
    nextMediaSeq: 0,
    ...overrides,
  };
}

export function mediaItem(id: string, postId: string, kind: MediaItem['kind'] = 'image'): MediaItem {
  return {
    id,
    postId,
    kind,
    url: `https://cdn.example.test/${id}.${kind === 'image' ? 'jpg' : 'mp4'}?sig=abc`,
    publishedAt: '2026-01-02T03:04:05.000Z',
    caption: `caption of ${postId}`,
  };
}

/** A post whose media ids are given; each id becomes an image item of that post. */
export function post(id: string, mediaIds: string[] = [], kind = 'image'): Post {
  return {
    id,
    platform: 'instagram',
    kind,
    publishedAt: '2026-01-02T03:04:05.000Z',
    caption: `caption of ${id}`,
    metadata: { likes: 3 },
    media: mediaIds.map((mediaId) => mediaItem(mediaId, id)),
  };
}

/**
 * A page of one section (its own scope) read by one strategy ('test'); `cursor` null ends the
 * listing, as a last page of the last section does.
 */
export function listedPage(posts: Post[], cursor: string | null, section = 'posts'): ListedPage {
  return {
    posts,
    section,
    scope: section,
    advance: (counted) => ({ listing: cursor === null ? undefined : { section, strategy: 'test', cursor, listed: counted } }),
  };
}

/** A platform context for stages that must make no API call: any request fails the test. */
export function offlinePlatform(signal: AbortSignal = new AbortController().signal): PlatformContext {
  return { signal, request: () => Promise.reject(new Error('no API call is expected')), getCookie: async () => undefined, notes: new MemoryNotes() };
}
