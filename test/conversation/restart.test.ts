import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser } from '../support/activities';
import { startBotUnderTest, tempSqlitePath, testMorning } from '../support/bot-server';
import { click, say } from '../support/conversation';
import { cardOf, FakeConnector } from '../support/fake-connector';
import { cardText, writeOrganisation, cardUpdated } from '../support/organisation';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);

describe('a restart of the server', function () {
  this.timeout(120_000);
  const connector = new FakeConnector();
  before(() => connector.start());
  after(() => connector.stop());

  it('loses nothing: a notification queued before a crash is sent after restart, and work goes on', async () => {
    const orgFile = writeOrganisation();
    const sqlitePath = tempSqlitePath();
    // Teams is unreachable when the question arrives, so the triage card stays queued.
    const down = Array.from({ length: 50 }, () => ({ status: 503 }));
    connector.failNext((r) => r.method === 'POST' && r.path === '/v3/conversations', down);
    const first = await startBotUnderTest({ orgFile, sqlitePath });
    await say(first, connector, asker, 'Hvordan melder jeg avvik?');
    await connector.waitFor(
      () => connector.requests.find((r) => r.path === '/v3/conversations' && r.status === 503),
      'a failed attempt to post the triage card',
    );
    await first.kill();
    connector.recover();
    connector.requests.length = 0;

    // Started later than the crashed server's hold on what it was sending lasts.
    const second = await startBotUnderTest({
      orgFile,
      sqlitePath,
      clock: new Date(new Date(testMorning).getTime() + 10 * 60_000).toISOString(),
    });
    try {
      const post = await connector.waitFor(
        () => connector.conversationsCreated().find((r) => r.body?.channelData?.channel),
        'the triage card sent by the restarted server',
      );
      const card = cardOf(post.body.activity);
      assert.match(cardText(card), /QM-\d{4}-0001 · Hauge vgs/);
      const inquiryId = card.actions[0].data.inquiryId as string;
      const claim = await click(
        second,
        connector,
        sverre,
        Verbs.claim,
        { inquiryId },
        { conversationId: `${post.body.channelData.channel.id};messageid=${post.resultId}` },
      );
      assert.match(cardText(claim.body.value), /Under behandling · Sverre Lunde/);
      await cardUpdated(
        connector,
        personalConversationId(asker),
        /Sverre Lunde ser på saken/,
        "the asker's status card, sent before the crash, updated in place after it",
      );
    } catch (error) {
      process.stderr.write(first.output() + second.output());
      throw error;
    } finally {
      await second.stop();
    }
  });

  it('takes over a notification a crashed server was sending within seconds, not after a minute', async () => {
    const orgFile = writeOrganisation();
    const sqlitePath = tempSqlitePath();
    const channelPost = (r: { method: string; path: string; body?: any }) =>
      r.method === 'POST' && r.path === '/v3/conversations' && r.body?.channelData?.channel;
    connector.requests.length = 0;
    // Teams never answers the first server's post: it holds the notification when it dies.
    connector.hang(channelPost);
    const first = await startBotUnderTest({
      orgFile,
      sqlitePath,
      env: { TEAMS_CALL_TIMEOUT_MS: '600000' },
    });
    await say(first, connector, asker, 'Hvordan melder jeg avvik?');
    await connector.waitFor(() => connector.hung().find(channelPost), 'the hanging channel post');
    await first.kill();
    connector.recover();

    // Restarted 15 seconds later by the clock its hold is measured in.
    const second = await startBotUnderTest({
      orgFile,
      sqlitePath,
      clock: new Date(new Date(testMorning).getTime() + 15_000).toISOString(),
    });
    try {
      const post = await connector.waitFor(
        () => connector.conversationsCreated().find(channelPost),
        'the triage card sent by the restarted server',
      );
      assert.match(cardText(cardOf(post.body.activity)), /QM-\d{4}-0001 · Hauge vgs/);
    } catch (error) {
      process.stderr.write(first.output() + second.output());
      throw error;
    } finally {
      await second.stop();
    }
  });
});
