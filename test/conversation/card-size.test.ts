import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { teamsUser } from '../support/activities';
import { useConversation } from '../support/conversation';
import { people } from '../support/domain-fixture';
import { cardOf } from '../support/fake-connector';
import { cardText } from '../support/organisation';
import { askInChannel } from '../support/triage';

const sverre = teamsUser(people.sverre);
/** Teams' limit as the connector enforces it here: a larger activity is refused with 413. */
const teamsLimit = 28 * 1024;

describe('a card larger than Teams accepts', function () {
  this.timeout(60_000);
  const conversation = useConversation({
    setUp: (connector) => connector.limitSize(teamsLimit),
  });
  const { connector } = conversation;

  it('is measured before it is sent and its longest text shortened with a note, so the card is updated', async () => {
    // Characters of two and three bytes: the longest question and answer the bot takes, past the limit together.
    const question = `Hvordan melder jeg avvik? ${'æ✓å '.repeat(990)}`;
    const answer = `Slik gjør du det: ${'✓✓✓ '.repeat(1990)}slutt`;
    const { inquiryId, thread, rootId } = await askInChannel(
      conversation.bot(),
      connector,
      question,
    );
    const answered = await conversation.click(
      sverre,
      Verbs.answer,
      { inquiryId, answerText: answer },
      { conversationId: thread, replyToId: rootId },
    );
    assert.equal(answered.status, 200);
    const update = await connector.waitFor(
      () =>
        connector
          .updates()
          .find((r) => r.activityId === rootId && /Besvart/.test(cardText(cardOf(r.body)))),
      'the channel card updated to show the answer',
    );
    assert.ok(update.status < 300, 'Teams took the update');
    const text = cardText(cardOf(update.body));
    assert.match(text, /forkortet her fordi kortet ble for stort for Teams/);
    assert.match(text, /Slik gjør du det:/, 'the start of the answer is kept');
    assert.ok(Buffer.byteLength(JSON.stringify(update.body)) <= teamsLimit);
    assert.equal(
      connector.requests.filter((r) => r.status === 413).length,
      0,
      'nothing was sent that Teams refused as too large',
    );
  });
});
