import { spawn } from 'node:child_process';

export interface Timed {
  code: number | null;
  ms: number;
  output: string;
}

const MAX_OUTPUT = 64 * 1024;

/**
 * Runs a command and times it. Never spawnSync: the fake platforms live in this process, and a
 * blocked event loop would leave a client such as gallery-dl waiting for answers that never come.
 */
export function timedRun(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      if (output.length < MAX_OUTPUT) output += chunk.toString('utf8');
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: performance.now() - started, output: output.trim() });
    });
  });
}
