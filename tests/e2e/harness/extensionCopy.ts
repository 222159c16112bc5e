import { cp, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeTempDir } from './profile';

/**
 * A private copy of the built extension whose manifest already holds `origins`: what the user's
 * grant of an optional host permission gives. Headless Chromium shows the permission prompt of
 * `permissions.request` and never answers it, so a test cannot click through it.
 */
export async function extensionCopyWithHosts(origins: string[], from?: string): Promise<string> {
  const source = resolve(from ?? (process.env.STAR_EXPORT_EXTENSION_PATH || '.output/chrome-mv3'));
  const copy = await makeTempDir('extension');
  await cp(source, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions: string[] };
  manifest.host_permissions.push(...origins);
  await writeFile(manifestPath, JSON.stringify(manifest));
  return copy;
}
