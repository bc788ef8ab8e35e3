import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = path.resolve(__dirname, '..', '..', '..');

/** A server the benchmark started in its own process. */
export interface ServerProcess {
  url: string;
  /** From spawning the process to its listening line. */
  startMs: number;
  /** Its resident memory now, in MB (Linux: from /proc). */
  rssMb(): number;
  output(): string;
  stop(): Promise<void>;
}

const startLimitMs = 300_000;

/**
 * Starts `script` (a path under dist/) with `env` and waits for the JSON line in which it says it
 * listens, with its port.
 */
export async function startServerProcess(
  script: string,
  env: Record<string, string>,
  listeningMessage: string,
): Promise<ServerProcess> {
  const began = performance.now();
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist', script)], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${script} did not start:\n${log}`)),
      startLimitMs,
    );
    const take = (chunk: Buffer): void => {
      // Only the start is kept whole; a long run's log is not needed, only its last lines.
      log = (log + chunk.toString()).slice(-200_000);
      const line = log.split('\n').find((l) => l.includes(`"msg":"${listeningMessage}"`));
      if (!line) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
    void gone.then(() => {
      clearTimeout(timer);
      reject(new Error(`${script} exited while starting:\n${log}`));
    });
  });
  const startMs = performance.now() - began;
  return {
    url: `http://127.0.0.1:${port}`,
    startMs,
    rssMb: () => rssMbOf(child.pid),
    output: () => log,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await gone;
    },
  };
}

function rssMbOf(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  return kb / 1024;
}
