import { rmSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakePlatforms } from '../tests/fake-platforms/index';
import type { FakePlatforms } from '../tests/fake-platforms/types';
import { existingZips, waitForZip } from '../tests/e2e/harness/downloads';
import { launchWithExtension, type ExtensionSession } from '../tests/e2e/harness/launchExtension';
import { PopupPage } from '../tests/e2e/harness/popupPage';
import { chromiumPidsFor, killPids } from '../tests/e2e/harness/processGuard';
import { unzipTest } from '../tests/e2e/harness/zipCheck';
import { DEMO_RUNS, type DemoRun } from './demo/runs';
import { printSummary, type RunResult } from './demo/printSummary';
import { summarizeZip } from './demo/zipSummary';
import { ensureChromium } from './ensure-chromium';

// Overridable so a slow machine can allow more, and so the time-out path itself can be tried.
const DEMO_TIMEOUT_MS = Number(process.env.DEMO_TIMEOUT_MS) || 10 * 60_000;
/** Chromium renames the finished download right after the extension reports delivery. */
const ZIP_APPEAR_MS = 60_000;
const OUTPUT_DIR = fileURLToPath(new URL('../demo-output/', import.meta.url));

/** Copies the ZIP out of the temporary downloads folder, never overwriting an earlier run's file. */
async function keepInOutput(zipPath: string): Promise<string> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const taken = new Set(await readdir(OUTPUT_DIR));
  const ext = extname(zipPath);
  const stem = basename(zipPath, ext);
  let name = `${stem}${ext}`;
  for (let n = 1; taken.has(name); n++) name = `${stem}-${n}${ext}`;
  const target = join(OUTPUT_DIR, name);
  await copyFile(zipPath, target);
  return target;
}

/** Prints a stage once, not every byte count: digits are what changes while a stage runs. */
function stageLogger(startedAt: number): (text: string) => void {
  let lastShape = '';
  return (text) => {
    const shape = text.replace(/[\d.,]+/g, '#');
    if (shape === lastShape) return;
    lastShape = shape;
    console.log(`  ${((Date.now() - startedAt) / 1000).toFixed(1).padStart(6)} s  ${text}`);
  };
}

async function exportOnce(session: ExtensionSession, fake: FakePlatforms, run: DemoRun, deadline: number): Promise<RunResult> {
  const startedAt = Date.now();
  console.log(`Exporting ${run.platform} @${run.account} (JSON, with media)…`);
  await run.logIn(session.context, fake);
  const tab = await session.context.newPage();
  await tab.goto(run.pageUrl, { waitUntil: 'domcontentloaded' });
  const popup = await PopupPage.open(session.context, session.extensionId);
  try {
    await popup.choosePlatform(run.platform);
    await popup.chooseFormat('json');
    await popup.setIncludeMedia(true);
    const earlier = await existingZips(session.downloadsDir);
    await popup.start();
    const end = await popup.waitForFinalStage(deadline - Date.now(), stageLogger(startedAt));
    if (end.outcome !== 'done') throw new Error(`The ${run.platform} export of @${run.account} failed: ${end.text}`);
    const downloaded = await waitForZip(session.downloadsDir, Math.min(ZIP_APPEAR_MS, Math.max(deadline - Date.now(), 1000)), earlier);
    const zipPath = await keepInOutput(downloaded);
    return { summary: await summarizeZip(zipPath), zipPath, unzip: unzipTest(zipPath), elapsedMs: Date.now() - startedAt };
  } finally {
    await popup.page.close();
    await tab.close();
  }
}

/** Last resort when Playwright itself hangs: end this demo's Chromium by PID and leave. */
function armWatchdog(current: () => ExtensionSession | undefined): void {
  setTimeout(() => {
    console.error(`Demo failed: no result within ${(DEMO_TIMEOUT_MS / 60_000).toFixed(1)} minutes.`);
    const session = current();
    if (session) {
      killPids(chromiumPidsFor(session.userDataDir));
      rmSync(session.userDataDir, { recursive: true, force: true });
    }
    process.exit(1);
  }, DEMO_TIMEOUT_MS + 15_000).unref();
}

/**
 * The extension waits 1–3 s between API calls, which suits a real account and makes the demo's
 * ~200 metadata calls take minutes. The demo sets the same user setting the options page could,
 * to a pace the local fake platforms do not mind, and says so.
 */
const DEMO_PACING = { apiDelayMinMs: 150, apiDelayMaxMs: 400 };

async function useDemoPacing(session: ExtensionSession): Promise<void> {
  await session.serviceWorker.evaluate(`chrome.storage.local.set({ exportSettings: ${JSON.stringify(DEMO_PACING)} })`);
  console.log(
    `API pacing for the demo: ${DEMO_PACING.apiDelayMinMs}–${DEMO_PACING.apiDelayMaxMs} ms between calls (for real accounts the default Careful pace waits 6–12 s on Instagram, 3–6 s on Facebook, 1–3 s on YouTube).`,
  );
}

async function main(): Promise<void> {
  const startedAt = Date.now();
  const deadline = startedAt + DEMO_TIMEOUT_MS;
  let session: ExtensionSession | undefined;
  armWatchdog(() => session);
  console.log(`Chromium: ${await ensureChromium()}`);
  // Instagram as it answers logged-in sessions since August 2026: retired REST endpoints, the web app's GraphQL.
  const fake = await startFakePlatforms({ port: 0, instagramEra: 'late2026' });
  try {
    session = await launchWithExtension({ fake });
    await useDemoPacing(session);
    const results: RunResult[] = [];
    for (const run of DEMO_RUNS) results.push(await exportOnce(session, fake, run, deadline));
    printSummary(results, Date.now() - startedAt);
    const broken = results.filter((r) => r.unzip.status === 'failed');
    if (broken.length) throw new Error(`unzip -t rejected ${broken.map((r) => `${r.zipPath}:\n${r.unzip.output}`).join('\n')}`);
  } finally {
    try {
      await session?.close();
    } finally {
      await fake.close();
    }
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(`\nDemo failed: ${error.message}`);
    process.exit(1);
  },
);
