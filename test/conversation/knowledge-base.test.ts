import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText } from '../support/organisation';
import { openBotStore } from '../support/store-under-test';
import { knowledgeFile } from '../support/knowledge-file';
import { askInChannel, triageThreads } from '../support/triage';
import type { Store } from '../../src/store/ports';
import { executes } from '../support/card-nodes';

const asker = teamsUser(people.asker);
const otherAsker = teamsUser(people.dentalAsker);
const sverre = teamsUser(people.sverre);
const outsider = teamsUser(people.otherSuperuser);
const invalid = 'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.';

describe('answers from the knowledge base before an inquiry', function () {
  this.timeout(180_000);
  const { connector, bot, say, click } = useConversation({
    env: { KNOWLEDGE_FILE: knowledgeFile() },
  });
  let store: Store;
  before(async () => {
    store = await openBotStore(bot().sqlitePath);
  });
  after(() => store.close());

  const cardsTo = (user: TestUser) =>
    connector
      .sent()
      .filter((r) => r.conversationId === personalConversationId(user) && cardOf(r.body));

  async function suggestionsFor(user: TestUser, text: string) {
    const before = cardsTo(user).length;
    await say(user, text);
    const sent = await connector.waitFor(() => cardsTo(user)[before], 'the suggestion card');
    const card = cardOf(sent.body);
    assert.match(cardText(card), /Kanskje dette svarer på spørsmålet ditt\?/);
    const actions = executes(card);
    const solved = actions.filter((a) => a.verb === Verbs.suggestionSolved);
    const sendOn = actions.find((a) => a.verb === Verbs.suggestionSendOn);
    assert.ok(sendOn, 'the asker can always send the question on');
    return { sent, card, solved, draftId: sendOn.data.draftId as string };
  }

  it('ends the question without an inquiry when a suggestion solved it, and counts it', async () => {
    const { sent, card, solved, draftId } = await suggestionsFor(asker, 'hvordan melde avvik?');
    assert.match(cardText(card), /Velg «Meld avvik» på forsiden/);
    assert.equal(solved[0].data.entryId, 'melde-avvik');
    const reply = await click(asker, Verbs.suggestionSolved, solved[0].data, {
      replyToId: sent.resultId!,
    });
    assert.match(cardText(reply.body.value), /Fint at det løste seg/);
    assert.deepEqual(executes(reply.body.value), [], 'nothing left to press');
    await bot().settle();
    assert.equal(triageThreads(connector).length, 0, 'no inquiry was opened');
    const counted = await store.knowledge.selfServed(draftId);
    assert.equal(counted?.entryId, 'melde-avvik');
    assert.equal(counted?.askerKey, people.asker.email);

    const late = await click(asker, Verbs.suggestionSendOn, { draftId });
    assert.equal(
      late.body.value,
      'Dette spørsmålet er allerede løst med et svar fra kunnskapsbasen.',
    );
    await bot().settle();
    assert.equal(triageThreads(connector).length, 0, 'a stale "send on" opens nothing');
  });

  it('opens the inquiry as before, with the text as written, when the asker sends it on', async () => {
    const text = 'Hvordan melder jeg et avvik fra en elevtur i Qm+?';
    const { sent, solved, draftId } = await suggestionsFor(asker, text);
    const reply = await click(
      asker,
      Verbs.suggestionSendOn,
      { draftId },
      { replyToId: sent.resultId! },
    );
    const number = /QM-\d{4}-\d{4}/.exec(cardText(reply.body.value))?.[0];
    assert.ok(number, 'the status card names the new inquiry');
    const post = await connector.waitFor(() => triageThreads(connector)[0], 'the triage card');
    assert.match(cardText(cardOf(post.body.activity)), new RegExp(text.replace(/[?+]/g, '\\$&')));

    const late = await click(asker, Verbs.suggestionSolved, solved[0].data);
    assert.equal(late.body.value, `Spørsmålet er allerede sendt videre som ${number}.`);
    assert.equal(await store.knowledge.selfServed(draftId), undefined, 'not counted as solved');
  });

  it('shows no suggestion when nothing matches well: the topic card comes as before', async () => {
    await say(asker, 'Skjermen blinker når jeg åpner rapportmodulen');
    const sent = await connector.waitFor(() => cardsTo(asker)[0], 'the topic card');
    assert.match(cardText(cardOf(sent.body)), /Hva gjelder spørsmålet\?/);
  });

  it('suggests the English version to an English question', async () => {
    const { card } = await suggestionsFor(asker, 'how do I report a deviation?');
    assert.match(cardText(card), /Report deviation/);
  });

  it('refuses forged or stale suggestion clicks and changes nothing', async () => {
    const { solved, draftId } = await suggestionsFor(asker, 'kan jeg printe et dokument');
    const refusals = [
      await click(otherAsker, Verbs.suggestionSolved, solved[0].data),
      await click(otherAsker, Verbs.suggestionSendOn, { draftId }),
      await click(asker, Verbs.suggestionSolved, {
        draftId: 'no-such-draft',
        entryId: 'skrive-ut',
      }),
      await click(asker, Verbs.suggestionSolved, { draftId }),
      await click(asker, Verbs.suggestionSendOn, { draftId: 42 }),
    ];
    for (const refusal of refusals) assert.equal(refusal.body.value, invalid);
    const gone = await click(asker, Verbs.suggestionSolved, { draftId, entryId: 'no-such-entry' });
    assert.match(gone.body.value, /finnes ikke lenger i kunnskapsbasen/);
    await bot().settle();
    assert.equal(triageThreads(connector).length, 0);
    assert.equal(await store.knowledge.selfServed(draftId), undefined);
  });

  /** Sverre claims and answers an inquiry in its thread; gives the triage card he then sees. */
  async function claimAndAnswer(post: { inquiryId: string; thread: string }, answerText: string) {
    const { inquiryId, thread } = post;
    await click(sverre, Verbs.claim, { inquiryId }, { conversationId: thread });
    const answered = await click(
      sverre,
      Verbs.answer,
      { inquiryId, answerText },
      { conversationId: thread },
    );
    assert.match(cardText(answered.body.value), /Besvart/);
    return answered.body.value;
  }

  /** The inputs of a card by id, with the values they start with. */
  function inputValues(card: any): Record<string, string> {
    const values: Record<string, string> = {};
    const walk = (node: any): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        if (typeof node.type === 'string' && node.type.startsWith('Input.'))
          values[node.id] = node.value;
        Object.values(node).forEach(walk);
      }
    };
    walk(card);
    return values;
  }

  it('publishes an answered inquiry without the asker’s details, and the next asker finds it', async () => {
    const post = await askInChannel(
      bot(),
      connector,
      'Hvordan arkiverer jeg prosedyren for brannøvelser? Hilsen Kari Asker',
    );
    const { inquiryId, thread } = post;
    const early = await click(
      sverre,
      Verbs.publishAnswer,
      { inquiryId, entryQuestion: 'q', entryAnswer: 'a' },
      { conversationId: thread },
    );
    assert.equal(early.body.value, 'Bare en besvart henvendelse kan publiseres i kunnskapsbasen.');

    const card = await claimAndAnswer(
      post,
      'Hei Kari! Velg «Arkiver» i prosedyren for brannøvelse og bekreft. Ring meg på 912 34 567.',
    );
    const form = inputValues(card);
    assert.match(form.entryQuestion, /arkiverer jeg prosedyren for brannøvelser/);
    assert.doesNotMatch(form.entryQuestion, /Kari|Asker/);
    assert.match(form.entryAnswer, /Velg «Arkiver» i prosedyren/);
    assert.doesNotMatch(form.entryAnswer, /Kari|912/);

    const published = {
      inquiryId,
      entryQuestion: 'Hvordan arkiverer jeg en prosedyre for brannøvelse?',
      entryAnswer: 'Velg «Arkiver» i prosedyren og bekreft.',
      entryKeywords: 'arkiv, brannøvelse',
    };
    const refusals = [
      [
        await click(asker, Verbs.publishAnswer, published),
        /Bare superbrukere, koordinatorer og systemansvarlige/,
      ],
      [
        await click(outsider, Verbs.publishAnswer, published),
        /Bare superbrukere, koordinatorer og systemansvarlige/,
      ],
      [
        await click(sverre, Verbs.publishAnswer, { ...published, inquiryId: 'not-a-uuid' }),
        /ugyldig eller utdatert/,
      ],
      [
        await click(sverre, Verbs.publishAnswer, { ...published, entryAnswer: '   ' }),
        /Skriv svaret/,
      ],
    ] as const;
    for (const [reply, expected] of refusals) assert.match(reply.body.value, expected);
    assert.deepEqual(
      (await store.knowledge.entries()).filter((e) => e.source.kind === 'inquiry'),
      [],
      'nothing was published by a refused click',
    );

    const done = await click(sverre, Verbs.publishAnswer, published, { conversationId: thread });
    assert.match(done.body.value, /Publisert i kunnskapsbasen/);
    const again = await click(sverre, Verbs.publishAnswer, published, { conversationId: thread });
    assert.match(again.body.value, /allerede publisert/);
    const entry = (await store.knowledge.entries()).find((e) => e.source.kind === 'inquiry');
    assert.equal(entry?.answer, 'Velg «Arkiver» i prosedyren og bekreft.');
    assert.deepEqual(entry?.keywords, ['arkiv', 'brannøvelse']);

    const { card: suggestions } = await suggestionsFor(
      otherAsker,
      'arkivere prosedyre for brannøvelse',
    );
    assert.match(cardText(suggestions), /Hvordan arkiverer jeg en prosedyre for brannøvelse\?/);
  });

  it('shows resolved inquiries like a new one on its triage card, and «Bruk dette svaret» fills the answer', async () => {
    const first = await askInChannel(
      bot(),
      connector,
      'Hvordan sletter jeg en prosedyre som er feil?',
    );
    const answer = 'Velg «Slett» i prosedyrens meny; den gamle versjonen arkiveres.';
    await claimAndAnswer(first, answer);
    await click(asker, Verbs.confirmResolved, { inquiryId: first.inquiryId });

    const second = await askInChannel(bot(), connector, 'Kan jeg slette prosedyrer som er feil?');
    const triage = cardOf(second.post.body.activity);
    assert.match(cardText(triage), /Lignende løste henvendelser/);
    assert.match(cardText(triage), new RegExp(first.number));
    const use = executes(triage).find((a) => a.verb === Verbs.useAnswer);
    assert.deepEqual(use?.data, { inquiryId: second.inquiryId, sourceInquiryId: first.inquiryId });

    await bot().settle();
    const before = await store.inquiries.get(second.inquiryId);
    const notHandler = /Du kan ikke|You cannot|Bare/;
    assert.match((await click(asker, Verbs.useAnswer, use.data)).body.value, notHandler);
    assert.match((await click(outsider, Verbs.useAnswer, use.data)).body.value, notHandler);
    for (const data of [
      { ...use.data, sourceInquiryId: 'no-such-inquiry' },
      { ...use.data, sourceInquiryId: second.inquiryId },
      { inquiryId: second.inquiryId },
    ])
      assert.equal((await click(sverre, Verbs.useAnswer, data)).body.value, invalid);
    assert.equal(
      (await store.inquiries.get(second.inquiryId))?.etag,
      before?.etag,
      'nothing changed',
    );

    const filled = await click(sverre, Verbs.useAnswer, use.data, {
      conversationId: second.thread,
    });
    assert.equal(inputValues(filled.body.value).answerText, answer);

    await claimAndAnswer(second, answer);
    const stale = await click(sverre, Verbs.useAnswer, use.data, {
      conversationId: second.thread,
    });
    assert.match(stale.body.value, /Saken kan ikke endres nå \(status: besvart\)/);
  });

  it('lets handlers list, edit and retire entries with «kunnskapsbase», and nobody else', async () => {
    await say(asker, 'kunnskapsbase');
    const denied = await connector.waitFor(
      () => connector.sent().find((r) => r.conversationId === personalConversationId(asker)),
      'the refusal',
    );
    assert.match(denied.body.text, /kan endres av superbrukere/);

    await say(sverre, 'Kunnskapsbase!');
    const listed = await connector.waitFor(() => cardsTo(sverre)[0], 'the list card');
    const list = cardOf(listed.body);
    assert.match(cardText(list), /Kunnskapsbasen: \d+ svar/);
    const retire = executes(list).find(
      (a) => a.verb === Verbs.retireEntry && a.data.entryId === 'skrive-ut',
    )!;
    const edit = executes(list).find(
      (a) => a.verb === Verbs.editEntry && a.data.entryId === 'skrive-ut',
    )!;

    const form = await click(sverre, Verbs.editEntry, edit.data);
    assert.equal(
      inputValues(form.body.value).entryQuestion,
      'Kan jeg skrive ut et dokument fra e-håndboka?',
    );
    const saved = await click(sverre, Verbs.saveEntry, {
      ...edit.data,
      entryQuestion: 'Kan jeg skrive ut et dokument fra e-håndboka?',
      entryAnswer: 'Ja: velg utskriftsikonet.',
      entryKeywords: 'utskrift, printe, pdf',
    });
    assert.match(cardText(saved.body.value), /Lagret/);
    assert.equal((await store.knowledge.entry('skrive-ut'))?.answer, 'Ja: velg utskriftsikonet.');

    const stale = await click(sverre, Verbs.retireEntry, retire.data);
    assert.match(
      stale.body.value,
      /endret av noen andre/,
      'the etag read before the edit is stale',
    );
    const notAllowed = await click(asker, Verbs.retireEntry, {
      ...retire.data,
      etag: (await store.knowledge.entry('skrive-ut'))!.etag,
    });
    assert.match(notAllowed.body.value, /kan endres av superbrukere/);
    assert.equal((await store.knowledge.entry('skrive-ut'))?.status, 'active', 'nothing changed');

    const current = executes(saved.body.value).find(
      (a) => a.verb === Verbs.retireEntry && a.data.entryId === 'skrive-ut',
    )!;
    const retired = await click(sverre, Verbs.retireEntry, current.data);
    assert.match(cardText(retired.body.value), /er trukket tilbake/);
    assert.equal((await store.knowledge.entry('skrive-ut'))?.status, 'retired');

    const before = cardsTo(asker).length;
    await say(asker, 'kan jeg printe et dokument');
    const next = await connector.waitFor(() => cardsTo(asker)[before], 'the next card');
    assert.match(
      cardText(cardOf(next.body)),
      /Hva gjelder spørsmålet\?/,
      'a retired entry is not suggested',
    );
  });
});
