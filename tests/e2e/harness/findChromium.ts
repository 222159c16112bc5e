import { accessSync, constants } from 'node:fs';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_INSTALL_HINT =
  'Chromium was not found. Install it with `apt-get install -y chromium` (Debian) ' +
  'or point CHROME_PATH at a Chromium/Chrome binary. Nothing downloads a browser on its own here.';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The browser binary to drive, or undefined when none is there. An explicit CHROME_PATH wins and is
 * never silently replaced: a typo there should fail loudly rather than test a different browser.
 */
export function locateChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const explicit = env.CHROME_PATH?.trim();
  if (explicit) return isExecutable(explicit) ? explicit : undefined;
  return isExecutable(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = locateChromium(env);
  if (found) return found;
  const explicit = env.CHROME_PATH?.trim();
  throw new Error(explicit ? `CHROME_PATH=${explicit} is not an executable file. ${CHROMIUM_INSTALL_HINT}` : CHROMIUM_INSTALL_HINT);
}
