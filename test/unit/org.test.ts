import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ManualClock } from '../../src/clock';
import { loadConfig, sampleOrgFile } from '../../src/config';
import { weekdays, type OrganisationInput } from '../../src/org/schema';
import { validateOrganisation } from '../../src/org/validate';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { runOrgImport } from '../../bot/org-import';
import { uuidGenerator } from '../../src/ids';
import { importOrgFileAtStart } from '../../src/org/org-file-at-start';
import { organisationSchemaFile, organisationSchemaText } from '../../bot/org-schema';
import { playgroundConfig, writePlaygroundConfig } from '../../bot/playground';

function sample(): OrganisationInput {
  return JSON.parse(fs.readFileSync(sampleOrgFile, 'utf8')) as OrganisationInput;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'qm-org-'));
}

/** Runs `npm run org:import -- FILE` against the given SQLite file, capturing its output. */
async function importFile(sqlitePath: string, file: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runOrgImport([file], {
    env: { SQLITE_PATH: sqlitePath },
    clock: new ManualClock('2026-11-30T08:00:00Z'),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function withStore<T>(
  sqlitePath: string,
  read: (store: ReturnType<typeof openSqliteStore>) => Promise<T>,
): Promise<T> {
  const store = openSqliteStore(sqlitePath);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

describe('organisation files', () => {
  it('ships a sample organisation that is valid and is the default ORG_FILE', () => {
    const result = validateOrganisation(sample());
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors, null, 2));
    assert.equal(loadConfig({}).orgFile, sampleOrgFile);
    const { org } = result;
    assert.deepEqual(
      org.workAreas.map((w) => [w.id, Boolean(w.triageChannel)]),
      [
        ['skole', true],
        ['tannhelse', true],
        ['sentraladministrasjon', true],
      ],
    );
    assert.deepEqual(
      org.topics.map((t) => t.id),
      ['ehandbok', 'avvik', 'tilgang', 'annet'],
    );
    assert.ok(
      org.people.every((p) => p.aadObjectId),
      'every person has an Entra object id',
    );
    assert.ok(org.units.every((u) => u.superusers.length <= 2));
    assert.deepEqual(
      org.units.filter((u) => u.superusers.length === 0).map((u) => u.name),
      ['Fjellheim vgs'],
    );
  });

  it('keeps the committed JSON Schema in step with src/org/schema.ts (npm run org:schema)', () => {
    assert.equal(fs.readFileSync(organisationSchemaFile, 'utf8'), organisationSchemaText());
  });

  it('reports every error of an invalid organisation with its JSON path', () => {
    const org = sample();
    org.units[0].workArea = 'skoler';
    org.units[1].superusers = ['ukjent.person@fylke.example'];
    org.units[2].id = org.units[0].id;
    org.escalation.superuser = '4 timer';

    const result = validateOrganisation(org);

    assert.ok(!result.ok);
    const paths = result.errors.map((e) => e.path);
    for (const expected of [
      '$.units[0].workArea',
      '$.units[1].superusers[0]',
      '$.units[2].id',
      '$.escalation.superuser',
    ]) {
      assert.ok(paths.includes(expected), `${expected} missing from ${paths.join(', ')}`);
    }
    const message = (p: string) => result.errors.find((e) => e.path === p)?.message;
    assert.match(message('$.units[0].workArea') ?? '', /unknown work area "skoler"/);
    assert.match(message('$.units[1].superusers[0]') ?? '', /not listed in people/);
    assert.match(message('$.units[2].id') ?? '', /duplicate id "hauge-vgs"/);
  });

  it('refuses a calendar whose working day ends before it starts, or that has no working day', () => {
    const org = sample();
    const calendar = org.calendar;
    assert.ok(typeof calendar === 'object', 'the sample has working hours');
    calendar.workingHours.tue = { start: '16:00', end: '08:00' };
    const backwards = validateOrganisation(org);
    assert.ok(!backwards.ok);
    assert.deepEqual(
      backwards.errors.map((e) => [e.path, e.message]),
      [['$.calendar.workingHours.tue.end', 'must be after 16:00']],
    );
    for (const day of weekdays) calendar.workingHours[day] = null;
    const never = validateOrganisation(org);
    assert.ok(!never.ok);
    assert.deepEqual(
      never.errors.map((e) => e.path),
      ['$.calendar.workingHours'],
    );
  });

  it('accepts a work area without a coordinator and a topic without a system responsible (vacant roles)', () => {
    const org = sample();
    org.workAreas[0].coordinators = [];
    org.topics[0].systemResponsible = [];
    const result = validateOrganisation(org);
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    assert.deepEqual(result.org.workAreas[0].coordinators, []);
    assert.deepEqual(result.org.topics[0].systemResponsible, []);
  });

  it("reads the organisation's contact points (function, name, phone, email, unit), a function with nobody in it included", () => {
    const result = validateOrganisation(sample());
    assert.ok(result.ok);
    const points = result.org.contactPoints;
    assert.ok(points.length >= 5);
    assert.deepEqual(points[2], {
      function: { nb: 'Koordinator skole', en: 'Coordinator, schools' },
      name: 'Torbjørn Aas',
      phone: '+47 51 51 66 20',
      email: 'torbjorn.aas@fylke.example',
      unit: 'opplaeringsavdelingen',
    });
    const withoutPoints = sample();
    delete withoutPoints.contactPoints;
    const none = validateOrganisation(withoutPoints);
    assert.ok(none.ok);
    assert.deepEqual(none.org.contactPoints, []);
    const vacant = sample();
    vacant.contactPoints = [{ function: 'Koordinator tannhelse' }];
    assert.ok(validateOrganisation(vacant).ok);
  });

  it('reports a contact point with a wrong phone number, email or unit by its JSON path', () => {
    const org = sample();
    org.contactPoints = [
      { function: 'Systemansvarlig', phone: 'ring meg', email: 'ikke en adresse' },
      { function: '' },
    ];
    const result = validateOrganisation(org);
    assert.ok(!result.ok);
    assert.deepEqual(result.errors.map((e) => e.path).sort(), [
      '$.contactPoints[0].email',
      '$.contactPoints[0].phone',
      '$.contactPoints[1].function',
    ]);
    // The unit is checked against the file's units once the file has the right shape.
    org.contactPoints = [{ function: 'Systemansvarlig', unit: 'hms' }];
    const unknownUnit = validateOrganisation(org);
    assert.ok(!unknownUnit.ok);
    assert.deepEqual(
      unknownUnit.errors.map((e) => [e.path, e.message]),
      [['$.contactPoints[0].unit', 'unknown unit "hms"']],
    );
  });

  it('publishes the contact points and the vacant roles in the JSON Schema', () => {
    const schema = JSON.parse(organisationSchemaText()) as {
      properties: Record<string, any>;
    };
    const point = schema.properties.contactPoints.items;
    assert.deepEqual(point.required, ['function']);
    assert.deepEqual(Object.keys(point.properties).sort(), [
      'email',
      'function',
      'name',
      'phone',
      'unit',
    ]);
    const coordinators = schema.properties.workAreas.items.properties.coordinators;
    assert.equal(coordinators.minItems, undefined);
  });
});

describe('npm run org:import', () => {
  it('imports a valid file and prints what it imported', async () => {
    const dir = tempDir();
    const sqlitePath = path.join(dir, 'store.sqlite');

    const run = await importFile(sqlitePath, sampleOrgFile);

    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /Fjordvik fylkeskommune/);
    assert.match(run.out, /11 units, 27 people, 3 work areas, 4 topics \(organisation version 1\)/);
    await withStore(sqlitePath, async (store) => {
      assert.equal(await store.organisation.version(), 1);
      const sverre = await store.organisation.personByEmail('Sverre.Lunde@fylke.example');
      assert.equal(sverre?.unit, 'hauge-vgs');
      const [event] = await store.audit.list({}, 10);
      assert.equal(event?.action, 'organisation.imported', 'the import is on the audit trail');
      assert.equal(event?.actor.key, 'org:import');
    });
  });

  it('rejects an invalid file with every error and its path, leaving the stored organisation as it was', async () => {
    const dir = tempDir();
    const sqlitePath = path.join(dir, 'store.sqlite');
    assert.equal((await importFile(sqlitePath, sampleOrgFile)).code, 0);
    const broken = sample();
    broken.units[0].workArea = 'skoler';
    broken.units[1].superusers = ['ukjent.person@fylke.example'];
    broken.people = broken.people.filter((p) => p.email !== 'kari.nordmann@fylke.example');
    const file = path.join(dir, 'broken.json');
    fs.writeFileSync(file, JSON.stringify(broken));

    const run = await importFile(sqlitePath, file);

    assert.equal(run.code, 1);
    assert.equal(run.out, '');
    assert.match(run.err, /\$\.units\[0\]\.workArea: unknown work area "skoler"/);
    assert.match(
      run.err,
      /\$\.units\[1\]\.superusers\[0\]: "ukjent\.person@fylke\.example" is not/,
    );
    assert.match(run.err, /unchanged/);
    await withStore(sqlitePath, async (store) => {
      assert.equal(await store.organisation.version(), 1);
      assert.equal((await store.organisation.current())?.structure.units[0]?.workArea, 'skole');
      const kari = await store.organisation.personByEmail('kari.nordmann@fylke.example');
      assert.equal(kari?.name, 'Kari Nordmann');
    });
  });

  it('rejects a file that is not JSON without touching the store', async () => {
    const dir = tempDir();
    const sqlitePath = path.join(dir, 'store.sqlite');
    assert.equal((await importFile(sqlitePath, sampleOrgFile)).code, 0);
    const file = path.join(dir, 'truncated.json');
    fs.writeFileSync(file, fs.readFileSync(sampleOrgFile, 'utf8').slice(0, 200));

    const run = await importFile(sqlitePath, file);

    assert.equal(run.code, 1);
    assert.match(run.err, /\$: not valid JSON/);
    await withStore(sqlitePath, async (store) =>
      assert.equal(await store.organisation.version(), 1),
    );
  });

  it('replaces units and people in one step when the new file is valid', async () => {
    const dir = tempDir();
    const sqlitePath = path.join(dir, 'store.sqlite');
    assert.equal((await importFile(sqlitePath, sampleOrgFile)).code, 0);
    const next = sample();
    next.units = next.units.filter((u) => u.id !== 'fjellheim-vgs');
    next.people = next.people.filter((p) => p.unit !== 'fjellheim-vgs');
    next.people.push({
      email: 'Nils.Ny@fylke.example',
      name: 'Nils Ny',
      unit: 'hauge-vgs',
      aadObjectId: 'b0000000-0000-4000-8000-000000000001',
    });
    next.units[0].superusers = ['nils.ny@fylke.example'];
    const file = path.join(dir, 'next.json');
    fs.writeFileSync(file, JSON.stringify(next));
    const gone = 'astrid.fjeld@fylke.example';
    const goneId = await withStore(
      sqlitePath,
      async (store) => (await store.organisation.personByEmail(gone))?.aadObjectId,
    );
    assert.ok(goneId);

    const run = await importFile(sqlitePath, file);

    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /10 units, 27 people, 3 work areas, 4 topics \(organisation version 2\)/);
    await withStore(sqlitePath, async (store) => {
      const snapshot = await store.organisation.current();
      assert.equal(snapshot?.version, 2);
      assert.equal(
        snapshot?.structure.units.some((u) => u.id === 'fjellheim-vgs'),
        false,
      );
      assert.deepEqual(snapshot?.structure.units[0]?.superusers, ['nils.ny@fylke.example']);
      assert.equal(await store.organisation.personByEmail(gone), undefined);
      assert.equal(await store.organisation.personByAadObjectId(goneId), undefined);
      assert.equal(
        (await store.organisation.personByEmail('nils.ny@fylke.example'))?.name,
        'Nils Ny',
      );
      assert.equal(
        (await store.organisation.personByAadObjectId('b0000000-0000-4000-8000-000000000001'))
          ?.email,
        'nils.ny@fylke.example',
      );
    });
  });

  it('leaves the organisation it imported, and changes made since, to a start with the same file as ORG_FILE', async () => {
    const dir = tempDir();
    const sqlitePath = path.join(dir, 'store.sqlite');
    const file = path.join(dir, 'organisation.json');
    fs.writeFileSync(file, JSON.stringify(sample()));
    assert.equal((await importFile(sqlitePath, file)).code, 0);
    const clock = new ManualClock('2026-11-30T09:00:00Z');
    await withStore(sqlitePath, async (store) => {
      // A change made in Teams after the import.
      const edited = sample();
      edited.units[0].name = 'Hauge videregående skole (endret i Teams)';
      const parsed = validateOrganisation(edited);
      assert.ok(parsed.ok);
      assert.ok((await store.organisation.replaceIfVersion(parsed.org, clock.now(), 1)).ok);

      const outcome = await importOrgFileAtStart(
        { store, clock, ids: uuidGenerator },
        fs.readFileSync(file, 'utf8'),
      );

      assert.deepEqual(outcome, { ok: true, outcome: 'unchanged_since_import' });
      const kept = await store.organisation.current();
      assert.equal(kept?.version, 2, 'the change made in Teams is kept');
      assert.match(kept?.structure.units[0]?.name ?? '', /endret i Teams/);
    });
  });

  it("does not count as the start's import: a restart with the unchanged ORG_FILE keeps what it imported", async () => {
    const dir = tempDir();
    const sqlitePath = path.join(dir, 'store.sqlite');
    const atStart = fs.readFileSync(sampleOrgFile, 'utf8');
    const clock = new ManualClock('2026-11-30T07:00:00Z');
    await withStore(sqlitePath, async (store) => {
      const first = await importOrgFileAtStart({ store, clock, ids: uuidGenerator }, atStart);
      assert.equal(first.ok && first.outcome, 'imported');
    });
    const next = sample();
    next.units = next.units.filter((u) => u.id !== 'fjellheim-vgs');
    next.people = next.people.filter((p) => p.unit !== 'fjellheim-vgs');
    const file = path.join(dir, 'next.json');
    fs.writeFileSync(file, JSON.stringify(next));
    assert.equal((await importFile(sqlitePath, file)).code, 0);

    await withStore(sqlitePath, async (store) => {
      const restart = await importOrgFileAtStart({ store, clock, ids: uuidGenerator }, atStart);

      assert.deepEqual(restart, { ok: true, outcome: 'unchanged_since_import' });
      const kept = await store.organisation.current();
      assert.equal(kept?.version, 2);
      assert.equal(
        kept?.structure.units.some((u) => u.id === 'fjellheim-vgs'),
        false,
      );
    });
  });

  it('explains its usage when no file is given', async () => {
    const err: string[] = [];
    const code = await runOrgImport([], {
      env: {},
      clock: new ManualClock('2026-11-30T08:00:00Z'),
      out: () => undefined,
      err: (line) => err.push(line),
    });
    assert.equal(code, 2);
    assert.match(err.join('\n'), /npm run org:import -- FILE/);
  });
});

describe('the sample organisation in the Agents Playground', () => {
  const org = (() => {
    const result = validateOrganisation(sample());
    assert.ok(result.ok);
    return result.org;
  })();
  const config = playgroundConfig(org, {
    tenantId: '00000000-0000-4000-8000-000000000001',
    botId: 'qm-hjelp',
    botName: 'Qm+ Hjelp',
  });

  it('signs in as an ordinary employee whose unit has superusers', () => {
    assert.equal(config.currentUser.email, 'kari.nordmann@fylke.example');
    assert.equal(config.currentUser.aadObjectId, 'a0000000-0000-4000-8000-000000000001');
    assert.ok(org.units.every((u) => !u.superusers.includes(config.currentUser.email)));
  });

  it('lists the five people her questions reach first, with unique ids, as the tool requires', () => {
    assert.deepEqual(
      config.users.map((u) => u.name),
      ['Sverre Lunde', 'Hilde Berg', 'Torbjørn Aas', 'Geir Hovland', 'Silje Eikeland'],
    );
    const ids = [config.currentUser, ...config.users].map((u) => u.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const user of config.users) {
      const person = org.people.find((p) => p.email === user.email);
      assert.equal(user.aadObjectId, person?.aadObjectId, `${user.name} maps to the organisation`);
      assert.equal(user.userPrincipleName, user.email);
    }
  });

  it("uses her work area's triage channel as the team's channel, with the same ids", () => {
    const channel = org.workAreas.find((w) => w.id === 'skole')?.triageChannel;
    assert.equal(config.team.id, channel?.teamId);
    assert.deepEqual(config.team.channels, [{ id: channel?.channelId, name: channel?.name }]);
    const conversationIds = [
      config.personalChat.id,
      config.groupChat.id,
      config.team.id,
      ...config.team.channels.map((c) => c.id),
    ];
    assert.equal(new Set(conversationIds).size, conversationIds.length);
  });

  it("lets a newcomer sign in as her unit's superuser and her work area's coordinator too", () => {
    const options = { tenantId: config.tenantId, botId: 'qm-hjelp', botName: 'Qm+ Hjelp' };
    const superuser = playgroundConfig(org, options, 'superuser');
    const coordinator = playgroundConfig(org, options, 'coordinator');
    assert.equal(superuser.currentUser.name, 'Sverre Lunde');
    assert.equal(coordinator.currentUser.name, 'Torbjørn Aas');
    for (const other of [superuser, coordinator]) {
      assert.deepEqual(other.team, config.team, 'the same team and channel in every Playground');
      assert.equal(other.users[0].name, 'Kari Nordmann', 'the employee is listed first');
      assert.equal(other.users.length, 5);
      assert.ok(other.users.every((u) => u.email !== other.currentUser.email));
      assert.notEqual(other.personalChat.id, config.personalChat.id);
    }
  });

  it('writes a config file that reads back as the same data', () => {
    const file = path.join(tempDir(), 'playground.yml');
    writePlaygroundConfig(file, config);
    const text = fs.readFileSync(file, 'utf8');
    assert.deepEqual(JSON.parse(text.replace(/^#.*\n/gm, '')), config);
  });
});
