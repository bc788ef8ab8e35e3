import assert from 'node:assert/strict';
import { people } from '../support/domain-fixture';
import {
  otherTenantId,
  personalMessage,
  teamsUser,
  tenantId,
  type TestUser,
} from '../support/activities';
import { cardOf, type FakeConnector } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { nextMonday, officeWeek } from '../support/office-week';
import { escalatingOrganisation, messageText } from '../support/organisation';

/** Someone from another organisation who has found the bot. */
const outsider: TestUser = {
  teamsId: '29:ola.utenfor',
  aadObjectId: '30000000-0000-4000-8000-000000000001',
  name: 'Ola Utenfor',
  email: 'ola@annen.example',
};

/** The outsider as Teams knows them: in their own tenant, in none of the organisation's teams. */
const addOutsider = (connector: FakeConnector): void => {
  connector.addUser(
    {
      teamsId: outsider.teamsId,
      aadObjectId: outsider.aadObjectId!,
      userPrincipalName: outsider.email,
      name: outsider.name,
      tenantId: otherTenantId,
    },
    [],
  );
};

describe('tenants', function () {
  this.timeout(30000);

  describe('with only the organisation’s own tenant allowed', () => {
    const conversation = useConversation({
      setUp: addOutsider,
    });
    const { connector } = conversation;

    it('serves nobody from another tenant: no answer, and nothing sent on their behalf', async () => {
      const response = await conversation.bot().post(
        personalMessage({
          from: outsider,
          text: 'Hvordan melder jeg et avvik?',
          serviceUrl: connector.url,
          tenantId: otherTenantId,
        }),
      );
      assert.ok(response.status < 300, `Teams is not told to try again (${response.status})`);
      // The organisation's own people are served as before.
      const asker = teamsUser(people.asker);
      await conversation.say(asker, 'Hvordan melder jeg et avvik?');
      await connector.waitFor(
        () => connector.conversationsCreated().find((r) => r.body?.channelData?.channel),
        'the triage card for the organisation’s own asker',
      );
      assert.deepEqual(
        connector.requests.filter((r) => r.conversationId === 'a:chat-ola.utenfor'),
        [],
        'nothing went to the outsider',
      );
      await conversation.bot().logged(/tenant this bot does not serve/);
    });
  });

  describe('with two tenants allowed', () => {
    const conversation = useConversation({
      organisation: escalatingOrganisation(),
      eachTestAt: nextMonday,
      env: { ALLOWED_TENANTS: `${tenantId},${otherTenantId}`, LOG_LEVEL: 'info' },
      setUp: addOutsider,
    });
    const { connector } = conversation;

    it('keeps each tenant’s endpoint: a message from the second does not redirect the first’s 1:1 sends', async () => {
      const lise = teamsUser(people.dentalAsker);
      await conversation.say(lise, 'Hvordan melder jeg et avvik?');
      const toDentist = connector.chatOf(people.dentist.aadObjectId)!;
      await connector.waitFor(
        () => connector.sent().find((r) => r.conversationId === toDentist && cardOf(r.body)),
        'the triage card in the dentist’s chat',
      );
      await conversation.bot().post(
        personalMessage({
          from: outsider,
          text: 'hei',
          serviceUrl: connector.url,
          tenantId: otherTenantId,
        }),
      );
      // Past the superuser's four working hours: the inquiry goes to the coordinator 1:1.
      await conversation.bot().setClock(officeWeek(conversation.bot().now()).at('mon', '13:00'));
      const toCoordinator = connector.chatOf(people.dentalCoordinator.aadObjectId)!;
      const escalated = await connector.waitFor(
        () =>
          connector
            .sent()
            .find(
              (r) => r.conversationId === toCoordinator && /QM-\d{4}-0001/.test(messageText(r)),
            ),
        'the escalated inquiry in the dental coordinator’s chat',
      );
      assert.ok(escalated);
      const started = connector
        .conversationsCreated()
        .filter((r) => !r.body?.channelData?.channel)
        .map((r) => r.body?.tenantId ?? r.body?.channelData?.tenant?.id);
      assert.ok(started.length > 0);
      assert.ok(
        started.every((t) => t === tenantId),
        `every chat was started in the organisation’s tenant: ${started.join(', ')}`,
      );
    });
  });
});
