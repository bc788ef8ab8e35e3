import assert from 'node:assert/strict';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import {
  cardOf,
  teamsFailures,
  type RecordedRequest,
  type TeamsFailure,
} from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText } from '../support/organisation';
import { testStore } from '../support/store-under-test';
import { triageChannelId } from '../support/teams-model';

const asker = teamsUser(people.asker);
const lise = teamsUser(people.dentalAsker);

/** What the outbox sends on its own (not the answers within a turn, which reply to an activity). */
const proactive = (r: RecordedRequest): boolean => r.method === 'POST' && !r.replyToId;

/** The inquiry numbers on cards in accepted posts that match, each as often as it was posted. */
function numbersPosted(requests: RecordedRequest[]): string[] {
  return requests.flatMap((r) => {
    const card = cardOf(r.path === '/v3/conversations' ? r.body?.activity : r.body);
    const number = /QM-\d{4}-\d{4}/.exec(cardText(card))?.[0];
    return number ? [number] : [];
  });
}

const counted = (numbers: string[]): Map<string, number> =>
  numbers.reduce((counts, n) => counts.set(n, (counts.get(n) ?? 0) + 1), new Map<string, number>());

/**
 * Inquiries asked into the storm, half by each asker: six make about twenty proactive calls, enough
 * for the hanging calls and every kind of failure in turn; more repeat the same paths.
 */
const inquiries = 6;

describe(`a storm of Teams failures, then recovery (${testStore})`, function () {
  this.timeout(300_000);
  const conversation = useConversation({ env: { TEAMS_CALL_TIMEOUT_MS: '1000' } });
  const { connector } = conversation;

  it('delivers every notification, none twice: 429s with Retry-After, 500s, refused connections and hanging calls', async () => {
    // The first proactive calls hang; the next ones meet throttling and server errors in turn.
    connector.hang(proactive, 3);
    const storm: TeamsFailure[] = Array.from({ length: 3 * inquiries }, (_, i) =>
      i % 3 === 0 ? teamsFailures.throttled(2) : { status: i % 3 === 1 ? 500 : 503 },
    );
    connector.failNext(proactive, storm);
    const askers: [TestUser, string][] = [];
    for (let i = 1; i <= inquiries / 2; i++) {
      askers.push([asker, `Storm ${i}: hvordan melder jeg et avvik på en elevtur?`]);
      askers.push([lise, `Storm ${i}: hvordan lukker jeg et avvik?`]);
    }
    for (const [who, text] of askers) {
      const response = await conversation.say(who, text);
      assert.equal(response.status, 200);
    }
    await conversation.bot().settle();

    // Teams cannot be reached at all for a while: the retries meet refused connections.
    await connector.refuseConnections();
    await conversation.bot().advance('PT1M');
    await connector.start();

    // Teams is back.
    connector.recover();
    for (let round = 0; round < 4; round++) await conversation.bot().advance('PT10M');

    const statuses = connector.requests.map((r) => r.status);
    assert.equal(statuses.filter((status) => status === 0).length, 3, 'three calls hung');
    assert.ok(statuses.includes(429) && statuses.includes(500) && statuses.includes(503));

    const channel = connector
      .conversationsCreated()
      .filter((r) => r.body?.channelData?.channel?.id === triageChannelId);
    const dentist = connector
      .sent()
      .filter((r) => r.conversationId === connector.chatOf('29:tone.tann'));
    const statusCards = (who: TestUser) =>
      connector
        .sent()
        .filter((r) => !r.replyToId && r.conversationId === personalConversationId(who));
    for (const [what, requests] of [
      ['triage cards in the channel', channel],
      ['triage cards to the dentist', dentist],
      ["the school asker's status cards", statusCards(asker)],
      ["the dental asker's status cards", statusCards(lise)],
    ] as const) {
      const counts = counted(numbersPosted(requests));
      assert.equal(
        counts.size,
        inquiries / 2,
        `${what}: one for each of ${inquiries / 2} inquiries (${[...counts.keys()].join(', ')})`,
      );
      assert.deepEqual(
        [...counts].filter(([, n]) => n > 1),
        [],
        `${what}: none posted twice`,
      );
    }
  });
});
