import { indexHtmlChunks } from '../../../../lib/export/formats/indexHtml';
import { postsCsvChunks } from '../../../../lib/export/formats/postsCsv';
import type { Manifest, ManifestPost } from '../../../../lib/export/layout/manifest';
import type { ManifestSource } from '../../../../lib/export/layout/manifestStream';

/** Captions a hostile or careless account could post. */
export const HOSTILE_CAPTIONS = {
  script: '<script>alert("x")</script><img src=x onerror=alert(1)>',
  quotes: 'She said "hi", then \'bye\'',
  formula: "=cmd|' /C calc'!A0",
  plusFormula: '+1+1',
  minus: '-2+3',
  at: '@SUM(1,2)',
  tab: '\tindented',
  carriageReturn: '\rstarts with CR',
  newlines: 'line one\nline two\r\nline three',
  rtl: 'مرحبا بالعالم \u202Egnp.exe',
  emoji: 'Sunset 🌅 with 👩‍👩‍👧‍👦 and 🇯🇵',
  comma: 'a, b, c',
} as const;

export function post(overrides: Partial<ManifestPost> = {}): ManifestPost {
  return {
    id: 'p1',
    kind: 'image',
    publishedAt: '2024-05-01T10:20:00.000Z',
    caption: 'hello',
    permalink: 'https://www.instagram.com/p/ABC/',
    metadata: {},
    media: [],
    ...overrides,
  };
}

export function manifest(posts: ManifestPost[], overrides: Partial<Manifest> = {}): Manifest {
  return {
    schemaVersion: 2,
    exporter: { name: 'Star Export', version: '0.1.0' },
    jobId: '20240601-abcdef',
    platform: 'instagram',
    account: { id: '42', handle: 'star.demo', displayName: 'Star Demo' },
    options: { platform: 'instagram', format: 'csv', includeMedia: true },
    exportedAt: '2024-06-01T08:00:00.000Z',
    counts: { posts: posts.length, media: 0, savedFiles: 0, failedFiles: 0, savedBytes: 0 },
    sections: [{ name: 'posts', label: 'Posts', status: 'complete', strategy: 'rest', listed: posts.length }],
    posts,
    failed: [],
    ...overrides,
  };
}

/** A manifest held in memory as the streamed source the formats read: every pass gives its posts. */
export function sourceOf(whole: Manifest): ManifestSource {
  const { posts, ...head } = whole;
  return {
    head,
    async *posts() {
      yield* posts;
    },
  };
}

/** The whole text a producer gives, piece after piece. */
export async function textOf(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}

export const postsCsvOf = (whole: Manifest) => textOf(postsCsvChunks(sourceOf(whole)));
export const indexHtmlOf = (whole: Manifest) => textOf(indexHtmlChunks(sourceOf(whole)));
