import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { HistoryEntry } from '../../lib/export/history/exportHistory';
import { addFakeCookies, launchWithExtension, PopupPage, sendToBackground } from '../../tests/e2e/harness';
import { extensionCopyWithHosts } from '../../tests/e2e/harness/extensionCopy';
import { chromiumPidsFor, killPids } from '../../tests/e2e/harness/processGuard';
import { startWebdavServer } from '../../tests/e2e/harness/webdavServer';
import { useQuickPacing } from '../../tests/e2e/quickPacing';
import { startFakePlatforms } from '../../tests/fake-platforms/index';
import type { BenchConfig } from '../config';
import { extensionBuildPath } from '../lib/benchRig';
import { onAbort } from '../lib/cleanup';
import { startMemorySampler } from '../lib/memorySampler';
import { recordJobBroadcasts, stageSpans, type JobMark } from '../lib/popupExport';
import { MB, median, round } from '../lib/stats';

const TARGET_RATIO = 0.8;
const TARGET_MEMORY_MB = 100;
/** The WebDAV server's name as the user types it; Chromium maps it to rclone's local port. */
const DAV_HOST = 'dav.star-export.test';
const CURL_RUNS = 3;
/** Idle samples before the click; the memory baseline is their median. */
const BASELINE_MS = 3_000;

export interface UploadResult {
  zipBytes: number;
  /** The job's 'delivering' stage: reading the staged ZIP, MKCOL, PROPFIND, the PUT, the size check. */
  uploadMs: number;
  curlMedianMs: number;
  curlMs: number[];
  /** curl's time ÷ the extension's: 1.0 is as fast as curl -T. */
  ratio: number;
  target: number;
  met: boolean;
  /** Peak anonymous PSS of the browser during the upload over its idle level before the export. */
  memoryGrowthMB: number;
  /** The same peak over the level when the upload began (what the earlier stages left is not counted). */
  memoryGrowthFromUploadStartMB: number;
  memoryTarget: number;
  memoryMet: boolean;
  measure: string;
}

/** `curl -T` of the same file to the same server, from this machine, as the yardstick. */
function curlUpload(file: string, url: string, user: string, password: string): number {
  const started = process.hrtime.bigint();
  const run = spawnSync('curl', ['-sS', '-f', '-o', '/dev/null', '-u', `${user}:${password}`, '-T', file, url], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`curl -T failed: ${run.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * An export of `posts` × `fileBytes` saved to rclone's WebDAV server: the upload stage's time
 * against `curl -T` of the uploaded ZIP to the same server, and the browser's memory meanwhile.
 */
export async function benchUpload(config: BenchConfig['upload'], log: (line: string) => void): Promise<UploadResult> {
  const dav = await startWebdavServer(['exports']);
  const fake = await startFakePlatforms({
    port: 0,
    instagramAccounts: [{ username: 'star.demo', posts: config.posts, stories: 0, highlights: 0, imageBytes: config.fileBytes, videoBytes: config.fileBytes }],
  });
  const extensionPath = await extensionCopyWithHosts([`http://${DAV_HOST}/*`], extensionBuildPath());
  const rules = `MAP ${DAV_HOST} 127.0.0.1:${dav.port}, ${fake.hostResolverRules}`;
  const session = await launchWithExtension({ fake, extensionPath, args: [`--host-resolver-rules=${rules}`] });
  const forget = onAbort(() => killPids(chromiumPidsFor(session.userDataDir)));
  try {
    await useQuickPacing(session);
    await addFakeCookies(session.context, fake.instagramCookies());
    const settings = await session.context.newPage();
    await settings.goto(`chrome-extension://${session.extensionId}/options.html`);
    await settings.getByLabel('Folder address').fill(`http://${DAV_HOST}/exports/`);
    await settings.getByLabel('User name').fill(dav.user);
    await settings.getByLabel('App password').fill(dav.password);
    await settings.getByRole('button', { name: 'Connect' }).click();
    await settings.getByText('Connected to').waitFor();
    await settings.getByLabel('Save exports to').selectOption('webdav');
    await settings.close();

    const popup = await PopupPage.open(session.context, session.extensionId);
    await recordJobBroadcasts(popup);
    await popup.choosePlatform('instagram');
    await popup.chooseFormat('json');
    await popup.setIncludeMedia(true);
    const sampler = startMemorySampler(() => chromiumPidsFor(session.userDataDir));
    const idleFrom = Date.now();
    await new Promise((resolve) => setTimeout(resolve, BASELINE_MS));
    const clickedAt = Date.now();
    await popup.start();
    const end = await popup.waitForFinalStage(config.timeoutMs, (text) => {
      if (/Building|Uploading to WebDAV — 0 B/.test(text)) log(`  ${text}`);
    });
    const memory = sampler.stop();
    if (end.outcome !== 'done') throw new Error(`The export did not finish: ${end.text}`);
    const marks = (await popup.page.evaluate(() => window.benchJobMarks ?? [])) as JobMark[];
    const jobId = marks.at(-1)?.id;
    const spans = stageSpans(marks.filter((m) => m.id === jobId));
    const upload = spans.delivering;
    if (!upload) throw new Error('The popup saw no delivering stage.');
    const [job] = await sendToBackground<HistoryEntry[]>(popup.page, 'listHistory');
    const folder = job!.fileName!.replace(/\.zip$/, '');
    const uploaded = join(dav.root, 'exports', folder, job!.fileName!);
    const zipBytes = statSync(uploaded).size;
    log(`  uploaded ${(zipBytes / MB).toFixed(0)} MiB in ${(upload.ms / 1000).toFixed(1)} s`);

    const curlMs: number[] = [];
    for (let i = 0; i < CURL_RUNS; i++) curlMs.push(curlUpload(uploaded, `${dav.url}exports/${folder}/curl-${i}.zip`, dav.user, dav.password));
    const curlMedianMs = median(curlMs);
    const ratio = curlMedianMs / upload.ms;

    const idle = memory.filter((s) => s.at >= idleFrom && s.at < clickedAt);
    const before = memory.filter((s) => s.at <= upload.start).slice(-4);
    const during = memory.filter((s) => s.at >= upload.start && s.at <= upload.end);
    if (idle.length === 0 || before.length === 0 || during.length === 0) throw new Error('The memory sampler took no samples around the upload.');
    const peak = Math.max(...during.map((s) => s.pssAnon));
    const growth = (peak - median(idle.map((s) => s.pssAnon))) / MB;
    const fromUploadStart = (peak - median(before.map((s) => s.pssAnon))) / MB;
    return {
      zipBytes,
      uploadMs: upload.ms,
      curlMedianMs: round(curlMedianMs, 0),
      curlMs: curlMs.map((ms) => round(ms, 0)),
      ratio: round(ratio, 2),
      target: TARGET_RATIO,
      met: ratio >= TARGET_RATIO,
      memoryGrowthMB: round(growth, 1),
      memoryGrowthFromUploadStartMB: round(fromUploadStart, 1),
      memoryTarget: TARGET_MEMORY_MB,
      memoryMet: growth <= TARGET_MEMORY_MB,
      measure: 'upload: the job\'s delivering stage (its own timestamps); curl -T: median of 3 over plain HTTP to the same rclone serve webdav; memory: Pss_Anon + Pss_Shmem summed over the browser\'s processes, peak during the upload over the idle median before the export (and over the last samples before the upload); MB = MiB',
    };
  } finally {
    forget();
    try {
      await session.close();
    } finally {
      await fake.close();
      await dav.close();
      rmSync(extensionPath, { recursive: true, force: true });
    }
  }
}
