import assert from 'node:assert/strict';
import { handlerRole } from '../../src/routing/authorisation';
import type { Absence } from '../../src/absence/absence';
import {
  buildChain,
  firstLevel,
  handOverCandidates,
  nextLevel,
  targetsAt,
  withAbsences,
} from '../../src/routing/chain';
import { people, testDirectory } from '../support/domain-fixture';
import { openInquiryDraft } from '../support/open-draft';

const directory = testDirectory();

describe('routing', () => {
  it("sends a unit's inquiry to its superusers first, then its work area's coordinators, then the topic's system responsible", () => {
    const chain = buildChain(directory, 'hauge-vgs', 'ehandbok');
    assert.deepEqual(
      chain.superuser.map((p) => p.name),
      ['Sverre Lunde', 'Hilde Berg'],
    );
    assert.deepEqual(
      chain.coordinator.map((p) => p.name),
      ['Anne Winter'],
    );
    assert.deepEqual(
      chain.system_responsible.map((p) => p.name),
      ['Arne Hope'],
    );
    assert.equal(chain.vendor.email, 'support@leverandor.example');
    assert.equal(firstLevel(chain), 'superuser');
  });

  it('keeps the Entra object id of a superuser, so the mention reaches the right person', () => {
    const chain = buildChain(directory, 'hauge-vgs', 'avvik');
    assert.equal(chain.superuser[0]?.aadObjectId, people.sverre.aadObjectId);
  });

  it('goes straight to the coordinators when the unit has no superuser', () => {
    const chain = buildChain(directory, 'sola-vgs', 'avvik');
    assert.deepEqual(chain.superuser, []);
    assert.equal(firstLevel(chain), 'coordinator');
  });

  it('offers the other superusers of the unit for hand-over', () => {
    const inquiry = {
      ...openInquiryDraft(directory, people.asker),
      assignee: buildChain(directory, 'hauge-vgs', 'avvik').superuser[0],
    };
    assert.deepEqual(
      handOverCandidates(inquiry).map((p) => p.name),
      ['Hilde Berg'],
    );
  });
});

describe('routing by role and absence', () => {
  const away = (
    person: { email: string; name: string },
    deputy?: { email: string; name: string },
  ) =>
    new Map<string, Absence>([
      [
        person.email,
        {
          key: person.email,
          name: person.name,
          until: '2026-12-12',
          endsAt: '2026-12-12T23:00:00.000Z',
          deputy: deputy
            ? { key: deputy.email, name: deputy.name }
            : { key: person.email, name: person.name },
          setAt: '2026-12-01T08:00:00.000Z',
        },
      ],
    ]);

  it("starts a superuser's own question at the coordinators, and a coordinator's at the system responsible", () => {
    const own = buildChain(directory, 'hauge-vgs', 'avvik', { askerKey: people.hilde.email });
    assert.deepEqual(own.superuser, []);
    assert.equal(own.skipped?.superuser, 'own_role');
    assert.equal(firstLevel(own), 'coordinator');
    const coordinator = buildChain(directory, 'hauge-vgs', 'avvik', {
      askerKey: people.coordinator.email,
    });
    assert.equal(firstLevel(coordinator), 'system_responsible');
    assert.deepEqual(coordinator.skipped, { superuser: 'own_role', coordinator: 'own_role' });
  });

  it('puts the deputy in the place of someone away, and lets the deputy act at that level', () => {
    const chain = buildChain(directory, 'hauge-vgs', 'avvik', {
      absences: away(people.sverre, people.otherSuperuser),
    });
    assert.deepEqual(
      targetsAt(chain, 'superuser').map((p) => p.name),
      ['Per Dal', 'Hilde Berg'],
    );
    const inquiry = { ...openInquiryDraft(directory, people.asker), chain };
    assert.equal(handlerRole(directory, inquiry, people.otherSuperuser.email), 'superuser');
  });

  it('never makes the asker their own deputy', () => {
    const chain = buildChain(directory, 'bryne-vgs', 'avvik', {
      askerKey: people.sverre.email,
      absences: away(people.otherSuperuser, people.sverre),
    });
    assert.deepEqual(targetsAt(chain, 'superuser'), []);
    assert.equal(chain.skipped?.superuser, 'away');
    assert.equal(firstLevel(chain), 'coordinator');
  });

  it('passes over a level whose only member is away without a deputy, and a vacant one', () => {
    const chain = withAbsences(
      buildChain(directory, 'sola-vgs', 'avvik'),
      away(people.coordinator, people.coordinator),
      people.coordinator.email,
    );
    assert.deepEqual(chain.skipped, { superuser: 'vacant', coordinator: 'away' });
    assert.equal(firstLevel(chain), 'system_responsible');
    assert.equal(
      nextLevel(buildChain(directory, 'hauge-vgs', 'avvik'), 'superuser'),
      'coordinator',
    );
    assert.equal(nextLevel(chain, 'superuser'), 'system_responsible');
  });

  it('tells the member again once the absence is over', () => {
    const during = buildChain(directory, 'hauge-vgs', 'avvik', {
      absences: away(people.sverre, people.otherSuperuser),
    });
    const after = withAbsences(during, new Map());
    assert.deepEqual(
      targetsAt(after, 'superuser').map((p) => p.name),
      ['Sverre Lunde', 'Hilde Berg'],
    );
    assert.equal(after.superuser[0]?.away, undefined);
  });
});

describe('authorisation', () => {
  const inquiry = openInquiryDraft(directory, people.asker);

  it('gives each person the role they have for this inquiry', () => {
    assert.equal(handlerRole(directory, inquiry, people.sverre.email), 'superuser');
    assert.equal(handlerRole(directory, inquiry, people.coordinator.email), 'coordinator');
    assert.equal(
      handlerRole(directory, inquiry, people.systemResponsible.email),
      'system_responsible',
    );
    assert.equal(handlerRole(directory, inquiry, people.admin.email.toUpperCase()), 'admin');
  });

  it("gives no role to the asker, another unit's superuser or an unknown person", () => {
    assert.equal(handlerRole(directory, inquiry, people.asker.email), undefined);
    assert.equal(handlerRole(directory, inquiry, people.otherSuperuser.email), undefined);
    assert.equal(handlerRole(directory, inquiry, 'stranger@elsewhere.example'), undefined);
    assert.equal(handlerRole(directory, inquiry, undefined), undefined);
  });
});
