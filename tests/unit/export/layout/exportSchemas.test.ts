import { describe, expect, it } from 'vitest';
import { buildManifest, type MediaOutcome } from '@/lib/export/layout/manifest';
import { buildSidecar } from '@/lib/export/layout/sidecar';
import type { ExportFormat, SectionReport, SectionStatus } from '@/lib/export/types';
import type { ErrorKind } from '@/lib/errors';
import { PLATFORM_IDS } from '@/lib/platforms/descriptors';
import type { FailedFile, MediaFormat, MediaItem, MediaKind, Post } from '@/lib/platforms/types';
import { EXPORT_SCHEMAS, schemaKindOf, schemaProblems } from '../../../export-schema/exportSchemas';

// Records keyed by the code's own unions: the compiler makes each list complete and exact, and the
// tests below make the schemas' enums follow.
const ERROR_KINDS: Record<ErrorKind, true> = {
  login_required: true, private_account: true, account_not_found: true, checkpoint_required: true, rate_limited: true,
  platform_changed: true, endpoint_retired: true, too_large: true, not_allowed_type: true, not_allowed_host: true,
  expired_url: true, unavailable: true, not_returned: true, http_error: true, network_error: true, quota_exceeded: true,
  export_expired: true, cancelled: true, invalid_request: true, internal: true,
};
const MEDIA_FORMATS: Record<MediaFormat, true> = { jpg: true, png: true, gif: true, webp: true, mp4: true, mov: true };
const MEDIA_KINDS: Record<MediaKind, true> = { image: true, video: true };
const EXPORT_FORMATS: Record<ExportFormat, true> = { json: true, csv: true, html: true };
const SECTION_STATUSES: Record<SectionStatus, true> = { complete: true, partial: true, unavailable: true };

const { $defs: defs, properties } = EXPORT_SCHEMAS.export;
const sidecarProperties = EXPORT_SCHEMAS.sidecar.properties;

describe('the schemas name exactly what the code can write', () => {
  it.each([
    ['platforms', defs.platform.enum, PLATFORM_IDS],
    ['sidecar platforms', sidecarProperties.platform.enum, PLATFORM_IDS],
    ['failure reasons', defs.reason.enum, Object.keys(ERROR_KINDS)],
    ['media formats', defs.mediaFormat.enum, Object.keys(MEDIA_FORMATS)],
    ['sidecar formats', sidecarProperties.format.enum, Object.keys(MEDIA_FORMATS)],
    ['media kinds', defs.mediaKind.enum, Object.keys(MEDIA_KINDS)],
    ['sidecar kinds', sidecarProperties.kind.enum, Object.keys(MEDIA_KINDS)],
    ['export formats', properties.options.properties.format.enum, Object.keys(EXPORT_FORMATS)],
    ['section statuses', defs.section.properties.status.enum, Object.keys(SECTION_STATUSES)],
  ])('%s', (_name, inSchema, inCode) => {
    expect([...inSchema].sort()).toEqual([...inCode].sort());
  });
});

const caption = 'Sunset 🌅\n<b>not html</b> =1+1';
const image: MediaItem = {
  id: '3100000000000000001',
  postId: '3100000000000000000',
  kind: 'image',
  url: 'https://scontent.cdninstagram.com/v/t51/a_n.jpg?stp=dst-jpg&oh=SIG&oe=65F0',
  width: 1080,
  height: 1350,
  publishedAt: '2026-05-01T10:00:00.000Z',
  caption,
};
const video: MediaItem = { ...image, id: '3100000000000000002', kind: 'video', url: 'https://scontent.cdninstagram.com/v/b.mp4?oh=SIG', durationSeconds: 12.5 };
const expired: MediaItem = { ...image, id: '3100000000000000003', url: 'https://scontent.cdninstagram.com/v/c.jpg?oh=SIG' };
const noAddress: MediaItem = { id: '3100000000000000004', postId: 'undated-post', kind: 'video', url: '', publishedAt: '', caption: null, unavailable: { message: 'Listed without an address.' } };
const posts: Post[] = [
  { id: image.postId, platform: 'instagram', kind: 'carousel', publishedAt: image.publishedAt, caption, permalink: 'https://www.instagram.com/p/CN5mPCGhA9C/', metadata: { likes: 3, location: { name: 'Lake', lat: 1.5 }, pinned: true }, media: [image, video, expired] },
  { id: 'undated-post', platform: 'instagram', kind: 'story', publishedAt: '', caption: null, metadata: { missing_media: ['video'] }, media: [noAddress] },
];
const failed: FailedFile[] = [
  { mediaId: expired.id, postId: expired.postId, url: 'https://scontent.cdninstagram.com/v/c.jpg', reason: 'expired_url', message: 'The link expired.' },
  { mediaId: noAddress.id, postId: noAddress.postId, url: '', reason: 'unavailable', message: 'Listed without an address.' },
];
const SHA_A = 'a'.repeat(64);
const SHA_B = '0123456789abcdef'.repeat(4);
const outcomes = new Map<MediaItem, MediaOutcome>([
  [image, { status: 'saved', path: `media/images/instagram/2026-05-01_${image.id}.jpg`, format: 'jpg', byteSize: 2048, sha256: SHA_A }],
  [video, { status: 'saved', path: `media/videos/instagram/2026-05-01_${video.id}.mp4`, format: 'mp4', byteSize: 4096, sha256: SHA_B }],
  [expired, { status: 'failed', reason: 'expired_url', message: 'The link expired.' }],
  [noAddress, { status: 'failed', reason: 'unavailable', message: 'Listed without an address.' }],
]);
const sections: SectionReport[] = [
  { name: 'posts', label: 'Posts', status: 'partial', strategy: 'graphql', reason: 'Instagram counts 5 posts; 1 was listed.', listed: 1, expected: 5 },
  { name: 'reels', label: 'Reels', status: 'complete', strategy: 'rest', listed: 0 },
  { name: 'stories', label: 'Stories', status: 'complete', strategy: 'rest', listed: 1 },
  { name: 'highlights', label: 'Highlights', status: 'unavailable', strategy: 'graphql', reason: 'Instagram changed how highlights are read.', listed: 0 },
];
const input = {
  jobId: '20260601-0a1b2c',
  exporterVersion: '0.1.0',
  platform: 'instagram' as const,
  account: { id: '42', handle: 'star.demo', displayName: 'Star Demo', isPrivate: false, postCount: 5, profileUrl: 'https://www.instagram.com/star.demo/', isViewer: true },
  options: { platform: 'instagram' as const, account: 'star.demo', format: 'html' as const, includeMedia: true, mediaTypes: ['images', 'videos'], quality: 'original' as const },
  exportedAt: new Date('2026-06-01T09:00:00Z'),
  posts,
  outcomeOf: (item: MediaItem) => outcomes.get(item),
  failed,
  sections,
};
const MAIN = 'instagram-export-20260601-0a1b2c.json';

/** The manifest as a script reads it: through JSON, as the archive stage writes it. */
function written(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

describe('the main JSON', () => {
  it('holds for an export with saved, failed and address-less files and every section status', () => {
    expect(schemaProblems('export', written(buildManifest(input)), MAIN)).toEqual([]);
  });

  it('holds for a metadata-only export, with its media listed but not downloaded', () => {
    const manifest = buildManifest({ ...input, options: { platform: 'youtube', format: 'json', includeMedia: false, mediaTypes: ['videos', 'shorts', 'live'], quality: 'small', dateFrom: '2026-01-01', timeZone: 'Europe/Berlin' }, platform: 'youtube', outcomeOf: () => undefined, failed: [], sections: [] });
    expect(schemaProblems('export', written(manifest), MAIN)).toEqual([]);
  });

  it('names the file and the JSON path of every field that breaks it', () => {
    const manifest = written(buildManifest(input)) as { posts: { media: Record<string, unknown>[] }[]; counts: Record<string, unknown>; extra?: boolean };
    manifest.posts[0]!.media[1]!.kind = 'gif';
    delete manifest.counts.savedBytes;
    manifest.extra = true;
    expect(schemaProblems('export', manifest, MAIN)).toEqual(
      expect.arrayContaining([
        `${MAIN}: $.posts[0].media[1].kind must be equal to one of the allowed values (image, video)`,
        `${MAIN}: $.counts must have required property 'savedBytes'`,
        `${MAIN}: $ must NOT have additional properties (extra)`,
      ]),
    );
  });

  it('refuses a file both saved and failed, and a saved file without its format', () => {
    const manifest = written(buildManifest(input)) as { posts: { media: Record<string, unknown>[] }[] };
    const [saved, other] = manifest.posts[0]!.media;
    saved!.failure = { reason: 'http_error', message: 'not found' };
    delete other!.format;
    const problems = schemaProblems('export', manifest, MAIN);
    expect(problems.some((p) => p.startsWith(`${MAIN}: $.posts[0].media[0] must NOT be valid`))).toBe(true);
    expect(problems.some((p) => p.startsWith(`${MAIN}: $.posts[0].media[1] must have properties format`))).toBe(true);
  });

  it('requires a reason of a section that was not read completely, and a known failure reason', () => {
    const manifest = written(buildManifest(input)) as { sections: Record<string, unknown>[]; failed: Record<string, unknown>[] };
    delete manifest.sections[3]!.reason;
    manifest.failed[0]!.reason = 'gone';
    const problems = schemaProblems('export', manifest, MAIN);
    expect(problems).toContain(`${MAIN}: $.sections[3] must have required property 'reason'`);
    expect(problems.some((p) => p.startsWith(`${MAIN}: $.failed[0].reason must be equal to one of the allowed values`))).toBe(true);
  });

  it('lets a platform keep any facts in a post’s metadata', () => {
    const manifest = written(buildManifest({ ...input, posts: [{ ...posts[0]!, metadata: { 'any key': [1, { nested: null }], visibility: 'unlisted' } }] }));
    expect(schemaProblems('export', manifest, MAIN)).toEqual([]);
  });
});

describe('the sidecars', () => {
  const downloadedAt = new Date('2026-06-01T08:59:00Z');

  it('hold for an image, a video with its length and a file of an undated, caption-less post', () => {
    const sidecars = [
      buildSidecar({ platform: 'instagram', item: image, format: 'jpg', byteSize: 2048, sha256: SHA_A, downloadedAt }),
      buildSidecar({ platform: 'instagram', item: video, format: 'mov', byteSize: 4096, sha256: SHA_B, downloadedAt, sourceUrl: 'https://scontent.cdninstagram.com/v/fresh.mov?oh=NEW' }),
      buildSidecar({ platform: 'youtube', item: { ...noAddress, url: 'https://i.ytimg.com/vi/x/hqdefault.jpg', kind: 'image', dateApproximate: true }, format: 'webp', byteSize: 1, sha256: SHA_A, downloadedAt }),
    ];
    for (const sidecar of sidecars) expect(schemaProblems('sidecar', written(sidecar), `${sidecar.id}.meta.json`)).toEqual([]);
  });

  it('names the file and the field when one breaks the contract', () => {
    const sidecar = written(buildSidecar({ platform: 'facebook', item: image, format: 'png', byteSize: 1, sha256: SHA_A, downloadedAt }));
    sidecar.width = 10.5;
    delete sidecar.postId;
    const name = `${image.id}.png.meta.json`;
    expect(schemaProblems('sidecar', sidecar, name)).toEqual(
      expect.arrayContaining([`${name}: $ must have required property 'postId'`, `${name}: $.width must be integer`]),
    );
  });
});

describe('schemaKindOf', () => {
  it.each([
    ['instagram-export-20260601-0a1b2c.json', 'export'],
    ['media/images/instagram/3100000000000000001.jpg.meta.json', 'sidecar'],
    ['media/videos/youtube/abc_2.mp4.meta.json', 'sidecar'],
    ['media/images/instagram/2026-05-01_1.jpg', undefined],
    ['notes.json', undefined],
    ['media/other.json', undefined],
  ])('%s → %s', (path, kind) => {
    expect(schemaKindOf(path)).toBe(kind);
  });
});
