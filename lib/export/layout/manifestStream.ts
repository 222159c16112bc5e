import { countPost, manifestHead, type ManifestCounts, type ManifestHead, type ManifestHeadInput, type ManifestPost } from './manifest';

/**
 * The main JSON of an export whose posts are read again on every pass (from IndexedDB, a batch
 * at a time), so no file that describes them all has to hold them all.
 */
export interface ManifestSource {
  head: ManifestHead;
  /** A new pass over the posts, in export order, each time it is called. */
  posts(): AsyncIterable<ManifestPost>;
}

/** Reads the posts once for the counts the JSON opens with, then hands out passes over them. */
export async function manifestSource(input: ManifestHeadInput, posts: () => AsyncIterable<ManifestPost>): Promise<ManifestSource> {
  const counts: ManifestCounts = { posts: 0, media: 0, savedFiles: 0, failedFiles: input.failed.length, savedBytes: 0 };
  for await (const post of posts()) countPost(counts, post);
  return { head: manifestHead(input, counts), posts };
}

const INDENT = '  ';
/** An element of the `posts` array sits two levels deep. */
const POST_INDENT = INDENT.repeat(2);

/**
 * `JSON.stringify(value, null, 2)` of a value nested `indent` deep. JSON.stringify escapes every
 * line break inside strings, so each newline in its output is one of its own line breaks.
 */
function nested(value: unknown, indent: string): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
}

/**
 * The main JSON, text for text what `JSON.stringify(buildManifest(…), null, 2)` gives, one post
 * at a time: the head up to `posts`, each post, then `failed` (small: one line per failed file).
 */
export async function* manifestChunks(source: ManifestSource): AsyncGenerator<string> {
  const { failed, ...beforePosts } = source.head;
  const opening = JSON.stringify(beforePosts, null, 2);
  // Cut the closing brace to carry on with the two fields that follow.
  yield `${opening.slice(0, opening.length - 2)},\n${INDENT}"posts": [`;
  let first = true;
  for await (const post of source.posts()) {
    yield `${first ? '' : ','}\n${POST_INDENT}${nested(post, POST_INDENT)}`;
    first = false;
  }
  yield `${first ? '' : `\n${INDENT}`}],\n${INDENT}"failed": ${nested(failed, INDENT)}\n}`;
}
