import type { SafetyResult } from './figures/accountSafety';
import type { ApiResult } from './figures/api';
import type { ArchiveResult } from './figures/archive';
import type { MemoryResult } from './figures/memory';
import type { OptionsResult } from './figures/options';
import type { PeerResult } from './figures/peer';
import type { SchedulerResult } from './figures/scheduler';
import type { StreamingResult } from './figures/streaming';
import type { UploadResult } from './figures/upload';
import { renderTable, signedMB, verdict, type Row } from './lib/table';

export interface FigureError {
  error: string;
}

export interface BenchResults {
  scheduler?: SchedulerResult | FigureError;
  archive?: ArchiveResult | FigureError;
  streaming?: StreamingResult | FigureError;
  memory?: MemoryResult | FigureError;
  /** The memory figure of a 6 GiB export. */
  memoryHuge?: MemoryResult | FigureError;
  api?: ApiResult | FigureError;
  peer?: PeerResult | FigureError;
  safety?: SafetyResult | FigureError;
  options?: OptionsResult | FigureError;
  upload?: UploadResult | FigureError;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const failed = (r: object | undefined): r is FigureError => !!r && 'error' in r;

function schedulerRows(r: SchedulerResult): Row[] {
  const rounds = Math.ceil(r.files / 3);
  return [
    ['1 scheduler efficiency', `${r.ratio.toFixed(2)}  media stage ${s(r.mediaStageMs)} ÷ ideal ${s(r.idealMs)} (${rounds} × ${r.perFileMs} ms, ${r.files} files)`, '≤ 1.10', verdict(r.ratio <= r.target, r.ratio, r.target)],
    ['  downloads in flight', `max ${r.inFlight.max}, mean ${r.inFlight.mean.toFixed(2)} (seen by the fake)`, '3 / ≈3', r.inFlight.max === 3 ? 'met' : 'MISSED'],
  ];
}

function archiveRow(r: ArchiveResult): Row {
  const gib = (r.inputBytes / 2 ** 30).toFixed(2);
  return ['2 archive throughput', `${r.ratio.toFixed(2)}  last byte to ZIP ${s(r.lastByteToZipMs)} ÷ zip -0 ${s(r.zipMinus0MedianMs)} (${gib} GiB, ${r.inputFiles} files)`, '≤ 2.0', verdict(r.met, r.ratio, r.target)];
}

function streamingRows(r: StreamingResult): Row[] {
  const mib = (r.zipBytes / 2 ** 20).toFixed(0);
  const { targets: t, met } = r;
  return [
    ['2b streaming: tail', `${r.tailRatio.toFixed(2)}  last media byte to Downloads ${s(r.tailMs)} ÷ zip -0 ${s(r.zipMinus0MedianMs)} (${mib} MiB, ${r.files} files)`, `≤ ${t.tail}`, verdict(met.tail, r.tailRatio, t.tail)],
    ['  overall', `${r.overallRatio.toFixed(2)}  export ${s(r.wallMs)} ÷ max(listing alone ${s(r.listingAloneMs)}, downloading alone ${s(r.downloadingAloneMs)})`, `≤ ${t.overall}`, verdict(met.overall, r.overallRatio, t.overall)],
    ['  disk peak', `${r.diskPeakRatio.toFixed(2)}  browser storage ${(r.diskPeakBytes / 2 ** 20).toFixed(0)} MiB at peak, in '${r.diskPeakAtStage}' ÷ ZIP ${mib} MiB`, `≤ ${t.diskPeak}`, verdict(met.diskPeak, r.diskPeakRatio, t.diskPeak)],
  ];
}

function memoryRow(r: MemoryResult, label = '3 memory (anon PSS)'): Row {
  return [label, `+${r.peakGrowthMB} MB peak = ${r.mbPerGB} MB/GB of ${r.exportedGB} GiB, in '${r.peakAtStage}'`, '≤ 150 MB each stage', verdict(r.met, r.peakGrowthMB, r.target)];
}

function memoryNote(name: string, memory: MemoryResult): string {
  const stages = Object.entries(memory.byStageMB).map(([stage, mb]) => `${stage} ${mb}`).join(', ');
  return `${name}: anonymous PSS, baseline ${memory.baselineMB} MB over ${memory.processes.max} processes; peak growth by stage (MB): ${stages}; by total PSS +${memory.peakGrowthTotalPssMB} MB, by RSS +${memory.peakGrowthRssMB} MB`;
}

function apiRows(r: ApiResult): Row[] {
  return r.runs.map((run, i) => [
    i === 0 ? '4 API economy' : '',
    `N=${run.posts}: ${run.ratio.toFixed(2)}  ${run.requests} calls ÷ ${run.minimum} (${run.feedPages} feed pages + ${r.constantSections}); beyond feed ${run.beyondFeed}`,
    i === 0 ? `1.0 + c (c=${r.constantSections})` : '',
    i === r.runs.length - 1 ? (r.met ? 'met' : `MISSED: beyond feed ${r.runs.map((x) => x.beyondFeed).join(' → ')}`) : '',
  ]);
}

function peerRow(r: PeerResult): Row {
  return ['5 against gallery-dl', `${r.ratio.toFixed(2)}  extension ${s(r.extension.wallMs)} ÷ gallery-dl ${s(r.galleryDl.wallMs)} (${r.servedFiles} files)`, '≤ 0.5', verdict(r.met, r.ratio, r.target)];
}

const hours = (ms: number) => `${(ms / 3_600_000).toFixed(1)} h`;

function safetyRows(r: SafetyResult): Row[] {
  const careful = r.runs.filter((run) => run.profile === 'careful');
  const measured = careful.map((run) => `${run.platform} ${run.hourRatio.toFixed(2)} (${run.warnings} warnings)`).join(', ');
  return [['6 account safety', `Careful, busiest hour ÷ budget: ${measured}`, '≤ 1.0, 0 warnings', r.met ? 'met' : 'MISSED']];
}

function optionsRows(r: OptionsResult): Row[] {
  const { incremental: inc, speedLimit: speed } = r;
  return [
    ...inc.map((run): Row => [
      `7 only new, ${run.platform}`,
      `calls ${run.callRatio.toFixed(3)} (${run.again.apiCalls} ÷ ${run.full.apiCalls}), time ${run.wallRatio.toFixed(3)} (${s(run.again.wallMs)} ÷ ${s(run.full.wallMs)}), ${run.newPosts} new of ${run.posts}`,
      '≤ 0.05',
      run.met ? 'met' : 'MISSED',
    ]),
    ['8 speed limit', `${speed.ratio.toFixed(3)}  ${speed.measuredMBps} MB/s ÷ ${speed.limitMBps} MB/s over ${speed.seconds} s (${speed.files} files)`, speed.target, speed.met ? 'met' : 'MISSED'],
  ];
}

/** Facts from the raw numbers that explain a figure, printed under the table. */
function notes(results: BenchResults): string[] {
  const out: string[] = [];
  const { scheduler, archive, memory, memoryHuge, api, peer, safety } = results;
  if (scheduler && !failed(scheduler)) {
    const f = scheduler.perFile;
    out.push(`scheduler: per-file time ${scheduler.perFileMs} ms = mean in export ${f.inExportMeanMs} ms (median ${f.inExportMedianMs}, nominal ${f.nominalMs}) ÷ load factor ${f.loadFactor} (same files alone: ${f.soloMs.join(', ')} ms); job's own media stage ${s(scheduler.jobMediaStageMs)}`);
  }
  if (archive && !failed(archive)) out.push(`archive: job's archive stage ${s(archive.archiveStageMs)}; zip -0 ${archive.zipMinus0MBps} MB/s (runs ${archive.zipMinus0Ms.join(', ')} ms)`);
  const { streaming } = results;
  if (streaming && !failed(streaming)) {
    const st = streaming.jobStagesMs;
    out.push(`streaming: media in the export ${s(streaming.mediaInExportMs)} (alone ${s(streaming.downloadingAloneMs)}); stages metadata ${s(st.metadata ?? 0)}, media ${s(st.media ?? 0)}, archive ${s(st.archive ?? 0)}, delivering ${s(st.delivering ?? 0)}; storage before the click ${(streaming.diskBaselineBytes / 2 ** 20).toFixed(1)} MiB, ${streaming.diskSamples} samples`);
  }
  if (memory && !failed(memory)) out.push(memoryNote('memory', memory));
  if (memoryHuge && !failed(memoryHuge)) out.push(memoryNote(`memory at ${memoryHuge.exportedGB} GiB`, memoryHuge));
  if (api && !failed(api)) {
    for (const run of api.runs) {
      const tab = run.byEndpoint['POST /api/v1/clips/user/'] ?? 0;
      out.push(`api N=${run.posts}: ${run.requests} calls = ${run.feedPages} feed + ${tab} reels tab (${run.reelsTabItems} items at 50) + ${run.requests - run.feedPages - tab} other; listing minimum ${run.listingMinimum}`);
    }
  }
  if (peer && !failed(peer)) {
    const st = peer.extension.stagesMs;
    out.push(`peer: extension metadata ${s(st.metadata ?? 0)}, media ${s(st.media ?? 0)}, archive ${s(st.archive ?? 0)}, delivery ${s(st.delivering ?? 0)}; gallery-dl ${peer.galleryDl.files} files, 1 download at a time, API calls ${peer.galleryDl.apiCalls} vs ours ${peer.extension.apiCalls}`);
  }
  if (safety && !failed(safety)) {
    for (const run of safety.runs) {
      out.push(`safety ${run.platform} ${run.profile}, ${safety.posts} posts: ${run.calls} calls, busiest hour ÷ budget ${run.hourRatio.toFixed(2)}, wall ${hours(run.wallMs)}, ${run.warnings} warnings`);
    }
  }
  if (results.options && !failed(results.options)) {
    for (const run of results.options.incremental) {
      // The second run's calls are its floor: each section it must read once, and the account.
      const neededFull = Math.ceil(run.again.apiCalls / run.target);
      out.push(`only new ${run.platform}: second run ${run.again.byEndpoint}; ≤ ${run.target} needs a full export of ≥ ${run.again.apiCalls} ÷ ${run.target} = ${neededFull} calls (this one: ${run.full.apiCalls})`);
    }
  }
  for (const [name, value] of Object.entries(results)) if (failed(value)) out.push(`${name}: FAILED — ${value.error}`);
  return out;
}

function uploadRows(r: UploadResult): Row[] {
  const mib = (r.zipBytes / 2 ** 20).toFixed(0);
  return [
    ['9 upload throughput', `${r.ratio.toFixed(2)}  curl -T ${s(r.curlMedianMs)} ÷ upload stage ${s(r.uploadMs)} (${mib} MiB to rclone WebDAV)`, '≥ 0.8', verdict(r.met, r.ratio, r.target)],
    ['  memory during upload', `${signedMB(r.memoryGrowthMB)} MB peak over idle (${signedMB(r.memoryGrowthFromUploadStartMB)} over the upload's start), anon PSS, ${mib} MiB`, '≤ 100 MB', verdict(r.memoryMet, r.memoryGrowthMB, r.memoryTarget)],
  ];
}

export function renderReport(results: BenchResults): string {
  const rows: Row[] = [];
  const add = (name: string, r: object | undefined, toRows: () => Row[]) => {
    if (!r) return;
    rows.push(...(failed(r) ? [[name, `error: ${r.error.split('\n')[0]!.slice(0, 80)}`, '', 'FAILED'] as Row] : toRows()));
  };
  add('1 scheduler efficiency', results.scheduler, () => schedulerRows(results.scheduler as SchedulerResult));
  add('2 archive throughput', results.archive, () => [archiveRow(results.archive as ArchiveResult)]);
  add('2b streaming', results.streaming, () => streamingRows(results.streaming as StreamingResult));
  add('3 memory', results.memory, () => [memoryRow(results.memory as MemoryResult)]);
  add('3 memory, large', results.memoryHuge, () => {
    const huge = results.memoryHuge as MemoryResult;
    return [memoryRow(huge, `3 memory at ${huge.exportedGB.toFixed(1)} GiB`)];
  });
  add('4 API economy', results.api, () => apiRows(results.api as ApiResult));
  add('5 against gallery-dl', results.peer, () => [peerRow(results.peer as PeerResult)]);
  add('6 account safety', results.safety, () => safetyRows(results.safety as SafetyResult));
  add('7–8 export options', results.options, () => optionsRows(results.options as OptionsResult));
  add('9 upload throughput', results.upload, () => uploadRows(results.upload as UploadResult));
  const table = renderTable(['figure', 'measured', 'target', 'result'], rows);
  return `${table}\n\n${notes(results)
    .map((n) => `  · ${n}`)
    .join('\n')}`;
}
