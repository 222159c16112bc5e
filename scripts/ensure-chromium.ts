import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_INSTALL_HINT, locateChromium } from '../tests/e2e/harness/findChromium';

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // No shell, output streamed to the user: apt-get can take a minute and should show why.
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit code ${code}`})`)),
    );
  });
}

function canInstallWithApt(): boolean {
  return existsSync('/etc/debian_version') && process.getuid?.() === 0;
}

/** The Chromium binary, installed from Debian first when this is a root shell on Debian. */
export async function ensureChromium(log: (line: string) => void = console.log): Promise<string> {
  const found = locateChromium();
  if (found) return found;
  // A CHROME_PATH that points nowhere is the user's explicit choice: report it rather than install around it.
  if (process.env.CHROME_PATH?.trim() || !canInstallWithApt()) {
    const where = process.env.CHROME_PATH?.trim() ? `CHROME_PATH=${process.env.CHROME_PATH} is not executable. ` : '';
    throw new Error(`${where}${CHROMIUM_INSTALL_HINT}`);
  }
  log('Chromium is missing; installing it from Debian (apt-get install -y chromium)…');
  await run('apt-get', ['update']);
  await run('apt-get', ['install', '-y', 'chromium']);
  const installed = locateChromium();
  if (!installed) throw new Error(`apt-get finished but no Chromium is at /usr/bin/chromium. ${CHROMIUM_INSTALL_HINT}`);
  return installed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  ensureChromium().then(
    (path) => console.log(`Chromium: ${path}`),
    (error: Error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
