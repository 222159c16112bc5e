import type { RequestLogEntry } from '../types';
import type { RequestKind } from './reply';

/** Every request the fake answered, and how many media downloads ran at once. */
export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  private readonly startedAt = Date.now();
  private mediaInFlight = 0;
  private mediaInFlightMax = 0;

  get maxMediaInFlight(): number {
    return this.mediaInFlightMax;
  }

  /** Call when a request arrives; call the returned function once, when its response closes. */
  begin(kind: RequestKind, host: string, method: string, path: string): (status: number) => void {
    const began = Date.now();
    if (kind === 'media') {
      this.mediaInFlight++;
      this.mediaInFlightMax = Math.max(this.mediaInFlightMax, this.mediaInFlight);
    }
    let done = false;
    return (status) => {
      if (done) return;
      done = true;
      if (kind === 'media') this.mediaInFlight--;
      const now = Date.now();
      this.entries.push({ at: began - this.startedAt, host, method, path, status, kind, durationMs: now - began });
    };
  }

  reset(): void {
    this.entries.length = 0;
    this.mediaInFlightMax = this.mediaInFlight;
  }
}
