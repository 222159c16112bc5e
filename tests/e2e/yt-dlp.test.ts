import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePlatforms } from '../fake-platforms/index';
import { fakeFetch } from '../fake-platforms/test-client';
import type { FakeCookie, FakePlatforms } from '../fake-platforms/types';

/**
 * Faithfulness check: Debian's yt-dlp (2023.03.04), a real client of YouTube's web pages and
 * InnerTube API, lists the demo channel through the fake's proxy and fetches a thumbnail it found.
 * That version predates the lockup view models, so the fake serves its `legacy` shape here
 * (tests/fake-platforms/youtube/routes.ts says what yt-dlp needed).
 */

const YT_DLP = '/usr/bin/yt-dlp';
const installed = existsSync(YT_DLP);
if (!installed) console.warn(`yt-dlp test skipped: ${YT_DLP} is not installed (apt-get install yt-dlp)`);

function netscapeCookies(cookies: FakeCookie[]): string {
  const lines = cookies.map((c) => [c.domain, 'TRUE', c.path, c.secure ? 'TRUE' : 'FALSE', '2000000000', c.name, c.value].join('\t'));
  return ['# Netscape HTTP Cookie File', ...lines, ''].join('\n');
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe.skipIf(!installed)(`yt-dlp ${installed ? '' : '(skipped: not installed) '}against the fake YouTube`, () => {
  let fake: FakePlatforms;
  let work: string;

  async function ytDlp(cwd: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
    // Async on purpose: the fake and its proxy live in this process and must keep answering.
    return promisify(execFile)(
      YT_DLP,
      ['--proxy', `http://127.0.0.1:${fake.proxyPort}`, '--no-check-certificates', '--no-cache-dir', '--extractor-retries', '0', ...args],
      { cwd, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    );
  }

  beforeAll(async () => {
    // Private and unlisted uploads only the owner's uploads playlist lists; 157 uploads page it twice.
    fake = await startFakePlatforms({
      youtubeShape: 'legacy',
      youtubeChannels: [
        { handle: 'star.demo', videos: 100, shorts: 50, lives: 3, unlistedVideos: 2, privateVideos: 2 },
        { handle: 'jo.person', videos: 0, hasChannel: false },
        { handle: 'jo.brand', videos: 100, unlistedVideos: 3, privateVideos: 2, brandAccountOf: 'jo.person' },
      ],
    });
    work = await mkdtemp(join(tmpdir(), 'yt-dlp-fake-'));
    await writeFile(join(work, 'cookies.txt'), netscapeCookies(fake.youtubeCookies()));
    await writeFile(join(work, 'brand-cookies.txt'), netscapeCookies(fake.youtubeCookies('jo.brand')));
  });
  afterAll(async () => {
    await fake?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('lists every video of the channel (Videos, Live, Shorts) with --flat-playlist, signed in with the session’s cookies', async () => {
    const { stdout: out, stderr } = await ytDlp(work, '-v', '--cookies', join(work, 'cookies.txt'), '--flat-playlist', '--print', '%(id)s', 'https://www.youtube.com/@star.demo');
    expect(stderr).toMatch(/Extracted SAPISID cookie/);
    expect(out.trim().split('\n').sort()).toEqual([...fake.youtubeVideoIds()].sort());

    const api = fake.log.filter((e) => e.kind === 'api');
    const calls = new Set(api.map((e) => `${e.method} ${e.path.replace(/\?.*/, '')}`));
    expect([...calls].sort()).toEqual(['GET /@star.demo/shorts', 'GET /@star.demo/streams', 'GET /@star.demo/videos', 'POST /youtubei/v1/browse']);
    // With SAPISID found, every continuation carried yt-dlp's SAPISIDHASH (no U): a bad one would be 401.
    expect(api.every((e) => e.status === 200)).toBe(true);
    // Continuations: three more Videos pages and one more Shorts page.
    expect(api.filter((e) => e.method === 'POST')).toHaveLength(3 + 1);
  });

  it('lists the uploads playlist (UU…) through its continuations: everything for the owner, the public uploads for anyone', async () => {
    const channelId = fake.youtubeChannelId();
    const url = `https://www.youtube.com/playlist?list=UU${channelId.slice(2)}`;
    const owner = (await ytDlp(work, '--cookies', join(work, 'cookies.txt'), '--flat-playlist', '--print', '%(id)s', url)).stdout.trim().split('\n');
    expect(owner.sort()).toEqual(fake.youtubeVideoIds(undefined, { asOwner: true }).sort());
    const anyone = (await ytDlp(work, '--flat-playlist', '--print', '%(id)s', url)).stdout.trim().split('\n');
    expect(anyone.sort()).toEqual(fake.youtubeVideoIds().sort());
  });

  it('acts as the brand account a session is switched to (X-Goog-PageId) through the playlist’s continuation', async () => {
    const url = `https://www.youtube.com/playlist?list=UU${fake.youtubeChannelId('jo.brand').slice(2)}`;
    const ids = (await ytDlp(work, '--cookies', join(work, 'brand-cookies.txt'), '--flat-playlist', '--print', '%(id)s', url)).stdout.trim().split('\n');
    expect(ids.sort()).toEqual(fake.youtubeVideoIds('jo.brand', { asOwner: true }).sort());
  });

  it('fetches a thumbnail the listing named, byte-identical to what i.ytimg.com serves', async () => {
    const listing = JSON.parse((await ytDlp(work, '--flat-playlist', '-J', 'https://www.youtube.com/@star.demo/videos')).stdout) as {
      entries: { id: string; title: string; thumbnails: { url: string; width: number }[] }[];
    };
    const [first] = listing.entries;
    expect(first?.id).toBe(fake.youtubeVideoIds()[0]);
    const thumbnail = [...first!.thumbnails].sort((a, b) => b.width - a.width)[0]!.url;
    expect(thumbnail).toMatch(new RegExp(`^https://i\\.ytimg\\.com/vi/${first!.id}/hqdefault\\.jpg\\?sqp=`));

    const dir = await mkdtemp(join(work, 'thumb-'));
    await ytDlp(dir, '-o', 'thumbnail.%(ext)s', thumbnail);
    const [file] = await readdir(dir);
    const served = await fakeFetch(fake.port, `https://i.ytimg.com/vi/${first!.id}/hqdefault.jpg`);
    expect(sha256(await readFile(join(dir, file!)))).toBe(sha256(served.body));
    expect(fake.log.filter((e) => e.host === 'i.ytimg.com').every((e) => e.status === 200)).toBe(true);
  });
});
