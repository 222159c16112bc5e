/**
 * `npm run bench [-- --quick] [-- --only=scheduler,api,large,streaming,huge,peer,safety,options,upload]`: the real extension in
 * headless Chromium against the fake platforms; prints a table of ratios and writes
 * bench/out/results.json. Not a test: a missed target is reported, not failed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchConfig } from './config';
import { accountSafetyFigure } from './figures/accountSafety';
import { benchApi } from './figures/api';
import { archiveFigure } from './figures/archive';
import { runLargeExport } from './figures/largeExport';
import { memoryFigure } from './figures/memory';
import { benchPeer } from './figures/peer';
import { benchScheduler } from './figures/scheduler';
import { benchStreaming } from './figures/streaming';
import { benchOptions } from './figures/options';
import { benchUpload } from './figures/upload';
import { useExtensionBuild } from './lib/benchRig';
import { timedRun } from './lib/childProcess';
import { onAbort, runAbortHandlers } from './lib/cleanup';
import { snapshotBuild } from './lib/extensionBuild';
import { renderReport, type BenchResults, type FigureError } from './report';
import { findChromium } from '../tests/e2e/harness';

// docs/testing.md, "Chromium": Playwright's DevTools network capture on the service worker keeps response bodies
// (up to ~200 MB) in the browser, which users never pay for. Read when Playwright meets the worker.
process.env.PLAYWRIGHT_DISABLE_SERVICE_WORKER_NETWORK = '1';

const PARTS = ['scheduler', 'api', 'large', 'streaming', 'huge', 'peer', 'safety', 'options', 'upload'] as const;
type Part = (typeof PARTS)[number];
const OUT_DIR = join(import.meta.dirname, 'out');
const WATCHDOG_MS = Number(process.env.BENCH_TIMEOUT_MS) || 20 * 60_000;

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } } });
const only = new Set((values.only?.split(',') ?? PARTS) as Part[]);
const config = benchConfig(values.quick ?? false);
const log = (line: string) => console.log(line);

async function figure<T>(name: string, run: () => Promise<T>): Promise<T | FigureError> {
  const started = Date.now();
  log(`▶ ${name}`);
  try {
    const result = await run();
    log(`  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    return result;
  } catch (error) {
    console.error(`  ${name} failed: ${(error as Error).stack ?? String(error)}`);
    return { error: (error as Error).message ?? String(error) };
  }
}

async function main(): Promise<number> {
  const started = Date.now();
  const build = snapshotBuild();
  const workRoot = mkdtempSync(join(tmpdir(), 'star-export-bench-'));
  const forget = onAbort(() => {
    build.remove();
    rmSync(workRoot, { recursive: true, force: true });
  });
  useExtensionBuild(build.path);
  const work = (name: string) => {
    const dir = join(workRoot, name);
    mkdirSync(dir);
    return dir;
  };
  const results: BenchResults = {};
  try {
    if (only.has('scheduler')) results.scheduler = await figure('scheduler efficiency', () => benchScheduler(config.scheduler, log));
    if (only.has('api')) results.api = await figure('API economy', () => benchApi(config.api, log));
    if (only.has('large')) {
      const dir = work('large');
      const large = await figure('large export (archive and memory)', () => runLargeExport(config.large, dir, log));
      if ('error' in large) {
        results.archive = large;
        results.memory = large;
      } else {
        results.memory = await figure('memory', async () => memoryFigure(large));
        results.archive = await figure('archive vs zip -0', () => archiveFigure(large, dir, log));
      }
      rmSync(dir, { recursive: true, force: true });
    }
    if (only.has('streaming')) {
      const dir = work('streaming');
      results.streaming = await figure('streaming ZIP (tail, overall, disk)', () => benchStreaming(config.streaming, dir, log));
      rmSync(dir, { recursive: true, force: true });
    }
    if (only.has('huge')) {
      const dir = work('huge');
      const huge = await figure('6 GiB export (memory per stage)', () => runLargeExport(config.huge, dir, log));
      results.memoryHuge = 'error' in huge ? huge : await figure('memory at 6 GiB', async () => memoryFigure(huge));
      rmSync(dir, { recursive: true, force: true });
    }
    if (only.has('options')) results.options = await figure('export options', () => benchOptions(config.options, log));
    if (only.has('peer')) results.peer = await figure('against gallery-dl', () => benchPeer(config.peer, work('peer'), log));
    if (only.has('upload')) results.upload = await figure('upload to WebDAV vs curl -T', () => benchUpload(config.upload, log));
    if (only.has('safety')) results.safety = await figure('account safety (virtual clock)', async () => accountSafetyFigure());
  } finally {
    forget();
    build.remove();
    rmSync(workRoot, { recursive: true, force: true });
  }

  const durationMs = Date.now() - started;
  // Debian's wrapper script may print shell noise before the version line.
  const version = (await timedRun(findChromium(), ['--version'], { timeoutMs: 30_000 }).catch(() => undefined))?.output ?? '';
  const chromium = /Chromium [\d.]+/.exec(version)?.[0];
  const meta = { createdAt: new Date().toISOString(), quick: config.quick, durationMs, cpus: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, chromium };
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, 'results.json'), `${JSON.stringify({ meta, ...results }, null, 2)}\n`);
  log(`\nStar Export benchmarks — ${config.quick ? 'quick' : 'full'} run, ${meta.cpus} CPUs, ${chromium ?? 'Chromium'}, ${(durationMs / 60_000).toFixed(1)} min\n`);
  log(renderReport(results));
  log(`\nRaw numbers: ${join(OUT_DIR, 'results.json')}`);
  return Object.values(results).some((r) => 'error' in r) ? 1 : 0;
}

function abort(code: number, why: string): never {
  console.error(why);
  runAbortHandlers();
  process.exit(code);
}

process.on('SIGINT', () => abort(130, 'Interrupted; cleaning up.'));
process.on('SIGTERM', () => abort(143, 'Terminated; cleaning up.'));
setTimeout(() => abort(1, `The bench did not finish within ${WATCHDOG_MS / 60_000} minutes.`), WATCHDOG_MS).unref();

main().then(
  (code) => process.exit(code),
  (error: Error) => abort(1, `Bench failed: ${error.stack ?? error.message}`),
);
