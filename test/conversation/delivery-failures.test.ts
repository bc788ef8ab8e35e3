import assert from 'node:assert/strict';
import { people } from '../unit/domain-fixture';
import { teamsUser } from '../support/activities';
import { cardOf, teamsFailures, type RecordedRequest } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { openBotStore } from '../support/store-under-test';
import { cardText, fastOrganisation, messageText } from '../support/organisation';
import { triageChannelId, triageTeamId } from '../support/teams-model';

const lise = teamsUser(people.dentalAsker);
const asker = teamsUser(people.asker);
const fastEnv = { OUTBOX_RETRY_BASE_MS: '100' };

describe('when Teams refuses a send', function () {
  this.timeout(40000);
  const conversation = useConversation({ env: fastEnv });
  const { connector } = conversation;
  const dentistChat = () => connector.chatOf('29:tone.tann')!;
  const cardsIn = (chat: string, pattern: RegExp) =>
    connector
      .sent()
      .filter((r) => r.conversationId === chat && pattern.test(cardText(cardOf(r.body))));
  const triageCardIn = (chat: () => string | undefined, what: string, number = 1) =>
    connector.waitFor(
      () => cardsIn(chat() ?? '', new RegExp(`QM-\\d{4}-000${number} · Sola tannklinikk`))[0],
      what,
    );

  /** The inquiry's history as the bot stored it, once `until` holds (polled, with an upper bound). */
  async function historyWhen(
    until: (history: { type: string; note?: string }[]) => boolean,
  ): Promise<{ type: string; note?: string }[]> {
    const store = await openBotStore(conversation.bot().sqlitePath);
    try {
      let history: { type: string; note?: string }[] = [];
      for (let tries = 0; tries < 300 && !until(history); tries++) {
        if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 50));
        const [inquiry] = await store.inquiries.listByAsker(people.dentalAsker.email, 1);
        history = inquiry?.history ?? [];
      }
      assert.ok(until(history), JSON.stringify(history));
      return history;
    } finally {
      await store.close();
    }
  }

  it('tries again after 412 Precondition Failed, as Teams asks', async () => {
    const channelPost = (r: RecordedRequest) =>
      r.path === '/v3/conversations' && r.body?.channelData?.channel?.id === triageChannelId;
    connector.failNext(channelPost, [teamsFailures.preconditionFailed()]);
    await conversation.say(asker, 'Hvordan melder jeg et avvik?');
    await connector.channelPost(triageChannelId);
    assert.equal(connector.requests.filter((r) => channelPost(r) && r.status === 412).length, 1);
  });

  for (const [status, failure] of [
    [413, teamsFailures.tooLarge()],
    [400, teamsFailures.badArgument()],
  ] as const) {
    it(`does not pass a message Teams refuses as such (${status}) down the chain as if nobody could be reached`, async () => {
      connector.failNext(
        (r) => r.method === 'POST' && r.conversationId === dentistChat() && cardOf(r.body),
        [failure],
      );
      await conversation.say(lise, 'Hvordan melder jeg et avvik?');
      const history = await historyWhen((h) => h.some((e) => e.type === 'delivery_failed'));
      assert.ok(
        history.some(
          (e) => e.type === 'delivery_failed' && new RegExp(String(status)).test(e.note ?? ''),
        ),
        JSON.stringify(history),
      );
      assert.deepEqual(
        cardsIn(connector.chatOf('29:dag.koord')!, /Sola tannklinikk/),
        [],
        'the coordinator was not sent it instead',
      );
    });
  }

  it('starts the chat again when Teams no longer has it (404 ConversationNotFound)', async () => {
    await conversation.say(lise, 'Hvordan melder jeg et avvik?');
    await triageCardIn(dentistChat, 'the first triage card to the dentist');
    connector.deleteChat('29:tone.tann');
    await conversation.say(lise, 'Hvordan lukker jeg et avvik?');
    const second = await triageCardIn(dentistChat, 'the second card, in a new chat', 2);
    assert.ok(second);
  });

  it('starts the chat again when Teams refuses the stored one (403)', async () => {
    await conversation.say(lise, 'Hvordan melder jeg et avvik?');
    await triageCardIn(dentistChat, 'the first triage card to the dentist');
    connector.failNext(
      (r) => r.method === 'POST' && r.conversationId === dentistChat(),
      [teamsFailures.botNotInRoster()],
    );
    await conversation.say(lise, 'Hvordan lukker jeg et avvik?');
    await triageCardIn(dentistChat, 'the second card to the dentist', 2);
    assert.deepEqual(cardsIn(connector.chatOf('29:dag.koord')!, /QM-\d{4}-0002/), []);
  });
});

describe('a notification of several sends, when one fails', function () {
  this.timeout(40000);
  const conversation = useConversation({
    organisation: fastOrganisation({
      superuser: 'PT1S',
      coordinator: 'PT1S',
      systemResponsible: 'PT60S',
    }),
    env: { SCHEDULER_INTERVAL_MS: '100', OUTBOX_RETRY_BASE_MS: '100' },
  });
  const { connector } = conversation;

  it('sends again only what failed: the thread hears of the system responsible once', async () => {
    const arnesChat = connector.chatOf('29:arne.hope')!;
    connector.failNext(
      (r) => r.method === 'POST' && r.conversationId === arnesChat,
      Array.from({ length: 4 }, () => ({ status: 500 })),
    );
    await conversation.say(asker, 'Hvordan melder jeg et avvik?');
    const post = await connector.channelPost(triageChannelId);
    const thread = `${triageChannelId};messageid=${post.resultId}`;
    await connector.waitFor(
      () =>
        connector
          .sent()
          .find((r) => r.conversationId === arnesChat && /QM-\d{4}-0001/.test(messageText(r))),
      'the notice in the system responsible’s chat, once Teams recovers',
      20000,
    );
    const pings = connector
      .sent()
      .filter((r) => r.conversationId === thread && /Arne Hope<\/at>/.test(messageText(r)));
    assert.equal(pings.length, 1, 'the thread reply was not repeated');
  });
});

describe('when the triage channel cannot be posted to', function () {
  this.timeout(40000);
  const conversation = useConversation({
    organisation: fastOrganisation({
      superuser: 'PT4H',
      coordinator: 'PT8H',
      systemResponsible: 'P2D',
    }),
    env: fastEnv,
    setUp: (connector) => connector.setBotInTeam(triageTeamId, false),
  });
  const { connector } = conversation;
  const inChat = (teamsId: string, pattern: RegExp) =>
    connector
      .sent()
      .filter(
        (r) => r.conversationId === connector.chatOf(teamsId) && pattern.test(messageText(r)),
      );

  it('sends the triage card 1:1 to the level’s people, and tells the coordinator once', async () => {
    await conversation.say(asker, 'Hvordan melder jeg et avvik?');
    for (const superuser of ['29:sverre.lunde', '29:hilde.berg'])
      await connector.waitFor(
        () => inChat(superuser, /QM-\d{4}-0001 · Hauge vgs/)[0],
        `the triage card in ${superuser}’s chat`,
      );
    await connector.waitFor(
      () => inChat('29:anne.winter', /får ikke skrevet i kanalen/)[0],
      'the coordinator told the channel cannot be posted to',
    );
    await conversation.say(asker, 'Hvordan lukker jeg et avvik?');
    await connector.waitFor(
      () => inChat('29:sverre.lunde', /QM-\d{4}-0002 · Hauge vgs/)[0],
      'the second triage card in Sverre’s chat',
    );
    assert.equal(inChat('29:anne.winter', /får ikke skrevet i kanalen/).length, 1, 'told once');
  });
});
