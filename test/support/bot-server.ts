import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { storeEnvironment } from './store-under-test';

const root = path.resolve(__dirname, '..', '..', '..');

export interface BotProcess {
  url: string;
  sqlitePath: string;
  post(activity: object): Promise<{ status: number; body: any }>;
  postRaw(body: string, contentType?: string): Promise<{ status: number; body: any }>;
  output(): string;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function tempSqlitePath(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-bot-')), 'qm-hjelp.sqlite');
}

/** Starts the bot exactly as `npm start` does after building: `node dist/bot/main.js`. */
export async function startBot(options: {
  orgFile: string;
  sqlitePath?: string;
  env?: Record<string, string>;
}): Promise<BotProcess> {
  const port = await freePort();
  const sqlitePath = options.sqlitePath ?? tempSqlitePath();
  const url = `http://127.0.0.1:${port}`;
  const store = await storeEnvironment(sqlitePath);
  let log = '';
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'dist', 'bot', 'main.js')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      SQLITE_PATH: sqlitePath,
      ORG_FILE: options.orgFile,
      PLAYGROUND: 'off',
      OUTBOX_INTERVAL_MS: '50',
      LOG_LEVEL: 'warn',
      ...store,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let hasExited = false;
  void exited.then(() => (hasExited = true));

  const request = async (body: string, contentType: string) => {
    const response = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // plain text body
    }
    return { status: response.status, body: parsed as any };
  };

  const until = Date.now() + 15000;
  for (;;) {
    if (hasExited) throw new Error(`The bot exited while starting:\n${log}`);
    try {
      const health = await fetch(`${url}/healthz`);
      if (health.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`The bot did not become healthy:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    url,
    sqlitePath,
    post: (activity) => request(JSON.stringify(activity), 'application/json'),
    postRaw: (body, contentType = 'application/json') => request(body, contentType),
    output: () => log,
    stop: async () => {
      if (!hasExited) child.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      if (!hasExited) child.kill('SIGKILL');
      await exited;
    },
  };
}
