import type { JobNotes } from '../../../lib/platforms/types';

/** A job's notes held in memory, as one job keeps them while its worker lives. */
export class MemoryNotes implements JobNotes {
  readonly values = new Map<string, string>();

  get(key: string): string | undefined {
    return this.values.get(key);
  }

  set(key: string, value: string): void {
    this.values.set(key, value);
  }
}
