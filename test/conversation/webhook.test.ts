import assert from 'node:assert/strict';
import { Duration } from 'luxon';
import { Verbs } from '../../cards/verbs';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { webhookSchemaVersion } from '../../src/webhook/payload';
import { webhookPayloadSchema } from '../../src/webhook/payload-schema';
import { teamsUser } from '../support/activities';
import { actionData } from '../support/card-actions';
import { useConversation } from '../support/conversation';
import { people } from '../support/domain-fixture';
import { cardOf } from '../support/fake-connector';
import { openBotStore } from '../support/store-under-test';
import { askInChannel } from '../support/triage';
import { WebhookReceiver } from '../support/webhook-receiver';

const sverre = teamsUser(people.sverre);
const secret = 'a-shared-secret-of-at-least-32-characters';
/** Long enough for every retry the outbox schedules after a failed send to come due. */
const pastRetries = 'PT10M';

describe('the outgoing webhook', function () {
  this.timeout(40_000);
  const desk = new WebhookReceiver(secret);
  const mirror = new WebhookReceiver(secret);
  // Filled in once the receivers listen, before the bot starts (its hooks run after these).
  const env: Record<string, string> = {};
  before(async () => {
    await desk.start();
    await mirror.start();
    Object.assign(env, {
      WEBHOOK_URLS: `${desk.url}, ${mirror.url}`,
      WEBHOOK_SECRET: secret,
      WEBHOOK_TIMEOUT_MS: '1000',
    });
  });
  after(async () => {
    await desk.stop();
    await mirror.stop();
  });
  const conversation = useConversation({ env });
  const { connector } = conversation;

  /** Keeps the receivers' clocks at the bot's time, as a receiver's own clock would be. */
  const syncClocks = () => {
    desk.now = conversation.bot().now();
    mirror.now = conversation.bot().now();
  };
  beforeEach(syncClocks);
  /** Moves the bot's clock, the receivers' with it: their clocks agree with the bot's. */
  const advance = async (by: string) => {
    const at = new Date(conversation.bot().now().getTime() + Duration.fromISO(by).toMillis());
    desk.now = at;
    mirror.now = at;
    await conversation.bot().advance(by);
  };

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
  const sequencesOf = (receiver: WebhookReceiver, inquiryId: string) =>
    receiver.accepted
      .filter((p) => p.inquiry.id === inquiryId)
      .map((p) => p.event.sequence)
      .sort((a, b) => a - b);
  const everyEvent = (inquiry: Inquiry) => inquiry.history.map((_event, index) => index);

  it('delivers each event of an inquiry once to every URL, signed, without personal data', async () => {
    const question = 'Hvordan legger jeg ved et bilde i et avvik om Kari?';
    const post = await askInChannel(conversation.bot(), connector, question);
    await conversation.click(
      sverre,
      Verbs.claim,
      actionData(cardOf(post.post.body.activity), Verbs.claim),
      { conversationId: post.thread, replyToId: post.rootId },
    );
    const inquiry = await stored(post.inquiryId);
    assert.deepEqual(sequencesOf(desk, inquiry.id), everyEvent(inquiry));
    assert.deepEqual(sequencesOf(mirror, inquiry.id), everyEvent(inquiry));
    const claimed = desk.accepted.find(
      (p) => p.inquiry.id === inquiry.id && p.event.type === 'claimed',
    );
    assert.ok(claimed, 'the claim reached the service desk');
    assert.equal(claimed.schemaVersion, webhookSchemaVersion);
    assert.equal(claimed.inquiry.number, post.number);
    assert.equal(claimed.inquiry.unit.id, 'hauge-vgs');
    assert.equal(claimed.inquiry.unit.name, 'Hauge vgs');
    assert.equal(claimed.event.id, `${inquiry.id}:${claimed.event.sequence}`);
    const mirrored = mirror.accepted.find((p) => p.event.id === claimed.event.id);
    assert.ok(mirrored);
    assert.notEqual(mirrored.deliveryId, claimed.deliveryId, 'one delivery id per URL');
    const bodies = desk.requests.map((r) => r.body).join('\n');
    assert.doesNotMatch(bodies, /legger jeg ved et bilde/, 'no question text');
    assert.doesNotMatch(bodies, /Kari Asker|Sverre Lunde|kari\.asker|sverre\.lunde/, 'no names');
    assert.deepEqual(desk.repeats, []);
    for (const payload of desk.accepted) webhookPayloadSchema.parse(payload);
  });

  it('delivers each event once after the receiver failed, hung and refused connections for a while', async () => {
    desk.mode = 'fail';
    const post = await askInChannel(conversation.bot(), connector);
    await desk.waitFor(
      () => desk.requests.some((r) => r.status === 500),
      'the service desk answering 500',
    );
    await conversation.bot().settle();
    desk.mode = 'hang';
    const asked = desk.requests.length;
    await advance(pastRetries);
    assert.ok(
      desk.requests.slice(asked).some((r) => r.status === undefined),
      'a retry reached the hanging receiver',
    );
    await desk.refuseConnections();
    await advance(pastRetries);
    const refusedFrom = desk.requests.length;
    await desk.recover();
    await advance(pastRetries);
    const inquiry = await stored(post.inquiryId);
    assert.deepEqual(sequencesOf(desk, inquiry.id), everyEvent(inquiry));
    assert.deepEqual(
      sequencesOf(mirror, inquiry.id),
      everyEvent(inquiry),
      'the other URL waited for nothing',
    );
    assert.ok(refusedFrom > asked, 'retries were tried');
    assert.deepEqual(desk.repeats, [], 'nothing taken is sent again');
    await advance(pastRetries);
    assert.equal(
      desk.requests.filter((r) => r.status === 200).length,
      desk.accepted.length,
      'no delivery is repeated once it succeeded',
    );
  });

  it('is refused by the receiver when replayed later with its old timestamp', async () => {
    await askInChannel(conversation.bot(), connector);
    await conversation.bot().settle();
    const taken = desk.requests.filter((r) => r.status === 200).at(-1);
    assert.ok(taken, 'a delivered request to replay');
    assert.equal(await desk.replay(taken), 200, 'the same request at once is accepted (a repeat)');
    await advance('PT10M');
    assert.equal(await desk.replay(taken), 401, 'the old timestamp is refused');
    const tampered = {
      ...taken,
      body: taken.body.replace('"schemaVersion":1', '"schemaVersion":2'),
    };
    desk.now = new Date(Number(taken.headers['x-qm-hjelp-timestamp']) * 1000);
    assert.equal(await desk.replay(tampered), 401, 'a changed body is refused');
  });
});
