import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import {
  allowStartUp,
  startBotUnderTest,
  tempSqlitePath,
  type BotUnderTest,
} from '../support/bot-server';
import { click, say } from '../support/conversation';
import { cardOf, FakeConnector } from '../support/fake-connector';
import { knowledgeFile } from '../support/knowledge-file';
import { cardText, writeOrganisation } from '../support/organisation';
import { openBotStore, testStore } from '../support/store-under-test';
import { sharedMarkerReadAgeMs } from '../../src/store/ports';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);

describe(`the knowledge base on two server instances on one store (${testStore})`, function () {
  this.timeout(180_000);
  const connector = new FakeConnector();
  let first: BotUnderTest;
  let second: BotUnderTest;
  before(async function () {
    allowStartUp(this);
    await connector.start();
    const orgFile = writeOrganisation();
    const sqlitePath = tempSqlitePath();
    const env = { KNOWLEDGE_FILE: knowledgeFile() };
    [first, second] = await Promise.all([
      startBotUnderTest({ orgFile, sqlitePath, env }),
      startBotUnderTest({ orgFile, sqlitePath, env }),
    ]);
  });
  after(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await connector.stop();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      [first, second].forEach((bot) => process.stderr.write(bot.output()));
    await Promise.all([first.settle(), second.settle()]);
  });

  const cardsTo = (user: TestUser) =>
    connector
      .sent()
      .filter((r) => r.conversationId === personalConversationId(user) && cardOf(r.body));

  it('reads the file once into the store when both start together, and a change on one is found on the other within seconds', async () => {
    const store = await openBotStore(first.sqlitePath);
    try {
      assert.deepEqual(
        (await store.knowledge.entries()).map((e) => e.id),
        ['melde-avvik', 'skrive-ut'],
      );
    } finally {
      await store.close();
    }

    await say(second, connector, asker, 'kan jeg printe et dokument');
    const offered = await connector.waitFor(() => cardsTo(asker)[0], 'the suggestion card');
    assert.match(cardText(cardOf(offered.body)), /Kanskje dette svarer/);

    await say(first, connector, sverre, 'kunnskapsbase');
    const listed = await connector.waitFor(() => cardsTo(sverre)[0], 'the list card');
    const retire = JSON.stringify(cardOf(listed.body)).match(
      /"verb":"qm\.retireEntry","data":\{"entryId":"skrive-ut","etag":"([^"]+)","retire":"true"\}/,
    );
    assert.ok(retire, 'the list offers retiring the entry');
    const retired = await click(first, connector, sverre, Verbs.retireEntry, {
      entryId: 'skrive-ut',
      etag: retire[1],
      retire: 'true',
    });
    assert.match(cardText(retired.body.value), /er trukket tilbake/);
    // The other instance reads what marks a change at most this often (one request per period).
    await second.advance(sharedMarkerReadAgeMs);

    await say(second, connector, asker, 'kan jeg printe et dokument');
    const next = await connector.waitFor(() => cardsTo(asker)[1], 'the next card');
    assert.match(
      cardText(cardOf(next.body)),
      /Hva gjelder spørsmålet\?/,
      'the other instance no longer suggests the retired entry',
    );
  });
});
