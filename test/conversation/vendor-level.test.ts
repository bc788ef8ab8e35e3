import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { teamsUser } from '../support/activities';
import { cardNodes } from '../support/card-nodes';
import { useConversation } from '../support/conversation';
import { people } from '../support/domain-fixture';
import { cardText } from '../support/organisation';
import { askInChannel } from '../support/triage';

const sverre = teamsUser(people.sverre);
const coordinator = teamsUser(people.coordinator);

describe('the vendor level', function () {
  this.timeout(60_000);
  const conversation = useConversation();
  const { connector, click } = conversation;

  it('shows the vendor’s address and the subject as text beside the email button', async () => {
    const { inquiryId, number, thread, rootId } = await askInChannel(conversation.bot(), connector);
    const where = { conversationId: thread, replyToId: rootId };
    await click(sverre, Verbs.escalate, { inquiryId }, where);
    const atVendor = await click(
      coordinator,
      Verbs.escalate,
      { inquiryId, toVendor: 'true' },
      where,
    );
    const card = atVendor.body.value;
    const mailto = cardNodes(card).find((n) => n.type === 'Action.OpenUrl');
    assert.ok(mailto, 'the email button');
    const facts = cardNodes(card).filter((n) => typeof n.title === 'string' && 'value' in n);
    assert.ok(facts.some((f) => f.title === 'Adresse' && f.value === 'support@leverandor.example'));
    const subject = facts.find((f) => f.title === 'Emne');
    assert.ok(subject, 'the subject as text');
    assert.match(String(subject.value), new RegExp(number));
    assert.ok(String(mailto.url).includes(encodeURIComponent(String(subject.value))));
    assert.match(cardText(card), /Kopier adressen og emnet/);
  });
});
