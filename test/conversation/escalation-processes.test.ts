import assert from 'node:assert/strict';
import {
  startBotUnderTest,
  tempSqlitePath,
  testMorning,
  type BotUnderTest,
} from '../support/bot-server';
import { cardOf, FakeConnector } from '../support/fake-connector';
import { officeWeek } from '../support/office-week';
import {
  coordinatorAad,
  escalatingOrganisation,
  messageText,
  writeOrganisation,
} from '../support/organisation';
import { askInChannel } from '../support/triage';

/** The week the servers' clocks start in: Monday 09:00 in Oslo. */
const week = officeWeek(new Date(testMorning));

describe('escalation across server processes', function () {
  this.timeout(120_000);
  const connector = new FakeConnector();
  const running: BotUnderTest[] = [];
  let orgFile = '';
  before(async () => {
    await connector.start();
    orgFile = writeOrganisation(escalatingOrganisation());
  });
  after(() => connector.stop());
  beforeEach(() => {
    connector.requests.length = 0;
    connector.recover();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      running.forEach((bot) => process.stderr.write(bot.output()));
    await Promise.all(running.splice(0).map((bot) => bot.stop()));
  });

  const start = async (sqlitePath: string, clock?: Date): Promise<BotUnderTest> => {
    const bot = await startBotUnderTest({
      orgFile,
      sqlitePath,
      ...(clock ? { clock: clock.toISOString() } : {}),
    });
    running.push(bot);
    return bot;
  };
  const inThread = (id: string, pattern: RegExp) =>
    connector.sent().filter((r) => r.conversationId === id && pattern.test(messageText(r)));

  it('still mentions the next level when the server dies between the escalation and its send', async () => {
    const sqlitePath = tempSqlitePath();
    const first = await start(sqlitePath);
    const { thread: id } = await askInChannel(first, connector, 'Hvordan melder jeg avvik?');
    // Teams refuses replies in the thread when the deadline passes, so the ping stays queued.
    connector.failNext(
      (r) => r.method === 'POST' && r.conversationId === id,
      Array.from({ length: 100 }, () => ({ status: 503 })),
    );
    // The server is killed during its first attempt, before its due work ends.
    const working = first.setClock(week.at('mon', '13:00')).catch(() => undefined);
    await connector.waitFor(
      () => connector.requests.find((r) => r.conversationId === id && r.status === 503),
      'a failed attempt to ping the coordinator',
    );
    await first.kill();
    await working;
    running.splice(running.indexOf(first), 1);
    connector.recover();

    const second = await start(sqlitePath, week.at('mon', '14:00'));
    const ping = await connector.waitFor(
      () => inThread(id, /Anne Winter<\/at>: QM-\d{4}-0001 fra Hauge vgs har ikke fått svar/)[0],
      'the coordinator ping sent by the restarted server',
    );
    assert.deepEqual(
      cardOf(ping.body).msteams.entities.map((e: any) => e.mentioned.id),
      [coordinatorAad],
    );
    await second.advance('PT1H');
    assert.equal(inThread(id, /Anne Winter<\/at>: QM/).length, 1, 'sent once');
  });
});
