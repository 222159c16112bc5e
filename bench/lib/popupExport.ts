import { existingZips, PopupPage, waitForZip } from '../../tests/e2e/harness';
import type { BenchRig } from './benchRig';

/** One `jobUpdated` broadcast as an open extension page receives it. */
export interface JobMark {
  receivedAt: number;
  id: string;
  stage: string;
  /** The job's own clock: when the background saved this state. */
  updatedAt: number;
  posts: { done: number; total: number };
  media: { done: number; total: number; failed: number };
  bytes: { done: number; total: number };
  zipBytes?: number;
  error?: { kind: string; message: string };
}

export interface StageSpan {
  start: number;
  end: number;
  ms: number;
}

export interface PopupExport {
  jobId: string;
  /** Date.now() when Start Export was clicked. */
  clickedAt: number;
  /** When the job reached 'done': the browser reported the ZIP's download complete. */
  doneAt: number;
  wallMs: number;
  statusText: string;
  stages: Record<string, StageSpan>;
  marks: JobMark[];
  zipPath: string;
  finalMark: JobMark;
  /** Date.now() of every download the browser created while the popup was open (chrome.downloads.onCreated). */
  downloadsCreatedAt: number[];
}

export interface ExportOptions {
  /** The platform to export the logged-in user's account of; default Instagram. */
  platform?: 'instagram' | 'youtube' | 'facebook';
  includeMedia: boolean;
  timeoutMs: number;
  /** Runs with the popup open and the form filled, just before the click (e.g. a memory baseline). */
  beforeStart?: () => Promise<void>;
  onStatus?: (text: string) => void;
}

declare global {
  interface Window {
    benchJobMarks?: JobMark[];
    benchDownloadsCreatedAt?: number[];
  }
}

/**
 * Listens like the popup does: the background broadcasts every saved job state to open extension
 * pages, so stage boundaries come from the job's own `updatedAt`, not from polling the UI.
 */
export async function recordJobBroadcasts(popup: PopupPage): Promise<void> {
  await popup.page.evaluate(() => {
    type Runtime = { onMessage: { addListener(listener: (message: unknown) => undefined): void } };
    type Downloads = { onCreated: { addListener(listener: () => void): void } };
    const { runtime, downloads } = (globalThis as unknown as { chrome: { runtime: Runtime; downloads: Downloads } }).chrome;
    window.benchJobMarks = [];
    // The moment the ZIP is handed to Downloads, which the job's own states only show after the save.
    window.benchDownloadsCreatedAt = [];
    downloads.onCreated.addListener(() => window.benchDownloadsCreatedAt!.push(Date.now()));
    runtime.onMessage.addListener((message: unknown) => {
      const m = message as { starExport?: string; type?: string; data?: Record<string, unknown> } | null;
      if (m?.starExport !== 'broadcast' || m.type !== 'jobUpdated' || !m.data) return undefined;
      const d = m.data as unknown as Omit<JobMark, 'receivedAt' | 'updatedAt'> & { updatedAt: string };
      window.benchJobMarks!.push({
        receivedAt: Date.now(),
        id: d.id,
        stage: d.stage,
        updatedAt: Date.parse(d.updatedAt),
        posts: d.posts,
        media: d.media,
        bytes: d.bytes,
        zipBytes: d.zipBytes,
        error: d.error,
      });
      return undefined;
    });
  });
}

export function stageSpans(marks: JobMark[]): Record<string, StageSpan> {
  const starts: { stage: string; at: number }[] = [];
  for (const mark of [...marks].sort((a, b) => a.updatedAt - b.updatedAt)) {
    if (starts[starts.length - 1]?.stage !== mark.stage) starts.push({ stage: mark.stage, at: mark.updatedAt });
  }
  const spans: Record<string, StageSpan> = {};
  starts.forEach(({ stage, at }, i) => {
    const end = starts[i + 1]?.at ?? at;
    spans[stage] = { start: at, end, ms: end - at };
  });
  return spans;
}

/** Exports the logged-in user's account (Instagram unless told) as a user does: the popup, JSON, Start Export. */
export async function exportFromPopup(rig: BenchRig, options: ExportOptions): Promise<PopupExport> {
  const { session } = rig;
  const popup = await PopupPage.open(session.context, session.extensionId);
  try {
    await recordJobBroadcasts(popup);
    await popup.choosePlatform(options.platform ?? 'instagram');
    await popup.chooseFormat('json');
    await popup.setIncludeMedia(options.includeMedia);
    const earlier = await existingZips(session.downloadsDir);
    await options.beforeStart?.();
    const clickedAt = Date.now();
    await popup.start();
    const end = await popup.waitForFinalStage(options.timeoutMs, options.onStatus);
    if (end.outcome !== 'done') throw new Error(`The export did not finish: ${end.text}`);
    const zipPath = await waitForZip(session.downloadsDir, 60_000, earlier);
    const all = (await popup.page.evaluate(() => window.benchJobMarks ?? [])) as JobMark[];
    const downloadsCreatedAt = await popup.page.evaluate(() => window.benchDownloadsCreatedAt ?? []);
    const jobId = all[all.length - 1]?.id;
    const marks = all.filter((m) => m.id === jobId);
    const finalMark = marks.find((m) => m.stage === 'done');
    if (!jobId || !finalMark) throw new Error('The popup saw no finished job in the broadcasts.');
    return {
      jobId,
      clickedAt,
      doneAt: finalMark.updatedAt,
      wallMs: finalMark.updatedAt - clickedAt,
      statusText: end.text,
      stages: stageSpans(marks),
      marks,
      zipPath,
      finalMark,
      downloadsCreatedAt,
    };
  } finally {
    await popup.page.close().catch(() => undefined);
  }
}
