import { MB } from './lib/stats';

/** Sizes of every figure; `--quick` shrinks them for a smoke run, the full run is the one that counts. */
export interface BenchConfig {
  quick: boolean;
  scheduler: { posts: number; fileBytes: number; latencyMs: number; bytesPerSecond: number };
  /** One large export for the archive and memory figures: posts × the demo's mix, every file `fileBytes`. */
  large: { posts: number; stories: number; fileBytes: number };
  /** The memory figure again at the size issue #17 names (6 GiB): the same account, larger files. */
  huge: { posts: number; stories: number; fileBytes: number };
  /** The streaming figure: an export from a fake paced per file, so the network sets the pace as for a user. */
  streaming: { posts: number; stories: number; fileBytes: number; latencyMs: number; bytesPerSecond: number };
  api: { postCounts: number[]; highlights: number; stories: number };
  /** Export options: an "Only new" run after `newPosts` of `incrementalPosts`, and a speed-limited export. */
  options: { incrementalPosts: number; newPosts: number; speedPosts: number; limitMBps: number };
  /** An export of `posts` × `fileBytes` (the demo's mix) saved to a local WebDAV server. */
  upload: { posts: number; fileBytes: number; timeoutMs: number };
  peer: {
    posts: number;
    imageBytes: number;
    videoBytes: number;
    latencyMs: number;
    bytesPerSecond: number;
    /** The extension's default API pacing (exportSettings.ts), given to gallery-dl as its sleep-request. */
    apiDelayMinMs: number;
    apiDelayMaxMs: number;
  };
}

export function benchConfig(quick: boolean): BenchConfig {
  return {
    quick,
    // 197 posts of the demo's mix hold 300 files; equal sizes give every file the same service time.
    scheduler: quick
      ? { posts: 60, fileBytes: 100_000, latencyMs: 200, bytesPerSecond: 1_000_000 }
      : { posts: 197, fileBytes: 100_000, latencyMs: 200, bytesPerSecond: 1_000_000 },
    // docs/architecture.md, "Storage and memory", measured 128 × 8 MiB = 1 GiB; 86 posts and 2 stories hold exactly 128 files.
    large: quick ? { posts: 20, stories: 2, fileBytes: 8 * MB } : { posts: 86, stories: 2, fileBytes: 8 * MB },
    // 128 files of 48 MiB = 6 GiB; the quick run's 32 × 48 MiB = 1.5 GiB only checks the path.
    huge: quick ? { posts: 20, stories: 2, fileBytes: 48 * MB } : { posts: 86, stories: 2, fileBytes: 48 * MB },
    // 128 files of 4 MiB = 512 MiB at 8 MB/s per file, three at a time: about 25 s of downloading.
    streaming: quick
      ? { posts: 20, stories: 2, fileBytes: 4 * MB, latencyMs: 100, bytesPerSecond: 8_000_000 }
      : { posts: 86, stories: 2, fileBytes: 4 * MB, latencyMs: 100, bytesPerSecond: 8_000_000 },
    api: { postCounts: quick ? [50, 500] : [50, 500, 5_000], stories: 3, highlights: 2 },
    options: { incrementalPosts: quick ? 100 : 500, newPosts: 5, speedPosts: quick ? 24 : 36, limitMBps: 2 },
    // As the large export: 86 posts hold 128 files, 1 GiB at 8 MiB each.
    upload: quick ? { posts: 20, fileBytes: 8 * MB, timeoutMs: 300_000 } : { posts: 86, fileBytes: 8 * MB, timeoutMs: 900_000 },
    peer: {
      posts: quick ? 60 : 200,
      imageBytes: 250_000,
      videoBytes: 1_500_000,
      latencyMs: 200,
      bytesPerSecond: 4_000_000,
      apiDelayMinMs: 1_000,
      apiDelayMaxMs: 3_000,
    },
  };
}
