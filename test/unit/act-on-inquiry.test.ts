import assert from 'node:assert/strict';
import { ManualClock } from '../../src/clock';
import { actOnInquiry } from '../../src/inquiries/act-on-inquiry';
import { openInquiry } from '../../src/inquiries/open-inquiry';
import { personRef } from '../../src/inquiries/person';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/ports';
import { people, testDirectory } from '../support/domain-fixture';

describe('acting on a stored inquiry', () => {
  const directory = testDirectory();
  const clock = new ManualClock('2026-11-30T09:00:00.000Z');
  let store: Store;
  let n = 0;

  beforeEach(() => {
    store = openSqliteStore(':memory:');
  });
  afterEach(() => store.close());

  async function open(): Promise<string> {
    const { inquiry } = await openInquiry(
      { store, clock, directory },
      {
        requestKey: `r-${++n}`,
        asker: personRef(people.asker),
        unitId: 'hauge-vgs',
        topicId: 'avvik',
        text: 'Hvordan melder jeg avvik?',
        locale: 'nb',
      },
    );
    return inquiry.id;
  }

  it('stores the inquiry with its number and queues the status card and the triage card', async () => {
    const id = await open();
    const stored = await store.inquiries.get(id);
    assert.equal(stored?.number, 'QM-2026-0001');
    assert.deepEqual(
      stored?.history.map((e) => e.type),
      ['opened', 'routed'],
    );
    assert.equal(stored?.history[1]?.note, 'Sverre Lunde, Hilde Berg');
    assert.equal(await store.outbox.pendingCount(), 2);
  });

  it('lets exactly one of two simultaneous claims win and tells the other who has it', async () => {
    const id = await open();
    const deps = { store, clock, directory };
    const [a, b] = await Promise.all([
      actOnInquiry(deps, id, personRef(people.sverre), { type: 'claim' }),
      actOnInquiry(deps, id, personRef(people.hilde), { type: 'claim' }),
    ]);
    const winners = [a, b].filter((o) => o.ok);
    const losers = [a, b].filter((o) => !o.ok);
    assert.equal(winners.length, 1);
    assert.equal(losers.length, 1);
    const loser = losers[0];
    assert.ok(!loser.ok && loser.reason === 'already_claimed');
    const stored = await store.inquiries.get(id);
    assert.equal(stored?.history.filter((e) => e.type === 'claimed').length, 1);
  });

  it('changes nothing when an outsider acts', async () => {
    const id = await open();
    const before = await store.inquiries.get(id);
    const outcome = await actOnInquiry(
      { store, clock, directory },
      id,
      personRef(people.otherSuperuser),
      { type: 'claim' },
    );
    assert.equal(outcome.ok, false);
    assert.deepEqual(await store.inquiries.get(id), before);
  });

  it('says so when the inquiry does not exist', async () => {
    const outcome = await actOnInquiry(
      { store, clock, directory },
      'nope',
      personRef(people.sverre),
      { type: 'claim' },
    );
    assert.deepEqual(outcome, { ok: false, reason: 'unknown_inquiry' });
  });

  it('lets the asker reopen a resolved inquiry for the organisation’s period (14 days unless set), then no more', async () => {
    const id = await open();
    const deps = { store, clock, directory };
    const sverre = personRef(people.sverre);
    const asker = personRef(people.asker);
    await actOnInquiry(deps, id, sverre, { type: 'answer', text: 'Bruk «Meld avvik».' });
    const resolved = await actOnInquiry(deps, id, asker, { type: 'confirm_resolved' });
    assert.equal(resolved.ok && resolved.inquiry.reopenUntil, '2026-12-14T09:00:00.000Z');
    const reopened = await actOnInquiry(deps, id, asker, { type: 'reopen', comment: 'Nei' });
    assert.equal(reopened.ok && reopened.inquiry.status, 'claimed');
    assert.equal(reopened.ok && reopened.inquiry.reopenUntil, undefined);
    await actOnInquiry(deps, id, sverre, { type: 'resolve' });
    clock.set(new Date('2026-12-14T09:00:00.001Z'));
    const late = await actOnInquiry(deps, id, asker, { type: 'reopen' });
    assert.equal(late.ok, false);
    assert.equal(!late.ok && late.reason, 'reopen_expired');
    assert.equal((await store.inquiries.get(id))?.status, 'resolved');
    clock.set('2026-11-30T09:00:00.000Z');
  });
});
