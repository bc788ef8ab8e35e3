import assert from 'node:assert/strict';
import { listInputs, Verbs } from '../../cards/verbs';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { cardAction, personalConversationId, teamsUser } from '../support/activities';
import { actionData } from '../support/card-actions';
import { useConversation } from '../support/conversation';
import { people } from '../support/domain-fixture';
import { cardOf } from '../support/fake-connector';
import { cardText } from '../support/organisation';
import { openBotStore } from '../support/store-under-test';
import { askInChannel } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);

describe('a card action that arrives twice', function () {
  this.timeout(60_000);
  const conversation = useConversation();
  const { connector } = conversation;

  async function stored(inquiryId: string): Promise<Inquiry> {
    await conversation.bot().settle();
    const store = await openBotStore(conversation.bot().sqlitePath);
    try {
      const inquiry = await store.inquiries.get(inquiryId);
      assert.ok(inquiry);
      return inquiry;
    } finally {
      await store.close();
    }
  }
  const count = (inquiry: Inquiry, type: string) =>
    inquiry.history.filter((e) => e.type === type).length;
  const answersTo = () =>
    connector
      .sent()
      .filter(
        (r) =>
          r.conversationId === personalConversationId(asker) &&
          /Svar fra Sverre Lunde/.test(cardText(cardOf(r.body))),
      );

  /** An inquiry in the channel that Sverre has claimed, with his card as it came back to him. */
  async function claimed() {
    const post = await askInChannel(conversation.bot(), connector);
    const claim = await conversation.click(
      sverre,
      Verbs.claim,
      actionData(cardOf(post.post.body.activity), Verbs.claim),
      { conversationId: post.thread, replyToId: post.rootId },
    );
    assert.equal(claim.status, 200);
    return { ...post, card: claim.body.value };
  }

  it('records the answer once when Teams delivers the same invoke twice', async () => {
    const { inquiryId, thread, rootId, card } = await claimed();
    const invoke = cardAction({
      from: sverre,
      verb: Verbs.answer,
      data: { ...actionData(card, Verbs.answer), answerText: 'Bruk «Meld avvik».' },
      serviceUrl: connector.url,
      conversationId: thread,
      replyToId: rootId,
    });
    const first = await conversation.bot().post(invoke);
    const again = await conversation.bot().post(invoke);
    assert.match(cardText(first.body.value), /Besvart/);
    assert.match(cardText(again.body.value), /Besvart/, 'the second gets the card as it is');
    const inquiry = await stored(inquiryId);
    assert.equal(count(inquiry, 'answered'), 1);
    assert.equal(
      answersTo().filter((r) => cardText(cardOf(r.body)).includes(inquiry.number)).length,
      1,
    );
  });

  it('records the answer once when the same button is pressed twice', async () => {
    const { inquiryId, thread, rootId, card } = await claimed();
    const data = { ...actionData(card, Verbs.answer), answerText: 'Velg elevtur.' };
    const where = { conversationId: thread, replyToId: rootId };
    const [a, b] = await Promise.all([
      conversation.click(sverre, Verbs.answer, data, where),
      conversation.click(sverre, Verbs.answer, data, where),
    ]);
    assert.equal(a.status, 200);
    assert.equal(b.status, 200);
    const inquiry = await stored(inquiryId);
    assert.equal(count(inquiry, 'answered'), 1);
    assert.equal(
      answersTo().filter((r) => cardText(cardOf(r.body)).includes(inquiry.number)).length,
      1,
    );
  });

  it('sends the inquiry up the chain once when "Send til koordinator" is pressed twice', async () => {
    const { inquiryId, thread, rootId, card } = await claimed();
    const data = { ...actionData(card, Verbs.escalate), escalateNote: 'Vet ikke.' };
    const where = { conversationId: thread, replyToId: rootId };
    await conversation.click(sverre, Verbs.escalate, data, where);
    const again = await conversation.click(sverre, Verbs.escalate, data, where);
    assert.equal(again.status, 200);
    const inquiry = await stored(inquiryId);
    assert.equal(count(inquiry, 'escalated'), 1);
    assert.equal(inquiry.level, 'coordinator');
  });

  it('takes the same button again once the card shows a later state', async () => {
    const { inquiryId, number, thread, rootId, card } = await claimed();
    const where = { conversationId: thread, replyToId: rootId };
    const answer = { ...actionData(card, Verbs.answer), answerText: 'Velg elevtur.' };
    await conversation.click(sverre, Verbs.answer, answer, where);
    const answerCard = await connector.waitFor(
      () => answersTo().find((r) => cardText(cardOf(r.body)).includes(number)),
      'the answer in the asker’s chat',
    );
    await conversation.click(
      asker,
      Verbs.notResolved,
      { ...actionData(cardOf(answerCard.body), Verbs.notResolved), comment: 'Fant den ikke.' },
      { replyToId: answerCard.resultId! },
    );
    await conversation.bot().settle();
    const reopened = connector.latestCard(thread, rootId);
    await conversation.click(
      sverre,
      Verbs.answer,
      { ...actionData(reopened, Verbs.answer), answerText: 'Velg elevtur.' },
      where,
    );
    const inquiry = await stored(inquiryId);
    assert.equal(count(inquiry, 'answered'), 2);
  });

  it('tells the asker the inquiry is already resolved when "Løst" is pressed again on an older card', async () => {
    const { inquiryId, thread, rootId, card } = await claimed();
    await conversation.click(
      sverre,
      Verbs.answer,
      { ...actionData(card, Verbs.answer), answerText: 'Velg elevtur.' },
      { conversationId: thread, replyToId: rootId },
    );
    const first = await conversation.click(asker, Verbs.confirmResolved, { inquiryId });
    assert.match(cardText(first.body.value), /Løst/);
    const again = await conversation.click(asker, Verbs.confirmResolved, { inquiryId });
    assert.match(String(again.body.value), /Saken er allerede løst\./);
    assert.doesNotMatch(String(again.body.value), /ikke besvart/);
  });

  it('records a note once when Teams delivers the same "add note" twice', async () => {
    const { inquiryId, thread, rootId, card } = await claimed();
    const invoke = cardAction({
      from: sverre,
      verb: Verbs.addNote,
      data: { ...actionData(card, Verbs.addNote), noteText: 'Ringte brukeren.' },
      serviceUrl: connector.url,
      conversationId: thread,
      replyToId: rootId,
    });
    await conversation.bot().post(invoke);
    const again = await conversation.bot().post(invoke);
    assert.match(cardText(again.body.value), /Ringte brukeren\./, 'the second gets the card');
    assert.equal(count(await stored(inquiryId), 'noted'), 1);
  });

  it('records a note once when "Lagre notat" is pressed twice on the same card', async () => {
    const { inquiryId, thread, rootId, card } = await claimed();
    const data = { ...actionData(card, Verbs.addNote), noteText: 'Sjekket tilgangen.' };
    const where = { conversationId: thread, replyToId: rootId };
    await conversation.click(sverre, Verbs.addNote, data, where);
    await conversation.click(sverre, Verbs.addNote, data, where);
    assert.equal(count(await stored(inquiryId), 'noted'), 1);
  });

  it('adds the asker’s information once when Teams delivers the same invoke twice', async () => {
    const { inquiryId } = await claimed();
    const invoke = cardAction({
      from: asker,
      verb: Verbs.addInfo,
      data: { inquiryId, page: 0, [listInputs.info(inquiryId)]: 'Det gjelder Bergen.' },
      serviceUrl: connector.url,
    });
    await conversation.bot().post(invoke);
    const again = await conversation.bot().post(invoke);
    assert.equal(again.status, 200);
    assert.equal(count(await stored(inquiryId), 'info_added'), 1);
  });
});
