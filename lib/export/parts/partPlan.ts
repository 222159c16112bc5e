/**
 * Which posts go into which part of a split export, decided post by post in listing order as each
 * is appended. A post is never cut: its media and sidecars stay together in one part. Sizes are
 * estimates from above (the files' exact sizes plus room for their ZIP headers, sidecars and
 * text), so a part stays under the limit unless one post alone is larger, which then fills a part
 * of its own.
 */

/** ZIP headers (local, central, ZIP64 extras) and the deflated sidecar of one media file. */
export const FILE_OVERHEAD_BYTES = 4096;
/** The part's own text beyond its posts: sections, counts, the CSV and HTML headers, the end records. */
export const PART_RESERVE_BYTES = 256 * 1024;
/** Each format writes a post's text at most this many times (main JSON, CSV row, HTML card), undeflated. */
const TEXT_COPIES = 3;

export interface PlannedPost {
  /** The post's stored text (metadata and caption) as JSON, to bound what the part's text files take. */
  textBytes: number;
  /** The exact sizes of its kept files. */
  fileBytes: readonly number[];
}

export function estimatedPostBytes(post: PlannedPost): number {
  return post.textBytes * TEXT_COPIES + post.fileBytes.reduce((sum, bytes) => sum + bytes + FILE_OVERHEAD_BYTES, 0);
}

/** A part as a run of posts in listing order: `[start, end)`. */
export interface PartRange {
  start: number;
  end: number;
}

/**
 * Whether the next post goes into a new part: it would overflow the part, which holds posts
 * already (`filledBytes` of them, estimated). A post alone larger than a part still fills one.
 */
export function startsNewPart(filledBytes: number, postBytes: number, limitBytes: number): boolean {
  const room = Math.max(1, limitBytes - PART_RESERVE_BYTES);
  return filledBytes > 0 && filledBytes + postBytes > room;
}
