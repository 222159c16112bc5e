import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const POLL_MS = 250;
/** A finished download's size must hold this long: Chromium renames before the last flush on some paths. */
const STABLE_MS = 1000;

async function zipNames(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const partial = new Set(names.filter((n) => n.endsWith('.crdownload')).map((n) => n.slice(0, -'.crdownload'.length)));
  return names.filter((n) => n.toLowerCase().endsWith('.zip') && !partial.has(n));
}

/**
 * Waits for a complete `.zip` in `downloadsDir` that was not in `ignore` (e.g. ZIPs of earlier
 * exports in the same folder) and returns its path.
 */
export async function waitForZip(downloadsDir: string, timeoutMs: number, ignore: readonly string[] = []): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const seen = new Map<string, { size: number; since: number }>();
  while (Date.now() < deadline) {
    for (const name of await zipNames(downloadsDir)) {
      const path = join(downloadsDir, name);
      if (ignore.includes(path)) continue;
      const size = await stat(path).then((s) => s.size, () => -1);
      const before = seen.get(path);
      if (!before || before.size !== size) seen.set(path, { size, since: Date.now() });
      else if (size > 0 && Date.now() - before.since >= STABLE_MS) return path;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const present = await readdir(downloadsDir).catch(() => []);
  throw new Error(`No complete .zip in ${downloadsDir} after ${timeoutMs} ms (folder holds: ${present.join(', ') || 'nothing'})`);
}

/** The ZIPs already in the folder, to pass as `ignore` before starting another export. */
export async function existingZips(downloadsDir: string): Promise<string[]> {
  return (await zipNames(downloadsDir)).map((n) => join(downloadsDir, n));
}
