import type { ManifestHead, ManifestPost } from '../layout/manifest';
import type { ManifestSource } from '../layout/manifestStream';
import { csvRecord, UTF8_BOM, type CsvValue } from './csv';

/** Joins a post's media paths in one cell; the platforms' media ids (digits, letters, `_`, `-`) never contain it. */
export const PATH_SEPARATOR = ';';

const FIXED_COLUMNS = [
  'platform',
  'account',
  'post_id',
  'kind',
  'published_at',
  'caption',
  'permalink',
  'media_count',
  'saved_files',
  'media_paths',
  'failed_media',
] as const;

/** Scalars go in as they are; nested values (a location) as JSON, still one cell. */
function metadataCell(value: unknown): CsvValue {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

/** Every metadata key any post has, in the order they first appear, so columns are stable. */
async function metadataKeys(posts: AsyncIterable<ManifestPost>): Promise<string[]> {
  const keys = new Set<string>();
  for await (const post of posts) for (const key of Object.keys(post.metadata)) keys.add(key);
  return [...keys];
}

function postRow(head: ManifestHead, post: ManifestPost, keys: readonly string[]): CsvValue[] {
  const saved = post.media.flatMap((m) => (m.path === undefined ? [] : [m.path]));
  const failed = post.media.flatMap((m) => (m.failure ? [`${m.id}: ${m.failure.message}`] : []));
  return [
    head.platform,
    head.account.handle,
    post.id,
    post.kind,
    post.publishedAt,
    post.caption,
    post.permalink,
    post.media.length,
    saved.length,
    saved.join(PATH_SEPARATOR),
    failed.join('; '),
    ...keys.map((key) => metadataCell(post.metadata[key])),
  ];
}

/**
 * One spreadsheet row per post, beside the main JSON. The JSON stays the complete record; this
 * is the view a person sorts and filters, with each platform's own facts as `metadata.*` columns.
 * A first pass over the posts finds the columns, a second writes a row at a time.
 */
export async function* postsCsvChunks(source: ManifestSource): AsyncGenerator<string> {
  const keys = await metadataKeys(source.posts());
  yield `${UTF8_BOM}${csvRecord([...FIXED_COLUMNS, ...keys.map((key) => `metadata.${key}`)])}`;
  for await (const post of source.posts()) yield csvRecord(postRow(source.head, post, keys));
}
