import assert from 'node:assert/strict';
import type { AuditEvent, NewAuditEvent } from '../../src/audit/audit-event';
import type { Store } from '../../src/store/ports';

function event(n: number, overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
  return {
    id: `evt-${n}`,
    at: `2026-11-${String(n).padStart(2, '0')}T09:00:00.000Z`,
    actor: { key: n % 2 ? 'anne@fylke.example' : 'ORG_FILE', name: 'Anne Winter' },
    action: n % 3 ? 'organisation.role_added' : 'organisation.imported',
    target: `unit u-${n}`,
    before: { superusers: [] },
    after: { superusers: [`p${n}@fylke.example`], note: 'æøå "quoted" | awkward/\\' },
    ...overrides,
  };
}

/** The audit trail's part of the store contract, run inside it for each adapter. */
export function auditContract(store: () => Store): void {
  describe('audit trail', () => {
    it('keeps every event as it was appended, newest first, with increasing numbers', async () => {
      const appended: AuditEvent[] = [];
      for (let n = 1; n <= 5; n++) appended.push(await store().audit.append(event(n)));
      assert.ok(appended.every((e, i) => i === 0 || e.seq > appended[i - 1].seq));
      const listed = await store().audit.list({}, 10);
      assert.deepEqual(
        listed.map((e) => e.id),
        ['evt-5', 'evt-4', 'evt-3', 'evt-2', 'evt-1'],
      );
      assert.deepEqual(listed[4], appended[0]);
      assert.deepEqual(listed[4]?.after, event(1).after);
    });

    it('filters by action, by actor and by period, and pages from the last event shown', async () => {
      for (let n = 1; n <= 12; n++) await store().audit.append(event(n));
      const imports = await store().audit.list({ action: 'organisation.imported' }, 10);
      assert.deepEqual(
        imports.map((e) => e.id),
        ['evt-12', 'evt-9', 'evt-6', 'evt-3'],
      );
      const byFile = await store().audit.list({ actorKey: 'ORG_FILE' }, 10);
      assert.deepEqual(
        byFile.map((e) => e.id),
        ['evt-12', 'evt-10', 'evt-8', 'evt-6', 'evt-4', 'evt-2'],
      );
      const period = await store().audit.list(
        { from: '2026-11-03T00:00:00.000Z', to: '2026-11-06T00:00:00.000Z' },
        10,
      );
      assert.deepEqual(
        period.map((e) => e.id),
        ['evt-5', 'evt-4', 'evt-3'],
      );
      const first = await store().audit.list({ actorKey: 'anne@fylke.example' }, 4);
      assert.deepEqual(
        first.map((e) => e.id),
        ['evt-11', 'evt-9', 'evt-7', 'evt-5'],
      );
      const next = await store().audit.list(
        { actorKey: 'anne@fylke.example', beforeSeq: first[3].seq },
        4,
      );
      assert.deepEqual(
        next.map((e) => e.id),
        ['evt-3', 'evt-1'],
      );
    });

    it('gives every one of many concurrent events its own number', async () => {
      const appended = await Promise.all(
        Array.from({ length: 20 }, (_, n) => store().audit.append(event(n + 1))),
      );
      assert.equal(new Set(appended.map((e) => e.seq)).size, 20);
      assert.equal((await store().audit.list({}, 50)).length, 20);
    });
  });
}
