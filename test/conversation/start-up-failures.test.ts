import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, startBotProcess, tempSqlitePath } from '../support/bot-server';
import { writeOrganisation } from '../support/organisation';
import { openBotStore, storeEnvironment } from '../support/store-under-test';

const root = path.resolve(__dirname, '..', '..', '..');

/** A bot registered with the Bot Framework, outside local mode. */
const registered = {
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  MicrosoftAppPassword: 'secret',
  ALLOWED_TENANTS: '72f988bf-0000-4000-8000-000000000001',
};

/** Bots started here that have not exited yet. */
const running = new Set<ChildProcess>();

/** Runs `node dist/bot/main.js` as `npm start` does until it exits, keeping what it wrote. */
function startAndExit(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(root, 'dist', 'bot', 'main.js')], {
    cwd: os.tmpdir(),
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      SQLITE_PATH: tempSqlitePath(),
      ORG_FILE: writeOrganisation(),
      PLAYGROUND: 'off',
      LOG_FORMAT: 'json',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  // One that starts after all is ended with the test, which its own timeout bounds.
  running.add(child);
  return new Promise((resolve) =>
    child.once('close', (code) => {
      running.delete(child);
      resolve({ code, stdout, stderr });
    }),
  );
}

/**
 * Exit 1 with the organisation file's errors on stderr: a first line naming ORG_FILE and the fix,
 * then one line per error with its JSON path; no stack trace. Returns the lines.
 */
async function refusesToStartWithErrors(env: Record<string, string>): Promise<string[]> {
  const { code, stdout, stderr } = await startAndExit(env);
  const lines = stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\(node:\d+\) |^\(Use `node --trace/.test(line));
  assert.equal(code, 1, `exit code; stderr:\n${stderr}`);
  assert.match(lines[0] ?? '', /^ORG_FILE: the organisation file .* is invalid \(\d+ errors?\)/);
  assert.ok(lines.length >= 2, `one line per error:\n${stderr}`);
  assert.ok(
    lines.slice(1).every((line) => /^ {2}\$/.test(line)),
    `one line per error:\n${stderr}`,
  );
  assert.doesNotMatch(stdout + stderr, /^\s+at /m, 'no stack trace');
  return lines;
}

/** Exit 1 with one line on stderr that names `setting`, and no stack trace anywhere. */
async function refusesToStart(env: Record<string, string>, setting: string): Promise<string> {
  const { code, stdout, stderr } = await startAndExit(env);
  // Node's own deprecation warnings (restify reads process.binding) are not the bot's message.
  const lines = stderr
    .split('\n')
    .filter((line) => line.trim() !== '' && !/^\(node:\d+\) |^\(Use `node --trace/.test(line));
  assert.equal(code, 1, `exit code; stderr:\n${stderr}`);
  assert.equal(lines.length, 1, `one line:\n${stderr}`);
  assert.ok(lines[0].includes(setting), `names ${setting}: ${lines[0]}`);
  assert.doesNotMatch(stdout + stderr, /^\s+at /m, 'no stack trace');
  return lines[0];
}

describe('a start-up failure is one line naming the setting and the fix, and exit code 1', function () {
  afterEach(() => {
    for (const child of running) child.kill('SIGKILL');
  });
  this.timeout(120_000);

  it('PORT already in use', async () => {
    const taken = net.createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
    try {
      const line = await refusesToStart({ PORT: String(port) }, 'PORT');
      assert.match(line, new RegExp(`${port} is already in use`));
      assert.match(line, /set PORT to a free port/);
    } finally {
      taken.close();
    }
  });

  it('HOST that is not an address of this machine', async () => {
    // TEST-NET-1 (RFC 5737): never assigned to a machine, so listening there fails at once.
    const line = await refusesToStart({ ...registered, HOST: '192.0.2.1' }, 'HOST');
    assert.match(line, /192\.0\.2\.1 is not an address of this machine/);
  });

  it('HOST that is not loopback in local mode, where the bot takes anyone at their word', async () => {
    for (const host of ['0.0.0.0', '::']) {
      const line = await refusesToStart({ HOST: host }, 'HOST');
      assert.match(line, /loopback/);
      assert.match(line, /leave HOST unset/);
    }
  });

  it('PORT that is not a port number', async () => {
    await refusesToStart({ PORT: 'http' }, 'PORT');
  });

  it('SQLITE_PATH inside a file, where no folder can be made', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-start-')), 'plain-file');
    fs.writeFileSync(file, 'not a folder');
    const line = await refusesToStart({ SQLITE_PATH: path.join(file, 'qm.sqlite') }, 'SQLITE_PATH');
    assert.match(line, /cannot be opened/);
  });

  it('SQLITE_PATH that is a folder', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-start-'));
    await refusesToStart({ SQLITE_PATH: folder }, 'SQLITE_PATH');
  });

  it('ORG_FILE that does not exist, with an empty store', async () => {
    const line = await refusesToStart({ ORG_FILE: '/nowhere/organisation.json' }, 'ORG_FILE');
    assert.match(line, /\/nowhere\/organisation\.json/);
  });

  it('ORG_FILE that does not exist, when the store already holds an organisation', async () => {
    const sqlitePath = tempSqlitePath();
    const bot = await startBotProcess({ orgFile: writeOrganisation(), sqlitePath });
    await bot.stop();
    await refusesToStart(
      { SQLITE_PATH: sqlitePath, ORG_FILE: '/nowhere/organisation.json' },
      'ORG_FILE',
    );
  });

  it('ORG_FILE unset outside local mode, with a store that holds no organisation', async () => {
    const line = await refusesToStart({ ...registered, ORG_FILE: '' }, 'ORG_FILE');
    assert.match(line, /npm run org:import -- FILE/);
  });

  it('ORG_FILE that is not a valid organisation: a line naming it, then one line per error', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-start-')), 'org.json');
    fs.writeFileSync(file, JSON.stringify({ name: 'Uten enheter', units: [] }));
    const lines = await refusesToStartWithErrors({ ORG_FILE: file });
    assert.ok(
      lines.some((line) => /^ {2}\$\.units: /.test(line)),
      lines.join('\n'),
    );
  });

  it('ORG_FILE changed into an invalid one, when the store holds an organisation: the store is left untouched', async () => {
    const sqlitePath = tempSqlitePath();
    const file = writeOrganisation();
    const bot = await startBotProcess({ orgFile: file, sqlitePath });
    await bot.stop();
    const valid = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      units: object[];
      admins: string[];
    };
    fs.writeFileSync(
      file,
      JSON.stringify({
        ...valid,
        units: [
          ...valid.units,
          { id: 'Ny skole', name: 'Ny skole', workArea: 'ukjent', superusers: [] },
        ],
        admins: ['ingen@fylke.example'],
      }),
    );
    const lines = await refusesToStartWithErrors({
      SQLITE_PATH: sqlitePath,
      ...(await storeEnvironment(sqlitePath)),
      ORG_FILE: file,
    });
    assert.equal(lines.length, 1 + 3, lines.join('\n'));
    assert.match(lines[0], /nothing was imported/);
    assert.ok(lines.some((line) => /\$\.units\[\d+\]\.id: /.test(line)));
    assert.ok(
      lines.some((line) => /\$\.units\[\d+\]\.workArea: unknown work area "ukjent"/.test(line)),
    );
    assert.ok(
      lines.some((line) => /\$\.admins\[0\]: "ingen@fylke\.example" is not listed/.test(line)),
    );
    const store = await openBotStore(sqlitePath);
    try {
      assert.equal(await store.organisation.version(), 1, 'the stored organisation is unchanged');
      assert.equal((await store.audit.list({}, 10)).length, 1, 'only the first import');
    } finally {
      await store.close();
    }
  });

  it('MicrosoftAppId that is not a GUID', async () => {
    await refusesToStart(
      { MicrosoftAppId: 'qm-hjelp', MicrosoftAppPassword: 'secret' },
      'MicrosoftAppId',
    );
  });

  it('MicrosoftAppId without its password', async () => {
    await refusesToStart(
      { MicrosoftAppId: registered.MicrosoftAppId, ALLOWED_TENANTS: registered.ALLOWED_TENANTS },
      'MicrosoftAppPassword',
    );
  });

  it('STORE=cosmos without COSMOS_ENDPOINT', async () => {
    await refusesToStart({ STORE: 'cosmos' }, 'COSMOS_ENDPOINT');
  });

  it('LOG_LEVEL that pino does not know', async () => {
    await refusesToStart({ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL');
  });

  it('WEBHOOK_URLS without WEBHOOK_SECRET', async () => {
    const line = await refusesToStart(
      { WEBHOOK_URLS: 'https://servicedesk.example.com/hooks/qm' },
      'WEBHOOK_SECRET',
    );
    assert.match(line, /required when WEBHOOK_URLS is set/);
  });

  it('WEBHOOK_URLS with something that is not a URL', async () => {
    await refusesToStart(
      { WEBHOOK_URLS: 'servicedesk.example.com', WEBHOOK_SECRET: 'x'.repeat(32) },
      'WEBHOOK_URLS',
    );
  });

  it('WEBHOOK_SECRET too short to be a key', async () => {
    await refusesToStart(
      { WEBHOOK_URLS: 'https://servicedesk.example.com/hooks/qm', WEBHOOK_SECRET: 'geheim' },
      'WEBHOOK_SECRET',
    );
  });
});
