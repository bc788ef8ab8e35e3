import assert from 'node:assert/strict';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { tenantId } from '../support/activities';
import { FakeConnector, cardOf } from '../support/fake-connector';

const card = (title: string) => ({
  type: 'message' as const,
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: title }] },
    },
  ],
});

describe('the fake Teams connector', () => {
  const connector = new FakeConnector();
  let client: ConnectorClient;

  before(async () => {
    await connector.start();
    // The client botbuilder itself uses, without credentials as in local mode.
    client = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: connector.url });
  });
  after(() => connector.stop());
  beforeEach(() => {
    connector.recover();
    connector.requests.length = 0;
  });

  it('starts a channel thread whose id ends in the id of its first message', async () => {
    const channelId = '19:triage-skole@thread.tacv2';
    const created = await client.conversations.createConversation({
      isGroup: true,
      bot: { id: '28:qm-hjelp', name: 'Qm+ Hjelp' },
      channelData: { channel: { id: channelId } },
      activity: card('QM-2026-0001'),
      members: [],
    } as any);
    assert.ok(created.activityId);
    assert.equal(created.id, `${channelId};messageid=${created.activityId}`);
    const [recorded] = connector.conversationsCreated();
    assert.equal(recorded?.resultId, created.activityId);
    assert.equal(cardOf(recorded?.body.activity).body[0].text, 'QM-2026-0001');
  });

  it('gives a person the same 1:1 chat every time the bot starts one', async () => {
    const start = () =>
      client.conversations.createConversation({
        isGroup: false,
        bot: { id: '28:qm-hjelp', name: 'Qm+ Hjelp' },
        members: [{ id: '29:kari.asker', name: '' }],
        tenantId,
      } as any);
    const first = await start();
    const second = await start();
    assert.match(first.id, /^a:/);
    assert.equal(second.id, first.id);
  });

  it('decodes conversation ids, gives every message an id, and shows a card as last updated', async () => {
    const thread = '19:triage-skole@thread.tacv2;messageid=1700000000001';
    const posted = await client.conversations.sendToConversation(thread, card('Ny'));
    const reply = await client.conversations.replyToActivity(thread, posted.id, {
      type: 'message',
      text: 'Purring',
    });
    await client.conversations.updateActivity(thread, posted.id, {
      ...card('Sverre Lunde tok saken'),
      id: posted.id,
    });
    assert.notEqual(reply.id, posted.id);
    assert.deepEqual(
      connector.sent().map((r) => [r.conversationId, r.replyToId]),
      [
        [thread, undefined],
        [thread, posted.id],
      ],
    );
    assert.equal(connector.updates()[0]?.activityId, posted.id);
    assert.equal(connector.latestCard(thread, posted.id).body[0].text, 'Sverre Lunde tok saken');
  });

  it('answers a member lookup from its roster, and 404 as Teams does for anyone else', async () => {
    connector.setMember({
      id: '29:sverre',
      aadObjectId: '10000000-0000-4000-8000-000000000001',
      name: 'Sverre Lunde',
      email: 'sverre.lunde@fylke.example',
      userPrincipalName: 'sverre.lunde@fylke.example',
    });
    const member = await client.conversations.getConversationMember('a:chat-sverre', '29:sverre');
    assert.equal((member as { email?: string }).email, 'sverre.lunde@fylke.example');
    await assert.rejects(
      client.conversations.getConversationMember('a:chat-nobody', '29:nobody'),
      (error: { statusCode?: number; code?: string }) => {
        assert.equal(error.statusCode, 404);
        assert.equal(error.code, 'MemberNotFoundInConversation');
        return true;
      },
    );
    const members = await client.conversations.getConversationMembers('a:chat-sverre');
    assert.deepEqual(
      members.map((m) => m.id),
      ['29:sverre'],
    );
  });

  it('fails the next matching requests as told, records their status, then answers normally', async () => {
    connector.failNext(
      (req) => req.method === 'POST' && req.conversationId === 'a:chat-kari.asker',
      [{ status: 429, headers: { 'retry-after': '2' } }, { status: 500 }],
    );
    const post = () =>
      fetch(
        `${connector.url}/v3/conversations/${encodeURIComponent('a:chat-kari.asker')}/activities`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'Hei' }),
        },
      );
    const throttled = await post();
    assert.equal(throttled.status, 429);
    assert.equal(throttled.headers.get('retry-after'), '2');
    assert.equal((await post()).status, 500);
    assert.equal((await post()).status, 201);
    assert.deepEqual(
      connector.requests.map((r) => r.status),
      [429, 500, 201],
    );
    assert.equal(connector.sent().length, 1, 'only the accepted message counts as sent');
  });

  it('lets the connector client retry on its own: three 429s in a row pass, a fourth fails the send', async () => {
    // botframework-connector's pipeline retries 429 (honouring Retry-After) and 5xx up to three
    // times within one call, so only a fourth failure in a row reaches the bot's own retry logic.
    const throttled = { status: 429, headers: { 'retry-after': '0' } };
    connector.failNext((req) => req.method === 'POST', [throttled, throttled, throttled]);
    await client.conversations.sendToConversation('a:chat-kari.asker', {
      type: 'message',
      text: 'Hei',
    });
    connector.failNext(
      (req) => req.method === 'POST',
      [throttled, throttled, throttled, throttled],
    );
    await assert.rejects(
      client.conversations.sendToConversation('a:chat-kari.asker', {
        type: 'message',
        text: 'Hei',
      }),
      (error: { statusCode?: number }) => error.statusCode === 429,
    );
    assert.deepEqual(
      connector.requests.map((r) => r.status),
      [429, 429, 429, 201, 429, 429, 429, 429],
    );
  });

  it('refuses to update a message it never sent, and a body that is not JSON, as Teams would', async () => {
    const conversationId = 'a:chat-hilde.berg';
    const sent = await client.conversations.sendToConversation(conversationId, card('Ny'));
    const url = `${connector.url}/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    const put = (activityId: string, body: string) =>
      fetch(`${url}/${encodeURIComponent(activityId)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      });
    assert.equal((await put(sent.id, JSON.stringify(card('Løst')))).status, 200);
    assert.equal((await put(conversationId, JSON.stringify(card('Løst')))).status, 404);
    assert.equal((await put(sent.id, '{not json')).status, 400);
    assert.equal(connector.updates().length, 1);
  });

  it('names what it waited for and lists what it received when waiting times out', async () => {
    await client.conversations.sendToConversation('a:chat-kari.asker', {
      type: 'message',
      text: 'Hei',
    });
    await assert.rejects(
      connector.waitFor(() => connector.updates()[0], 'an update of the status card', 100),
      (error: Error) => {
        assert.match(error.message, /Timed out waiting for an update of the status card/);
        assert.match(
          error.message,
          /201 POST \/v3\/conversations\/a%3Achat-kari\.asker\/activities/,
        );
        return true;
      },
    );
  });
});
