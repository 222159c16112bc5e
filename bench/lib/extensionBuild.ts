import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BUILD_DIR = resolve('.output/chrome-mv3');

/**
 * A private copy of the build this bench measures: a rebuild of `.output/` while the bench runs
 * (another terminal, a test run) must not swap the extension between two figures.
 */
export function snapshotBuild(): { path: string; remove(): void } {
  if (!existsSync(join(BUILD_DIR, 'manifest.json'))) {
    throw new Error(`No extension build at ${BUILD_DIR}: run \`npm run bench\`, which builds first.`);
  }
  const parent = mkdtempSync(join(tmpdir(), 'star-export-bench-build-'));
  const path = join(parent, 'chrome-mv3');
  cpSync(BUILD_DIR, path, { recursive: true });
  return { path, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
