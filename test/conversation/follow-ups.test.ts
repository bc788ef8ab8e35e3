import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import {
  allowStartUp,
  startBotUnderTest,
  tempSqlitePath,
  testMorning,
  type BotUnderTest,
} from '../support/bot-server';
import { click, say } from '../support/conversation';
import { people } from '../support/domain-fixture';
import { cardOf, FakeConnector, teamsFailures } from '../support/fake-connector';
import {
  cardText,
  coordinatorAad,
  escalatingOrganisation,
  messageText,
  writeOrganisation,
} from '../support/organisation';
import { openBotStore, testStore } from '../support/store-under-test';
import { askInChannel } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
const anneUser = teamsUser({ ...people.coordinator, aadObjectId: coordinatorAad });

/** Round the clock, every follow-up after ten seconds; escalation slow enough to stay out of the way. */
const organisation = {
  ...escalatingOrganisation({
    superuser: 'PT1H',
    coordinator: 'PT1H',
    systemResponsible: 'PT1H',
    vendorReminderInterval: 'PT1H',
    vendorReminders: 0,
  }),
  calendar: '24/7',
  followUps: {
    askerReminderAfter: 'PT10S',
    askerReturnAfter: 'PT10S',
    unfinishedReminderAfter: 'PT10S',
    unfinishedDropAfter: 'PT10S',
    stalledReminderEvery: 'PT10S',
  },
};

describe(`nothing waits unseen, with two server instances on one store (${testStore})`, function () {
  // Two servers on the in-process Cosmos DB emulator take their time on a loaded machine.
  this.timeout(120_000);
  const connector = new FakeConnector();
  let first: BotUnderTest;
  let second: BotUnderTest;
  let sqlitePath = '';
  /** Seconds since the servers' clocks started. */
  let elapsed = 0;
  before(async function () {
    allowStartUp(this);
    await connector.start();
    const orgFile = writeOrganisation(organisation);
    sqlitePath = tempSqlitePath();
    [first, second] = await Promise.all([
      startBotUnderTest({ orgFile, sqlitePath }),
      startBotUnderTest({ orgFile, sqlitePath }),
    ]);
  });
  after(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await connector.stop();
  });
  beforeEach(() => {
    connector.requests.length = 0;
    connector.recover();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      [first, second].forEach((bot) => process.stderr.write(bot.output()));
    await Promise.all([first.settle(), second.settle()]);
  });

  /** Both servers' clocks move on together, and each does the work then due. */
  const passSeconds = async (seconds: number): Promise<void> => {
    elapsed += seconds;
    const at = new Date(new Date(testMorning).getTime() + elapsed * 1000);
    await Promise.all([first.setClock(at), second.setClock(at)]);
  };
  /** Messages in a person's 1:1 chat (theirs or one the bot started) whose text matches. */
  const toPerson = (user: TestUser | { aadObjectId: string }, pattern: RegExp) => {
    const chats = [
      'name' in user ? personalConversationId(user) : undefined,
      connector.chatOf(user.aadObjectId ?? ''),
    ];
    return connector
      .sent()
      .filter((r) => chats.includes(r.conversationId) && pattern.test(messageText(r)));
  };
  async function stored(inquiryId: string): Promise<Inquiry> {
    const store = await openBotStore(sqlitePath);
    try {
      const inquiry = await store.inquiries.get(inquiryId);
      assert.ok(inquiry);
      return inquiry;
    } finally {
      await store.close();
    }
  }
  const count = (inquiry: Inquiry, type: string) =>
    inquiry.history.filter((event) => event.type === type).length;

  it('reminds a silent asker once, then gives the inquiry back to its holder once', async () => {
    const { inquiryId, thread, number } = await askInChannel(first, connector);
    await click(first, connector, sverre, Verbs.claim, { inquiryId }, { conversationId: thread });
    const asked = await click(
      second,
      connector,
      sverre,
      Verbs.askAsker,
      { inquiryId, askerQuestion: 'Hvilken elevtur gjelder det?' },
      { conversationId: thread },
    );
    assert.match(cardText(asked.body.value), /Venter på innsender/);
    const reminder = new RegExp(
      `Påminnelse: Sverre Lunde venter fortsatt på svar fra deg om ${number}`,
    );
    await passSeconds(5);
    assert.deepEqual(toPerson(asker, reminder), [], 'not before its time');
    await passSeconds(5);
    await connector.waitFor(() => toPerson(asker, reminder)[0], 'the reminder to the asker');
    await passSeconds(5);
    const back = new RegExp(
      `${number}: Vi fikk ikke svar fra deg, så saken er tilbake hos Sverre Lunde`,
    );
    await passSeconds(5);
    await connector.waitFor(() => toPerson(asker, back)[0], 'the asker told it went back');
    const silent = new RegExp(`${number}: Innsender har ikke svart på spørsmålet ditt`);
    await connector.waitFor(() => toPerson(sverre, silent)[0], 'the holder told');
    await passSeconds(30);
    assert.equal(toPerson(asker, reminder).length, 1, 'one reminder');
    assert.equal(toPerson(asker, back).length, 1, 'one note that it went back');
    assert.equal(toPerson(sverre, silent).length, 1, 'one notice to the holder');
    const inquiry = await stored(inquiryId);
    assert.equal(inquiry.status, 'claimed');
    assert.equal(count(inquiry, 'asker_reminded'), 1);
    assert.equal(count(inquiry, 'returned_to_handler'), 1);
  });

  it('reminds the asker of a question left without a topic once, then drops it with a note', async () => {
    await say(first, connector, asker, 'Qm+ henger når jeg trykker på lagre');
    const pick = await connector.waitFor(
      () => toPerson(asker, /Hva gjelder spørsmålet\?/)[0],
      'the topic card',
    );
    const draftId = cardOf(pick.body).actions[0].data.draftId as string;
    const reminder = /Spørsmålet ditt er ikke sendt ennå/;
    const dropped = /Spørsmålet ditt «Qm\+ henger når jeg trykker på lagre» ble ikke sendt/;
    await passSeconds(10);
    await connector.waitFor(() => toPerson(asker, reminder)[0], 'the reminder');
    await passSeconds(10);
    await connector.waitFor(() => toPerson(asker, dropped)[0], 'the note that it was dropped');
    await passSeconds(30);
    assert.equal(toPerson(asker, reminder).length, 1, 'one reminder');
    assert.equal(toPerson(asker, dropped).length, 1, 'one note');
    const late = await click(
      second,
      connector,
      asker,
      Verbs.pickTopic,
      { draftId, topicId: 'annet' },
      { replyToId: pick.resultId! },
    );
    assert.match(JSON.stringify(late.body), /ugyldig eller utdatert/, 'nothing opened from it');
  });

  it('never follows up a question once it became an inquiry', async () => {
    await say(second, connector, asker, 'Skjermen blir hvit når jeg lagrer');
    const pick = await connector.waitFor(
      () => toPerson(asker, /Hva gjelder spørsmålet\?/)[0],
      'the topic card',
    );
    const draftId = cardOf(pick.body).actions[0].data.draftId as string;
    await click(
      first,
      connector,
      asker,
      Verbs.pickTopic,
      { draftId, topicId: 'annet' },
      {
        replyToId: pick.resultId!,
      },
    );
    await passSeconds(30);
    assert.deepEqual(toPerson(asker, /Spørsmålet ditt (er ikke sendt|«)/), []);
  });

  it('reminds the coordinators of a stalled inquiry on a schedule until someone acts', async () => {
    const { inquiryId, thread, number } = await askInChannel(second, connector);
    const where = { conversationId: thread };
    await click(first, connector, sverre, Verbs.escalate, { inquiryId }, where);
    await click(
      second,
      connector,
      anneUser,
      Verbs.escalate,
      { inquiryId, toVendor: 'true' },
      where,
    );
    // No reminders at the vendor level: it stalls when the vendor's first interval has passed.
    await passSeconds(3600);
    assert.equal((await stored(inquiryId)).status, 'stalled');
    const reminder = new RegExp(`${number} står fortsatt stanset hos`);
    const anne = { aadObjectId: coordinatorAad };
    await passSeconds(10);
    await connector.waitFor(() => toPerson(anne, reminder)[0], 'the first reminder');
    await passSeconds(10);
    await connector.waitFor(() => toPerson(anne, reminder)[1], 'the second reminder');
    assert.equal(toPerson(anne, reminder).length, 2, 'one per period');
    const answered = await click(
      first,
      connector,
      anneUser,
      Verbs.answer,
      { inquiryId, answerText: 'Leverandøren har rettet feilen.' },
      { conversationId: thread },
    );
    assert.match(cardText(answered.body.value), /Besvart/);
    await passSeconds(30);
    assert.equal(toPerson(anne, reminder).length, 2, 'no reminder once someone acted');
    assert.equal(count(await stored(inquiryId), 'stalled_reminded'), 2);
  });

  it('tells the coordinators once when a notification about an inquiry reaches nobody', async () => {
    // The asker has blocked the bot: what it sends her unasked is refused, in her chat or a new one.
    const blocked = () => teamsFailures.blockedByUser();
    connector.failNext(
      (r) =>
        r.method === 'POST' &&
        ((r.conversationId === personalConversationId(asker) && r.path.endsWith('/activities')) ||
          (r.path === '/v3/conversations' && JSON.stringify(r.body).includes(asker.aadObjectId!))),
      Array.from({ length: 50 }, blocked),
    );
    const { number } = await askInChannel(
      first,
      connector,
      'Hvordan melder jeg avvik om brann på skolen?',
    );
    await passSeconds(60);
    const told = new RegExp(`Et varsel om ${number} \\(Skoler\\) kom ikke fram i Teams`);
    const anne = { aadObjectId: coordinatorAad };
    await connector.waitFor(() => toPerson(anne, told)[0], 'the coordinator told');
    await passSeconds(60);
    assert.equal(toPerson(anne, told).length, 1, 'once per inquiry');
  });
});
