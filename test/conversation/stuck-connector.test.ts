import assert from 'node:assert/strict';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser } from '../support/activities';
import { cardOf, teamsFailures, type RecordedRequest } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText } from '../support/organisation';
import { testStore } from '../support/store-under-test';
import { triageChannelId } from '../support/teams-model';

const asker = teamsUser(people.asker);
const lise = teamsUser(people.dentalAsker);
/** Long enough for every retry the outbox schedules after a failed send to come due. */
const pastRetries = 'PT10M';

const channelPost = (r: RecordedRequest): boolean =>
  r.method === 'POST' &&
  r.path === '/v3/conversations' &&
  r.body?.channelData?.channel?.id === triageChannelId;

describe(`a call to Teams that never answers (${testStore})`, function () {
  this.timeout(60_000);
  const conversation = useConversation({ env: { TEAMS_CALL_TIMEOUT_MS: '1000' } });
  const { connector } = conversation;

  it('is given up after its timeout and sent again later, once', async () => {
    connector.hang(channelPost, 1);
    await conversation.say(asker, 'Hvordan melder jeg et avvik på en elevtur?');
    await connector.waitFor(
      () => connector.hung().find(channelPost),
      'the channel post that hangs',
    );
    // The hanging call fails on its own, so the work due now comes to an end.
    await conversation.bot().settle();
    await conversation.bot().advance(pastRetries);
    const posted = await connector.channelPost(triageChannelId);
    assert.match(cardText(cardOf(posted.body.activity)), /Hauge vgs/);
    assert.equal(connector.conversationsCreated().filter(channelPost).length, 1);
  });
});

describe(`a card Teams posts but answers with a failure for (${testStore})`, function () {
  this.timeout(60_000);
  const conversation = useConversation();
  const { connector } = conversation;
  const statusCard = (r: RecordedRequest): boolean =>
    r.method === 'POST' &&
    r.conversationId === personalConversationId(asker) &&
    !r.replyToId &&
    /QM-\d{4}-\d{4}/.test(cardText(cardOf(r.body)));

  it('is sent again, and the repeat is logged as a possible copy, since Teams takes no id to make a post idempotent', async () => {
    connector.failNext(statusCard, [{ status: 502, afterDoing: true }]);
    await conversation.say(asker, 'Hvordan melder jeg et avvik på en elevtur?');
    await connector.waitFor(
      () => connector.requests.find((r) => statusCard(r) && r.status === 502),
      'the status card Teams posts but answers 502 for',
    );
    await conversation.bot().settle();
    await conversation.bot().advance(pastRetries);
    await connector.waitFor(() => connector.sent().find(statusCard), 'the status card sent again');
    const line = await conversation.bot().logged(/may already have reached Teams/);
    assert.match(line, /"send":"asker"/);
  });
});

describe(`a stuck triage channel beside 1:1 messages (${testStore})`, function () {
  this.timeout(240_000);
  // Calls to Teams may take long here: the channel's stays unanswered while the test runs.
  const conversation = useConversation({ env: { TEAMS_CALL_TIMEOUT_MS: '120000' } });
  const { connector } = conversation;
  afterEach(() => connector.recover());

  /** Cards in a person's 1:1 chat whose text matches. */
  const cardsIn = (chat: string | undefined, pattern: RegExp) =>
    connector
      .sent()
      .filter((r) => r.conversationId === chat && pattern.test(cardText(cardOf(r.body))));

  /** The dental asker asks `count` questions, each a status card to her and a card to the dentist. */
  async function dentalQuestions(count: number, tag: string): Promise<void> {
    for (let i = 1; i <= count; i++) {
      const response = await conversation.say(lise, `${tag} ${i}: hvordan lukker jeg et avvik?`);
      assert.equal(response.status, 200);
    }
  }

  /** Waits until the asker and the dentist each have `count` cards about the dental inquiries. */
  async function allDelivered(count: number): Promise<void> {
    await connector.waitFor(
      () =>
        cardsIn(personalConversationId(lise), /QM-\d{4}-\d{4}/).length >= count &&
        cardsIn(connector.chatOf('29:tone.tann'), /Sola tannklinikk/).length >= count,
      `${count} status cards to the asker and ${count} triage cards to the dentist`,
      150_000,
    );
  }

  it('delivers 40 1:1 notifications while the call posting to the channel hangs', async () => {
    connector.hang(channelPost);
    await conversation.say(asker, 'Hvordan melder jeg et avvik på en elevtur?');
    await connector.waitFor(
      () => connector.hung().find(channelPost),
      'the channel post that hangs',
    );
    const before = cardsIn(personalConversationId(lise), /QM-\d{4}-\d{4}/).length;
    await dentalQuestions(20, 'Spørsmål');
    await allDelivered(before + 20);
    assert.equal(connector.hung().filter(channelPost).length, 1, 'the channel is still stuck');
    connector.recover();
  });

  it('sends nothing more into a conversation Teams has throttled until its Retry-After has passed', async () => {
    const queued = (r: RecordedRequest): boolean =>
      channelPost(r) && /Kø \d/.test(cardText(cardOf(r.body?.activity)));
    connector.failNext(queued, [teamsFailures.throttled(60)]);
    for (let i = 1; i <= 3; i++) {
      const response = await conversation.say(
        asker,
        `Kø ${i}: hvordan melder jeg et avvik på en elevtur?`,
      );
      assert.equal(response.status, 200);
    }
    await connector.waitFor(
      () => connector.requests.find((r) => queued(r) && r.status === 429),
      'the channel post Teams throttles',
    );
    await conversation.bot().settle();
    assert.equal(connector.requests.filter(channelPost).length, 1, 'one try, then the wait');
    await conversation.bot().advance('PT2M');
    await connector.waitFor(
      () => connector.conversationsCreated().filter(queued).length >= 3 || undefined,
      'the three triage cards once the wait is over',
    );
    assert.equal(connector.conversationsCreated().filter(queued).length, 3);
    assert.equal(connector.requests.filter(queued).length, 4);
  });

  it('delivers 1:1 notifications while Teams throttles the triage channel (429 with Retry-After)', async () => {
    connector.failNext(
      channelPost,
      Array.from({ length: 20 }, () => teamsFailures.throttled(120)),
    );
    await conversation.say(asker, 'Hvordan finner jeg prosedyren for elevtur?');
    await connector.waitFor(
      () => connector.requests.find((r) => channelPost(r) && r.status === 429),
      'the channel post Teams throttles',
    );
    const before = cardsIn(personalConversationId(lise), /QM-\d{4}-\d{4}/).length;
    await dentalQuestions(5, 'Spørsmål under struping');
    await allDelivered(before + 5);
  });
});
