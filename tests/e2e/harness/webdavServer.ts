import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { makeTempDir, removeDir } from './profile';

export interface WebdavServer {
  /** Base URL of the served folder, ending in `/`. */
  url: string;
  port: number;
  /** The folder on disk the server serves. */
  root: string;
  user: string;
  password: string;
  close(): Promise<void>;
}

export const RCLONE_INSTALL_HINT = 'rclone was not found. Install it with `apt-get install -y rclone` (Debian); `.ci/run` does.';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string, auth: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`rclone exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { method: 'PROPFIND', headers: { Depth: '0', Authorization: auth } });
      if (response.status === 207) return;
    } catch {
      // Not listening yet; asked again below.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('rclone serve webdav did not answer within 20 s');
}

/** A real WebDAV server (Debian's rclone) on a free local port, serving a fresh folder with `folders` in it. */
export async function startWebdavServer(folders: string[] = []): Promise<WebdavServer> {
  const root = await makeTempDir('webdav');
  for (const folder of folders) await mkdir(join(root, folder), { recursive: true });
  const port = await freePort();
  const user = 'star';
  const password = 'app-pass-4f9c';
  const child = spawn('rclone', ['serve', 'webdav', root, '--addr', `127.0.0.1:${port}`, '--user', user, '--pass', password, '--config', '/dev/null'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const spawned = new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (error) => reject(Object.assign(error, { message: `${error.message}. ${RCLONE_INSTALL_HINT}` })));
  });
  await spawned;
  const url = `http://127.0.0.1:${port}/`;
  await waitUntilAnswering(url, `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`, child);
  return {
    url,
    port,
    root,
    user,
    password,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await removeDir(root);
    },
  };
}
