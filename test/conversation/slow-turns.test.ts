import assert from 'node:assert/strict';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser } from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { useConversation } from '../support/conversation';

const admin = teamsUser(people.admin);

/**
 * A turn that waits on Teams (here a roster read Teams never answers, cut by the call timeout)
 * takes seconds: the person gets the answer and nothing else, no typing indicator before it.
 */
describe('a slow turn', function () {
  this.timeout(120_000);
  const env: Record<string, string> = { TEAMS_CALL_TIMEOUT_MS: '2000' };
  const conversation = useConversation({
    env,
    setUp: (connector) => {
      env.TEAMS_SERVICE_URL = connector.url;
    },
  });
  const { connector } = conversation;

  it('sends its answer and no typing indicator while it works', async () => {
    await conversation.bot().settle();
    connector.hang((r) => r.method === 'GET' && r.path.startsWith('/v3/teams/'), 1);
    await conversation.say(admin, 'oppsett');
    const chat = personalConversationId(admin);
    const answer = await connector.waitFor(
      () => connector.sent().find((r) => r.conversationId === chat && r.body?.type === 'message'),
      'the answer to «oppsett»',
    );
    assert.ok(cardOf(answer.body) ?? answer.body?.text, 'the answer says something');
    assert.equal(connector.hung().length, 1, 'the turn waited on Teams');
    await conversation.bot().settle();
    assert.deepEqual(
      connector
        .sent()
        .filter((r) => r.body?.type !== 'message')
        .map((r) => r.carried),
      [],
    );
  });
});
