import assert from 'node:assert/strict';
import { people } from '../support/domain-fixture';
import { personalMessage, teamsUser, tenantId } from '../support/activities';
import { startBotProcess } from '../support/bot-server';
import { FakeConnector } from '../support/fake-connector';
import { writeOrganisation } from '../support/organisation';

describe('with Bot Framework credentials configured', function () {
  this.timeout(120_000);
  const connector = new FakeConnector();
  before(() => connector.start());
  after(() => connector.stop());

  it('refuses a request without a valid Bot Framework token and tells Teams nothing', async () => {
    const bot = await startBotProcess({
      orgFile: writeOrganisation(),
      env: {
        MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        ALLOWED_TENANTS: tenantId,
        HOST: '127.0.0.1',
      },
    });
    try {
      const message = personalMessage({
        from: teamsUser(people.asker),
        text: 'Hvordan melder jeg avvik?',
        serviceUrl: connector.url,
      });
      const unsigned = await bot.post(message);
      assert.equal(unsigned.status, 401);
      const forged = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer not.a.token' },
        body: JSON.stringify(message),
      });
      assert.equal(forged.status, 401);
      assert.equal(connector.requests.length, 0);
      assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    } finally {
      await bot.stop();
    }
  });

  it('refuses to start with an app id but no password, naming the setting', async () => {
    await assert.rejects(
      startBotProcess({
        orgFile: writeOrganisation(),
        env: { MicrosoftAppId: '11111111-2222-4333-8444-555555555555' },
      }),
      /MicrosoftAppPassword: required when MicrosoftAppId is set/,
    );
  });

  it('refuses to start with an invalid organisation file, listing each error with its path', async () => {
    await assert.rejects(
      startBotProcess({ orgFile: writeOrganisation({ name: 'x', units: [] }) }),
      /ORG_FILE: the organisation file .* is invalid \(\d+ errors\); nothing was imported[^\n]*\n {2}\$\.units: [^\n]*\n {2}\$\.workAreas/,
    );
  });
});
