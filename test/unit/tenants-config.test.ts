import assert from 'node:assert/strict';
import { ConfigError, loadConfig, playgroundTenantId } from '../../src/config';

const credentials = {
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  MicrosoftAppPassword: 'secret',
};
const contoso = '11111111-2222-4333-8444-555555555555';
const fabrikam = '66666666-7777-4888-9999-000000000000';

describe('allowed tenants in the configuration', () => {
  it('serves the Agents Playground’s tenant in local mode when none is named', () => {
    assert.deepEqual(loadConfig({}).tenants, [playgroundTenantId]);
  });

  it('reads a comma-separated list, the organisation’s own tenant first', () => {
    const config = loadConfig({
      ...credentials,
      ALLOWED_TENANTS: ` ${contoso.toUpperCase()}, ${fabrikam}`,
    });
    assert.deepEqual(config.tenants, [contoso, fabrikam]);
  });

  it('takes a single-tenant app’s own tenant when none is named', () => {
    const config = loadConfig({
      ...credentials,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: contoso,
    });
    assert.deepEqual(config.tenants, [contoso]);
  });

  it('refuses to start with credentials but no tenant, or with a tenant that is not a GUID', () => {
    assert.throws(
      () => loadConfig(credentials),
      (error: Error) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, /ALLOWED_TENANTS: required when MicrosoftAppId is set/);
        return true;
      },
    );
    assert.throws(
      () => loadConfig({ ...credentials, ALLOWED_TENANTS: 'contoso.onmicrosoft.com' }),
      /ALLOWED_TENANTS.*GUID/,
    );
  });
});
