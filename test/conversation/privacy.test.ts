import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import { useConversation } from '../support/conversation';
import { people } from '../support/domain-fixture';
import { cardOf } from '../support/fake-connector';
import { cardText, inquiryIdOf, messageText } from '../support/organisation';
import { foundInStore } from '../support/stored-bytes';
import { openBotStore } from '../support/store-under-test';
import { schoolTriageChannel, triageThreads } from '../support/triage';

const admin = teamsUser(people.admin);
const employee = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
/** Someone the organisation does not list: stored under her Entra object id. */
const stranger: TestUser = {
  teamsId: '29:ukjent-ansatt',
  aadObjectId: '20000000-0000-4000-8000-0000000000b7',
  name: 'Ragnhild Utenfor',
  email: 'ragnhild.utenfor@fylke.example',
};
const firstQuestion = 'Hvorfor får jeg feilmelding når jeg melder avvik fra nettbrettet i kantina?';
const secondQuestion = 'Kan jeg melde et avvik på vegne av en vikar som ikke har tilgang ennå?';
const answer = 'Nettbrettet må oppdateres; meld avviket fra PC til det er gjort.';

describe('export and erasure of one person', function () {
  this.timeout(120_000);
  const { connector, bot, say, click } = useConversation({
    env: { LOG_LEVEL: 'info' },
    setUp: (connector) => connector.addPerson(stranger),
  });

  async function inStore<T>(read: (store: Awaited<ReturnType<typeof openBotStore>>) => Promise<T>) {
    const store = await openBotStore(bot().sqlitePath);
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  }

  /** The next reply in a person's 1:1 chat that reads `pattern`. */
  function replyTo(user: TestUser, pattern: RegExp, what: string) {
    const from = connector.sent().length;
    return connector.waitFor(
      () =>
        connector
          .sent()
          .slice(from)
          .find(
            (r) =>
              r.conversationId === personalConversationId(user) && pattern.test(messageText(r)),
          ),
      what,
    );
  }

  /** The stranger asks; the first time she picks her unit. Returns the inquiry's id. */
  async function strangerAsks(text: string, pickUnit: boolean): Promise<string> {
    const threads = triageThreads(connector).length;
    if (pickUnit) {
      const pick = replyTo(stranger, /Hvilken enhet hører du til\?/, 'the unit card');
      await say(stranger, text);
      const card = cardOf((await pick).body);
      const draftId = card.actions[0].data.draftId as string;
      await click(stranger, Verbs.pickUnit, { draftId, unitId: 'hauge-vgs' });
    } else {
      await say(stranger, text);
    }
    const post = await connector.waitFor(
      () => triageThreads(connector)[threads],
      'the triage card in the channel',
    );
    return inquiryIdOf(cardOf(post.body.activity));
  }

  let asked: string[] = [];

  before(async function () {
    this.timeout(120_000);
    const first = await strangerAsks(firstQuestion, true);
    const post = triageThreads(connector).at(-1)!;
    const where = { conversationId: `${schoolTriageChannel};messageid=${post.resultId}` };
    await click(sverre, Verbs.claim, { inquiryId: first }, where);
    await click(sverre, Verbs.answer, { inquiryId: first, answerText: answer }, where);
    await click(stranger, Verbs.confirmResolved, { inquiryId: first });
    const second = await strangerAsks(secondQuestion, false);
    await bot().settle();
    asked = [first, second];
  });

  it('refuses both commands to an employee, saying only admins may', async () => {
    for (const command of ['eksporter person', 'slett person']) {
      const refusal = replyTo(employee, /Bare administratorer/, 'the refusal');
      await say(employee, `${command} ${stranger.aadObjectId}`);
      await refusal;
    }
    const reply = await click(employee, Verbs.erasePerson, {
      person: stranger.aadObjectId,
      e: String(Date.now() + 60_000),
      sig: 'x',
    });
    assert.match(String(reply.body.value), /Bare administratorer/);
    assert.equal((await inStore((s) => s.inquiries.get(asked[0])))?.text, firstQuestion);
  });

  it('gives an admin a signed link to everything stored about the person, refused once tampered or expired', async () => {
    const ready = replyTo(admin, /Eksporten for .* er klar/, 'the export link');
    await say(admin, `eksporter person ${stranger.aadObjectId}`);
    const text = messageText(await ready);
    const link = /\((http:\/\/[^)]+)\)/.exec(text)?.[1];
    assert.ok(link, text);

    const response = await fetch(link);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', /attachment/);
    const exported = (await response.json()) as {
      person: { keys: string[] };
      profile?: { name: string; unitId: string };
      drafts: { text: string }[];
      asked: { id: string; text: string; history: { type: string }[] }[];
    };
    const stored = await inStore((s) => Promise.all(asked.map((id) => s.inquiries.get(id))));
    assert.deepEqual(exported.person.keys, [`aad:${stranger.aadObjectId}`]);
    assert.deepEqual(exported.asked.map((i) => i.id).sort(), [...asked].sort());
    for (const inquiry of stored) {
      const copy = exported.asked.find((i) => i.id === inquiry?.id);
      assert.equal(copy?.text, inquiry?.text);
      assert.deepEqual(
        copy?.history.map((e) => e.type),
        inquiry?.history.map((e) => e.type),
        'every event',
      );
    }
    assert.equal(exported.profile?.name, stranger.name);
    assert.equal(exported.profile?.unitId, 'hauge-vgs');
    assert.ok(
      exported.drafts.some((d) => d.text === firstQuestion),
      'the draft she picked a unit for',
    );

    const url = new URL(link);
    const tampered = (change: (params: URLSearchParams) => void) => {
      const copy = new URL(url);
      change(copy.searchParams);
      return fetch(copy).then((r) => r.status);
    };
    const sig = url.searchParams.get('sig')!;
    assert.equal(
      await tampered((p) => p.set('sig', `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`)),
      403,
    );
    assert.equal(await tampered((p) => p.set('e', String(Number(p.get('e')) + 3_600_000))), 403);
    assert.equal(await tampered((p) => p.set('s', 'someone-else')), 403);
    assert.equal(await tampered((p) => p.set('p', 'report-csv')), 403);
    assert.equal(await tampered((p) => p.delete('sig')), 403);
    await bot().advance('PT16M');
    assert.equal((await fetch(link)).status, 403, 'expired');
    const exports = await inStore((s) => s.audit.list({ action: 'admin.privacy_exported' }, 10));
    assert.equal(exports.length, 1, 'the download is on the audit trail, the asking is not');
    assert.match(exports[0]?.target ?? '', /^anon:/);
    const output = bot().output();
    assert.ok(!output.includes(url.searchParams.get('s')!), 'the link is not logged');
  });

  it('erases the person after a signed confirmation: figures kept, name and ids nowhere in the store', async () => {
    const before = await inStore((s) => Promise.all(asked.map((id) => s.inquiries.get(id))));
    const cardReply = replyTo(admin, /Slette en person/, 'the confirmation card');
    await say(admin, `slett person ${stranger.aadObjectId}`);
    const card = cardOf((await cardReply).body);
    assert.match(cardText(card), new RegExp(stranger.name));
    assert.match(cardText(card), /Henvendelser sendt inn\s*2/);
    const data = card.actions[0].data as { person: string; e: string; sig: string };

    const forged = await click(admin, Verbs.erasePerson, { ...data, person: people.sverre.email });
    assert.match(String(forged.body.value), /utløpt eller ugyldig/);
    const stretched = await click(admin, Verbs.erasePerson, {
      ...data,
      e: String(Number(data.e) + 86_400_000),
    });
    assert.match(String(stretched.body.value), /utløpt eller ugyldig/);
    assert.equal((await inStore((s) => s.inquiries.get(asked[0])))?.text, firstQuestion);

    const marks = [
      stranger.name,
      stranger.aadObjectId!,
      `aad:${stranger.aadObjectId}`,
      stranger.email,
      firstQuestion,
      secondQuestion,
    ];
    assert.deepEqual(
      await foundInStore(bot().sqlitePath, [stranger.name, firstQuestion]),
      [stranger.name, firstQuestion],
      'before the erasure the store holds them',
    );
    const done = await click(admin, Verbs.erasePerson, data);
    assert.match(String(done.body.value), /er slettet: 2 innsendte henvendelser anonymisert/);
    await bot().settle();

    assert.deepEqual(await foundInStore(bot().sqlitePath, marks), [], 'nothing of her is left');
    const after = await inStore((s) => Promise.all(asked.map((id) => s.inquiries.get(id))));
    after.forEach((inquiry, i) => {
      const was = before[i]!;
      assert.ok(inquiry);
      assert.deepEqual(
        [inquiry.number, inquiry.status, inquiry.level, inquiry.unitId, inquiry.createdAt],
        [was.number, was.status, was.level, was.unitId, was.createdAt],
        'the figures stay',
      );
      assert.deepEqual(
        inquiry.history.map((e) => [e.type, e.at]),
        was.history.map((e) => [e.type, e.at]),
      );
    });
    assert.equal(await inStore((s) => s.profiles.get(`aad:${stranger.aadObjectId}`)), undefined);
    const audited = await inStore((s) => s.audit.list({ action: 'admin.privacy_erased' }, 10));
    assert.equal(audited.length, 1, 'the erasure is on the audit trail');
    assert.equal(audited[0]?.actor.key, people.admin.email);
    assert.match(audited[0]?.target ?? '', /^anon:/, 'naming her only by her placeholder');

    // Asked again, the card shows nothing left to erase.
    const again = replyTo(admin, /Slette en person/, 'the confirmation card again');
    await say(admin, `slett person ${stranger.aadObjectId}`);
    assert.match(cardText(cardOf((await again).body)), /Henvendelser sendt inn\s*0/);
  });
});
