import assert from 'node:assert/strict';
import fs from 'node:fs';
import { Verbs } from '../../cards/verbs';
import { organisation, people } from '../support/domain-fixture';
import { personalConversationId, teamsUser } from '../support/activities';
import {
  allowStartUp,
  startBotUnderTest,
  tempSqlitePath,
  type BotUnderTest,
} from '../support/bot-server';
import { click, say } from '../support/conversation';
import { cardOf, FakeConnector } from '../support/fake-connector';
import { cardText, writeOrganisation } from '../support/organisation';
import { openBotStore, testStore } from '../support/store-under-test';

const admin = teamsUser(people.admin);
const arne = teamsUser(people.systemResponsible);

describe(`the organisation on two server instances on one store, and the file at start (${testStore})`, function () {
  this.timeout(180_000);
  const connector = new FakeConnector();
  const orgFile = writeOrganisation();
  const sqlitePath = tempSqlitePath();
  let first: BotUnderTest | undefined;
  let second: BotUnderTest | undefined;
  before(async function () {
    allowStartUp(this);
    await connector.start();
  });
  after(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await connector.stop();
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed')
      [first, second].forEach((bot) => process.stderr.write(bot?.output() ?? ''));
  });

  const superusersOf = async (unitId: string): Promise<string[]> => {
    const store = await openBotStore(sqlitePath);
    try {
      const snapshot = await store.organisation.current();
      return snapshot?.structure.units.find((u) => u.id === unitId)?.superusers ?? [];
    } finally {
      await store.close();
    }
  };

  const importsByFile = async (): Promise<number> => {
    const store = await openBotStore(sqlitePath);
    try {
      return (await store.audit.list({ actorKey: 'ORG_FILE' }, 50)).length;
    } finally {
      await store.close();
    }
  };

  it('shows a change made on one instance on the other at once', async function () {
    allowStartUp(this);
    [first, second] = await Promise.all([
      startBotUnderTest({ orgFile, sqlitePath }),
      startBotUnderTest({ orgFile, sqlitePath }),
    ]);
    assert.equal(await importsByFile(), 1, 'the file is imported once, by ORG_FILE');
    // The second instance reads the organisation into its memory before the change.
    await say(second, connector, admin, 'organisasjon');
    await connector.waitFor(
      () => connector.sent().find((r) => r.conversationId === personalConversationId(admin)),
      'the card from the second instance',
    );
    const added = await click(first, connector, arne, Verbs.orgRole, {
      op: 'add',
      page: 0,
      orgRolePlace: 'superuser:sola-vgs',
      orgEmail: people.hilde.email,
    });
    assert.match(cardText(added.body.value), /Hilde Berg er nå superbruker for Sola vgs/);
    const seen = await click(second, connector, admin, Verbs.orgPage, {
      page: 0,
      orgFilter: 'sola',
    });
    assert.match(cardText(seen.body.value), /Sola vgs\n Skoler · Superbrukere: Hilde Berg/);
    await Promise.all([first.stop(), second.stop()]);
    first = second = undefined;
  });

  it('keeps the changes made in Teams when restarted with the file it last imported', async function () {
    allowStartUp(this);
    first = await startBotUnderTest({ orgFile, sqlitePath });
    assert.deepEqual(await superusersOf('sola-vgs'), [people.hilde.email]);
    assert.equal(await importsByFile(), 1, 'the unchanged file is not imported again');
    await first.stop();
    first = undefined;
  });

  it('imports a file that changed since it was last imported, as an audit event by ORG_FILE', async function () {
    allowStartUp(this);
    fs.writeFileSync(
      orgFile,
      JSON.stringify({
        ...organisation,
        units: organisation.units.map((u) =>
          u.id === 'bryne-vgs' ? { ...u, superusers: [people.sverre.email] } : u,
        ),
      }),
    );
    first = await startBotUnderTest({ orgFile, sqlitePath });
    assert.deepEqual(await superusersOf('bryne-vgs'), [people.sverre.email]);
    assert.deepEqual(await superusersOf('sola-vgs'), [], 'the file wins over earlier Teams edits');
    assert.equal(await importsByFile(), 2);
    const store = await openBotStore(sqlitePath);
    try {
      const [event] = await store.audit.list({ actorKey: 'ORG_FILE' }, 1);
      assert.equal(event?.action, 'organisation.imported');
      assert.deepEqual((event?.after as { changed: string[] }).changed.sort(), [
        'unit:bryne-vgs',
        'unit:sola-vgs',
      ]);
    } finally {
      await store.close();
    }
    await say(first, connector, admin, 'revisjonslogg');
    const log = await connector.waitFor(
      () =>
        connector
          .sent()
          .filter((r) => r.conversationId === personalConversationId(admin))
          .map((r) => cardOf(r.body))
          .find((card) => card && /Revisjonslogg/.test(cardText(card))),
      'the audit log',
    );
    assert.match(cardText(log), /ORG_FILE \(ORG_FILE\) · Organisasjonsfil tatt i bruk/);
  });
});
