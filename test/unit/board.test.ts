import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BusinessCalendar } from '../../src/escalation/business-calendar';
import { inquiriesBehind, loadBoard } from '../../src/inquiries/board';
import {
  inquiryStatuses,
  levels,
  type Inquiry,
  type InquiryEvent,
  type NewInquiry,
} from '../../src/inquiries/inquiry';
import type { Store } from '../../src/store/ports';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { newInquiry } from '../contract/store-contract';
import { osloOffice } from '../support/calendars';

const office = BusinessCalendar.of(osloOffice);
/** Wednesday 2 December 2026, 13:00 in Oslo. The week began Monday 30 November, 00:00 in Oslo. */
const now = new Date('2026-12-02T12:00:00.000Z');
const mondayInOslo = '2026-11-29T23:00:00.000Z';

/** A small deterministic sequence, so the data set is varied but the same on every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const hour = 60 * 60 * 1000;

/** 120 inquiries over two work areas, every status and level, escalations either side of Monday. */
function dataSet(): NewInquiry[] {
  const next = sequence(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  return Array.from({ length: 120 }, (_, i) => {
    const createdAt = new Date(now.getTime() - (200 - i) * hour).toISOString();
    const escalations: InquiryEvent[] = Array.from({ length: Math.floor(next() * 3) }, () => ({
      type: 'escalated',
      at: new Date(now.getTime() - Math.floor(next() * 150) * hour).toISOString(),
      level: pick(levels.slice(1)),
      reason: pick(['deadline', 'deadline', 'claim_timeout', 'manual'] as const),
    }));
    const written = [createdAt, ...escalations.map((e) => e.at)].sort().at(-1)!;
    const answered = next() < 0.3;
    return newInquiry({
      id: `board-${String(i).padStart(3, '0')}`,
      status: pick(inquiryStatuses),
      level: pick(levels),
      workAreaId: i % 3 === 0 ? 'tannhelse' : 'skole',
      ...(answered ? { answer: { text: 'Svar', by: { key: 'a', name: 'A' }, at: written } } : {}),
      createdAt,
      updatedAt: written,
      history: [{ type: 'opened', at: createdAt }, ...escalations],
    });
  });
}

describe("a work area's board", () => {
  let store: Store;
  let made: Inquiry[];

  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-board-'));
    store = openSqliteStore(path.join(dir, 'store.sqlite'));
    made = [];
    for (const draft of dataSet()) made.push((await store.inquiries.create(draft, [])).inquiry);
  });

  after(async () => {
    await store.close();
  });

  it('begins the week on Monday at midnight in the calendar’s time zone', () => {
    assert.equal(office.weekStart(now).toISOString(), mondayInOslo);
    assert.equal(office.weekStart(new Date(mondayInOslo)).toISOString(), mondayInOslo);
    assert.equal(
      office.weekStart(new Date(new Date(mondayInOslo).getTime() - 1)).toISOString(),
      '2026-11-22T23:00:00.000Z',
    );
  });

  it('counts open inquiries by level and status, the oldest unanswered and this week’s breaches', async () => {
    const board = await loadBoard(store, ['skole'], now, office);

    // Computed here, from the data set alone.
    const mine = made.filter((m) => m.workAreaId === 'skole');
    const open = mine.filter((m) =>
      ['new', 'claimed', 'waiting_for_asker', 'stalled'].includes(m.status),
    );
    for (const level of levels)
      assert.equal(board.byLevel[level], open.filter((m) => m.level === level).length, level);
    for (const status of ['new', 'claimed', 'waiting_for_asker', 'stalled'] as const)
      assert.equal(board.byStatus[status], open.filter((m) => m.status === status).length, status);
    const unanswered = open
      .filter((m) => !m.answer)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    assert.equal(board.oldestUnanswered?.id, unanswered[0]?.id);

    const breaches = mine.flatMap((m) =>
      m.history
        .filter((e) => e.type === 'escalated' && e.reason === 'deadline' && e.at >= mondayInOslo)
        .map(() => m.id),
    );
    assert.ok(breaches.length > 3, 'the data set has breaches this week');
    assert.ok(
      mine.some((m) => m.history.some((e) => e.reason === 'deadline' && e.at < mondayInOslo)),
      'and breaches before it, which are not counted',
    );
    assert.equal(board.breaches.length, breaches.length);
    assert.ok(
      board.breaches.some(
        (b) => b.inquiry.status === 'resolved' || b.inquiry.status === 'withdrawn',
      ),
      'closed inquiries count too',
    );
    assert.deepEqual(
      inquiriesBehind(board, { kind: 'breaches' }).map((i) => i.id),
      [...new Set(breaches)].sort(),
    );
    assert.deepEqual(
      inquiriesBehind(board, { kind: 'status', status: 'stalled' }).map((i) => i.id),
      open.filter((m) => m.status === 'stalled').map((m) => m.id),
    );
    assert.deepEqual(
      inquiriesBehind(board, { kind: 'level', level: 'coordinator' }).map((i) => i.id),
      open.filter((m) => m.level === 'coordinator').map((m) => m.id),
    );
    assert.equal(board.truncated, false);
  });

  it('shows only the work areas asked for', async () => {
    const board = await loadBoard(store, ['tannhelse'], now, office);
    assert.ok(board.open.length > 0);
    assert.ok(board.open.every((inquiry) => inquiry.workAreaId === 'tannhelse'));
    assert.ok(board.breaches.every((breach) => breach.inquiry.workAreaId === 'tannhelse'));
  });
});
