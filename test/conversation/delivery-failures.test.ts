import assert from 'node:assert/strict';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser } from '../support/activities';
import { cardOf, teamsFailures, type RecordedRequest } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { openBotStore } from '../support/store-under-test';
import { nextMonday, officeWeek } from '../support/office-week';
import { cardText, escalatingOrganisation, messageText } from '../support/organisation';
import { triageChannelId, triageTeamId } from '../support/teams-model';

const lise = teamsUser(people.dentalAsker);
const asker = teamsUser(people.asker);
/** Long enough for every retry the outbox schedules after a failed send to come due. */
const pastRetries = 'PT10M';

describe('when Teams refuses a send', function () {
  this.timeout(40000);
  const conversation = useConversation();
  const { connector } = conversation;
  const dentistChat = () => connector.chatOf('29:tone.tann')!;
  const cardsIn = (chat: string, pattern: RegExp) =>
    connector
      .sent()
      .filter((r) => r.conversationId === chat && pattern.test(cardText(cardOf(r.body))));
  /** Waits for Teams' refusal to be answered and recorded, then for any retry it leads to. */
  const afterRefusal = async (refusal: (r: RecordedRequest) => boolean): Promise<void> => {
    await connector.waitFor(() => connector.requests.find(refusal), 'Teams’ refusal');
    await conversation.bot().settle();
    await conversation.bot().advance(pastRetries);
  };

  /** The number of the inquiry the dental asker just opened, from her status card. */
  const latestNumber = async (): Promise<string> => {
    const status = await connector.waitFor(
      () =>
        connector
          .sent()
          .filter((r) => r.conversationId === personalConversationId(lise))
          .map((r) => /QM-\d{4}-\d{4}/.exec(messageText(r))?.[0])
          .filter(Boolean)
          .at(-1),
      'the asker’s status card with the inquiry number',
    );
    return status;
  };
  const triageCardIn = async (chat: () => string | undefined, what: string) => {
    const number = await latestNumber();
    return connector.waitFor(
      () => cardsIn(chat() ?? '', new RegExp(`${number} · Sola tannklinikk`))[0],
      what,
    );
  };

  /** The history of the dental asker's latest inquiry, once everything due has been sent. */
  async function latestHistory(): Promise<{ type: string; note?: string }[]> {
    await conversation.bot().advance(pastRetries);
    const store = await openBotStore(conversation.bot().sqlitePath);
    try {
      const [inquiry] = await store.inquiries.listByAsker(people.dentalAsker.email, 1);
      return inquiry?.history ?? [];
    } finally {
      await store.close();
    }
  }

  it('tries again after 412 Precondition Failed, as Teams asks', async () => {
    const channelPost = (r: RecordedRequest) =>
      r.path === '/v3/conversations' && r.body?.channelData?.channel?.id === triageChannelId;
    connector.failNext(channelPost, [teamsFailures.preconditionFailed()]);
    await conversation.say(asker, 'Hvordan melder jeg et avvik?');
    await connector.waitFor(
      () => connector.requests.find((r) => channelPost(r) && r.status === 412),
      'the channel post Teams answers 412',
    );
    // Once the failed send is recorded, move past the wait before it is tried again.
    await conversation.bot().settle();
    await conversation.bot().advance(pastRetries);
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
      const history = await latestHistory();
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
    const deleted = dentistChat();
    connector.deleteChat('29:tone.tann');
    await conversation.say(lise, 'Hvordan lukker jeg et avvik?');
    await afterRefusal((r) => r.conversationId === deleted && r.status === 404);
    const second = await triageCardIn(dentistChat, 'the second card, in a new chat');
    assert.ok(second);
  });

  it('starts the chat again when Teams refuses the stored one (403)', async () => {
    await conversation.say(lise, 'Hvordan melder jeg et avvik?');
    await triageCardIn(dentistChat, 'the first triage card to the dentist');
    connector.failNext(
      (r) => r.method === 'POST' && r.conversationId === dentistChat(),
      [teamsFailures.botNotInRoster()],
    );
    const refused = dentistChat();
    await conversation.say(lise, 'Hvordan lukker jeg et avvik?');
    await afterRefusal((r) => r.conversationId === refused && r.status === 403);
    await triageCardIn(dentistChat, 'the second card to the dentist');
    const number = await latestNumber();
    assert.deepEqual(cardsIn(connector.chatOf('29:dag.koord')!, new RegExp(number)), []);
  });
});

describe('a notification of several sends, when one fails', function () {
  this.timeout(40000);
  const conversation = useConversation({
    organisation: escalatingOrganisation(),
    eachTestAt: nextMonday,
  });
  const { connector } = conversation;

  it('sends again only what failed: the thread hears of the system responsible once', async () => {
    const arnesChat = connector.chatOf('29:arne.hope')!;
    const week = officeWeek(conversation.bot().now());
    connector.failNext(
      (r) => r.method === 'POST' && r.conversationId === arnesChat,
      Array.from({ length: 4 }, () => ({ status: 500 })),
    );
    await conversation.say(asker, 'Hvordan melder jeg et avvik?');
    const post = await connector.channelPost(triageChannelId);
    const thread = `${triageChannelId};messageid=${post.resultId}`;
    // Past the superusers' four working hours, then the coordinator's working day: the system
    // responsible is mentioned in the thread and told 1:1, where Teams fails four times.
    await conversation.bot().setClock(week.at('mon', '13:00'));
    await conversation.bot().setClock(week.at('tue', '13:00'));
    for (let retry = 0; retry < 6; retry++) await conversation.bot().advance(pastRetries);
    await connector.waitFor(
      () =>
        connector
          .sent()
          .find((r) => r.conversationId === arnesChat && /QM-\d{4}-0001/.test(messageText(r))),
      'the notice in the system responsible’s chat, once Teams recovers',
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
    organisation: escalatingOrganisation(),
    setUp: (connector) => connector.setBotInTeam(triageTeamId, false),
  });
  const { connector } = conversation;
  const inChat = (teamsId: string, pattern: RegExp) =>
    connector
      .sent()
      .filter(
        (r) => r.conversationId === connector.chatOf(teamsId) && pattern.test(messageText(r)),
      );

  it('sends the triage card 1:1 to the level’s people, and tells the coordinator once, though the first message to her fails', async () => {
    const toldAnne = (r: RecordedRequest) =>
      r.method === 'POST' &&
      r.conversationId === connector.chatOf('29:anne.winter') &&
      /får ikke skrevet i kanalen/.test(messageText(r));
    connector.failNext(toldAnne, [{ status: 500 }]);
    await conversation.say(asker, 'Hvordan melder jeg et avvik?');
    await connector.waitFor(
      () => connector.requests.find((r) => toldAnne(r) && r.status === 500),
      'the message to the coordinator that fails',
    );
    await conversation.bot().settle();
    await conversation.bot().advance(pastRetries);
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
    await conversation.bot().advance(pastRetries);
    await connector.waitFor(
      () => inChat('29:sverre.lunde', /QM-\d{4}-0002 · Hauge vgs/)[0],
      'the second triage card in Sverre’s chat',
    );
    assert.equal(inChat('29:anne.winter', /får ikke skrevet i kanalen/).length, 1, 'told once');
  });

  it('tells the asker that the level’s people got it in chat, not that the work area has it', async () => {
    await conversation.say(asker, 'Hvor finner jeg avviksskjemaet?');
    await conversation.bot().advance(pastRetries);
    const askerChat = personalConversationId(asker);
    const told = /Varslet: \s*Sverre Lunde og Hilde Berg, i 1:1-chat/;
    await connector.waitFor(
      () =>
        [...connector.sent(), ...connector.updates()].find(
          (r) => r.conversationId === askerChat && told.test(cardText(cardOf(r.body))),
        ),
      'the asker’s status card saying the superusers got it in chat',
    );
  });

  it('takes the inquiry to the coordinator 1:1 when the superusers’ time is up, without trying the channel again', async () => {
    await conversation.bot().setClock(nextMonday(conversation.bot().now()));
    const week = officeWeek(conversation.bot().now());
    await conversation.say(asker, 'Hvordan melder jeg et avvik på en elevtur?');
    await conversation.bot().advance(pastRetries);
    const first = await connector.waitFor(
      () => inChat('29:sverre.lunde', /QM-\d{4}-\d{4} · Hauge vgs/)[0],
      'the triage card in Sverre’s chat',
    );
    const number = /QM-\d{4}-\d{4}/.exec(messageText(first))![0];
    const channelPosts = () =>
      connector.requests.filter(
        (r) =>
          r.path === '/v3/conversations' &&
          r.body?.channelData?.channel?.id === triageChannelId &&
          messageText(r).includes(number),
      );
    assert.equal(channelPosts().length, 1, 'the channel was tried once for the new inquiry');
    // Past the superusers' four working hours: the coordinator's turn.
    await conversation.bot().setClock(week.at('mon', '14:00'));
    await conversation.bot().advance(pastRetries);
    await connector.waitFor(
      () => inChat('29:anne.winter', new RegExp(`${number} · Hauge vgs`))[0],
      'the triage card in the coordinator’s chat',
    );
    await conversation.bot().settle();
    assert.equal(channelPosts().length, 1, 'the channel that refused was not tried again');
    const store = await openBotStore(conversation.bot().sqlitePath);
    try {
      const inquiry = await store.inquiries.byNumber(number);
      const failures = inquiry?.history.filter(
        (e) => e.type === 'delivery_failed' && e.note?.includes('Qm+ triage skole'),
      );
      assert.equal(failures?.length, 1, JSON.stringify(inquiry?.history));
    } finally {
      await store.close();
    }
    const askerChat = personalConversationId(asker);
    const told = /Varslet: \s*Sverre Lunde, Hilde Berg og Anne Winter, i 1:1-chat/;
    await connector.waitFor(
      () =>
        [...connector.sent(), ...connector.updates()].find(
          (r) =>
            r.conversationId === askerChat &&
            cardText(cardOf(r.body)).includes(number) &&
            told.test(cardText(cardOf(r.body))),
        ),
      'the asker’s status card saying the coordinator got it in chat too',
    );
  });

  it('posts the next inquiry in the channel once the app is added to the team', async () => {
    connector.setBotInTeam(triageTeamId, true);
    await conversation.say(asker, 'Hvor finner jeg prosedyren for elevtur?');
    const post = await connector.channelPost(triageChannelId);
    assert.match(messageText(post), /QM-\d{4}-\d{4} · Hauge vgs/);
  });
});
