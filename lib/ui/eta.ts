/** One observation of a job's overall percent. */
export interface ProgressSample {
  at: number;
  percent: number;
}

/** The rate is measured over the last minute, so a slow start or a pause ages out. */
const WINDOW_MS = 60_000;
/** Below these, a rate is noise: an estimate appears only once it means something. */
const MIN_SPAN_MS = 5_000;
const MIN_GAIN = 0.5;

export function addSample(samples: readonly ProgressSample[], sample: ProgressSample): ProgressSample[] {
  const last = samples[samples.length - 1];
  if (last && sample.percent === last.percent && samples.length > 1) {
    // Unchanged progress only moves the end of the window, so a stall slows the rate down.
    return [...samples.slice(0, -1), sample].filter((s) => sample.at - s.at <= WINDOW_MS);
  }
  return [...samples, sample].filter((s) => sample.at - s.at <= WINDOW_MS);
}

/** Milliseconds left at the measured rate, or undefined while the estimate would be a guess. */
export function remainingMs(samples: readonly ProgressSample[]): number | undefined {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last) return undefined;
  const span = last.at - first.at;
  const gain = last.percent - first.percent;
  if (span < MIN_SPAN_MS || gain < MIN_GAIN) return undefined;
  return ((100 - last.percent) * span) / gain;
}

/** Rounded so the line does not flicker from second to second. */
export function etaText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'less than a minute left';
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  const rest = Math.round((minutes % 60) / 5) * 5;
  return rest === 0 || rest === 60 ? `about ${rest === 60 ? hours + 1 : hours} h left` : `about ${hours} h ${rest} min left`;
}

/** `14:05` for a wait of fourteen minutes and five seconds; `0:00` once it is over. */
export function countdownText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
