import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { teamsUser } from '../support/activities';
import { actionData, actionVerbsOf } from '../support/card-actions';
import { useConversation } from '../support/conversation';
import { people } from '../support/domain-fixture';
import { cardOf } from '../support/fake-connector';
import { cardText } from '../support/organisation';
import { askInChannel } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
const hilde = teamsUser(people.hilde);
const coordinator = teamsUser(people.coordinator);

describe('pings and notices that the inquiry has moved past', function () {
  this.timeout(60_000);
  const conversation = useConversation();
  const { connector, click } = conversation;
  const isCard = (body: any) => body?.type === 'application/vnd.microsoft.card.adaptive';

  it('updates a 1:1 notice in place as the inquiry changes, and answers a stale click with the card as it is', async () => {
    const { inquiryId, number, thread, rootId } = await askInChannel(conversation.bot(), connector);
    await click(sverre, Verbs.claim, { inquiryId }, { conversationId: thread, replyToId: rootId });
    await click(
      sverre,
      Verbs.handOver,
      { inquiryId, handOverTo: people.hilde.email },
      { conversationId: thread, replyToId: rootId },
    );
    const chat = await connector.waitFor(
      () => conversation.chatWith(people.hilde.aadObjectId),
      'a 1:1 chat with Hilde',
    );
    const notice = await connector.waitFor(
      () =>
        connector
          .sent()
          .find((r) => r.conversationId === chat && cardText(cardOf(r.body)).includes(number)),
      'the hand-over notice',
    );
    const sent = cardOf(notice.body);
    assert.ok(actionVerbsOf(sent).includes(Verbs.answer));

    const answered = await click(
      hilde,
      Verbs.answer,
      { ...actionData(sent, Verbs.answer), answerText: 'Bruk «Meld avvik».' },
      { conversationId: chat, replyToId: notice.resultId! },
    );
    assert.ok(isCard(answered.body), 'the click is answered with a card');
    assert.match(cardText(answered.body.value), /Sverre Lunde har gitt .* videre til deg/);
    assert.match(cardText(answered.body.value), /Besvart/);

    await conversation.click(asker, Verbs.confirmResolved, { inquiryId });
    await conversation.bot().settle();
    const current = connector.latestCard(chat, notice.resultId!);
    assert.match(cardText(current), /Sverre Lunde har gitt .* videre til deg/, 'the head as sent');
    assert.match(cardText(current), /Løst/);
    assert.deepEqual(actionVerbsOf(current), [], 'no buttons are left on a resolved inquiry');

    const stale = await click(hilde, Verbs.claim, actionData(sent, Verbs.answer), {
      conversationId: chat,
      replyToId: notice.resultId!,
    });
    assert.ok(isCard(stale.body), 'a stale click is answered with the card as it is now');
    assert.match(cardText(stale.body.value), /Løst/);
    assert.deepEqual(actionVerbsOf(stale.body.value), []);
  });

  it('updates a ping in the thread in place once someone takes the inquiry', async () => {
    const { inquiryId, number, thread, rootId } = await askInChannel(conversation.bot(), connector);
    await click(
      sverre,
      Verbs.escalate,
      { inquiryId },
      { conversationId: thread, replyToId: rootId },
    );
    const ping = await connector.waitFor(
      () =>
        connector
          .sent()
          .find(
            (r) =>
              r.conversationId === thread &&
              /videre til dere\. Kan du ta den\?/.test(cardText(cardOf(r.body))),
          ),
      'the ping in the thread',
    );
    assert.ok(actionVerbsOf(cardOf(ping.body)).includes(Verbs.claim));
    const claimed = await click(
      coordinator,
      Verbs.claim,
      actionData(cardOf(ping.body), Verbs.claim),
      {
        conversationId: thread,
        replyToId: ping.resultId!,
      },
    );
    assert.match(cardText(claimed.body.value), /Kan du ta den\?/, 'the ping, as it is now');
    await connector.waitFor(() => {
      const card = connector.latestCard(thread, ping.resultId!);
      return /Under behandling · Anne Winter/.test(cardText(card)) &&
        !actionVerbsOf(card).includes(Verbs.claim)
        ? card
        : undefined;
    }, `the ping about ${number} showing who took it, without "Jeg tar den"`);
  });
});
