import assert from 'node:assert/strict';
import { personalConversationId, type TestUser } from '../support/activities';
import { startBotUnderTest, type BotUnderTest } from '../support/bot-server';
import { say } from '../support/conversation';
import { FakeConnector } from '../support/fake-connector';
import {
  addAskers,
  numbersPosted,
  organisationWithAskers,
  repeated,
} from '../support/generated-askers';
import { writeOrganisation } from '../support/organisation';
import { openBotStore, testStore } from '../support/store-under-test';
import { triageThreads } from '../support/triage';

/**
 * How many people ask at once, and how many questions each asks in turn: 100 × 10 on SQLite; on
 * cosmosdb-server, where a turn takes half a second or more, 10 × 4 keep the run to minutes.
 */
const load = testStore === 'cosmos' ? { askers: 10, each: 4 } : { askers: 100, each: 10 };
const total = load.askers * load.each;

describe(`many askers at once (${testStore})`, function () {
  // Bounded by the number of questions; this limit only stops a run that hangs.
  this.timeout(900_000);
  const { org, askers } = organisationWithAskers(load.askers);
  const connector = new FakeConnector();
  let bot: BotUnderTest | undefined;
  before(async () => {
    await connector.start();
    addAskers(connector, askers);
    bot = await startBotUnderTest({ orgFile: writeOrganisation(org) });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') process.stderr.write(bot?.output() ?? '');
  });

  it(`stores each of ${total} inquiries from ${load.askers} concurrent askers once, and posts each triage card and each status card once`, async () => {
    const server = bot!;
    /** One asker's questions, one after the other, each about deviations. */
    const askAll = async (asker: TestUser, index: number): Promise<void> => {
      for (let question = 0; question < load.each; question++) {
        const response = await say(
          server,
          connector,
          asker,
          `Spørsmål ${question} fra ansatt ${index}: hvordan melder jeg avvik nummer ${question}?`,
        );
        assert.equal(response.status, 200, `question ${question} of asker ${index}`);
      }
    };
    await Promise.all(askers.map(askAll));
    const chats = new Set(askers.map(personalConversationId));
    const statusPosts = () =>
      connector.sent().filter((r) => !r.replyToId && chats.has(r.conversationId ?? ''));
    // The outbox works through its queue on its own: wait for its last sends, then for its rest.
    await connector.waitFor(
      () =>
        (triageThreads(connector).length >= total && statusPosts().length >= total) || undefined,
      'a triage card and a status card for every inquiry',
      600_000,
    );
    await server.settle();

    const store = await openBotStore(server.sqlitePath);
    try {
      const stored = await Promise.all(
        askers.map((asker) => store.inquiries.listByAsker(asker.email, load.each * 2)),
      );
      stored.forEach((inquiries, index) =>
        assert.equal(inquiries.length, load.each, `the inquiries of asker ${index} in the store`),
      );
      const numbers = stored.flat().map((inquiry) => inquiry.number);
      assert.equal(new Set(numbers).size, total, 'every stored inquiry has a number of its own');
      const requests = stored.flat().map((inquiry) => inquiry.requestKey);
      assert.equal(new Set(requests).size, total, 'one inquiry per question');
      assert.equal(await store.outbox.pendingCount(), 0, 'the outbox has settled');
    } finally {
      await store.close();
    }

    const triage = numbersPosted(triageThreads(connector));
    assert.equal(new Set(triage).size, total, 'a triage card for every inquiry');
    assert.deepEqual(repeated(triage), [], 'no triage card posted twice');
    const status = numbersPosted(statusPosts());
    assert.equal(new Set(status).size, total, "the asker's status card for every inquiry");
    assert.deepEqual(repeated(status), [], 'no status card posted twice');
  });
});
