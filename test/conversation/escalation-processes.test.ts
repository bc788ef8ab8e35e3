import assert from 'node:assert/strict';
import { people } from '../support/domain-fixture';
import { personalMessage, teamsUser } from '../support/activities';
import { startBot, tempSqlitePath, type BotProcess } from '../support/bot-server';
import { cardOf, FakeConnector } from '../support/fake-connector';
import {
  coordinatorAad,
  messageText,
  fastOrganisation,
  writeOrganisation,
} from '../support/organisation';

const channelId = '19:triage-skole@thread.tacv2';
const asker = teamsUser(people.asker);

const env = {
  SCHEDULER_INTERVAL_MS: '50',
  OUTBOX_INTERVAL_MS: '50',
  OUTBOX_RETRY_BASE_MS: '100',
  // A crashed server's sends are taken over this soon after.
  OUTBOX_LEASE_MS: '2000',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('escalation across server processes', function () {
  this.timeout(60000);
  const connector = new FakeConnector();
  const running: BotProcess[] = [];
  before(() => connector.start());
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

  const start = async (orgFile: string, sqlitePath: string): Promise<BotProcess> => {
    const bot = await startBot({ orgFile, sqlitePath, env });
    running.push(bot);
    return bot;
  };
  /** Asks a question through one server; returns the thread its triage card started. */
  const askThrough = async (bot: BotProcess): Promise<string> => {
    await bot.post(
      personalMessage({
        from: asker,
        text: 'Hvordan melder jeg avvik?',
        serviceUrl: connector.url,
      }),
    );
    const post = await connector.channelPost(channelId);
    return `${channelId};messageid=${post.resultId}`;
  };
  const inThread = (id: string, pattern: RegExp) =>
    connector.sent().filter((r) => r.conversationId === id && pattern.test(messageText(r)));
  const everywhere = (pattern: RegExp) =>
    connector.sent().filter((r) => pattern.test(messageText(r)));

  it('takes every escalation step once when two servers share one store', async () => {
    const orgFile = writeOrganisation(
      fastOrganisation({
        superuser: 'PT2S',
        coordinator: 'PT2S',
        systemResponsible: 'PT2S',
        reminderBefore: 'PT1S',
        vendorReminderInterval: 'PT1S',
        vendorReminders: 2,
      }),
    );
    const sqlitePath = tempSqlitePath();
    const first = await start(orgFile, sqlitePath);
    await start(orgFile, sqlitePath);
    const id = await askThrough(first);
    await connector.waitFor(
      () => everywhere(/QM-\d{4}-0001 er stanset/)[0],
      'the coordinator told the inquiry stalled',
      30000,
    );
    await sleep(1500);
    assert.equal(inThread(id, /påminnelse/).length, 3, 'one reminder per level');
    assert.equal(inThread(id, /Anne Winter<\/at>: QM/).length, 1, 'the coordinator pinged once');
    assert.equal(inThread(id, /Arne Hope<\/at>: QM/).length, 1, 'the system responsible once');
    assert.equal(everywhere(/sendt videre til deg som systemansvarlig/).length, 1);
    assert.equal(everywhere(/registrert som leverandørsak/).length, 1);
    assert.equal(everywhere(/venter fortsatt på svar fra Leverandør AS/).length, 2);
    assert.equal(everywhere(/er stanset/).length, 1);
    assert.equal(everywhere(/Saken er sendt videre/).length, 3, 'the asker told at each level');
    assert.equal(everywhere(/Saken venter fortsatt på leverandøren/).length, 1);
  });

  it('still mentions the next level when the server dies between the escalation and its send', async () => {
    const orgFile = writeOrganisation(
      fastOrganisation({ superuser: 'PT1S', coordinator: 'PT60S', systemResponsible: 'PT60S' }),
    );
    const sqlitePath = tempSqlitePath();
    const first = await start(orgFile, sqlitePath);
    const id = await askThrough(first);
    // Teams refuses replies in the thread when the deadline passes, so the ping stays queued.
    connector.failNext(
      (r) => r.method === 'POST' && r.conversationId === id,
      Array.from({ length: 100 }, () => ({ status: 503 })),
    );
    await connector.waitFor(
      () => connector.requests.find((r) => r.conversationId === id && r.status === 503),
      'a failed attempt to ping the coordinator',
      10000,
    );
    await first.kill();
    running.splice(running.indexOf(first), 1);
    connector.recover();

    await start(orgFile, sqlitePath);
    const ping = await connector.waitFor(
      () => inThread(id, /Anne Winter<\/at>: QM-\d{4}-0001 fra Hauge vgs har ikke fått svar/)[0],
      'the coordinator ping sent by the restarted server',
      20000,
    );
    assert.deepEqual(
      cardOf(ping.body).msteams.entities.map((e: any) => e.mentioned.id),
      [coordinatorAad],
    );
    await sleep(1000);
    assert.equal(inThread(id, /Anne Winter<\/at>: QM/).length, 1, 'sent once');
  });
});
