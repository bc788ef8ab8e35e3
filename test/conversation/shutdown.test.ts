import assert from 'node:assert/strict';
import { people } from '../support/domain-fixture';
import { teamsUser } from '../support/activities';
import { startBotProcess, type BotProcess } from '../support/bot-server';
import { say } from '../support/conversation';
import { startCosmosServer } from '../support/cosmos-server';
import { FakeConnector, type RecordedRequest } from '../support/fake-connector';
import { writeOrganisation } from '../support/organisation';
import { testStore } from '../support/store-under-test';
import { triageChannelId } from '../support/teams-model';

const asker = teamsUser(people.asker);

const channelPost = (r: RecordedRequest): boolean =>
  r.method === 'POST' &&
  r.path === '/v3/conversations' &&
  r.body?.channelData?.channel?.id === triageChannelId;

/** Sends SIGTERM and waits for the process to exit; the test's own timeout is the bound. */
async function terminated(bot: BotProcess): Promise<void> {
  await bot.stop();
  assert.match(bot.output(), /shutting down/);
}

describe('shutting down on SIGTERM', function () {
  this.timeout(90_000);
  const connector = new FakeConnector();
  before(() => connector.start());
  after(() => connector.stop());
  afterEach(() => connector.recover());

  it(`exits while a call to Teams hangs (${testStore})`, async () => {
    connector.hang(channelPost);
    const bot = await startBotProcess({
      orgFile: writeOrganisation(),
      env: { TEAMS_CALL_TIMEOUT_MS: '600000', SHUTDOWN_DEADLINE_MS: '2000' },
    });
    try {
      await say(bot, connector, asker, 'Hvordan melder jeg et avvik på en elevtur?');
      await connector.waitFor(() => connector.hung().find(channelPost), 'the hanging channel post');
      await terminated(bot);
    } finally {
      await bot.kill();
    }
  });

  it('exits when Cosmos DB can no longer be reached', async () => {
    const cosmos = await startCosmosServer();
    const bot = await startBotProcess({
      orgFile: writeOrganisation(),
      env: {
        STORE: 'cosmos',
        COSMOS_ENDPOINT: cosmos.endpoint,
        COSMOS_KEY: cosmos.key,
        COSMOS_DATABASE: 'qm-shutdown',
        COSMOS_ALLOW_SELF_SIGNED: 'on',
        SHUTDOWN_DEADLINE_MS: '2000',
      },
    });
    try {
      await cosmos.stop();
      // A turn that needs the store, still waiting for it when the signal comes.
      void say(bot, connector, asker, 'Hvordan melder jeg et avvik?').catch(() => undefined);
      await terminated(bot);
    } finally {
      await bot.kill();
    }
  });
});
