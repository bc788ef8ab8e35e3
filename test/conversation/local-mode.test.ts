import assert from 'node:assert/strict';
import path from 'node:path';
import { freePort, startBotProcess, type BotProcess } from '../support/bot-server';
import { isLoopback, listeningSockets, processTree } from '../support/listening-sockets';

const root = path.resolve(__dirname, '..', '..', '..');

/** `npm start` in local mode: the bot and one Agents Playground per role. */
const roles = ['employee', 'superuser', 'coordinator'];

/** The log line a role's Playground writes once it listens. */
const running = (role: string) =>
  new RegExp(`"playground":"${role}".*Agents Playground for .* is running`);

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
    const lines = await Promise.all(roles.map((role) => bot.logged(running(role))));
    const urls = lines.map((line) => (JSON.parse(line) as { url: string }).url);
    assert.equal(new Set(urls).size, 3, 'each on its own port');
    assert.ok(urls.every((url) => /^http:\/\/localhost:\d+$/.test(url)));
    assert.match(lines[1], /sees the triage channel/);
  });

  it('listens on loopback only, in the bot and in every process it started', async () => {
    // Each Playground says it is running once it listens.
    await Promise.all(roles.map((role) => bot.logged(running(role))));
    const sockets = processTree(bot.pid).flatMap((pid) => listeningSockets(pid));
    // The bot and three Playgrounds, each with its own port at least.
    assert.ok(
      new Set(sockets.map((s) => s.port)).size >= 4,
      `fewer servers than expected:\n${bot.output()}`,
    );
    assert.deepEqual(
      sockets.filter((s) => !isLoopback(s)),
      [],
    );
  });
});
