import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText } from '../support/organisation';
import { askInChannel, schoolTriageChannel, triageThreads } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
const hilde = teamsUser(people.hilde);
const outsider = teamsUser(people.otherSuperuser);

function actionVerbs(card: any): string[] {
  const verbs: string[] = [];
  const walk = (node: any): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Execute') verbs.push(node.verb);
      Object.values(node).forEach(walk);
    }
  };
  walk(card?.actions);
  return verbs;
}

describe('the help chain over real HTTP', function () {
  this.timeout(120_000);
  const { connector, bot: running, say, click, chatWith } = useConversation();

  const sentTo = (user: TestUser, predicate: (card: any) => boolean = () => true) =>
    connector
      .sent()
      .filter(
        (r) =>
          r.conversationId === personalConversationId(user) &&
          cardOf(r.body) &&
          predicate(cardOf(r.body)),
      );

  const ask = (text?: string) => askInChannel(running(), connector, text);

  it('takes a question from ask to triage, claim, answer and "Løst", telling the asker at each step', async () => {
    const { post, inquiryId, thread } = await ask();

    const triage = cardOf(post.body.activity);
    assert.match(cardText(triage), /QM-\d{4}-\d{4} · Hauge vgs · Avvik/);
    assert.match(cardText(triage), /Hvordan melder jeg et avvik på en elevtur\?/);
    const mentions = triage.msteams.entities.map((e: any) => e.mentioned);
    assert.deepEqual(mentions, [
      { id: people.sverre.aadObjectId, name: 'Sverre Lunde' },
      { id: people.hilde.aadObjectId, name: 'Hilde Berg' },
    ]);
    assert.match(
      cardText(triage),
      /<at>Sverre Lunde<\/at> og <at>Hilde Berg<\/at>: ny henvendelse/,
    );
    assert.deepEqual(actionVerbs(triage), [
      Verbs.claim,
      Verbs.answer,
      Verbs.handOver,
      Verbs.escalate,
      Verbs.resolve,
    ]);

    const status = await connector.waitFor(() => sentTo(asker)[0], "the asker's status card");
    assert.match(cardText(cardOf(status.body)), /Venter på superbruker/);
    assert.match(cardText(cardOf(status.body)), /Sverre Lunde, Hilde Berg \(superbruker\)/);

    const claim = await click(
      sverre,
      Verbs.claim,
      { inquiryId },
      { conversationId: thread, replyToId: post.resultId! },
    );
    assert.equal(claim.status, 200);
    assert.equal(claim.body.type, 'application/vnd.microsoft.card.adaptive');
    assert.match(cardText(claim.body.value), /Under behandling · Sverre Lunde/);
    assert.deepEqual(actionVerbs(claim.body.value), [
      Verbs.answer,
      Verbs.handOver,
      Verbs.escalate,
      Verbs.askAsker,
      Verbs.resolve,
    ]);

    await connector.waitFor(
      () => /Sverre Lunde tok saken/.test(cardText(connector.latestCard(thread, post.resultId!))),
      'the channel card updated in place for everyone',
    );
    await connector.waitFor(
      () =>
        /Sverre Lunde ser på saken/.test(
          cardText(connector.latestCard(status.conversationId!, status.resultId!)),
        ),
      "the asker's status card updated in place",
    );

    const answer = await click(
      sverre,
      Verbs.answer,
      { inquiryId, answerText: 'Bruk «Meld avvik» øverst i Qm+.\nVelg elevtur.' },
      { conversationId: thread },
    );
    assert.match(cardText(answer.body.value), /Besvart/);
    const answerCard = await connector.waitFor(
      () => sentTo(asker, (c) => /Svar fra Sverre Lunde/.test(cardText(c)))[0],
      'the answer in the asker’s chat',
    );
    assert.match(
      cardText(cardOf(answerCard.body)),
      /Bruk «Meld avvik» øverst i Qm\+\.\nVelg elevtur\./,
    );
    assert.deepEqual(actionVerbs(cardOf(answerCard.body)), [
      Verbs.confirmResolved,
      Verbs.notResolved,
    ]);

    const solved = await click(
      asker,
      Verbs.confirmResolved,
      { inquiryId },
      { replyToId: answerCard.resultId! },
    );
    assert.match(cardText(solved.body.value), /Løst/);
    assert.deepEqual(
      actionVerbs(solved.body.value),
      [Verbs.reopen, Verbs.rate],
      'once resolved, the asker may reopen it within the period and rate the help',
    );
    await connector.waitFor(
      () =>
        /Innsender bekreftet at saken er løst/.test(
          cardText(connector.latestCard(thread, post.resultId!)),
        ),
      'the channel card showing the inquiry resolved',
    );
  });

  it('lets exactly one of two simultaneous claims win and tells the other who has it', async () => {
    const { inquiryId, thread } = await ask();
    const [a, b] = await Promise.all([
      click(sverre, Verbs.claim, { inquiryId }, { conversationId: thread }),
      click(hilde, Verbs.claim, { inquiryId }, { conversationId: thread }),
    ]);
    const replies = [a, b].map((r) => r.body);
    const cards = replies.filter((r) => r.type === 'application/vnd.microsoft.card.adaptive');
    const refusals = replies.filter((r) => r.type === 'application/vnd.microsoft.activity.message');
    assert.equal(cards.length, 1);
    assert.equal(refusals.length, 1);
    // The card names the whole chain; the holder is the one after "Under behandling".
    const holder = /Under behandling · (Sverre Lunde|Hilde Berg)/.exec(cardText(cards[0].value));
    assert.ok(holder, 'the winning card names its holder');
    const winner = holder[1];
    assert.equal(refusals[0].value, `${winner} har allerede tatt saken.`);
  });

  it('refuses a claim from someone who is not a handler of the unit and changes nothing', async () => {
    const { inquiryId, thread, post } = await ask();
    const refused = await click(outsider, Verbs.claim, { inquiryId }, { conversationId: thread });
    assert.equal(refused.status, 200);
    assert.match(
      refused.body.value,
      /Du kan ikke behandle denne saken\. Bare superbrukere for Hauge vgs/,
    );
    const own = await click(asker, Verbs.claim, { inquiryId }, { conversationId: thread });
    assert.match(own.body.value, /Du kan ikke behandle denne saken\./, 'not even the asker');
    assert.equal(
      connector.updates().filter((u) => u.conversationId === thread).length,
      0,
      'the channel card was not touched',
    );
    const claim = await click(sverre, Verbs.claim, { inquiryId }, { conversationId: thread });
    assert.match(
      cardText(claim.body.value),
      /Under behandling · Sverre Lunde/,
      'the inquiry was still unclaimed',
    );
    assert.doesNotMatch(cardText(connector.latestCard(thread, post.resultId!)), /Per Dal/);
  });

  it('refuses forged or malformed card data with a clear message', async () => {
    const { inquiryId, thread } = await ask();
    const forged = [
      click(sverre, Verbs.claim, { inquiryId: 'not-a-uuid' }, { conversationId: thread }),
      click(
        sverre,
        Verbs.claim,
        { inquiryId: '00000000-0000-4000-8000-000000000000' },
        { conversationId: thread },
      ),
      click(sverre, Verbs.answer, { inquiryId }, { conversationId: thread }),
      click(
        sverre,
        Verbs.handOver,
        { inquiryId, handOverTo: people.otherSuperuser.email },
        { conversationId: thread },
      ),
      click(sverre, 'qm.deleteEverything', { inquiryId }, { conversationId: thread }),
      click(asker, Verbs.confirmResolved, { inquiryId }),
    ];
    const texts = (await Promise.all(forged)).map((r) => {
      assert.equal(r.status, 200);
      return r.body.value as string;
    });
    assert.deepEqual(texts, [
      'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.',
      'Fant ikke saken.',
      'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.',
      'Velg en annen superbruker for enheten.',
      'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.',
      'Saken er ikke besvart ennå.',
    ]);
    const claim = await click(hilde, Verbs.claim, { inquiryId }, { conversationId: thread });
    assert.match(cardText(claim.body.value), /Under behandling · Hilde Berg/);
  });

  it('answers malformed requests to /api/messages with 4xx and keeps running', async () => {
    assert.equal((await running().postRaw('{"type": "message", ')).status, 400);
    assert.equal((await running().postRaw('[]')).status, 400);
    assert.equal((await running().post({ type: 'message', text: 'no sender' })).status, 400);
    assert.equal((await running().postRaw('hello', 'text/plain')).status >= 400, true);
    const health = await fetch(`${running().url}/healthz`);
    assert.equal(health.status, 200);
    await ask();
  });

  it('opens one inquiry when Teams delivers the same message twice', async () => {
    const id = 'same-activity-1';
    await say(asker, 'Hvordan melder jeg et avvik?', { id });
    await say(asker, 'Hvordan melder jeg et avvik?', { id });
    await connector.channelPost(schoolTriageChannel);
    await connector.waitFor(() => sentTo(asker)[0], 'the status card');
    const second = await say(asker, 'Jeg finner ikke prosedyren i e-håndboken');
    assert.equal(second.status, 200);
    const posts = await connector.waitFor(() => {
      const found = triageThreads(connector);
      return found.length >= 2 ? found : undefined;
    }, 'the second triage card');
    await running().settle();
    assert.equal(triageThreads(connector).length, 2, 'one triage card for each question');
    const statusNumbers = new Set(
      sentTo(asker).map((r) => /QM-\d{4}-\d{4}/.exec(cardText(cardOf(r.body)))?.[0]),
    );
    const numbers = posts.map((p) => /QM-\d{4}-\d{4}/.exec(cardText(cardOf(p.body.activity)))?.[0]);
    assert.deepEqual(
      [...statusNumbers].sort(),
      [...numbers].sort(),
      'the asker is told of the two inquiries and of no third',
    );
  });

  it('hands over to another superuser, who is told in their 1:1 chat', async () => {
    const { inquiryId, thread, number } = await ask();
    await click(sverre, Verbs.claim, { inquiryId }, { conversationId: thread });
    const handed = await click(
      sverre,
      Verbs.handOver,
      { inquiryId, handOverTo: people.hilde.email },
      { conversationId: thread },
    );
    assert.match(cardText(handed.body.value), /Under behandling · Hilde Berg/);
    const chat = await connector.waitFor(
      () => chatWith(people.hilde.aadObjectId),
      'a 1:1 chat with Hilde',
    );
    const notice = await connector.waitFor(
      () => connector.sent().find((r) => r.conversationId === chat && cardOf(r.body)),
      'the hand-over notice',
    );
    assert.match(
      cardText(cardOf(notice.body)),
      new RegExp(`Sverre Lunde har gitt ${number} videre til deg\\.`),
    );
  });

  it('reopens at the same level when the asker says "Ikke løst", and tells the holder', async () => {
    const { inquiryId, thread } = await ask();
    await click(
      sverre,
      Verbs.answer,
      { inquiryId, answerText: 'Prøv igjen.' },
      { conversationId: thread },
    );
    await connector.waitFor(
      () => sentTo(asker, (c) => /Svar fra/.test(cardText(c)))[0],
      'the answer',
    );
    const reply = await click(asker, Verbs.notResolved, {
      inquiryId,
      comment: 'Knappen mangler hos meg',
    });
    assert.match(cardText(reply.body.value), /Sverre Lunde ser på saken/);
    const notice = await connector.waitFor(
      () =>
        connector.sent().find((r) => /Innsender svarte «Ikke løst»/.test(cardText(cardOf(r.body)))),
      'the notice to the holder',
    );
    assert.match(cardText(cardOf(notice.body)), /Knappen mangler hos meg/);
  });
});
