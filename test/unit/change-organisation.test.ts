import assert from 'node:assert/strict';
import { ManualClock } from '../../src/clock';
import { uuidGenerator } from '../../src/ids';
import { changeOrganisation } from '../../src/org/change-organisation';
import { Directory } from '../../src/org/directory';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { organisation, validOrganisation } from '../contract/store-contract';

describe('a change to the organisation', () => {
  it('is refused when the role that allowed it was taken away after the actor’s organisation was read', async () => {
    const store = openSqliteStore(':memory:');
    try {
      const clock = new ManualClock('2026-12-01T09:00:00.000Z');
      const read = await store.organisation.replace(validOrganisation(), clock.now());
      // Read by the turn (on this or another instance), then changed: Tor is no longer system
      // responsible for anything.
      const stale = new Directory(read);
      const [topic] = organisation.topics;
      await store.organisation.replace(
        validOrganisation({
          topics: [{ ...topic, systemResponsible: ['sverre@fylke.example'] }],
        }),
        clock.now(),
      );
      const before = await store.organisation.version();

      const outcome = await changeOrganisation(
        { store, clock, ids: uuidGenerator },
        stale,
        { key: 'tor@fylke.example', name: 'Tor Aas' },
        {
          kind: 'role',
          op: 'add',
          role: 'superuser',
          placeId: 'hauge-vgs',
          email: 'kari@fylke.example',
        },
      );

      assert.deepEqual(outcome, { ok: false, reason: 'not_allowed' });
      assert.equal(await store.organisation.version(), before, 'nothing written');
      assert.deepEqual(await store.audit.list({}, 10), [], 'no audit event');
    } finally {
      await store.close();
    }
  });
});
