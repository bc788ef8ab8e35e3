import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Duration } from 'luxon';
import type { BotCommand, BotReport } from './bot-messages';
import { storeEnvironment } from './store-under-test';

const root = path.resolve(__dirname, '..', '..', '..');

/** How long a bot may take to start on a busy machine before the test gives up on it. */
export const startTimeoutMs = 60_000;

/**
 * The bound for a mocha hook that starts or stops bots (two at once, with the fake connector and
 * the organisation file around them), whatever shorter timeout the file gives its tests: a bot
 * that is slow to start on a loaded machine fails with its own output, not with the hook's timeout.
 */
export const startUpHookTimeoutMs = 2 * startTimeoutMs + 30_000;

/** Gives the hook it is called in the bound for starting bots (`startUpHookTimeoutMs`). */
export function allowStartUp(hook: Mocha.Context): void {
  if (hook.timeout() !== 0 && hook.timeout() < startUpHookTimeoutMs)
    hook.timeout(startUpHookTimeoutMs);
}
/** How long one run of the due work may take before the test gives up on it. */
const workTimeoutMs = 60_000;

/** Monday 7 September 2026, 09:00 in Oslo: a working morning with no holiday near it. */
export const testMorning = '2026-09-07T07:00:00.000Z';

export interface BotProcess {
  url: string;
  /** The bot's process id, to read what it holds (memory, sockets) from outside. */
  pid: number;
  sqlitePath: string;
  post(activity: object): Promise<{ status: number; body: any }>;
  postRaw(body: string, contentType?: string): Promise<{ status: number; body: any }>;
  output(): string;
  /**
   * Waits until the bot has logged a line matching `pattern` (in its output from `since` on, a
   * length of `output()` taken earlier), and gives that line.
   */
  logged(pattern: RegExp, since?: number): Promise<string>;
  stop(): Promise<void>;
  kill(): Promise<void>;
}

/** A bot whose clock only the test moves. */
export interface BotUnderTest extends BotProcess {
  /** The bot's time as it last reported it. */
  now(): Date;
  /**
   * Moves the bot's clock forward (an ISO-8601 duration of wall-clock time, or milliseconds) and
   * resolves once the escalation steps and sends then due are done.
   */
  advance(by: string | number): Promise<void>;
  /** Sets the bot's clock (never backwards in a shared bot) and does the work then due. */
  setClock(at: Date | string): Promise<void>;
  /** Does the work due now, without moving the clock: everything queued so far is sent. */
  settle(): Promise<void>;
}

interface StartOptions {
  orgFile: string;
  sqlitePath?: string;
  env?: Record<string, string>;
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

async function environment(
  options: StartOptions,
  sqlitePath: string,
  logLevel: string,
): Promise<NodeJS.ProcessEnv> {
  return {
    PATH: process.env.PATH ?? '',
    PORT: '0',
    SQLITE_PATH: sqlitePath,
    ORG_FILE: options.orgFile,
    PLAYGROUND: 'off',
    LOG_LEVEL: logLevel,
    // The harness reads the listening line; readable logs are for people at a terminal.
    LOG_FORMAT: 'json',
    ...(await storeEnvironment(sqlitePath)),
    ...options.env,
  };
}

/** The longest a test waits for something the bot logs. */
const waitLimitMs = 30_000;

/** Keeps a child's output and tells when it has exited. */
function watch(child: ChildProcess) {
  let log = '';
  const listeners: ((chunk: string) => void)[] = [];
  const take = (chunk: Buffer): void => {
    log += chunk.toString();
    listeners.forEach((listener) => listener(log));
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  let hasExited = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      hasExited = true;
      resolve();
    }),
  );
  return {
    output: () => log,
    onOutput: (listener: (all: string) => void) => listeners.push(listener),
    exited,
    hasExited: () => hasExited,
  };
}

/** Rejects with `message` and the output once the child exits; harmless when nobody waits. */
function failsOnExit(watched: ReturnType<typeof watch>, message: string): Promise<never> {
  const failed = watched.exited.then(() => {
    throw new Error(`${message}:\n${watched.output()}`);
  });
  failed.catch(() => undefined);
  return failed;
}

/**
 * Waits for `ready` to resolve, or fails with the child's output when it exits first or takes
 * longer than a busy machine could explain.
 */
async function started<T>(
  child: ChildProcess,
  watched: ReturnType<typeof watch>,
  ready: Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      ready,
      failsOnExit(watched, 'The bot exited while starting'),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(
            new Error(`The bot did not start within ${startTimeoutMs} ms:\n${watched.output()}`),
          );
        }, startTimeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function running(
  url: string,
  sqlitePath: string,
  child: ChildProcess,
  watched: ReturnType<typeof watch>,
): BotProcess {
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
  return {
    url,
    pid: child.pid ?? -1,
    sqlitePath,
    post: (activity) => request(JSON.stringify(activity), 'application/json'),
    postRaw: (body, contentType = 'application/json') => request(body, contentType),
    output: watched.output,
    logged: (pattern, since = 0) =>
      new Promise<string>((resolve, reject) => {
        const find = (all: string) =>
          all
            .slice(since)
            .split('\n')
            .find((line) => pattern.test(line));
        const timer = setTimeout(
          () => reject(new Error(`The bot did not log ${pattern}:\n${watched.output()}`)),
          waitLimitMs,
        );
        const check = (all: string): void => {
          const line = find(all);
          if (line === undefined) return;
          clearTimeout(timer);
          resolve(line);
        };
        watched.onOutput(check);
        check(watched.output());
      }),
    stop: async () => {
      if (!watched.hasExited()) child.kill('SIGTERM');
      await watched.exited;
    },
    kill: async () => {
      if (!watched.hasExited()) child.kill('SIGKILL');
      await watched.exited;
    },
  };
}

/**
 * Starts the bot exactly as `npm start` does after building: `node dist/bot/main.js`, with the
 * system clock. It is ready when it logs that it is listening (and on which port).
 */
export async function startBotProcess(options: StartOptions): Promise<BotProcess> {
  const sqlitePath = options.sqlitePath ?? tempSqlitePath();
  const child = spawn(process.execPath, [path.join(root, 'dist', 'bot', 'main.js')], {
    cwd: root,
    env: await environment(options, sqlitePath, 'info'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const watched = watch(child);
  const port = await started(
    child,
    watched,
    new Promise<number>((resolve) =>
      watched.onOutput((all) => {
        const line = all.split('\n').find((l) => l.includes('"msg":"Qm+ Hjelp is listening"'));
        if (line) resolve((JSON.parse(line) as { port: number }).port);
      }),
    ),
  );
  return running(`http://127.0.0.1:${port}`, sqlitePath, child, watched);
}

/**
 * Starts the bot in its own process through the test entry (bot-under-test.ts): the same start as
 * `npm start`, with a clock that stands still until the test moves it.
 */
export async function startBotUnderTest(
  options: StartOptions & { clock?: string },
): Promise<BotUnderTest> {
  const sqlitePath = options.sqlitePath ?? tempSqlitePath();
  const child = fork(
    path.join(root, 'dist', 'test', 'support', 'bot-under-test.js'),
    [options.clock ?? testMorning],
    {
      cwd: root,
      env: await environment(options, sqlitePath, 'warn'),
      // Source maps cost every start a noticeable share of its time; the bot's log is enough.
      execArgv: [],
      silent: true,
    },
  );
  const watched = watch(child);
  let now = new Date(options.clock ?? testMorning);
  const pending = new Map<number, () => void>();
  const ready = new Promise<string>((resolve) =>
    child.on('message', (message: BotReport) => {
      now = new Date(message.now);
      if (message.type === 'ready') resolve(message.url);
      else pending.get(message.id)?.();
    }),
  );
  const url = await started(child, watched, ready);
  const bot = running(url.replace('0.0.0.0', '127.0.0.1'), sqlitePath, child, watched);

  let next = 0;
  const command = async (change: Omit<BotCommand, 'id'>): Promise<void> => {
    const id = ++next;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        new Promise<void>((resolve) => {
          pending.set(id, resolve);
          child.send({ ...change, id } satisfies BotCommand);
        }),
        failsOnExit(watched, 'The bot exited while working'),
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(
            () => reject(new Error(`The bot's due work did not end within ${workTimeoutMs} ms`)),
            workTimeoutMs,
          );
        }),
      ]);
    } finally {
      pending.delete(id);
      clearTimeout(timer);
    }
  };
  return {
    ...bot,
    now: () => now,
    advance: (by) => command({ advanceMs: typeof by === 'number' ? by : millisOf(by) }),
    setClock: (at) => command({ at: new Date(at).toISOString() }),
    settle: () => command({}),
  };
}

function millisOf(iso: string): number {
  const duration = Duration.fromISO(iso);
  if (!duration.isValid) throw new Error(`Not an ISO-8601 duration: ${iso}`);
  return duration.toMillis();
}
