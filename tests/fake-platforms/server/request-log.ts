import type { RequestLogEntry } from '../types';
import type { RequestKind } from './reply';

export interface LoggedRequest {
  /** Headers are going out: the entry appears now, so a client that has its answer finds it. */
  respond(status: number): void;
  /** The response is over (finished or aborted): final duration, and the media slot is free. */
  end(status: number): void;
  /** An injected fault shapes this answer. */
  markFaulted(): void;
}

/** Every request the fake answered, and how many media downloads ran at once. */
export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  private readonly startedAt = Date.now();
  private mediaInFlight = 0;
  private mediaInFlightMax = 0;

  get maxMediaInFlight(): number {
    return this.mediaInFlightMax;
  }

  /**
   * `scheme` is set only for a request that arrived without TLS (the port-80 catch-all); `origin`
   * is the Origin header the request came with.
   */
  begin(kind: RequestKind, host: string, method: string, path: string, { scheme, origin }: { scheme?: 'http'; origin?: string } = {}): LoggedRequest {
    const began = Date.now();
    if (kind === 'media') {
      this.mediaInFlight++;
      this.mediaInFlightMax = Math.max(this.mediaInFlightMax, this.mediaInFlight);
    }
    let entry: RequestLogEntry | undefined;
    let ended = false;
    let faulted = false;
    const respond = (status: number) => {
      if (entry) return;
      entry = {
        at: began - this.startedAt,
        host,
        method,
        path,
        status,
        kind,
        durationMs: Date.now() - began,
        ...(scheme ? { scheme } : {}),
        ...(origin ? { origin } : {}),
        ...(faulted ? { faulted } : {}),
      };
      this.entries.push(entry);
    };
    return {
      respond,
      markFaulted: () => {
        faulted = true;
      },
      end: (status) => {
        if (ended) return;
        ended = true;
        if (kind === 'media') this.mediaInFlight--;
        respond(status);
        if (entry) entry.durationMs = Date.now() - began;
      },
    };
  }

  reset(): void {
    this.entries.length = 0;
    this.mediaInFlightMax = this.mediaInFlight;
  }
}
