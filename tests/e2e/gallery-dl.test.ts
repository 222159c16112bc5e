import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatforms } from '../fake-platforms/index';
import { shortcode } from '../fake-platforms/instagram/ids';
import { cookieHeader, fakeFetch } from '../fake-platforms/test-client';
import type { FakeCookie, FakePlatforms, ServedMedia } from '../fake-platforms/types';

/**
 * Faithfulness check: Debian's gallery-dl (1.25.3), a real client of the real Instagram web API,
 * exports the demo account from the fake through its proxy, and every file it saves must be
 * byte-identical to what instagramMedia() promises. If gallery-dl cannot read the fake, the fake
 * has drifted from the real API.
 */

const GALLERY_DL = '/usr/bin/gallery-dl';
const installed = existsSync(GALLERY_DL);
if (!installed) console.warn(`gallery-dl test skipped: ${GALLERY_DL} is not installed (apt-get install gallery-dl)`);

function netscapeCookies(cookies: FakeCookie[]): string {
  const lines = cookies.map((c) => [c.domain, 'TRUE', c.path, c.secure ? 'TRUE' : 'FALSE', '2000000000', c.name, c.value].join('\t'));
  return ['# Netscape HTTP Cookie File', ...lines, ''].join('\n');
}

/** gallery-dl names Instagram files "[<sidecar id>_]<media id>.<ext>" by default. */
async function downloadedByMediaId(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const walk = async (path: string): Promise<void> => {
    for (const entry of await readdir(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) await walk(full);
      else files.set(entry.name.replace(/\.[^.]+$/, '').split('_').pop() ?? entry.name, await readFile(full));
    }
  };
  if (existsSync(dir)) await walk(dir);
  return files;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(!installed)(`gallery-dl ${installed ? '' : '(skipped: not installed) '}against the fake Instagram`, () => {
  let fake: FakePlatforms;
  let work: string;

  async function galleryDl(url: string, out: string, ...extra: string[]): Promise<void> {
    await galleryDlVia(fake, url, out, ...extra);
  }

  async function galleryDlVia(target: FakePlatforms, url: string, out: string, ...extra: string[]): Promise<void> {
    // Async on purpose: the fake and its proxy live in this process and must keep answering.
    await promisify(execFile)(
      GALLERY_DL,
      [
        '--proxy', `http://127.0.0.1:${target.proxyPort}`,
        '--no-check-certificate',
        '--cookies', join(work, 'cookies.txt'),
        '-o', 'sleep-request=0',
        '-o', 'sleep=0',
        '-o', 'sleep-429=0',
        '--retries', '0',
        '-D', out,
        ...extra,
        url,
      ],
      { timeout: 60_000 },
    );
  }

  beforeAll(async () => {
    fake = await startFakePlatforms();
    work = await mkdtemp(join(tmpdir(), 'gallery-dl-fake-'));
    await writeFile(join(work, 'cookies.txt'), netscapeCookies(fake.instagramCookies()));
  });
  afterAll(async () => {
    await fake?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('exports posts, reels, stories and highlights byte-identical to instagramMedia()', async () => {
    const out = join(work, 'profile');
    await galleryDl('https://www.instagram.com/star.demo/', out, '-o', 'include=posts,reels,stories,highlights');

    const files = await downloadedByMediaId(out);
    const served = fake.instagramMedia();
    expect([...files.keys()].sort()).toEqual(served.map((m) => m.mediaId).sort());
    for (const media of served) expect(sha256(files.get(media.mediaId) ?? Buffer.alloc(0)), `${media.format} ${media.mediaId}`).toBe(media.sha256);

    const api = fake.log.filter((e) => e.kind === 'api');
    const endpoints = new Set(api.map((e) => `${e.method} ${e.path.replace(/\?.*/, '').replace(/\d{5,}/g, '{id}')}`));
    expect([...endpoints].sort()).toEqual([
      'GET /api/v1/feed/reels_media/',
      'GET /api/v1/feed/user/{id}/',
      'GET /api/v1/highlights/{id}/highlights_tray/',
      'GET /api/v1/users/web_profile_info/',
      'POST /api/v1/clips/user/',
    ]);
    expect(api.every((e) => e.status === 200)).toBe(true);
    // Reels are feed posts too: gallery-dl finds them already on disk, so each file is fetched once.
    const media = fake.log.filter((e) => e.kind === 'media');
    expect(media.every((e) => e.status === 200)).toBe(true);
    expect(media).toHaveLength(served.length);
  });

  it('exports a single carousel post by its shortcode URL through media info', async () => {
    const out = join(work, 'post');
    const served = fake.instagramMedia();
    const byPost = new Map<string, ServedMedia[]>();
    for (const m of served) byPost.set(m.postId, [...(byPost.get(m.postId) ?? []), m]);
    const carousel = [...byPost.values()].find((list) => list.length > 2 && list.some((m) => m.kind === 'video'));
    expect(carousel, 'a carousel mixing photos and a video').toBeDefined();
    const profile = (await fetchJson(`/api/v1/feed/user/51234567890/?count=33`)) as { items: { pk: string; code: string }[] };
    const code = profile.items.find((i) => i.pk === carousel?.[0]?.postId)?.code;
    fake.resetLog();

    await galleryDl(`https://www.instagram.com/p/${code}/`, out);

    const files = await downloadedByMediaId(out);
    expect([...files.keys()].sort()).toEqual((carousel ?? []).map((m) => m.mediaId).sort());
    for (const m of carousel ?? []) expect(sha256(files.get(m.mediaId) ?? Buffer.alloc(0))).toBe(m.sha256);
    expect(fake.log.find((e) => e.kind === 'api')?.path).toBe(`/api/v1/media/${carousel?.[0]?.postId}/info/`);
  });

  it('fails against the late-2026 Instagram as it fails against the real one (gallery-dl #9731)', async () => {
    const late = await startFakePlatforms({ instagramEra: 'late2026' });
    try {
      const failure = (url: string) => galleryDlVia(late, url, join(work, 'late2026')).then(() => 'exported', (error: { stderr?: string }) => String(error.stderr));
      // Its user lookup is web_profile_info, now refused for logged-in sessions.
      expect(await failure('https://www.instagram.com/star.demo/')).toContain("'400 Bad Request' for 'https://www.instagram.com/api/v1/users/web_profile_info/'");
      // A single post goes through media info, now sent home: 1.25.3 follows to the HTML page and
      // cannot read it (newer versions say "HTTP redirect to home page").
      const pk = late.instagramPostIds()[0] ?? '';
      expect(await failure(`https://www.instagram.com/p/${shortcode(pk)}/`)).toContain('JSONDecodeError');
      const calls = late.log.filter((e) => e.kind === 'api').map((e) => `${e.status} ${e.method} ${e.path.replace(/\?.*/, '')}`);
      expect(calls).toEqual(['400 GET /api/v1/users/web_profile_info/', `302 GET /api/v1/media/${pk}/info/`, '200 GET /']);
      expect(late.log.filter((e) => e.kind === 'media')).toEqual([]);
    } finally {
      await late.close();
    }
  });

  /** A direct API read, to find the shortcode gallery-dl's /p/ URL needs. */
  async function fetchJson(path: string): Promise<unknown> {
    const cookies = fake.instagramCookies();
    const res = await fakeFetch(fake.port, `https://www.instagram.com${path}`, {
      headers: { cookie: cookieHeader(cookies), 'x-ig-app-id': '936619743392459' },
    });
    return res.json();
  }
});
