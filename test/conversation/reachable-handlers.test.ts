import assert from 'node:assert/strict';
import { organisation, people } from '../support/domain-fixture';
import { teamsUser } from '../support/activities';
import { cardOf, type FakeConnector } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText } from '../support/organisation';
import { triageTeamId } from '../support/teams-model';

const lise = teamsUser(people.dentalAsker);

/** The triage card in the dentist's 1:1 chat, however the bot started it. */
function triageCardToDentist(connector: FakeConnector) {
  return connector.waitFor(
    () =>
      connector
        .sent()
        .find(
          (r) =>
            r.conversationId === connector.chatOf('29:tone.tann') &&
            /Sola tannklinikk/.test(cardText(cardOf(r.body))),
        ),
    'the triage card in the dentist’s 1:1 chat',
  );
}

describe('reaching every handler in 1:1 chat', function () {
  this.timeout(30000);

  describe('a superuser without the app installed personally', () => {
    const conversation = useConversation({
      setUp: (connector) =>
        connector.changeUser(people.dentist.aadObjectId, { personalInstall: false }),
    });

    it('is reached by the Teams id the triage team’s roster gives', async () => {
      await conversation.say(lise, 'Hvordan melder jeg et avvik?');
      const card = await triageCardToDentist(conversation.connector);
      assert.ok(cardOf(card.body).actions.length > 0, 'with the actions to handle it');
    });
  });

  describe('a superuser the organisation file lists by email only', () => {
    const conversation = useConversation({
      organisation: {
        ...organisation,
        people: organisation.people.map((person) =>
          person.email === people.dentist.email
            ? { email: person.email, name: person.name, unit: person.unit }
            : person,
        ),
      },
    });

    it('is reached through the roster, looked up by the email as UPN, never started by email', async () => {
      const { connector } = conversation;
      await conversation.say(lise, 'Hvordan melder jeg et avvik?');
      await triageCardToDentist(connector);
      assert.ok(
        connector
          .conversationsCreated()
          .every((r) => !String(r.body?.members?.[0]?.id).includes('@')),
      );
    });
  });

  describe('at start', () => {
    const env: Record<string, string> = {};
    const conversation = useConversation({
      env,
      setUp: (connector) => {
        env.TEAMS_SERVICE_URL = connector.url;
        connector.removeFromTeam(triageTeamId, people.coordinator.email);
      },
    });

    it('says who cannot be reached and why, by pseudonym, never by name or address', async () => {
      const { connector } = conversation;
      const line = await conversation.bot().logged(/a handler cannot be reached/);
      const logged = JSON.parse(line) as { person: string; reason: string };
      assert.match(logged.person, /^anon:/);
      assert.doesNotMatch(line, new RegExp(people.coordinator.email, 'i'));
      assert.match(logged.reason, /not a member of any triage team/);
      assert.doesNotMatch(line, /Anne Winter/);
      assert.ok(
        connector.requests.some(
          (r) => r.method === 'GET' && r.path.includes('/members/') && r.status === 200,
        ),
        'the others were found in the roster',
      );
    });
  });
});
