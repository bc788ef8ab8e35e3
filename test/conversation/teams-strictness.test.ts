import assert from 'node:assert/strict';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { people } from '../support/domain-fixture';
import { tenantId, otherTenantId } from '../support/activities';
import { FakeConnector, teamsFailures } from '../support/fake-connector';
import { triageChannelId, triageTeamId } from '../support/teams-model';

const bot = { id: '28:qm-hjelp', name: 'Qm+ Hjelp' };
const card = (text: string, entities: object[] = []) => ({
  type: 'message' as const,
  attachments: [
    {
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: {
        type: 'AdaptiveCard',
        version: '1.5',
        body: [{ type: 'TextBlock', text }],
        ...(entities.length ? { msteams: { entities } } : {}),
      },
    },
  ],
});

/** The status and Teams' error code of a refused call. */
async function refusal(call: Promise<unknown>): Promise<[number | undefined, string | undefined]> {
  try {
    await call;
  } catch (error) {
    const { statusCode, code } = error as { statusCode?: number; code?: string };
    return [statusCode, code];
  }
  assert.fail('Teams accepted it');
}

describe('the fake Teams connector is as strict as Teams', () => {
  let connector: FakeConnector;
  let client: ConnectorClient;
  const oneToOne = (memberId: string, tenant: string | undefined = tenantId) =>
    client.conversations.createConversation({
      isGroup: false,
      bot,
      members: [{ id: memberId, name: '' }],
      ...(tenant ? { tenantId: tenant, channelData: { tenant: { id: tenant } } } : {}),
    } as any);

  beforeEach(async () => {
    connector = new FakeConnector();
    await connector.start();
    client = new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: connector.url });
  });
  afterEach(() => connector.stop());

  describe('starting a 1:1 chat', () => {
    it('refuses an email or a UPN with 400, as Teams takes only a Teams id or an Entra id', async () => {
      assert.deepEqual(await refusal(oneToOne(people.sverre.email)), [400, 'BadArgument']);
    });

    it('refuses an Entra id without a personal install with 403 BotNotInConversationRoster', async () => {
      connector.changeUser(people.sverre.aadObjectId, { personalInstall: false });
      assert.deepEqual(await refusal(oneToOne(people.sverre.aadObjectId)), [
        403,
        'BotNotInConversationRoster',
      ]);
      // The Teams id from the roster of a team the bot is in still reaches them.
      const created = await oneToOne('29:sverre.lunde');
      assert.match(created.id, /^a:/);
    });

    it('refuses a request without a tenant, or with another tenant than the person’s, with 400', async () => {
      assert.deepEqual(await refusal(oneToOne('29:sverre.lunde', '')), [400, 'BadArgument']);
      assert.deepEqual(await refusal(oneToOne('29:sverre.lunde', otherTenantId)), [
        400,
        'BadArgument',
      ]);
    });

    it('gives the same chat whichever accepted id is used, the one the person writes in', async () => {
      const byTeamsId = await oneToOne('29:sverre.lunde');
      const byEntraId = await oneToOne(people.sverre.aadObjectId);
      assert.equal(byEntraId.id, byTeamsId.id);
      assert.equal(byTeamsId.id, 'a:chat-sverre.lunde');
    });
  });

  describe('looking people up', () => {
    it('finds a member of the triage team by Teams id, Entra id or UPN, with their ids', async () => {
      for (const id of [
        '29:anne.winter',
        '20000000-0000-4000-8000-000000000001',
        people.coordinator.email,
      ]) {
        const member = await client.conversations.getConversationMember(triageTeamId, id);
        assert.equal(member.id, '29:anne.winter');
        assert.equal(
          (member as { userPrincipalName?: string }).userPrincipalName,
          people.coordinator.email,
        );
      }
      assert.deepEqual(
        await refusal(
          client.conversations.getConversationMember(triageTeamId, 'nobody@fylke.example'),
        ),
        [404, 'MemberNotFoundInConversation'],
      );
    });

    it('lists the channels of a team the bot is in, and refuses a team without the bot', async () => {
      const response = await fetch(
        `${connector.url}/v3/teams/${encodeURIComponent(triageTeamId)}/conversations`,
      );
      const { conversations } = (await response.json()) as { conversations: { id: string }[] };
      assert.ok(conversations.some((c) => c.id === triageChannelId));
      connector.setBotInTeam(triageTeamId, false);
      const refused = await fetch(
        `${connector.url}/v3/teams/${encodeURIComponent(triageTeamId)}/conversations`,
      );
      assert.equal(refused.status, 403);
    });
  });

  describe('sending', () => {
    it('answers 404 ConversationNotFound for a conversation Teams does not have', async () => {
      assert.deepEqual(
        await refusal(client.conversations.sendToConversation('a:unknown', card('Hei'))),
        [404, 'ConversationNotFound'],
      );
      connector.deleteChat('29:sverre.lunde');
      assert.deepEqual(
        await refusal(client.conversations.sendToConversation('a:chat-sverre.lunde', card('Hei'))),
        [404, 'ConversationNotFound'],
      );
      const again = await oneToOne('29:sverre.lunde');
      assert.notEqual(again.id, 'a:chat-sverre.lunde', 'a new chat is started');
    });

    it('answers 404 ConversationNotFound for a chat with someone Teams does not know, and adds nobody', async () => {
      assert.deepEqual(
        await refusal(client.conversations.sendToConversation('a:chat-ukjent', card('Hei'))),
        [404, 'ConversationNotFound'],
      );
      assert.equal(connector.userOf('29:ukjent'), undefined);
      connector.addUser({
        teamsId: '29:ukjent',
        name: 'Ukjent Ansatt',
        aadObjectId: '',
        userPrincipalName: 'ukjent@fylke.example',
      });
      const sent = await client.conversations.sendToConversation('a:chat-ukjent', card('Hei'));
      assert.ok(sent.id, 'once in the model, their chat is there');
    });

    it('refuses a channel post in a team the bot is not in with 403', async () => {
      connector.setBotInTeam(triageTeamId, false);
      const post = client.conversations.createConversation({
        isGroup: true,
        bot,
        channelData: { channel: { id: triageChannelId }, tenant: { id: tenantId } },
        activity: card('QM-2026-0001'),
        members: [],
      } as any);
      assert.deepEqual(await refusal(post), [403, 'BotNotInConversationRoster']);
    });

    it('updates only an activity it gave out in that same conversation', async () => {
      const sent = await client.conversations.sendToConversation('a:chat-sverre.lunde', card('Ny'));
      await client.conversations.updateActivity('a:chat-sverre.lunde', sent.id, {
        ...card('Tatt'),
        id: sent.id,
      });
      assert.deepEqual(
        await refusal(
          client.conversations.updateActivity('a:chat-hilde.berg', sent.id, {
            ...card('Tatt'),
            id: sent.id,
          }),
        ),
        [404, 'ActivityNotFound'],
      );
    });

    it('answers 429 with Retry-After above the rate of one conversation, and 413 above the size', async () => {
      connector.limitRate(2);
      const post = () =>
        fetch(
          `${connector.url}/v3/conversations/${encodeURIComponent('a:chat-hilde.berg')}/activities`,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(card('Hei')),
          },
        );
      const statuses = [(await post()).status, (await post()).status];
      const throttled = await post();
      assert.deepEqual(statuses, [201, 201]);
      assert.equal(throttled.status, 429);
      assert.equal(throttled.headers.get('retry-after'), '1');
      connector.limitSize(200);

      assert.deepEqual(
        await refusal(
          client.conversations.sendToConversation('a:chat-sverre.lunde', card('x'.repeat(300))),
        ),
        [413, 'MessageSizeTooBig'],
      );
    });

    it('counts a new thread in a channel against the channel’s rate, as Teams does', async () => {
      connector.limitRate(2);
      // By fetch: the SDK's client would wait out the Retry-After and try again itself.
      const thread = () =>
        fetch(`${connector.url}/v3/conversations`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            isGroup: true,
            bot,
            channelData: { channel: { id: triageChannelId }, tenant: { id: tenantId } },
            activity: card('QM-2026-0001'),
            members: [],
          }),
        });
      const statuses = [(await thread()).status, (await thread()).status];
      const throttled = await thread();
      assert.deepEqual(statuses, [201, 201]);
      assert.equal(throttled.status, 429);
      assert.equal(throttled.headers.get('retry-after'), '1');
    });

    it('checks mentions: the text in the card, the id a Teams id, Entra id or UPN it knows', async () => {
      const mention = (id: string, text = '<at>Sverre Lunde</at>') => ({
        type: 'mention',
        text,
        mentioned: { id, name: 'Sverre Lunde' },
      });
      const send = (entity: object) =>
        client.conversations.sendToConversation(
          'a:chat-hilde.berg',
          card('<at>Sverre Lunde</at>: QM-2026-0001', [entity]),
        );
      for (const id of ['29:sverre.lunde', people.sverre.aadObjectId, people.sverre.email])
        await send(mention(id));
      assert.deepEqual(await refusal(send(mention('sverre@privat.example'))), [400, 'BadArgument']);
      assert.deepEqual(await refusal(send(mention(people.sverre.aadObjectId, '<at>Hilde</at>'))), [
        400,
        'BadArgument',
      ]);
    });

    it('has Teams’ own error bodies ready for the failures a test injects', () => {
      assert.deepEqual(
        [
          teamsFailures.preconditionFailed(),
          teamsFailures.tooLarge(),
          teamsFailures.badArgument(),
          teamsFailures.botNotInRoster(),
          teamsFailures.conversationNotFound(),
        ].map((f) => [f.status, (f.body as { error: { code: string } }).error.code]),
        [
          [412, 'PreconditionFailed'],
          [413, 'MessageSizeTooBig'],
          [400, 'BadArgument'],
          [403, 'BotNotInConversationRoster'],
          [404, 'ConversationNotFound'],
        ],
      );
    });
  });
});
