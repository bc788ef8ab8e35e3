import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import type { Inquiry, NewInquiry } from '../../src/inquiries/inquiry';
import { buildChain } from '../../src/routing/chain';
import { people, testDirectory } from '../support/domain-fixture';
import { personalConversationId, personalMessage, teamsUser } from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { nextInChat, useConversation } from '../support/conversation';
import { cardText, messageText, numbersIn } from '../support/organisation';
import { openBotStore, testStore } from '../support/store-under-test';
import { askInChannel, schoolTriageChannel } from '../support/triage';
import { triageTeamId } from '../support/teams-model';
import { executes } from '../support/card-nodes';

const asker = teamsUser(people.asker);
const lise = teamsUser(people.dentalAsker);
const sverre = teamsUser(people.sverre);
const per = teamsUser(people.otherSuperuser);
const anne = teamsUser(people.coordinator);
const eva = teamsUser(people.admin);
const dag = teamsUser(people.dentalCoordinator);

/** Teams' limit for an Adaptive Card in a message, about 28 KB. */
const cardLimit = 28 * 1024;

/** The queue line actions of an inquiry, by its id. */
function lineActions(card: any, inquiryId: string): string[] {
  return executes(card)
    .filter((a) => a.data?.inquiryId === inquiryId)
    .map((a) => a.verb);
}

describe("a handler's queue over real HTTP", function () {
  this.timeout(120_000);
  const { connector, bot, say, ask, click } = useConversation();

  /** A question from the dental asker, whose clinic has no triage channel. */
  function askDental(): Promise<string> {
    return nextInChat(
      connector,
      lise,
      () => say(lise, 'Hvor finner jeg prosedyren for smittevern i e-håndboken?'),
      (r) => /QM-\d{4}-\d{4}/.exec(messageText(r))?.[0],
      "the dental asker's status card",
    );
  }

  it('shows a superuser the open inquiries of their own units, grouped, with claim and open', async () => {
    const school = await askInChannel(bot(), connector);
    const dental = await askDental();

    const reply = await ask(sverre, 'kø');
    const card = cardOf(reply.body);
    assert.ok(card, `the queue is a card: ${JSON.stringify(reply.body).slice(0, 600)}`);
    const text = cardText(card);
    assert.match(text, /Min kø/);
    assert.match(text, /Ikke tatt/);
    assert.ok(numbersIn(card).includes(school.number), 'the unit’s inquiry is listed');
    assert.ok(!numbersIn(card).includes(dental), 'another unit’s inquiry is not');
    assert.match(text, new RegExp(`${school.number} · Hauge vgs · Avvik`));
    assert.match(text, /Ventet .*· frist .*· Ingen ennå/);
    assert.deepEqual(lineActions(card, school.inquiryId), [Verbs.queueClaim, Verbs.showCard]);

    const claim = executes(card).find(
      (a) => a.verb === Verbs.queueClaim && a.data.inquiryId === school.inquiryId,
    )!;
    const claimed = await click(sverre, Verbs.queueClaim, claim.data);
    assert.equal(claimed.status, 200);
    const after = claimed.body.value;
    assert.match(cardText(after), /Mine/);
    assert.deepEqual(lineActions(after, school.inquiryId), [Verbs.showCard]);
    await connector.waitFor(
      () =>
        /Sverre Lunde tok saken/.test(cardText(connector.latestCard(school.thread, school.rootId))),
      'the channel card updated for everyone',
    );

    const open = await click(sverre, Verbs.showCard, { inquiryId: school.inquiryId });
    assert.match(cardText(open.body.value), /Under behandling · Sverre Lunde/);
    assert.match(cardText(open.body.value), new RegExp(school.number));
  });

  it('shows a coordinator their work area and an admin everything', async () => {
    const school = await askInChannel(bot(), connector);
    const dental = await askDental();

    const coordinatorReply = await ask(anne, 'min kø');
    const coordinator = cardOf(coordinatorReply.body);
    assert.ok(
      numbersIn(coordinator).includes(school.number),
      `${school.number} in ${JSON.stringify(coordinatorReply.body).slice(0, 2000)}`,
    );
    assert.ok(!numbersIn(coordinator).includes(dental));

    const dentalCoordinator = cardOf((await ask(dag, 'queue')).body);
    assert.ok(numbersIn(dentalCoordinator).includes(dental));
    assert.ok(!numbersIn(dentalCoordinator).includes(school.number));

    const admin = cardOf((await ask(eva, 'Kø')).body);
    const all: string[] = [];
    let page: any = admin;
    for (let round = 0; page && round < 20; round++) {
      all.push(...numbersIn(page));
      const next = executes(page).find((a) => a.verb === Verbs.queue && a.title === 'Neste');
      page = next ? (await click(eva, Verbs.queue, next.data)).body.value : undefined;
    }
    assert.ok(all.includes(school.number) && all.includes(dental), 'the admin sees both');
  });

  it('tells an employee who asks for the queue what they can do instead, and opens nothing', async () => {
    const reply = await ask(asker, 'kø');
    assert.equal(cardOf(reply.body), undefined);
    assert.match(reply.body.text, /Køen er for superbrukere, koordinatorer og systemansvarlige/);
    assert.match(reply.body.text, /skrive spørsmålet ditt her i chatten/);
    await bot().settle();
    assert.equal(connector.conversationsCreated().length, 0, 'no inquiry was opened');
  });

  it("shows the work area's queue in its triage channel", async () => {
    const school = await askInChannel(bot(), connector);
    const conversationId = `${schoolTriageChannel};messageid=queue-${Date.now()}`;
    const message = personalMessage({ from: sverre, text: 'kø', serviceUrl: connector.url });
    const response = await bot().post({
      ...message,
      conversation: { id: conversationId, conversationType: 'channel', isGroup: true },
      channelData: {
        ...message.channelData,
        team: { id: triageTeamId },
        channel: { id: schoolTriageChannel },
      },
    });
    assert.equal(response.status, 200);
    const reply = await connector.waitFor(
      () =>
        connector
          .sent()
          .find((r) => r.conversationId === conversationId && r.body?.type === 'message'),
      'the queue in the channel',
    );
    const card = cardOf(reply.body);
    assert.match(
      cardText(card),
      /Kø for Skoler/,
      JSON.stringify(
        connector
          .sent()
          .filter((r) => r.conversationId === conversationId)
          .map((r) => r.body),
      ).slice(0, 1500),
    );
    assert.ok(numbersIn(card).includes(school.number));

    const page = await click(sverre, Verbs.queue, { page: 0 }, { conversationId });
    assert.match(cardText(page.body.value), /Kø for Skoler/);
  });

  it('refuses forged and stale queue actions and changes nothing', async () => {
    const school = await askInChannel(bot(), connector);
    const base = { page: 0, queueUnit: '*', queueTopic: '*', queueGroup: '*' };

    const forged = [
      await click(sverre, Verbs.queueClaim, { ...base, inquiryId: 'not-an-id' }),
      await click(sverre, Verbs.queueClaim, { ...base, inquiryId: school.inquiryId, page: -1 }),
      await click(sverre, Verbs.queue, { ...base, queueUnit: 'nowhere' }),
      await click(sverre, Verbs.queue, { ...base, queueGroup: 'everything' }),
      await click(sverre, Verbs.showCard, { inquiryId: 42 }),
    ];
    for (const response of forged) {
      assert.equal(response.status, 200);
      assert.match(String(response.body.value), /ugyldig eller utdatert/);
    }

    const outsider = await click(per, Verbs.queueClaim, { ...base, inquiryId: school.inquiryId });
    assert.match(String(outsider.body.value), /Du kan ikke behandle denne saken/);
    const peek = await click(asker, Verbs.showCard, { inquiryId: school.inquiryId });
    assert.match(String(peek.body.value), /Du kan ikke behandle denne saken/);
    const unknown = await click(sverre, Verbs.showCard, {
      inquiryId: '00000000-0000-4000-8000-000000000000',
    });
    assert.match(String(unknown.body.value), /Fant ikke saken/);

    const untouched = await click(sverre, Verbs.showCard, { inquiryId: school.inquiryId });
    assert.match(cardText(untouched.body.value), /Ny\n/);

    await click(sverre, Verbs.queueClaim, { ...base, inquiryId: school.inquiryId });
    const stale = await click(sverre, Verbs.queueClaim, { ...base, inquiryId: school.inquiryId });
    assert.match(String(stale.body.value), /Du har allerede denne saken/);
  });
});

/**
 * How many open inquiries the long queue holds: 300 on SQLite; fewer on the in-process Cosmos DB
 * server, which is slow, and pages of the same size still show the card limit holds.
 */
const seededCount = testStore === 'cosmos' ? 60 : 300;

describe(`a queue of ${seededCount} open inquiries (${testStore})`, function () {
  this.timeout(300_000);
  const { bot, say, click, connector } = useConversation();
  const directory = testDirectory();
  const dentist = {
    key: people.dentist.email,
    name: people.dentist.name,
    email: people.dentist.email,
  };
  const statuses = ['new', 'claimed', 'waiting_for_asker', 'stalled'] as const;

  /** The i-th seeded inquiry: a mix of every state a queue groups by, a minute apart. */
  function seeded(i: number, now: Date): NewInquiry {
    const status = statuses[i % statuses.length];
    const at = new Date(now.getTime() - (seededCount - i) * 60_000).toISOString();
    const vendor = i % 10 === 9;
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      requestKey: `seeded-${i}`,
      status: vendor ? 'claimed' : status,
      level: vendor ? 'vendor' : 'superuser',
      asker: { key: people.dentalAsker.email, name: people.dentalAsker.name },
      locale: 'nb',
      unitId: 'sola-klinikk',
      workAreaId: 'tannhelse',
      topicId: i % 2 ? 'ehandbok' : 'avvik',
      text: `Spørsmål nummer ${i} om ${'e-håndboken og avvik '.repeat(20)}`,
      chain: buildChain(directory, 'sola-klinikk', i % 2 ? 'ehandbok' : 'avvik'),
      ...(status === 'new' && !vendor ? {} : { assignee: dentist }),
      deadline: new Date(now.getTime() + i * 60_000).toISOString(),
      createdAt: at,
      updatedAt: at,
      teams: { triageCards: [] },
      history: [{ type: 'opened', at }],
    };
  }

  it(`renders every page within the card size limit and pages through all ${seededCount}`, async () => {
    const store = await openBotStore(bot().sqlitePath);
    const made: Inquiry[] = [];
    try {
      for (let i = 0; i < seededCount; i++)
        made.push((await store.inquiries.create(seeded(i, bot().now()), [])).inquiry);
    } finally {
      await store.close();
    }
    // Computed here from what was stored, independently of the queue's own grouping.
    const expected = {
      unclaimed: made.filter((m) => m.status === 'new').length,
      waiting: made.filter((m) => m.status === 'waiting_for_asker').length,
      stalled: made.filter((m) => m.status === 'stalled').length,
      vendor: made.filter((m) => m.level === 'vendor' && m.status === 'claimed').length,
    };

    const chat = personalConversationId(dag);
    await say(dag, 'kø');
    const first = await connector.waitFor(
      () => connector.sent().find((r) => r.conversationId === chat && cardOf(r.body)),
      'the first page',
    );
    let card = cardOf(first.body);
    assert.match(cardText(card), new RegExp(`${seededCount} åpne saker`));
    assert.match(cardText(card), new RegExp(`Ikke tatt: ${expected.unclaimed}`));
    assert.match(cardText(card), new RegExp(`Venter på innsender: ${expected.waiting}`));
    assert.match(cardText(card), new RegExp(`Hos leverandøren: ${expected.vendor}`));
    assert.match(cardText(card), new RegExp(`Stanset: ${expected.stalled}`));
    assert.match(cardText(card), /Side 1 av \d+/);

    const seen = new Set<string>();
    let pages = 0;
    let largest = 0;
    while (card) {
      pages++;
      const size = Buffer.byteLength(JSON.stringify(card));
      largest = Math.max(largest, size);
      assert.ok(size < cardLimit, `page ${pages} is ${size} bytes`);
      for (const number of numbersIn(card)) seen.add(number);
      const next = executes(card).find((a) => a.verb === Verbs.queue && a.title === 'Neste');
      card = next ? (await click(dag, Verbs.queue, next.data)).body.value : undefined;
      assert.ok(pages <= seededCount, 'paging ends');
    }
    assert.equal(seen.size, seededCount, 'every inquiry is on a page');
    assert.ok(pages > 1, `${pages} pages, the largest ${largest} bytes`);

    const filtered = await click(dag, Verbs.queue, {
      page: 0,
      queueUnit: 'sola-klinikk',
      queueTopic: 'ehandbok',
      queueGroup: 'stalled',
    });
    const stalledEhandbok = made.filter((m) => m.status === 'stalled' && m.topicId === 'ehandbok');
    const listed = numbersIn(filtered.body.value);
    assert.deepEqual(
      [...listed].sort(),
      stalledEhandbok
        .map((m) => m.number)
        .sort()
        .slice(0, listed.length),
    );
    assert.match(cardText(filtered.body.value), /Filter: Sola tannklinikk · E-håndbok · Stanset/);
  });
});
