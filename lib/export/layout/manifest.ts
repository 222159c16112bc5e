import type { ErrorKind } from '../../errors';
import type { AccountInfo, FailedFile, MediaFormat, MediaItem, MediaKind, PlatformId, Post } from '../../platforms/types';
import type { ExportRequest, SectionReport } from '../types';
import { kindOf } from '../media/mediaFormat';
import { urlWithoutSignature } from '../../platforms/shared/sourceUrl';

/**
 * Bumped whenever a field changes meaning or disappears; adding fields keeps it. 2: a split
 * export's parts are written while media download, so `part.of` is in the last part only.
 */
export const MANIFEST_SCHEMA_VERSION = 2;
export const EXPORTER_NAME = 'Star Export';

/** What became of one media item. */
export type MediaOutcome =
  | { status: 'saved'; path: string; format: MediaFormat; byteSize: number; sha256: string }
  | { status: 'failed'; reason: ErrorKind; message: string };

export interface ManifestMedia {
  id: string;
  kind: MediaKind;
  width?: number;
  height?: number;
  /** A video's length in seconds, when the platform said it. */
  durationSeconds?: number;
  sourceUrl: string;
  /** Relative to the export root, e.g. `media/images/instagram/2024-05-01_123.jpg`. */
  path?: string;
  format?: MediaFormat;
  byteSize?: number;
  /** Hex SHA-256 of the saved file's bytes. */
  sha256?: string;
  failure?: { reason: ErrorKind; message: string };
}

export interface ManifestPost {
  id: string;
  kind: string;
  publishedAt: string;
  caption: string | null;
  permalink?: string;
  metadata: Record<string, unknown>;
  media: ManifestMedia[];
}

export type ManifestCounts = { posts: number; media: number; savedFiles: number; failedFiles: number; savedBytes: number };

/**
 * In each ZIP of a split export. A part is complete, and handed over, while later media still
 * download, so only the last part knows how many there are and what the whole export holds; the
 * others say what was exported up to and including them.
 */
export interface ManifestPart {
  number: number;
  /** Whether this is the export's last part. */
  last: boolean;
  /** Only in the last part: how many parts the export has. */
  of?: number;
  /** The file names of the parts up to and including this one, in order: in the last part, all of them. */
  names: string[];
  /** The counts of this part and those before it together (in the last part, the whole export's); `counts` are this part's. */
  total: ManifestCounts;
}

export interface Manifest {
  schemaVersion: number;
  exporter: { name: string; version: string };
  jobId: string;
  platform: PlatformId;
  account: AccountInfo;
  options: ExportRequest;
  exportedAt: string;
  counts: ManifestCounts;
  /** Only in a split export. */
  part?: ManifestPart;
  /** How each part of the account was read: an export says where it stopped short. */
  sections: SectionReport[];
  /** "Only new": the earlier exports of the account this one adds to, oldest first, for scripts that merge them. */
  buildsOn?: { jobId: string; exportedAt: string }[];
  posts: ManifestPost[];
  failed: FailedFile[];
}

export interface ManifestInput {
  jobId: string;
  exporterVersion: string;
  platform: PlatformId;
  account: AccountInfo;
  options: ExportRequest;
  exportedAt: Date;
  posts: readonly Post[];
  /** Undefined for an item that was not downloaded (media not requested). */
  outcomeOf: (item: MediaItem, post: Post) => MediaOutcome | undefined;
  failed: readonly FailedFile[];
  sections: readonly SectionReport[];
  part?: ManifestPart;
  buildsOn?: readonly { jobId: string; exportedAt: string }[];
}

function manifestMedia(item: MediaItem, outcome: MediaOutcome | undefined): ManifestMedia {
  const entry: ManifestMedia = {
    id: item.id,
    kind: item.kind,
    ...(item.width === undefined ? {} : { width: item.width }),
    ...(item.height === undefined ? {} : { height: item.height }),
    ...(item.durationSeconds === undefined ? {} : { durationSeconds: item.durationSeconds }),
    sourceUrl: urlWithoutSignature(item.url),
  };
  if (outcome?.status === 'saved') {
    // The downloaded bytes decide the kind, as they decided the folder.
    const { path, format, byteSize, sha256 } = outcome;
    return { ...entry, kind: kindOf(format), path, format, byteSize, sha256 };
  }
  if (outcome?.status === 'failed') return { ...entry, failure: { reason: outcome.reason, message: outcome.message } };
  return entry;
}

/** A post as the main JSON holds it, given what became of each of its files (in display order). */
export function manifestPost(post: Post, outcomes: readonly (MediaOutcome | undefined)[]): ManifestPost {
  return {
    id: post.id,
    kind: post.kind,
    publishedAt: post.publishedAt,
    caption: post.caption,
    ...(post.permalink === undefined ? {} : { permalink: post.permalink }),
    metadata: post.metadata,
    media: post.media.map((item, index) => manifestMedia(item, outcomes[index])),
  };
}

/** Adds one post's files to the counts. */
export function countPost(counts: ManifestCounts, post: ManifestPost): void {
  counts.posts += 1;
  for (const entry of post.media) {
    counts.media += 1;
    if (entry.path !== undefined) {
      counts.savedFiles += 1;
      counts.savedBytes += entry.byteSize ?? 0;
    }
  }
}

/** Everything of the main JSON but its posts: what the streamed JSON and the text formats open with. */
export type ManifestHead = Omit<Manifest, 'posts'>;

export type ManifestHeadInput = Omit<ManifestInput, 'posts' | 'outcomeOf'>;

/** The fields in the order the main JSON has them (`posts` goes between `buildsOn` and `failed`). */
export function manifestHead(input: ManifestHeadInput, counts: ManifestCounts): ManifestHead {
  return {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    exporter: { name: EXPORTER_NAME, version: input.exporterVersion },
    jobId: input.jobId,
    platform: input.platform,
    account: input.account,
    options: input.options,
    exportedAt: input.exportedAt.toISOString(),
    counts,
    ...(input.part ? { part: input.part } : {}),
    sections: [...input.sections],
    ...(input.buildsOn ? { buildsOn: input.buildsOn.map(({ jobId, exportedAt }) => ({ jobId, exportedAt })) } : {}),
    failed: [...input.failed],
  };
}

/**
 * The main JSON as one object, for a few posts in memory; the archive streams it instead
 * (`manifestStream.ts`), byte for byte the same text.
 */
export function buildManifest(input: ManifestInput): Manifest {
  const counts: ManifestCounts = { posts: 0, media: 0, savedFiles: 0, failedFiles: input.failed.length, savedBytes: 0 };
  const posts = input.posts.map((post) => manifestPost(post, post.media.map((item) => input.outcomeOf(item, post))));
  for (const post of posts) countPost(counts, post);
  const { failed, ...head } = manifestHead(input, counts);
  return { ...head, posts, failed };
}
