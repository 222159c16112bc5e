/** One platform limit: at most `limit` calls of a kind in any `windowMs`; past it, refusals for `penaltyMs` (or until the window has room). */
export interface BudgetRule {
  limit: number;
  windowMs: number;
  penaltyMs?: number;
}

/**
 * Rolling-window call limits per kind of call, as the platforms enforce them on a session. Times
 * are the caller's (a server's clock, or a simulated one); `timeScale` shrinks every window and
 * penalty so tests see an hour's behaviour in a minute.
 */
export class BudgetEnforcer {
  private readonly calls = new Map<string, number[]>();
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly rules: Readonly<Record<string, BudgetRule>>,
    private readonly timeScale = 1,
  ) {}

  /** Counts a call of `kind` (a rule name, or `rule:detail` for a per-type budget) at `nowMs`; true when the platform refuses it. */
  refuses(kind: string, nowMs: number): boolean {
    const rule = this.rules[kind.split(':')[0]!];
    if (!rule) return false;
    const windowMs = rule.windowMs / this.timeScale;
    if ((this.blockedUntil.get(kind) ?? -Infinity) > nowMs) return true;
    const recent = (this.calls.get(kind) ?? []).filter((at) => at > nowMs - windowMs);
    if (recent.length >= rule.limit) {
      this.calls.set(kind, recent);
      if (rule.penaltyMs) this.blockedUntil.set(kind, nowMs + rule.penaltyMs / this.timeScale);
      return true;
    }
    recent.push(nowMs);
    this.calls.set(kind, recent);
    return false;
  }
}
