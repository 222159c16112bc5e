import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The profile folders where an extension's storage lives: OPFS, IndexedDB, and blobs spilled to disk. */
const STORAGE_DIRS = ['File System', 'IndexedDB', 'blob_storage'];

export interface DiskSample {
  at: number;
  bytes: number;
}

async function treeBytes(dir: string): Promise<number> {
  let bytes = 0;
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch {
    return 0; // Not created yet.
  }
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    // A file removed between the listing and its stat held nothing by then.
    bytes += await stat(join(entry.parentPath, entry.name)).then(
      (s) => s.size,
      () => 0,
    );
  }
  return bytes;
}

export interface DiskSampler {
  stop(): Promise<DiskSample[]>;
}

/**
 * Browser storage as the disk sees it, summed over the profile's storage folders. One walk at a
 * time, `everyMs` apart: a walk of a folder being written may take longer than the interval.
 */
export function startDiskSampler(profileDir: string, everyMs = 200): DiskSampler {
  const samples: DiskSample[] = [];
  let running = true;
  const sample = async () => {
    const at = Date.now();
    const sizes = await Promise.all(STORAGE_DIRS.map((name) => treeBytes(join(profileDir, 'Default', name))));
    samples.push({ at, bytes: sizes.reduce((a, b) => a + b, 0) });
  };
  const loop = (async () => {
    while (running) {
      await sample();
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await sample();
      return samples;
    },
  };
}
