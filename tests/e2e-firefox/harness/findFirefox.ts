import { accessSync, constants } from 'node:fs';

const DEBIAN_FIREFOX = '/usr/bin/firefox-esr';

/** FIREFOX_PATH when set (never silently replaced), else Debian's Firefox ESR. */
export function findFirefox(env: NodeJS.ProcessEnv = process.env): string {
  const path = env.FIREFOX_PATH?.trim() || DEBIAN_FIREFOX;
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(`Firefox was not found at ${path}. Install it with \`apt-get install -y firefox-esr\` (Debian) or point FIREFOX_PATH at a Firefox binary.`);
  }
}
