import assert from 'node:assert/strict';
import { organisation, people } from '../support/domain-fixture';
import { teamsUser } from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { messageText } from '../support/organisation';
import { triageChannelId, triageTeamId } from '../support/teams-model';

const asker = teamsUser(people.asker);

describe('mentions in cards', function () {
  this.timeout(30000);
  const conversation = useConversation({
    // The coordinator is listed by email alone, and Teams knows her by another UPN, outside the team.
    organisation: {
      ...organisation,
      escalation: { superuser: 'PT4H', coordinator: 'PT8H', systemResponsible: 'P2D' },
      calendar: '24/7',
    },
    setUp: (connector) => {
      connector.changeUser('29:anne.winter', {
        userPrincipalName: 'awi@fylke.onmicrosoft.example',
      });
      connector.removeFromTeam(triageTeamId, '29:anne.winter');
    },
  });
  const { connector } = conversation;

  it('never mentions by email: a person with no Teams or Entra id is left out of the mention', async () => {
    await conversation.say(asker, 'Hvordan melder jeg et avvik?');
    const post = await connector.channelPost(triageChannelId);
    const thread = `${triageChannelId};messageid=${post.resultId}`;
    // Past the superusers' four hours: the coordinator is mentioned in the thread.
    await conversation.bot().advance('PT4H');
    const ping = await connector.waitFor(
      () =>
        connector
          .sent()
          .find((r) => r.conversationId === thread && /har ikke fått svar/.test(messageText(r))),
      'the escalation ping in the thread',
    );
    const ids = (cardOf(ping.body)?.msteams?.entities ?? []).map((e: any) => e.mentioned.id);
    assert.ok(
      ids.every((id: string) => !id.includes('@')),
      ids.join(', '),
    );
    await conversation.bot().logged(/person left out of a mention/);
  });
});
