import { relative } from 'node:path';
import { PLATFORM_LABELS } from '../../lib/platforms/labels';
import type { PlatformId } from '../../lib/platforms/types';
import { formatBytes } from '../../lib/export/formatBytes';
import type { UnzipTestResult } from '../../tests/e2e/harness/zipCheck';
import type { ZipSummary } from './zipSummary';

export interface RunResult {
  summary: ZipSummary;
  zipPath: string;
  unzip: UnzipTestResult;
  elapsedMs: number;
}

/** Enough failures to see the pattern while the summary still fits one screen. */
const MAX_FAILED_SHOWN = 8;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function printSummary(results: RunResult[], totalMs: number): void {
  const rule = '─'.repeat(64);
  console.log(`\n${rule}\nStar Export demo: ${results.length} export(s) in ${seconds(totalMs)}\n${rule}`);
  for (const { summary: s, zipPath, unzip, elapsedMs } of results) {
    console.log(`${PLATFORM_LABELS[s.platform as PlatformId] ?? s.platform}  @${s.account}  (job ${s.jobId})`);
    console.log(`  items (posts)   ${s.posts}`);
    console.log(`  media files     ${s.mediaFiles} (${formatBytes(s.mediaBytes)})`);
    console.log(`  ZIP size        ${formatBytes(s.zipBytes)} (${s.zipBytes} bytes)`);
    console.log(`  unzip -t        ${unzip.status === 'skipped' ? `skipped: ${unzip.output}` : unzip.status}`);
    console.log(`  failed files    ${s.failed.length}`);
    for (const f of s.failed.slice(0, MAX_FAILED_SHOWN)) console.log(`    - ${f.mediaId}: ${f.reason}`);
    if (s.failed.length > MAX_FAILED_SHOWN) console.log(`    … and ${s.failed.length - MAX_FAILED_SHOWN} more (see "failed" in the main JSON)`);
    console.log(`  elapsed         ${seconds(elapsedMs)}`);
    console.log(`  ZIP             ${relative(process.cwd(), zipPath) || zipPath}`);
  }
  console.log(rule);
}
