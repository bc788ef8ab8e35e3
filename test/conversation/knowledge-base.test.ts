import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText } from '../support/organisation';
import { openBotStore } from '../support/store-under-test';
import { triageThreads } from '../support/triage';
import type { Store } from '../../src/store/ports';

const asker = teamsUser(people.asker);
const otherAsker = teamsUser(people.dentalAsker);
const invalid = 'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.';

function knowledgeFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-kb-')), 'knowledge-base.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      entries: [
        {
          id: 'melde-avvik',
          question: 'Hvordan melder jeg et avvik i Qm+?',
          answer: 'Velg «Meld avvik» på forsiden av Qm+, fyll ut skjemaet og trykk «Send».',
          topic: 'avvik',
          keywords: ['avviksmelding', 'uønsket hendelse'],
          translation: {
            language: 'en',
            question: 'How do I report a deviation in Qm+?',
            answer: 'Choose "Report deviation" on the front page.',
          },
        },
        {
          id: 'skrive-ut',
          question: 'Kan jeg skrive ut et dokument fra e-håndboka?',
          answer: 'Ja. Åpne dokumentet og velg utskriftsikonet øverst til høyre.',
          topic: 'ehandbok',
          keywords: ['utskrift', 'printe'],
        },
      ],
    }),
  );
  return file;
}

/** Every Action.Execute of a card, wherever it is, with its data. */
function executes(card: any): { verb: string; data: any; title: string }[] {
  const found: { verb: string; data: any; title: string }[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Execute') found.push(node);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return found;
}

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
    assert.equal(late.body.value, 'Dette spørsmålet er allerede løst med et svar fra kunnskapsbasen.');
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
      await click(asker, Verbs.suggestionSolved, { draftId: 'no-such-draft', entryId: 'skrive-ut' }),
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
});
