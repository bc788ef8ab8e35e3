import assert from 'node:assert/strict';
import { organisation, people } from '../support/domain-fixture';
import { personalConversationId, teamsUser } from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText, messageText } from '../support/organisation';
import { triageTeamId } from '../support/teams-model';

const admin = teamsUser(people.admin);
const sverre = teamsUser(people.sverre);

describe('the setup command', function () {
  this.timeout(30000);
  const env: Record<string, string> = {};
  const conversation = useConversation({
    env,
    organisation: {
      ...organisation,
      workAreas: organisation.workAreas.map((area) =>
        area.id === 'tannhelse'
          ? {
              ...area,
              triageChannel: {
                teamId: triageTeamId,
                channelId: '19:finnes-ikke@thread.tacv2',
                name: 'Qm+ triage tannhelse',
              },
            }
          : area,
      ),
    },
    setUp: (connector) => {
      env.TEAMS_SERVICE_URL = connector.url;
      connector.removeFromTeam(triageTeamId, people.coordinator.email);
    },
  });
  const { connector } = conversation;
  const lastTo = (user: typeof admin) =>
    connector.waitFor(
      () =>
        connector
          .sent()
          .find(
            (r) => r.conversationId === personalConversationId(user) && r.body?.type === 'message',
          ),
      'the answer in the 1:1 chat',
    );

  it('shows an admin who in the chain cannot be reached in Teams and which channels cannot be posted to, and why', async () => {
    await conversation.say(admin, 'oppsett');
    const answer = await lastTo(admin);
    const card = cardOf(answer.body);
    assert.ok(card, `a card, not ${answer.via}: ${answer.carried}`);
    const text = cardText(card);
    assert.match(text, /Oppsett i Teams/);
    assert.match(text, /Anne Winter \(anne\.winter@fylke\.example\)/);
    assert.match(text, /Er ikke medlem av noe triageteam/);
    assert.doesNotMatch(text, /Sverre Lunde/, 'only those who cannot be reached');
    assert.match(text, /«Qm\+ triage tannhelse» for Tannhelse:/);
    assert.match(text, /Kanalen finnes ikke i teamet/);
    assert.doesNotMatch(text, /triage skole/, 'the working channel is not listed');
  });

  it('answers “setup” in English too', async () => {
    await conversation.say(admin, 'Setup', { locale: 'en-US' });
    const text = cardText(cardOf((await lastTo(admin)).body));
    assert.match(text, /Setup in Teams/);
    assert.match(text, /Cannot be reached in 1:1 chat/);
  });

  it('tells anyone else that only admins see it, and what they can do instead, opening no inquiry', async () => {
    await conversation.say(sverre, 'oppsett');
    const answer = await lastTo(sverre);
    assert.match(
      messageText(answer),
      /Bare administratorer .* kan se oppsettet\. Du kan stille et spørsmål/,
    );
    await conversation.bot().settle();
    assert.equal(connector.conversationsCreated().length, 0, 'no triage card was posted');
  });
});
