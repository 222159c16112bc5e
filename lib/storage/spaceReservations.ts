import { ensureFreeSpace } from './freeSpace';

/** Room held for one download until it ends; `written` tells how much of it is on disk already. */
export interface SpaceReservation {
  /** Re-checks the disk for what every download in flight still needs, this one having written `written`. */
  recheck(written: number): Promise<void>;
  release(): void;
}

export interface SpaceReservations {
  /** Holds `bytes` for a download about to start; throws quota_exceeded when they do not fit beside the others in flight. */
  reserve(bytes: number): Promise<SpaceReservation>;
}

/**
 * Three downloads of up to a gigabyte or two each run at once: checking each file against the
 * reserve alone lets them all start on a disk with room for one, and Chromium's own fatal check
 * on a full disk comes first. Each download holds its expected size (Content-Length, else the
 * platform's limit) until it ends; the disk must have room for what all of them still need.
 */
export function createSpaceReservations(ensure: (bytes: number) => Promise<void> = ensureFreeSpace): SpaceReservations {
  // What each download in flight may still write.
  const remaining = new Map<symbol, number>();
  const stillNeeded = () => [...remaining.values()].reduce((sum, bytes) => sum + bytes, 0);
  return {
    async reserve(bytes) {
      await ensure(stillNeeded() + bytes);
      const key = Symbol('download');
      remaining.set(key, bytes);
      return {
        async recheck(written) {
          if (!remaining.has(key)) return;
          remaining.set(key, Math.max(0, bytes - written));
          await ensure(stillNeeded());
        },
        release() {
          remaining.delete(key);
        },
      };
    },
  };
}

/** Shared by every job, like the three download slots. */
export const spaceReservations = createSpaceReservations();
