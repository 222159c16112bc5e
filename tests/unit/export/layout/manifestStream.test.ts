import { describe, expect, it } from 'vitest';
import { textChunks } from '@/lib/export/archive/textStream';
import { buildManifest, manifestPost, type ManifestCounts, type ManifestInput, type ManifestPart, type ManifestPost, type MediaOutcome } from '@/lib/export/layout/manifest';
import { manifestChunks, manifestSource } from '@/lib/export/layout/manifestStream';
import type { ErrorKind } from '@/lib/errors';
import type { FailedFile, MediaItem, Post } from '@/lib/platforms/types';
import { schemaProblems } from '../../../export-schema/exportSchemas';
import { HOSTILE_CAPTIONS, textOf } from '../formats/manifestFixture';

/** A small deterministic generator (mulberry32), so every run checks the same varied inputs. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS = [
  ...Object.values(HOSTILE_CAPTIONS),
  '',
  'lone surrogate \ud800 and \udfff',
  'line\u2028separator\u2029paragraph',
  'control \u0000\u0001\u001f and "quotes" \\ backslash',
  '{"looks": ["like", "json"]}\n  ],\n  "failed": []',
  'ünïcödé ✓ 漢字 𝕏',
];
const REASONS: ErrorKind[] = ['expired_url', 'too_large', 'http_error', 'network_error', 'unavailable', 'not_returned'];

interface Case {
  input: Omit<ManifestInput, 'outcomeOf'>;
  outcomes: Map<MediaItem, MediaOutcome | undefined>;
}

function generated(seed: number): Case {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const outcomes = new Map<MediaItem, MediaOutcome | undefined>();
  const failed: FailedFile[] = [];
  const posts: Post[] = Array.from({ length: Math.floor(next() * 12) }, (_, p): Post => {
    const id = `p${seed}-${p}`;
    const publishedAt = next() < 0.2 ? '' : new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 2e11)).toISOString();
    const media = Array.from({ length: Math.floor(next() * 4) }, (_, m): MediaItem => {
      const item: MediaItem = {
        id: `${id}-m${m}`,
        postId: id,
        kind: next() < 0.5 ? 'image' : 'video',
        url: next() < 0.1 ? '' : `https://cdn.example/${m}.jpg?sig=${seed}`,
        publishedAt,
        caption: pick(TEXTS),
        ...(next() < 0.6 ? { width: 1080, height: 1350 } : {}),
        ...(next() < 0.3 ? { durationSeconds: Math.round(next() * 1e5) / 1e3 } : {}),
      };
      const roll = next();
      if (roll < 0.5) {
        const video = next() < 0.5;
        const path = video ? `media/videos/instagram/${item.id}.mp4` : `media/images/instagram/${item.id}.jpg`;
        outcomes.set(item, { status: 'saved', path, format: video ? 'mp4' : 'jpg', byteSize: Math.floor(next() * 1e9), sha256: 'ab'.repeat(32) });
      } else if (roll < 0.8) {
        const reason = pick(REASONS);
        const message = pick(TEXTS) || 'Failed.';
        outcomes.set(item, { status: 'failed', reason, message });
        failed.push({ mediaId: item.id, postId: id, url: item.url, reason, message });
      }
      return item;
    });
    return {
      id,
      platform: 'instagram',
      kind: pick(['image', 'video', 'carousel', 'reel', 'story', 'highlight']),
      publishedAt,
      caption: next() < 0.2 ? null : pick(TEXTS),
      ...(next() < 0.7 ? { permalink: `https://www.instagram.com/p/${id}/` } : {}),
      metadata: next() < 0.3 ? {} : { likes: Math.floor(next() * 1e6), note: pick(TEXTS), nested: { a: [1, null, { b: pick(TEXTS) }] }, gone: undefined, empty: [] },
      media,
    };
  });
  const total = { posts: 99, media: 120, savedFiles: 80, failedFiles: 3, savedBytes: 1e10 };
  return {
    outcomes,
    input: {
      jobId: `20260601-${seed.toString(16).padStart(6, '0')}`,
      exporterVersion: '0.1.0',
      platform: 'instagram',
      account: { id: '42', handle: pick(TEXTS) || 'h', ...(next() < 0.5 ? { displayName: pick(TEXTS) } : {}), ...(next() < 0.5 ? { postCount: 5 } : {}) },
      options: {
        platform: 'instagram',
        format: pick(['json', 'csv', 'html'] as const),
        includeMedia: next() < 0.8,
        mediaTypes: next() < 0.5 ? ['images', 'videos'] : ['images', 'videos', 'stories', 'reels', 'highlights'],
        quality: pick(['original', 'high', 'small'] as const),
        ...(next() < 0.5 ? { dateFrom: '2024-01-01', dateTo: '2026-05-31', timeZone: 'Europe/Berlin', speedLimitMBps: 2.5 } : {}),
        ...(next() < 0.3 ? { onlyNew: true } : {}),
      },
      exportedAt: new Date(Date.UTC(2026, 5, 1, 9) + seed),
      posts,
      failed,
      sections: next() < 0.3 ? [] : [{ name: 'posts', label: 'Posts', status: 'partial', strategy: 'graphql', listed: posts.length, expected: 99, reason: pick(TEXTS) || 'Stopped.' }],
      ...(next() < 0.4 ? { part: partOf(next() < 0.5 ? 2 : 3, total) } : {}),
      ...(next() < 0.4 ? { buildsOn: next() < 0.5 ? [] : [{ jobId: '20260101-aaaaaa', exportedAt: '2026-01-01T00:00:00.000Z' }] } : {}),
    },
  };
}

/** The main JSON as it used to be written: one object, one string. */
function wholeJson({ input, outcomes }: Case): string {
  return JSON.stringify(buildManifest({ ...input, outcomeOf: (item) => outcomes.get(item) }), null, 2);
}

/** The same posts as the archive streams them: a new pass over them on every call. */
function streamedPosts({ input, outcomes }: Case): () => AsyncIterable<ManifestPost> {
  return async function* () {
    for (const post of input.posts) yield manifestPost(post, post.media.map((item) => outcomes.get(item)));
  };
}

async function streamedJson(example: Case): Promise<{ text: string; pieces: string[] }> {
  const { posts: _posts, ...head } = example.input;
  const source = await manifestSource(head, streamedPosts(example));
  const pieces: string[] = [];
  for await (const piece of manifestChunks(source)) pieces.push(piece);
  return { text: pieces.join(''), pieces };
}

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

/** Part 2 while later parts are still being written, or part 3, the last, which knows them all. */
function partOf(number: number, total: ManifestCounts): ManifestPart {
  const names = Array.from({ length: number }, (_, i) => `star-export_instagram_h_2026-06-01_20260601-0a1b2c_part-0${i + 1}.zip`);
  return number === 3 ? { number, last: true, of: 3, names, total } : { number, last: false, names, total };
}

describe('manifestChunks', () => {
  it.each(SEEDS)('is the text JSON.stringify(manifest, null, 2) gave (case %i)', async (seed) => {
    const example = generated(seed);
    expect((await streamedJson(example)).text).toBe(wholeJson(example));
  });

  it('covers parts, buildsOn, failures and empty lists among the generated cases', () => {
    const cases = SEEDS.map((seed) => generated(seed).input);
    expect(cases.some((c) => c.part)).toBe(true);
    expect(cases.some((c) => c.buildsOn?.length === 0)).toBe(true);
    expect(cases.some((c) => (c.buildsOn?.length ?? 0) > 0)).toBe(true);
    expect(cases.some((c) => c.failed.length > 0)).toBe(true);
    expect(cases.some((c) => c.posts.length === 0)).toBe(true);
    expect(cases.some((c) => c.sections.length === 0)).toBe(true);
  });

  it('yields one piece per post besides the opening and the end, never the whole list', async () => {
    const example = SEEDS.map(generated).find((c) => c.input.posts.length > 3)!;
    const { pieces } = await streamedJson(example);
    expect(pieces).toHaveLength(example.input.posts.length + 2);
    for (const [index, post] of example.input.posts.entries()) expect(pieces[index + 1]).toContain(JSON.stringify(post.id));
  });

  it('writes a main JSON the schema accepts', async () => {
    for (const seed of SEEDS) {
      const parsed = JSON.parse((await streamedJson(generated(seed))).text) as unknown;
      expect(schemaProblems('export', parsed, `case ${seed}`)).toEqual([]);
    }
  });
});

describe('textChunks', () => {
  it('encodes the pieces as UTF-8 in bounded chunks, keeping surrogate pairs whole', async () => {
    const pieces = Array.from({ length: 500 }, (_, i) => `${i}: 🌅 ${'x'.repeat(i % 97)}\n`);
    const chunks: Uint8Array[] = [];
    for await (const chunk of textChunks(
      (async function* () {
        yield* pieces;
      })(),
      1024,
    ))
      chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(10);
    // Gathered up to the size, plus at most one piece beyond it (a piece is never cut).
    for (const chunk of chunks) expect(chunk.byteLength).toBeLessThanOrEqual(4 * (1024 + 100));
    const joined = new Uint8Array(chunks.reduce((sum, c) => sum + c.byteLength, 0));
    let offset = 0;
    for (const chunk of chunks) {
      joined.set(chunk, offset);
      offset += chunk.byteLength;
    }
    expect(new TextDecoder('utf-8', { fatal: true }).decode(joined)).toBe(pieces.join(''));
  });

  it('gives an empty stream for no text', async () => {
    expect(await textOf((async function* () {})())).toBe('');
    const read = await textChunks((async function* () {})()).next();
    expect(read.done).toBe(true);
  });
});
