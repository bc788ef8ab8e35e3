import assert from 'node:assert/strict';
import { auditLogCardData, renderAuditLogCard } from '../../cards/audit-log';
import { orgImportCardData, renderOrgImportCard } from '../../cards/org-import';
import { organisationCardData, renderOrganisationCard } from '../../cards/organisation';
import type { AdaptiveCardJson } from '../../cards/render';
import { renderUseChannelCard, useChannelCardData } from '../../cards/use-channel';
import type { AuditEvent } from '../../src/audit/audit-event';
import type { Locale } from '../../src/i18n';
import { decideChange } from '../../src/org/change-organisation';
import { Directory, snapshotOf } from '../../src/org/directory';
import { diffOrganisations } from '../../src/org/org-diff';
import { validateOrganisation } from '../../src/org/validate';
import type { Organisation } from '../../src/org/schema';
import { validationErrors } from '../support/card-validation';
import { organisation, people } from '../support/domain-fixture';

/** A county's size: 500 units in 60 work areas, with long names and several superusers each. */
function bigOrganisation(): Organisation {
  const staff = Array.from({ length: 400 }, (_, n) => ({
    email: `person.${n}@fylke.example`,
    name: `Person Med Et Ganske Langt Navn ${n}`,
    unit: 'hms',
  }));
  const input = {
    ...organisation,
    people: [...organisation.people, ...staff],
    workAreas: [
      ...organisation.workAreas,
      ...Array.from({ length: 60 }, (_, n) => ({
        id: `omrade-${n}`,
        name: `Arbeidsområde med langt navn nummer ${n}`,
        coordinators: [staff[n].email, staff[n + 1].email],
      })),
    ],
    units: [
      ...organisation.units,
      ...Array.from({ length: 500 }, (_, n) => ({
        id: `enhet-${n}`,
        name: `Enhet med et langt navn, avdeling nummer ${n}`,
        workArea: `omrade-${n % 60}`,
        superusers: [0, 1, 2].map((k) => staff[(n + k) % 400].email),
      })),
    ],
  };
  const valid = validateOrganisation(input);
  if (!valid.ok) throw new Error(JSON.stringify(valid.errors));
  return valid.org;
}

function check(name: string, card: AdaptiveCardJson): void {
  assert.deepEqual(validationErrors(card), [], name);
  assert.equal(card.version, '1.5', name);
  assert.doesNotMatch(JSON.stringify(card), /\$\{/, `${name}: every template field filled`);
  const size = Buffer.byteLength(JSON.stringify(card));
  assert.ok(size < 28_000, `${name} is ${size} bytes`);
}

const locales: Locale[] = ['nb', 'en'];

describe('the organisation and audit cards', () => {
  const big = bigOrganisation();
  const directory = new Directory(snapshotOf(big, 7, '2026-11-30T08:00:00.000Z'));
  const now = new Date('2026-12-01T09:00:00.000Z');

  for (const locale of locales) {
    it(`parse as Adaptive Card 1.5 and stay within the size limit for 500 units (${locale})`, () => {
      for (const page of [0, 12, 25]) {
        check(
          `organisation page ${page}`,
          renderOrganisationCard(
            organisationCardData(directory, locale, { page, filter: '', peopleCount: 410 }, now),
          ),
        );
      }
      check(
        'organisation, filtered, with a notice',
        renderOrganisationCard(
          organisationCardData(
            directory,
            locale,
            { page: 0, filter: 'Person', peopleCount: 410, notice: { text: 'x', color: 'Good' } },
            now,
          ),
        ),
      );
      const diff = diffOrganisations(validateOrganisation(organisation).ok ? big : big, {
        ...big,
        units: big.units.slice(100),
        people: big.people.slice(1),
      });
      check(
        'import preview',
        renderOrgImportCard(
          orgImportCardData({ importId: 'i', fileName: 'org.json', version: 7, diff }, locale),
        ),
      );
      check(
        'import preview, nothing changes, stale',
        renderOrgImportCard(
          orgImportCardData(
            {
              importId: 'i',
              fileName: 'org.json',
              version: undefined,
              diff: diffOrganisations(big, big),
            },
            locale,
            'changed',
          ),
        ),
      );
      const events: AuditEvent[] = Array.from({ length: 15 }, (_, n) => ({
        id: `e${n}`,
        seq: 100 - n,
        at: now.toISOString(),
        actor: { key: people.admin.email, name: people.admin.name },
        action: 'organisation.imported',
        target: 'file:organisasjon.json',
        before: { version: 1 },
        after: { added: big.units.map((u) => `unit:${u.id}`) },
      }));
      const filter = { action: '', person: '', from: '', to: '' };
      check(
        'audit log',
        renderAuditLogCard(auditLogCardData(events, true, filter, locale, 'Europe/Oslo')),
      );
      check(
        'audit log, empty',
        renderAuditLogCard(auditLogCardData([], false, filter, locale, 'UTC', 'bad')),
      );
      check(
        'use this channel',
        renderUseChannelCard(useChannelCardData(directory, ['skole', 'omrade-1'], locale)),
      );
    });
  }
});

describe('changing the organisation', () => {
  const valid = validateOrganisation(organisation);
  if (!valid.ok) throw new Error('the test organisation is valid');
  const org = valid.org;

  it('adds and removes a holder of each role where the role table says it lives', () => {
    const added = decideChange(org, {
      kind: 'role',
      op: 'add',
      role: 'helpdesk',
      placeId: '-',
      email: people.asker.email,
    });
    assert.ok(added.ok);
    assert.deepEqual(added.org.helpdesk, [...org.helpdesk, people.asker.email]);
    const coordinator = decideChange(org, {
      kind: 'role',
      op: 'remove',
      role: 'coordinator',
      placeId: 'skole',
      email: people.coordinator.email,
    });
    assert.ok(coordinator.ok);
    assert.deepEqual(coordinator.org.workAreas.find((w) => w.id === 'skole')?.coordinators, []);
    assert.deepEqual(coordinator.before, { coordinator: [people.coordinator.email] });
  });

  it('refuses a place that does not exist, a person not in the organisation, and a change that changes nothing', () => {
    const change = (placeId: string, email: string, op: 'add' | 'remove' = 'add') =>
      decideChange(org, { kind: 'role', op, role: 'system_responsible', placeId, email });
    assert.deepEqual(change('ingen', people.admin.email), { ok: false, reason: 'unknown_place' });
    assert.deepEqual(change('avvik', 'ukjent@fylke.example'), {
      ok: false,
      reason: 'unknown_person',
    });
    assert.deepEqual(change('avvik', people.systemResponsible.email), {
      ok: false,
      reason: 'already_holds',
    });
    assert.deepEqual(change('avvik', people.admin.email, 'remove'), {
      ok: false,
      reason: 'not_holder',
    });
  });

  it('tells what a new file adds, removes and changes, settings included', () => {
    const diff = diffOrganisations(org, {
      ...org,
      units: [...org.units.slice(1), { ...org.units[0], id: 'ny', name: 'Ny' }],
      people: org.people.map((p) =>
        p.email === people.asker.email ? { ...p, unit: 'bryne-vgs' } : p,
      ),
      reopenWithin: 'P7D',
      vendor: { ...org.vendor, name: 'Ny leverandør' },
    });
    assert.deepEqual(diff.added, [
      { kind: 'unit', id: 'ny', name: 'Ny' },
      { kind: 'setting', id: 'reopenWithin' },
    ]);
    assert.deepEqual(diff.removed, [{ kind: 'unit', id: 'hauge-vgs', name: 'Hauge vgs' }]);
    assert.deepEqual(diff.changed, [
      { kind: 'person', id: people.asker.email, name: people.asker.name },
      { kind: 'setting', id: 'vendor' },
    ]);
  });
});
