import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `star-export-${prefix}-`));
}

export async function removeDir(dir: string): Promise<void> {
  // Chromium may still be flushing its profile for a moment after exit.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

/**
 * Points Chromium's own download logic at `downloadsDir` with no Save-As prompt. It must be in the
 * profile before launch: Chromium reads Preferences once at start-up. A reused profile keeps the
 * rest of its Preferences (extension state, site settings), so the file is merged, not replaced.
 */
export async function writeDownloadPreferences(userDataDir: string, downloadsDir: string): Promise<void> {
  const defaultDir = join(userDataDir, 'Default');
  const file = join(defaultDir, 'Preferences');
  await mkdir(defaultDir, { recursive: true });
  let prefs: Record<string, unknown> = {};
  try {
    prefs = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch {
    // No profile yet, or one Chromium left half-written after a kill: start from scratch.
  }
  const download = typeof prefs.download === 'object' && prefs.download ? prefs.download : {};
  prefs.download = { ...download, default_directory: downloadsDir, prompt_for_download: false, directory_upgrade: true };
  prefs.savefile = { default_directory: downloadsDir };
  await writeFile(file, JSON.stringify(prefs));
}
