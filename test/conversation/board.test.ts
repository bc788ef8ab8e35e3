import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { personalMessage, teamsUser, type TestUser } from '../support/activities';
import { cardOf, type RecordedRequest } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText, numbersIn } from '../support/organisation';
import { openBotStore } from '../support/store-under-test';
import { askInChannel, schoolTriageChannel } from '../support/triage';
import { triageTeamId } from '../support/teams-model';
import { executes } from '../support/card-nodes';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
const anne = teamsUser(people.coordinator);
const eva = teamsUser(people.admin);
const dag = teamsUser(people.dentalCoordinator);

/** Teams' limit for an Adaptive Card in a message, about 28 KB. */
const cardLimit = 28 * 1024;

/** The "Vis" of a figure on the board. */
function showOf(card: any, figure: string, value?: string): any {
  return executes(card).find(
    (a) =>
      a.verb === Verbs.boardList &&
      a.data.figure === figure &&
      (value === undefined || a.data.value === value),
  )?.data;
}

describe("a work area's board over real HTTP", function () {
  this.timeout(120_000);
  const { connector, bot, ask, click } = useConversation();

  let channelMessages = 0;

  /** Writes in the school's triage channel and returns the bot's answer there. */
  async function askInTriageChannel(user: TestUser, text: string): Promise<RecordedRequest> {
    const conversationId = `${schoolTriageChannel};messageid=board-${Date.now()}-${++channelMessages}`;
    const message = personalMessage({ from: user, text, serviceUrl: connector.url });
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
    return connector.waitFor(
      () =>
        connector
          .sent()
          .find((r) => r.conversationId === conversationId && r.body?.type === 'message'),
      'the answer in the channel',
    );
  }

  it("shows a coordinator their work area's figures, each with the inquiries behind it", async () => {
    const school = await askInChannel(bot(), connector);
    const card = cardOf((await ask(anne, 'tavle')).body);
    assert.ok(card, 'the board is a card');
    const size = Buffer.byteLength(JSON.stringify(card));
    assert.ok(size < cardLimit, `the board is ${size} bytes`);
    assert.equal(card.version, '1.5');
    const text = cardText(card);
    assert.match(text, /Tavle for Skoler/);
    assert.match(text, /Etter nivå/);
    assert.match(text, /Etter status/);
    assert.match(text, /Eldste ubesvarte/);
    assert.match(text, /Brudd på svarfristen denne uka/);

    const fresh = showOf(card, 'status', 'new');
    assert.ok(fresh, 'the new inquiries are one click away');
    const list = (await click(anne, Verbs.boardList, fresh)).body.value;
    assert.match(cardText(list), /Saker bak tallet: Ny/);
    assert.ok(numbersIn(list).includes(school.number), 'the new inquiry is behind the figure');
    assert.match(cardText(list), new RegExp(`${school.number} · Hauge vgs · Avvik`));
    assert.ok(Buffer.byteLength(JSON.stringify(list)) < cardLimit);
    const back = executes(list).find((a) => a.verb === Verbs.board)!;
    assert.match(cardText((await click(anne, Verbs.board, back.data)).body.value), /Tavle for/);
  });

  it('counts an inquiry that went past its response time this week, one click from the board', async () => {
    const school = await askInChannel(bot(), connector);
    await bot().settle();
    await bot().advance('PT5H');
    await bot().settle();
    const store = await openBotStore(bot().sqlitePath);
    try {
      await connector.waitFor(
        async () =>
          (await store.inquiries.get(school.inquiryId))?.history.some(
            (e) => e.type === 'escalated' && e.reason === 'deadline',
          ),
        'the escalation at the deadline',
      );
    } finally {
      await store.close();
    }
    const card = cardOf((await ask(anne, 'tavle')).body);
    const breaches = /(\d+) brudd siden/.exec(cardText(card));
    assert.ok(breaches && Number(breaches[1]) >= 1, cardText(card));
    const list = (await click(anne, Verbs.boardList, showOf(card, 'breaches'))).body.value;
    assert.ok(numbersIn(list).includes(school.number), 'the breached inquiry is listed');
  });

  it('shows an admin every work area, and a coordinator their own in the triage channel', async () => {
    const admin = cardOf((await ask(eva, 'board')).body);
    assert.match(cardText(admin), /Tavle for .*Skoler/);
    assert.match(cardText(admin), /Tannhelse/);

    const channel = cardOf((await askInTriageChannel(anne, 'tavle')).body);
    assert.match(cardText(channel), /Tavle for Skoler\n/);
    const other = await askInTriageChannel(dag, 'tavle');
    assert.equal(cardOf(other.body), undefined);
    assert.match(other.body.text, /for koordinatorene der og for administratorer/);
  });

  it('tells an employee and a superuser what they can do instead', async () => {
    const employee = await ask(asker, 'tavle');
    assert.equal(cardOf(employee.body), undefined);
    assert.match(employee.body.text, /Tavla er for koordinatorer og administratorer/);
    assert.match(employee.body.text, /skrive spørsmålet ditt her i chatten/);

    const superuser = await ask(sverre, 'tavle');
    assert.equal(cardOf(superuser.body), undefined);
    assert.match(superuser.body.text, /Skriv «kø» for å se sakene som venter på deg/);
    await bot().settle();
  });

  it('refuses forged drill-downs and changes nothing', async () => {
    const school = await askInChannel(bot(), connector);
    await bot().settle();
    const read = async () => {
      const store = await openBotStore(bot().sqlitePath);
      try {
        return await store.inquiries.get(school.inquiryId);
      } finally {
        await store.close();
      }
    };
    const before = await read();
    const list = { workAreaIds: ['skole'], figure: 'status', value: 'new', page: 0 };

    const invalid = [
      await click(anne, Verbs.boardList, { ...list, figure: 'everything' }),
      await click(anne, Verbs.boardList, { ...list, value: 'answered' }),
      await click(anne, Verbs.boardList, { ...list, workAreaIds: ['nowhere'] }),
      await click(anne, Verbs.boardList, { ...list, workAreaIds: [] }),
      await click(anne, Verbs.boardList, { ...list, page: -1 }),
      await click(anne, Verbs.board, { workAreaIds: 'skole' }),
    ];
    for (const response of invalid) {
      assert.equal(response.status, 200);
      assert.match(String(response.body.value), /ugyldig eller utdatert/);
    }
    const otherArea = await click(dag, Verbs.boardList, list);
    assert.match(String(otherArea.body.value), /for koordinatorene der og for administratorer/);
    const mixed = await click(dag, Verbs.board, { workAreaIds: ['tannhelse', 'skole'] });
    assert.match(String(mixed.body.value), /for koordinatorene der og for administratorer/);
    const superuser = await click(sverre, Verbs.boardList, list);
    assert.match(String(superuser.body.value), /Skriv «kø»/);
    const employee = await click(asker, Verbs.boardList, list);
    assert.match(String(employee.body.value), /Tavla er for koordinatorer og administratorer/);

    await bot().settle();
    const after = await read();
    assert.equal(after?.etag, before?.etag, 'the inquiry is as it was');
    assert.equal(after?.history.length, before?.history.length);
  });
});
