import assert from 'node:assert/strict';
import { validateOrganisation } from '../../src/org/validate';
import { organisation } from '../support/domain-fixture';

const withChannel = (triageChannel: object) => ({
  ...organisation,
  workAreas: organisation.workAreas.map((area) =>
    area.id === 'skole' ? { ...area, triageChannel } : area,
  ),
});

describe('triage channel ids in the organisation file', () => {
  it('accepts team and channel ids as Teams gives them', () => {
    const ok = validateOrganisation(
      withChannel({ teamId: '19:abc@thread.tacv2', channelId: '19:def@thread.skype' }),
    );
    assert.equal(ok.ok, true);
  });

  it('refuses a channel link, a name or a group id in place of a Teams id, with its path', () => {
    for (const channelId of [
      'https://teams.microsoft.com/l/channel/19%3Adef%40thread.tacv2/Triage',
      'Qm+ triage skole',
      'b7f1c2d3-0000-4000-8000-000000000000',
    ]) {
      const result = validateOrganisation(
        withChannel({ teamId: '19:abc@thread.tacv2', channelId }),
      );
      assert.equal(result.ok, false, channelId);
      if (!result.ok)
        assert.ok(
          result.errors.some(
            (e) => /triageChannel/.test(JSON.stringify(e)) && /19:/.test(JSON.stringify(e)),
          ),
          JSON.stringify(result.errors),
        );
    }
  });
});
