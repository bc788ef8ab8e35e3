import assert from 'node:assert/strict';
import { freePort, startBotProcess } from '../support/bot-server';
import { writeOrganisation } from '../support/organisation';

describe('starting on Cosmos DB', function () {
  this.timeout(120_000);

  it('refuses to start when the Cosmos DB account cannot be reached, naming the endpoint', async () => {
    const endpoint = `https://127.0.0.1:${await freePort()}/`;
    await assert.rejects(
      startBotProcess({
        orgFile: writeOrganisation(),
        env: {
          STORE: 'cosmos',
          COSMOS_ENDPOINT: endpoint,
          COSMOS_KEY: 'key',
          COSMOS_DATABASE: 'qm-hjelp',
        },
      }),
      (error: Error) => {
        assert.match(error.message, /The bot exited while starting/);
        assert.ok(
          error.message.includes(`Cannot reach Cosmos DB at ${endpoint} (database qm-hjelp)`),
          error.message,
        );
        assert.doesNotMatch(error.message, /at \w+ \(/, 'a message, not a stack trace');
        return true;
      },
    );
  });

  it('refuses to start with STORE=cosmos but no endpoint, naming the setting', async () => {
    await assert.rejects(
      startBotProcess({
        orgFile: writeOrganisation(),
        env: { STORE: 'cosmos', COSMOS_ENDPOINT: '' },
      }),
      /COSMOS_ENDPOINT: required when STORE=cosmos/,
    );
  });
});
