/** A rolling one-minute request budget, like the per-session limits that answer 429. */
export class ApiBudget {
  private readonly accepted: number[] = [];

  constructor(private readonly perMinute: number) {}

  /** Counts the call and returns undefined, or returns the seconds until one fits again. */
  take(nowMs: number): number | undefined {
    while (this.accepted.length > 0 && (this.accepted[0] ?? 0) <= nowMs - 60_000) this.accepted.shift();
    if (this.accepted.length < this.perMinute) {
      this.accepted.push(nowMs);
      return undefined;
    }
    const oldest = this.accepted[0] ?? nowMs;
    return Math.max(1, Math.ceil((oldest + 60_000 - nowMs) / 1000));
  }
}
