import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from '../../src/config';

describe('configuration', () => {
  it('runs in local mode on loopback with nothing set', () => {
    const config = loadConfig({});
    assert.equal(config.localMode, true);
    assert.equal(config.host, '127.0.0.1');
  });

  it('refuses an app id that is not a GUID, naming the setting and what it should be', () => {
    assert.throws(
      () => loadConfig({ MicrosoftAppId: 'qm-hjelp', MicrosoftAppPassword: 'secret' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /MicrosoftAppId: the Microsoft App ID of the Azure Bot registration, a GUID/.test(
          error.message,
        ),
    );
  });

  it('signs links with SIGNING_SECRET and points them at BOT_DOMAIN', () => {
    assert.deepEqual(loadConfig({}).links, {});
    const secret = 'f'.repeat(64);
    assert.deepEqual(
      loadConfig({ SIGNING_SECRET: secret, BOT_DOMAIN: 'qm-hjelp.example.com' }).links,
      { signingSecret: secret, publicUrl: 'https://qm-hjelp.example.com' },
    );
    assert.throws(() => loadConfig({ SIGNING_SECRET: 'short' }), /SIGNING_SECRET: at least 32/);
    assert.throws(() => loadConfig({ BOT_DOMAIN: 'https://x/' }), /BOT_DOMAIN: a host name/);
  });

  it('refuses a tenant id that is not a GUID', () => {
    assert.throws(
      () =>
        loadConfig({
          MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
          MicrosoftAppPassword: 'secret',
          MicrosoftAppTenantId: 'contoso.onmicrosoft.com',
        }),
      /MicrosoftAppTenantId: a tenant id \(GUID\)/,
    );
  });

  it('serves on every interface with credentials, and asks for the password that goes with them', () => {
    const appId = '11111111-2222-4333-8444-555555555555';
    const tenant = { ALLOWED_TENANTS: '72f988bf-0000-4000-8000-000000000001' };
    assert.equal(
      loadConfig({ MicrosoftAppId: appId, MicrosoftAppPassword: 's', ...tenant }).host,
      '0.0.0.0',
    );
    assert.throws(
      () => loadConfig({ MicrosoftAppId: appId, ...tenant }),
      /MicrosoftAppPassword: required/,
    );
  });

  it('refuses a Playground locale that Teams would not send', () => {
    assert.throws(() => loadConfig({ PLAYGROUND_LOCALE: 'norsk' }), /PLAYGROUND_LOCALE/);
    assert.equal(loadConfig({ PLAYGROUND_LOCALE: 'en-US' }).playground.locale, 'en-US');
  });

  it('leaves room after PLAYGROUND_PORT for the superuser’s and the coordinator’s Playgrounds', () => {
    assert.equal(loadConfig({ PLAYGROUND_PORT: '65533' }).playground.port, 65533);
    assert.throws(
      () => loadConfig({ PLAYGROUND_PORT: '65534' }),
      /PLAYGROUND_PORT: at most 65533: the next two ports are for the other Playgrounds/,
    );
  });
});
