import assert from 'node:assert/strict';
import { handlerRole } from '../../src/routing/authorisation';
import { buildChain, firstLevel, handOverCandidates } from '../../src/routing/chain';
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
