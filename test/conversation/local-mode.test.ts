import assert from 'node:assert/strict';
import path from 'node:path';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-server';
import { isLoopback, listeningSockets, processTree } from '../support/listening-sockets';

const root = path.resolve(__dirname, '..', '..', '..');

/** Waits until `read` gives something, or fails after a generous bound with what it saw. */
async function eventually<T>(read: () => T | undefined, what: () => string): Promise<T> {
  const limit = Date.now() + 60_000;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > limit) throw new Error(what());
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `npm start` in local mode: the bot and one Agents Playground per role. */
describe('local mode with the Agents Playground', function () {
  this.timeout(120_000);
  let bot: BotProcess;
  let firstPort: number;

  before(async () => {
    firstPort = await freePort();
    bot = await startBotProcess({
      orgFile: path.join(root, 'org', 'sample-organisation.json'),
      env: { PLAYGROUND: 'on', PLAYGROUND_PORT: String(firstPort), LOG_LEVEL: 'info' },
    });
  });

  after(async function () {
    if (this.currentTest?.state === 'failed') process.stderr.write(bot?.output() ?? '');
    await bot?.stop();
  });

  it('starts a Playground for the employee, her superuser and her coordinator, each with its address in the log', async () => {
    const lines = await Promise.all(
      ['employee', 'superuser', 'coordinator'].map((role) =>
        bot.logged(new RegExp(`"playground":"${role}".*Agents Playground for .* is running`)),
      ),
    );
    const urls = lines.map((line) => (JSON.parse(line) as { url: string }).url);
    assert.equal(new Set(urls).size, 3, 'each on its own port');
    assert.ok(urls.every((url) => /^http:\/\/localhost:\d+$/.test(url)));
    assert.match(lines[1], /sees the triage channel/);
  });

  it('listens on loopback only, in the bot and in every process it started', async () => {
    const sockets = await eventually(
      () => {
        const all = processTree(bot.pid).flatMap((pid) => listeningSockets(pid));
        // The bot and three Playgrounds, each with its own port at least.
        return new Set(all.map((s) => s.port)).size >= 4 ? all : undefined;
      },
      () => `fewer servers than expected:\n${bot.output()}`,
    );
    assert.deepEqual(
      sockets.filter((s) => !isLoopback(s)),
      [],
    );
  });
});
