import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addFakeCookies } from '../../tests/e2e/harness';
import type { FakeCookie } from '../../tests/fake-platforms/types';
import type { BenchConfig } from '../config';
import { setApiPacing, withRig } from '../lib/benchRig';
import { timedRun } from '../lib/childProcess';
import { exportFromPopup } from '../lib/popupExport';
import { apiCallsByEndpoint, mediaStageTiming, total } from '../lib/requestLog';
import { round } from '../lib/stats';

const TARGET = 0.5;
const GALLERY_DL_TIMEOUT_MS = 600_000;

interface Side {
  wallMs: number;
  /** Media files saved and their bytes. */
  files: number;
  bytes: number;
  apiCalls: number;
  mediaRequests: number;
  maxMediaInFlight: number;
}

export interface PeerResult {
  ratio: number;
  target: number;
  met: boolean;
  extension: Side & { stagesMs: Record<string, number> };
  galleryDl: Side & { version: string; args: string[] };
  servedFiles: number;
  setup: BenchConfig['peer'];
}

/** gallery-dl reads Netscape cookies.txt; `#HttpOnly_` marks the cookies a page script cannot read. */
function netscapeCookies(cookies: FakeCookie[]): string {
  const expires = Math.floor(Date.now() / 1000) + 86_400;
  const lines = cookies.map((c) =>
    [`${c.httpOnly ? '#HttpOnly_' : ''}${c.domain}`, c.domain.startsWith('.') ? 'TRUE' : 'FALSE', c.path, c.secure ? 'TRUE' : 'FALSE', expires, c.name, c.value].join('\t'),
  );
  return `# Netscape HTTP Cookie File\n\n${lines.join('\n')}\n`;
}

async function folderFiles(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile() || entry.name.endsWith('.part')) continue;
    files += 1;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

export async function benchPeer(config: BenchConfig['peer'], workDir: string, log: (line: string) => void): Promise<PeerResult> {
  // The demo account's shape (3 stories, 2 highlights) at the asked size; both exporters read the same fake.
  const account = { username: 'star.demo', posts: config.posts, imageBytes: config.imageBytes, videoBytes: config.videoBytes };
  const fakeOptions = { instagramAccounts: [account], mediaLatencyMs: config.latencyMs, mediaBytesPerSecond: config.bytesPerSecond };
  return withRig(fakeOptions, async (rig) => {
    const { fake, session } = rig;
    const served = fake.instagramMedia();
    log(`  ${config.posts} posts, ${served.length} files; API pacing ${config.apiDelayMinMs}–${config.apiDelayMaxMs} ms for both`);
    await setApiPacing(session, config.apiDelayMinMs, config.apiDelayMaxMs);
    await addFakeCookies(session.context, fake.instagramCookies());
    fake.resetLog();
    const run = await exportFromPopup(rig, { includeMedia: true, timeoutMs: 600_000 });
    const extLog = [...fake.log];
    const extMedia = mediaStageTiming(extLog);
    const stagesMs = Object.fromEntries(Object.entries(run.stages).map(([stage, span]) => [stage, span.ms]));
    const extension: PeerResult['extension'] = {
      wallMs: run.wallMs,
      files: run.finalMark.media.done,
      bytes: run.finalMark.bytes.done,
      apiCalls: total(apiCallsByEndpoint(extLog)),
      mediaRequests: extMedia.files,
      maxMediaInFlight: extMedia.maxInFlight,
      stagesMs,
    };
    log(`  extension: ${(run.wallMs / 1000).toFixed(1)} s`);

    const cookieFile = join(workDir, 'cookies.txt');
    await writeFile(cookieFile, netscapeCookies(fake.instagramCookies()));
    const outDir = join(workDir, 'gallery-dl');
    const sleep = `${config.apiDelayMinMs / 1000}-${config.apiDelayMaxMs / 1000}`;
    const args = [
      '--config-ignore',
      '--proxy', `http://127.0.0.1:${fake.proxyPort}`,
      '--no-check-certificate',
      '--cookies', cookieFile,
      '--sleep-request', sleep,
      // Everything the extension exports; gallery-dl's default is the posts grid only.
      '-o', 'include=posts,reels,stories,highlights',
      '-D', outDir,
      '-q',
      'https://www.instagram.com/star.demo/',
    ];
    const version = (await timedRun('gallery-dl', ['--version'], { timeoutMs: 30_000 })).output;
    fake.resetLog();
    // A fresh HOME: no user config, and no cached user id or session from an earlier run.
    const gdl = await timedRun('gallery-dl', args, { env: { ...process.env, HOME: workDir, PYTHONWARNINGS: 'ignore' }, timeoutMs: GALLERY_DL_TIMEOUT_MS });
    if (gdl.code !== 0) throw new Error(`gallery-dl exited with ${gdl.code}: ${gdl.output.slice(0, 2000)}`);
    const gdlLog = [...fake.log];
    const gdlMedia = mediaStageTiming(gdlLog);
    const got = await folderFiles(outDir);
    log(`  gallery-dl ${version}: ${(gdl.ms / 1000).toFixed(1)} s, ${got.files} files`);
    const ratio = run.wallMs / gdl.ms;
    return {
      ratio: round(ratio, 3),
      target: TARGET,
      met: ratio <= TARGET,
      extension,
      galleryDl: {
        wallMs: round(gdl.ms, 0),
        files: got.files,
        bytes: got.bytes,
        apiCalls: total(apiCallsByEndpoint(gdlLog)),
        mediaRequests: gdlMedia.files,
        maxMediaInFlight: gdlMedia.maxInFlight,
        version,
        args: args.map((a) => (a === cookieFile ? '<cookies.txt>' : a.startsWith(outDir) ? '<out>' : a)),
      },
      servedFiles: served.length,
      setup: config,
    };
  });
}
