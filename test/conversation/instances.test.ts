import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../unit/domain-fixture';
import {
  cardAction,
  personalConversationId,
  personalMessage,
  teamsUser,
  type TestUser,
} from '../support/activities';
import { startBotUnderTest, tempSqlitePath, type BotUnderTest } from '../support/bot-server';
import { cardOf, FakeConnector } from '../support/fake-connector';
import { cardText, writeOrganisation, cardUpdated } from '../support/organisation';
import { testStore } from '../support/store-under-test';

const channelId = '19:triage-skole@thread.tacv2';
const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
const hilde = teamsUser(people.hilde);

describe(`two server instances on one store (${testStore})`, function () {
  this.timeout(60000);
  const connector = new FakeConnector();
  let first: BotUnderTest;
  let second: BotUnderTest;
  before(async () => {
    await connector.start();
    const orgFile = writeOrganisation();
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
  afterEach(function () {
    if (this.currentTest?.state === 'failed')
      [first, second].forEach((bot) => process.stderr.write(bot.output()));
  });

  const triageThreads = () =>
    connector.conversationsCreated().filter((r) => r.body?.channelData?.channel?.id === channelId);

  /** Asks through `bot` and returns the new inquiry's id and thread once its card is posted. */
  async function ask(
    bot: BotUnderTest,
    text: string,
  ): Promise<{ inquiryId: string; thread: string }> {
    const before = triageThreads().length;
    const response = await bot.post(
      personalMessage({ from: asker, text, serviceUrl: connector.url }),
    );
    assert.equal(response.status, 200);
    const post = await connector.waitFor(
      () => triageThreads()[before],
      'the triage card in the channel',
    );
    const card = cardOf(post.body.activity);
    return {
      inquiryId: card.actions[0].data.inquiryId as string,
      thread: `${channelId};messageid=${post.resultId}`,
    };
  }

  const claim = (bot: BotUnderTest, user: TestUser, inquiryId: string, thread: string) =>
    bot.post(
      cardAction({
        from: user,
        verb: Verbs.claim,
        data: { inquiryId },
        serviceUrl: connector.url,
        conversationId: thread,
      }),
    );

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
    assert.equal(triageThreads().length, 1, 'the triage card is posted by one instance only');
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
});
