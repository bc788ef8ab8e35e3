import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import {
  allowStartUp,
  startBotUnderTest,
  tempSqlitePath,
  testMorning,
  type BotUnderTest,
} from '../support/bot-server';
import { click, say } from '../support/conversation';
import { FakeConnector, type RecordedRequest } from '../support/fake-connector';
import { officeWeek } from '../support/office-week';
import {
  cardText,
  cardUpdated,
  escalatingOrganisation,
  messageText,
  writeOrganisation,
} from '../support/organisation';
import { testStore } from '../support/store-under-test';
import { triageChannelId } from '../support/teams-model';
import { askInChannel, triageThreads } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
const hilde = teamsUser(people.hilde);
/** The week the servers' clocks start in: Monday 09:00 in Oslo. */
const week = officeWeek(new Date(testMorning));

describe(`two server instances on one store (${testStore})`, function () {
  this.timeout(120_000);
  const connector = new FakeConnector();
  let first: BotUnderTest;
  let second: BotUnderTest;
  before(async function () {
    allowStartUp(this);
    await connector.start();
    const orgFile = writeOrganisation(escalatingOrganisation());
    const sqlitePath = tempSqlitePath();
    [first, second] = await Promise.all([
      startBotUnderTest({ orgFile, sqlitePath }),
      startBotUnderTest({ orgFile, sqlitePath }),
    ]);
  });
  after(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await connector.stop();
  });
  beforeEach(() => {
    connector.requests.length = 0;
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      [first, second].forEach((bot) => process.stderr.write(bot.output()));
    // Everything either instance queued has been sent before the next test begins.
    await Promise.all([first.settle(), second.settle()]);
  });

  const ask = (bot: BotUnderTest, text: string) => askInChannel(bot, connector, text);
  const claim = (bot: BotUnderTest, user: TestUser, inquiryId: string, thread: string) =>
    click(bot, connector, user, Verbs.claim, { inquiryId }, { conversationId: thread });

  it('lets an inquiry opened through one instance be claimed through the other', async () => {
    const { inquiryId, thread } = await ask(first, 'Hvordan melder jeg avvik på en elevtur?');
    const claimed = await claim(second, sverre, inquiryId, thread);
    assert.match(cardText(claimed.body.value), /Under behandling · Sverre Lunde/);
    await cardUpdated(
      connector,
      personalConversationId(asker),
      /Sverre Lunde ser på saken/,
      "the asker's status card updated",
    );
    // Everything either instance queued has been sent.
    await Promise.all([first.settle(), second.settle()]);
    assert.equal(
      triageThreads(connector).length,
      1,
      'the triage card is posted by one instance only',
    );
  });

  it('gives one winner when two people claim at once through different instances', async () => {
    for (const [round, text] of [
      'Hvor finner jeg prosedyren?',
      'Hvem godkjenner avvik?',
    ].entries()) {
      const { inquiryId, thread } = await ask(round === 0 ? second : first, text);
      const replies = await Promise.all([
        claim(first, sverre, inquiryId, thread),
        claim(second, hilde, inquiryId, thread),
      ]);
      const cards = replies.filter(
        (r) => r.body?.type === 'application/vnd.microsoft.card.adaptive',
      );
      const refusals = replies.filter(
        (r) => r.body?.type === 'application/vnd.microsoft.activity.message',
      );
      assert.equal(cards.length, 1, 'one claim wins');
      assert.equal(refusals.length, 1, 'the other is refused');
      const holder = /Under behandling · (Sverre Lunde|Hilde Berg)/.exec(
        cardText(cards[0].body.value),
      );
      assert.ok(holder, 'the winning card names its holder');
      assert.equal(refusals[0].body.value, `${holder[1]} har allerede tatt saken.`);
    }
  });

  it('takes every escalation step once when two servers share one store', async () => {
    /** Both servers' clocks come to `at` and both look for due work at the same time. */
    const bothAt = (at: Date) => Promise.all([first.setClock(at), second.setClock(at)]);
    const { thread, number } = await ask(first, 'Hvordan melder jeg avvik?');
    const inThread = (pattern: RegExp) =>
      connector.sent().filter((r) => r.conversationId === thread && pattern.test(messageText(r)));
    const everywhere = (pattern: RegExp) =>
      connector.sent().filter((r) => pattern.test(messageText(r)));
    const about = (text: string) => new RegExp(`${number}${text}`);
    // Each reminder and each deadline: superusers, coordinator, system responsible, vendor.
    for (const [day, time, weeksLater] of [
      ['mon', '12:00', 0],
      ['mon', '13:00', 0],
      ['tue', '12:00', 0],
      ['tue', '13:00', 0],
      ['thu', '12:00', 0],
      ['thu', '13:00', 0],
      ['fri', '13:00', 0],
      ['mon', '13:00', 1],
      ['tue', '13:00', 1],
      ['wed', '13:00', 1],
    ] as const)
      await bothAt(week.at(day, time, weeksLater));
    await connector.waitFor(
      () => everywhere(about(' er stanset'))[0],
      'the coordinator told the inquiry stalled',
    );
    assert.equal(inThread(/påminnelse/).length, 3, 'one reminder per level');
    assert.equal(inThread(/Anne Winter<\/at>: QM/).length, 1, 'the coordinator pinged once');
    assert.equal(inThread(/Arne Hope<\/at>: QM/).length, 1, 'the system responsible once');
    assert.equal(everywhere(about('.*sendt videre til deg som systemansvarlig')).length, 1);
    assert.equal(everywhere(about(' er registrert som leverandørsak')).length, 1);
    assert.equal(everywhere(about(' venter fortsatt på svar fra Leverandør AS')).length, 2);
    assert.equal(everywhere(about(' er stanset')).length, 1);
    assert.equal(
      everywhere(about(': Saken er sendt videre')).length,
      3,
      'the asker told at each level',
    );
    assert.equal(everywhere(about(': Saken venter fortsatt på leverandøren')).length, 1);
  });
});

describe(`a send that outlasts its lease, with two instances on one store (${testStore})`, function () {
  this.timeout(120_000);
  const connector = new FakeConnector();
  /** The instance that takes the channel post and waits for Teams; the other only looks. */
  let sending: BotUnderTest;
  let other: BotUnderTest;
  const leaseMs = 1500;
  const channelPost = (r: RecordedRequest): boolean =>
    r.method === 'POST' &&
    r.path === '/v3/conversations' &&
    r.body?.channelData?.channel?.id === triageChannelId;

  before(async function () {
    allowStartUp(this);
    await connector.start();
    const orgFile = writeOrganisation();
    const sqlitePath = tempSqlitePath();
    const lease = { OUTBOX_LEASE_MS: String(leaseMs) };
    [sending, other] = await Promise.all([
      // One send at a time, so that its lease is kept by renewal alone, which it logs.
      startBotUnderTest({
        orgFile,
        sqlitePath,
        env: {
          ...lease,
          OUTBOX_CONCURRENCY: '1',
          TEAMS_CALL_TIMEOUT_MS: '60000',
          LOG_LEVEL: 'debug',
        },
      }),
      // Looks for work only when the test moves its clock.
      startBotUnderTest({ orgFile, sqlitePath, env: { ...lease, OUTBOX_INTERVAL_MS: '3600000' } }),
    ]);
  });
  after(async () => {
    await Promise.all([sending?.stop(), other?.stop()]);
    await connector.stop();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed')
      process.stderr.write(`The connector received:\n  ${connector.summary()}\n`);
  });

  it('reaches Teams once: the instance sending it keeps its lease, and the other does not take it over', async () => {
    connector.hang(channelPost, 1);
    await say(sending, connector, asker, 'Hvordan melder jeg et avvik på en elevtur?');
    await connector.waitFor(
      () => connector.hung().find(channelPost),
      'the channel post that hangs',
    );
    // A minute on, on both clocks, while Teams still has not answered: far past the lease taken.
    const later = new Date(sending.now().getTime() + 60_000);
    const sent = sending.setClock(later);
    const renewedUntil = new Date(later.getTime() + leaseMs).toISOString();
    await sending.logged(new RegExp(`"until":"${renewedUntil}","msg":"outbox leases renewed"`));
    await other.setClock(later);
    connector.answerHung();
    await sent;
    await Promise.all([sending.settle(), other.settle()]);
    assert.equal(connector.requests.filter(channelPost).length, 1, 'one post, by one instance');
    assert.equal(connector.conversationsCreated().filter(channelPost).length, 1);
  });
});
