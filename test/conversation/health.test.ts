import assert from 'node:assert/strict';
import { people } from '../support/domain-fixture';
import { teamsUser } from '../support/activities';
import type { RecordedRequest } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { testStore } from '../support/store-under-test';
import { triageChannelId } from '../support/teams-model';

const asker = teamsUser(people.asker);

const channelPost = (r: RecordedRequest): boolean =>
  r.method === 'POST' &&
  r.path === '/v3/conversations' &&
  r.body?.channelData?.channel?.id === triageChannelId;

describe(`health and readiness (${testStore})`, function () {
  this.timeout(60_000);
  const conversation = useConversation({ env: { READY_OUTBOX_MAX_AGE_MS: '900000' } });
  const { connector } = conversation;
  const get = async (path: string): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${conversation.bot().url}${path}`);
    return { status: response.status, body: await response.json() };
  };

  it('says it is alive on /healthz', async () => {
    const health = await get('/healthz');
    assert.equal(health.status, 200);
    assert.equal(health.body.status, 'alive');
  });

  it('says it is ready on /readyz: store reachable, scheduler and outbox running, nothing waiting', async () => {
    await conversation.bot().settle();
    const ready = await get('/readyz');
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
    assert.equal(ready.body.status, 'ready');
    assert.equal(ready.body.store, 'reachable');
    assert.equal(ready.body.scheduler, 'running');
    assert.equal(ready.body.outbox, 'running');
    assert.equal(ready.body.oldestPendingSeconds, null);
  });

  it('answers 503 naming the outbox when a notification has waited longer than allowed, and ready again once it is sent', async () => {
    connector.failNext(
      channelPost,
      Array.from({ length: 100 }, () => ({ status: 503 })),
    );
    await conversation.say(asker, 'Hvordan melder jeg et avvik på en elevtur?');
    await connector.waitFor(
      () => connector.requests.find((r) => channelPost(r) && r.status === 503),
      'the channel post Teams answers 503',
    );
    await conversation.bot().settle();
    await conversation.bot().advance('PT20M');
    const stuck = await get('/readyz');
    assert.equal(stuck.status, 503, JSON.stringify(stuck.body));
    assert.equal(stuck.body.status, 'not ready');
    assert.ok(stuck.body.oldestPendingSeconds >= 15 * 60, JSON.stringify(stuck.body));
    assert.match(stuck.body.reasons.join(' '), /outbox/);

    connector.recover();
    await conversation.bot().advance('PT1H');
    await connector.channelPost(triageChannelId);
    await conversation.bot().settle();
    const ready = await get('/readyz');
    assert.equal(ready.status, 200, JSON.stringify(ready.body));
  });
});
