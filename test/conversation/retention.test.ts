import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { personalConversationId, teamsUser } from '../support/activities';
import { useConversation } from '../support/conversation';
import { organisation, people } from '../support/domain-fixture';
import { cardOf } from '../support/fake-connector';
import { cardText } from '../support/organisation';
import { foundInStore } from '../support/stored-bytes';
import { openBotStore } from '../support/store-under-test';
import { askInChannel } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);

// What people wrote about the inquiry that expires; each is searched for in the store's bytes.
const question = 'Hvorfor forsvinner vedlegget når jeg lagrer avviket om trappeoppgangen på Hauge?';
const note = 'Internt: sjekket loggen til Qm+ for trappeoppgangen, ingen feil der.';
const answer = 'Lagre avviket først uten vedlegg, og legg vedlegget til etterpå fra saksbildet.';
const comment = 'Vedlegget forsvinner fortsatt etter at jeg lagrer trappeavviket';
const secondAnswer = 'Bruk PDF i stedet for HEIC-bildet, det siste tar ikke Qm+ imot.';
const rating = 'Takk for tålmodig hjelp med trappeoppgangen';
const draft = 'Hvor finner jeg rutinen for trappevask ved Hauge vgs uten å logge inn?';
// What is still open must keep its text: it shows that the search finds what is there.
const openQuestion = 'Hvordan legger jeg til en ny tiltaksansvarlig i et lukket avvik på Hauge?';

/** What a report counts of an inquiry: times, statuses, levels, place, escalations, rating. */
function figures(inquiry: Inquiry) {
  return {
    number: inquiry.number,
    status: inquiry.status,
    level: inquiry.level,
    unitId: inquiry.unitId,
    workAreaId: inquiry.workAreaId,
    topicId: inquiry.topicId,
    createdAt: inquiry.createdAt,
    deadline: inquiry.deadline,
    rating: inquiry.rating?.rating,
    ratedAt: inquiry.rating?.at,
    answeredAt: inquiry.answer?.at,
    events: inquiry.history.map((e) => [e.type, e.at, e.level, e.reason].join(' ')),
    /** How many different people acted on it: placeholders keep this right. */
    actors: new Set(inquiry.history.flatMap((e) => (e.by ? [e.by.key] : []))).size,
  };
}

describe('retention of finished inquiries', function () {
  this.timeout(120_000);
  const { connector, bot, click, say } = useConversation({
    organisation: { ...organisation, retainFinishedFor: 'P30D' },
    env: { LOG_LEVEL: 'info' },
  });

  async function inStore<T>(read: (store: Awaited<ReturnType<typeof openBotStore>>) => Promise<T>) {
    const store = await openBotStore(bot().sqlitePath);
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  }

  it('keeps only the figures of an inquiry finished longer ago than the period: no text, no name, no draft left in the store', async () => {
    const { inquiryId, thread } = await askInChannel(bot(), connector, question);
    const where = { conversationId: thread };
    await click(sverre, Verbs.claim, { inquiryId }, where);
    await click(sverre, Verbs.addNote, { inquiryId, noteText: note }, where);
    await click(sverre, Verbs.answer, { inquiryId, answerText: answer }, where);
    await click(asker, Verbs.notResolved, { inquiryId, comment });
    await click(sverre, Verbs.answer, { inquiryId, answerText: secondAnswer }, where);
    await click(asker, Verbs.confirmResolved, { inquiryId });
    await click(asker, Verbs.rate, { inquiryId, rating: 'good', ratingComment: rating });
    await bot().settle();
    const open = await askInChannel(bot(), connector, openQuestion);
    // A question the asker never sent on, left as a draft.
    await inStore((store) =>
      store.drafts.add({
        id: `draft-${inquiryId}`,
        askerKey: asker.email,
        text: draft,
        locale: 'nb',
        createdAt: bot().now().toISOString(),
      }),
    );

    const before = await inStore((store) => store.inquiries.get(inquiryId));
    assert.equal(before?.status, 'resolved');
    assert.equal((await inStore((s) => s.knowledge.solved(inquiryId)))?.question, question);
    const written = [question, note, answer, comment, secondAnswer, rating, draft];
    // The first answer was replaced by the second: only a store that keeps old versions has it.
    const current = written.filter((text) => text !== answer);
    assert.deepEqual(
      await foundInStore(bot().sqlitePath, current),
      current,
      'before the period everything is there',
    );

    // Within the period nothing goes.
    await bot().advance('P29D');
    assert.equal((await inStore((store) => store.inquiries.get(inquiryId)))?.text, question);

    await bot().advance('P2D');
    await bot().logged(/"msg":"retention applied"/);
    const after = await inStore((store) => store.inquiries.get(inquiryId));
    assert.ok(after);
    assert.deepEqual(figures(after), figures(before), 'the figures are the same');
    assert.ok(after.redactedAt);
    assert.deepEqual(await foundInStore(bot().sqlitePath, written), [], 'no text is left');
    const redacted = JSON.stringify(after);
    for (const who of [people.asker, people.sverre, people.hilde, people.admin])
      for (const mark of [who.name, who.email])
        assert.ok(!redacted.includes(mark), `${mark} is still on the inquiry`);
    assert.match(after.asker.key, /^anon:/);
    assert.equal(
      after.answer?.by.key,
      after.history.find((e) => e.type === 'claimed')?.by?.key,
      'one handler has one placeholder throughout',
    );
    assert.equal((await inStore((s) => s.knowledge.solved(inquiryId)))?.question, '');
    assert.equal(await inStore((s) => s.drafts.get(`draft-${inquiryId}`)), undefined);
    assert.ok(
      !(await inStore((s) => s.inquiries.listByAsker(asker.email, 50))).some(
        (i) => i.id === inquiryId,
      ),
      'the asker’s list no longer holds it',
    );

    // The open inquiry keeps its text, and the search finds it.
    assert.deepEqual(await foundInStore(bot().sqlitePath, [openQuestion]), [openQuestion]);
    assert.equal((await inStore((s) => s.inquiries.get(open.inquiryId)))?.text, openQuestion);

    // The asker asking for it by number is told what a stranger would be.
    await say(asker, before.number);
    await connector.waitFor(
      () =>
        connector
          .sent()
          .find(
            (r) =>
              r.conversationId === personalConversationId(asker) &&
              new RegExp(`Du kan ikke se ${before.number}`).test(
                `${r.body?.text ?? ''} ${cardText(cardOf(r.body) ?? {})}`,
              ),
          ),
      'the refusal to show the redacted inquiry',
    );
  });
});
