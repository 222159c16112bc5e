import { expect } from 'vitest';
import { schemaKindOf, schemaProblems } from '../export-schema/exportSchemas';
import type { FakePlatforms, RequestLogEntry, ServedMedia } from '../fake-platforms/types';
import { hashZipEntry, listZip, readZipEntry, readZipJson, readZipJsonEntries, sha256sumCheck, unzipTest } from './harness';

interface ManifestMedia {
  id: string;
  kind?: string;
  width?: number;
  height?: number;
  path?: string;
  byteSize?: number;
  sha256?: string;
  failure?: { reason: string; message: string };
}

export interface ExportManifest {
  schemaVersion: number;
  jobId: string;
  platform: string;
  account: { id: string; handle: string };
  exportedAt: string;
  counts: { posts: number; media: number; savedFiles: number; failedFiles: number };
  posts: { id: string; kind: string; publishedAt: string; caption: string | null; metadata: Record<string, unknown>; media: ManifestMedia[] }[];
  failed: { mediaId: string; postId: string; url: string; reason: string; message: string }[];
  sections: { name: string; label: string; status: string; strategy: string; reason?: string; listed: number; expected?: number }[];
}

export interface CheckedExport {
  jobId: string;
  root: string;
  manifest: ExportManifest;
  entries: Awaited<ReturnType<typeof listZip>>;
}

/** Reads the ZIP's root folder and main JSON, checking the layout every export shares (docs/export-format.md, "ZIP layout"). */
export async function openExport(zipPath: string, platform: string): Promise<CheckedExport> {
  const entries = await listZip(zipPath);
  const roots = new Set(entries.map((e) => e.name.split('/')[0]));
  expect([...roots]).toHaveLength(1);
  const root = [...roots][0]!;
  const jobId = /^export-(\d{8}-[0-9a-f]{6})$/.exec(root)?.[1];
  expect(jobId, `root folder ${root}`).toBeDefined();
  const manifest = await readZipJson<ExportManifest>(zipPath, `${root}/${platform}-export-${jobId}.json`);
  expect(manifest.jobId).toBe(jobId);
  expect(manifest.platform).toBe(platform);
  const test = unzipTest(zipPath);
  expect(test.status, test.output).not.toBe('failed');
  await expectJsonFilesMatchSchemas(zipPath, root);
  return { jobId: jobId!, root, manifest, entries };
}

/**
 * Every JSON file in the export against the contract's schemas (docs/schema/): the main JSON and
 * each sidecar. A JSON file no schema describes is a break of the contract too.
 */
async function expectJsonFilesMatchSchemas(zipPath: string, root: string): Promise<void> {
  const files = await readZipJsonEntries(zipPath, (name) => name.endsWith('.json'));
  const problems = files.flatMap(({ name, value }) => {
    const kind = schemaKindOf(name.slice(root.length + 1));
    return kind ? schemaProblems(kind, value, name) : [`${name}: no schema of docs/schema/ describes this JSON file`];
  });
  expect(problems, 'JSON files that break docs/schema/').toEqual([]);
}

/**
 * The invariant of every export: each file the fake served is either in the ZIP with identical
 * bytes (stored, dated by its post, with a sidecar beside it) or in the failed list with a reason.
 */
export async function expectEveryServedFileAccountedFor(zipPath: string, exported: CheckedExport, served: ServedMedia[]): Promise<void> {
  const { manifest, root, entries } = exported;
  // By (post, media): a file listed under another post than the one that served it is not accounted for.
  const pairKey = (postId: string, mediaId: string) => `${postId}\u0000${mediaId}`;
  const byPair = new Map(manifest.posts.flatMap((p) => p.media.map((m) => [pairKey(p.id, m.id), m] as const)));
  const failedPairs = new Set(manifest.failed.map((f) => pairKey(f.postId, f.mediaId)));
  const entryByName = new Map(entries.map((e) => [e.name, e]));
  const sums = await readSha256Sums(zipPath, root);
  for (const file of served) {
    const media = byPair.get(pairKey(file.postId, file.mediaId));
    expect(media, `media ${file.mediaId} is listed under its post ${file.postId}`).toBeDefined();
    if (!media?.path) {
      expect(failedPairs.has(pairKey(file.postId, file.mediaId)), `media ${file.mediaId} of post ${file.postId} is saved or failed`).toBe(true);
      continue;
    }
    const name = `${root}/${media.path}`;
    const entry = entryByName.get(name);
    expect(entry, name).toBeDefined();
    expect(entry!.compressionMethod, `${name} is stored`).toBe(0);
    expect(entry!.size).toBe(file.bytes);
    expect(await hashZipEntry(zipPath, name), `${name} bytes`).toBe(file.sha256);
    // The checksums the export promises: in the main JSON, the sidecar and SHA256SUMS, all of the served bytes.
    expect(media.sha256, `${name} sha256 in the main JSON`).toBe(file.sha256);
    expect(sums.get(media.path), `${name} in SHA256SUMS`).toBe(file.sha256);
    const date = Number.isFinite(file.takenAt) ? new Date(file.takenAt * 1000).toISOString().slice(0, 10) : 'undated';
    const fileName = media.path.split('/').pop()!;
    expect(fileName.startsWith(`${date}_`), `${name} is named by its date`).toBe(true);
    // The sidecar the contract promises beside every file: {id}.{ext}.meta.json, describing that file.
    const sidecarName = `${name.slice(0, name.length - fileName.length)}${fileName.slice(date.length + 1)}.meta.json`;
    expect(entryByName.has(sidecarName), `${sidecarName} is beside ${name}`).toBe(true);
    const sidecar = await readZipJson<{ id: string; postId: string; byteSize: number; sha256: string }>(zipPath, sidecarName);
    expect({ id: sidecar.id, postId: sidecar.postId, byteSize: sidecar.byteSize, sha256: sidecar.sha256 }, sidecarName)
      .toEqual({ id: media.id, postId: file.postId, byteSize: file.bytes, sha256: file.sha256 });
  }
}

/** `{root}/SHA256SUMS` as path → digest, its paths relative to the export folder. */
async function readSha256Sums(zipPath: string, root: string): Promise<Map<string, string>> {
  const text = new TextDecoder().decode(await readZipEntry(zipPath, `${root}/SHA256SUMS`));
  const sums = new Map<string, string>();
  for (const line of text.split('\n').filter(Boolean)) {
    // GNU's escaped form (a leading backslash) for a name holding a backslash or a line break.
    const match = /^(\\?)([0-9a-f]{64}) {2}(.+)$/.exec(line);
    expect(match, `SHA256SUMS line ${JSON.stringify(line)}`).not.toBeNull();
    const name = match![1] ? match![3]!.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', r: '\r' })[c] ?? c) : match![3]!;
    sums.set(name, match![2]!);
  }
  return sums;
}

/** GNU `sha256sum -c SHA256SUMS`, run in the unpacked export folder, as a user would check it. */
export function expectSha256SumsVerify(zipPath: string, root: string): void {
  const check = sha256sumCheck(zipPath, root);
  expect(check.status, check.output).toBe('passed');
}

export function expectNeverMoreThanThreeInFlight(fake: FakePlatforms): void {
  expect(fake.maxMediaInFlight).toBeGreaterThan(0);
  expect(fake.maxMediaInFlight).toBeLessThanOrEqual(3);
}

/**
 * The hosts the extension may reach: its manifest's host permissions (docs/architecture.md, "Permissions and privacy"), spelled out here
 * so that a permission added there by mistake does not widen this check too.
 */
export const PLATFORM_HOST_PATTERNS = ['www.instagram.com', '*.cdninstagram.com', '*.fbcdn.net', 'www.youtube.com', 'i.ytimg.com', 'www.facebook.com'];

/**
 * Chromium's own background requests, which the harness's flags do not turn off: the component
 * updater's on-demand check (app ceofaddefefcbblgcgnibnonglccbfja, over HTTPS then cleartext; it
 * is signed with CUP), the Google account lookup and, in Debian's Chromium 150, the Google Cloud
 * Messaging device check-in. None is the extension's; each is matched by path too, so any other
 * request to those hosts still counts.
 */
const BROWSER_OWN_REQUESTS = [
  { host: 'update.googleapis.com', path: '/service/update2/json' },
  { host: 'accounts.google.com', path: '/ListAccounts' },
  { host: 'android.clients.google.com', path: '/checkin' },
];

export function isPlatformHost(host: string): boolean {
  return PLATFORM_HOST_PATTERNS.some((p) => (p.startsWith('*.') ? host.endsWith(p.slice(1)) && host.length > p.length - 1 : host === p));
}

/**
 * No request left for any host but the platforms', and none in cleartext. The fake resolves every
 * host name to itself (FakePlatforms.hostResolverRules), so its log holds every request Chromium made.
 */
export function expectOnlyPlatformHosts(fake: Pick<FakePlatforms, 'log'>): void {
  const browserOwn = (host: string, path: string) => BROWSER_OWN_REQUESTS.some((r) => r.host === host && path.startsWith(r.path));
  const elsewhere = fake.log
    .filter((e) => e.scheme === 'http' || !isPlatformHost(e.host))
    .filter((e) => !browserOwn(e.host, e.path))
    .map((e) => `${e.method} ${e.scheme ?? 'https'}://${e.host}${e.path.split('?')[0]} → ${e.status}`);
  expect([...new Set(elsewhere)], 'requests to other hosts than the platforms’').toEqual([]);
}

/** A media request answered with the file's bytes: all of them (200) or the range asked for (206). */
export function isMediaServed(entry: RequestLogEntry): boolean {
  return entry.kind === 'media' && (entry.status === 200 || entry.status === 206);
}
