import assert from 'node:assert/strict';
import { BusinessCalendar } from '../../src/escalation/business-calendar';
import {
  levels,
  ratings,
  type Inquiry,
  type InquiryEvent,
  type Level,
  type Rating,
} from '../../src/inquiries/inquiry';
import type { SelfServed } from '../../src/knowledge/entry';
import { computeReport, handlingTime, type ReportInput } from '../../src/reports/figures';
import { resolvePeriod, type ReportPeriod } from '../../src/reports/period';
import type { ReportScope } from '../../src/routing/report-scope';
import { newInquiry } from '../contract/store-contract';
import { osloOffice } from '../support/calendars';
import { organisation } from '../support/domain-fixture';

const hour = 60 * 60 * 1000;
const roundTheClock = BusinessCalendar.of('24/7');

/** A small deterministic sequence, so the data set is varied but the same on every run. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** What the generator decided for one inquiry: the answers the test expects, known first-hand. */
interface Truth {
  inquiry: Inquiry;
  createdAt: number;
  /** Hours to the first answer, not counting the wait for the asker; undefined when unanswered. */
  responseMs?: number;
  resolvedAt?: number;
  resolutionMs?: number;
  escalations: { at: number; level: Level; deadline: boolean }[];
  vendorAt?: number;
  rating?: { rating: Rating; at: number; comment?: string };
  open: boolean;
}

const units = organisation.units.map((u) => ({ id: u.id, workArea: u.workArea }));
const topics = organisation.topics.map((t) => t.id);
const start = Date.parse('2026-09-01T00:00:00.000Z');
const period: ReportPeriod = {
  kind: 'custom',
  from: new Date('2026-10-01T00:00:00.000Z'),
  to: new Date('2026-11-01T00:00:00.000Z'),
};
const now = new Date('2026-12-01T00:00:00.000Z');

/**
 * 400 inquiries opened over three months around a one-month period: some answered (some after a
 * wait for the asker), some resolved and rated, some escalated (at the deadline or by hand), some
 * sent to the vendor, the rest still open.
 */
function dataSet(): Truth[] {
  const next = sequence(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const iso = (ms: number) => new Date(ms).toISOString();
  return Array.from({ length: 400 }, (_, i) => {
    const unit = pick(units);
    const createdAt =
      start + Math.floor(next() * 90 * 24) * hour + Math.floor(next() * 60) * 60_000;
    const history: InquiryEvent[] = [{ type: 'opened', at: iso(createdAt) }];
    const escalations = Array.from({ length: Math.floor(next() * 3) }, (_, j) => ({
      at: createdAt + (j + 1) * 15 * 60_000,
      level: pick(levels.slice(1)),
      deadline: next() < 0.5,
    }));
    for (const e of escalations)
      history.push({
        type: 'escalated',
        at: iso(e.at),
        level: e.level,
        reason: e.deadline ? 'deadline' : 'manual',
      });
    const vendorAt = next() < 0.1 ? createdAt + 50 * 60_000 : undefined;
    const waitMs = next() < 0.3 ? Math.floor(1 + next() * 10) * hour : 0;
    if (waitMs > 0) {
      history.push({ type: 'asked_asker', at: iso(createdAt + hour) });
      history.push({ type: 'asker_replied', at: iso(createdAt + hour + waitMs) });
    }
    const answered = next() < 0.85;
    const responseMs = answered ? Math.floor((1.5 + next() * 48) * 60) * 60_000 : undefined;
    const answeredAt = responseMs !== undefined ? createdAt + responseMs + waitMs : undefined;
    if (answeredAt !== undefined) history.push({ type: 'answered', at: iso(answeredAt) });
    const resolved = answeredAt !== undefined && next() < 0.7;
    const resolvedAt = resolved ? answeredAt + Math.floor(1 + next() * 20) * hour : undefined;
    if (resolvedAt !== undefined) history.push({ type: 'confirmed_resolved', at: iso(resolvedAt) });
    const rating =
      resolvedAt !== undefined && next() < 0.5
        ? {
            rating: pick(ratings),
            at: resolvedAt + hour,
            ...(next() < 0.5 ? { comment: `Kommentar ${i}` } : {}),
          }
        : undefined;
    if (rating) history.push({ type: 'rated', at: iso(rating.at) });
    const last = Math.max(...history.map((e) => Date.parse(e.at)));
    const inquiry: Inquiry = {
      ...newInquiry({
        id: `r-${i}`,
        unitId: unit.id,
        workAreaId: unit.workArea,
        topicId: pick(topics),
        status: resolved ? 'resolved' : answered ? 'answered' : 'new',
        createdAt: iso(createdAt),
        updatedAt: iso(last),
        history,
        ...(vendorAt !== undefined
          ? {
              vendorCase: {
                at: iso(vendorAt),
                vendor: { name: 'V', email: 'v@example.com' },
                subject: 's',
              },
            }
          : {}),
        ...(rating
          ? {
              rating: {
                rating: rating.rating,
                at: iso(rating.at),
                ...(rating.comment ? { comment: rating.comment } : {}),
              },
            }
          : {}),
      }),
      number: `QM-2026-${String(i + 1).padStart(4, '0')}`,
    };
    return {
      inquiry,
      createdAt,
      ...(responseMs !== undefined ? { responseMs } : {}),
      ...(resolvedAt !== undefined
        ? { resolvedAt, resolutionMs: resolvedAt - createdAt - waitMs }
        : {}),
      escalations,
      ...(vendorAt !== undefined ? { vendorAt } : {}),
      ...(rating ? { rating } : {}),
      open: !answered,
    };
  });
}

const within = (ms: number | undefined) =>
  ms !== undefined && ms >= period.from.getTime() && ms < period.to.getTime();

/** Median the schoolbook way, and the 90th percentile by nearest rank. */
function expectedSpread(values: number[]): { count: number; medianMs?: number; p90Ms?: number } {
  if (values.length === 0) return { count: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const medianMs = n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  return { count: n, medianMs, p90Ms: sorted[Math.ceil((90 * n) / 100) - 1] };
}

function inputFor(truths: Truth[], scope: ReportScope, selfServed: SelfServed[] = []): ReportInput {
  // Only what was written since the period began, as the store gives it.
  const written = truths
    .map((t) => t.inquiry)
    .filter((i) => Date.parse(i.updatedAt) >= period.from.getTime());
  return {
    scope,
    period,
    now,
    calendar: roundTheClock,
    inquiries: written,
    openNow: truths.filter((t) => t.open).map((t) => t.inquiry),
    selfServed,
    entryTopics: new Map([
      ['entry-1', 'avvik'],
      ['entry-2', 'ehandbok'],
    ]),
    unitWorkAreas: new Map(units.map((u) => [u.id, u.workArea])),
    truncated: false,
  };
}

describe('report figures', () => {
  const truths = dataSet();

  for (const scope of [
    { kind: 'organisation' },
    { kind: 'units', ids: ['hauge-vgs', 'sola-klinikk'] },
    { kind: 'work_areas', ids: ['skole'] },
    { kind: 'topics', ids: ['avvik'] },
  ] as ReportScope[]) {
    it(`counts a generated data set the way the test counts it (${scope.kind})`, () => {
      const mine = truths.filter((t) => {
        const i = t.inquiry;
        if (scope.kind === 'organisation') return true;
        const key = { units: i.unitId, work_areas: i.workAreaId, topics: i.topicId }[scope.kind];
        return scope.ids.includes(key);
      });
      const report = computeReport(inputFor(truths, scope));
      const opened = mine.filter((t) => within(t.createdAt));
      assert.ok(opened.length > 10, 'the data set puts inquiries in the period');
      assert.equal(report.opened, opened.length);
      assert.equal(report.resolved, mine.filter((t) => within(t.resolvedAt)).length);
      assert.equal(report.openNow, mine.filter((t) => t.open).length);
      assert.deepEqual(
        report.firstResponse,
        expectedSpread(opened.flatMap((t) => (t.responseMs === undefined ? [] : [t.responseMs]))),
      );
      assert.deepEqual(
        report.resolution,
        expectedSpread(mine.filter((t) => within(t.resolvedAt)).map((t) => t.resolutionMs!)),
      );
      for (const level of levels)
        assert.equal(
          report.escalations[level],
          mine.flatMap((t) => t.escalations).filter((e) => e.level === level && within(e.at))
            .length,
          level,
        );
      assert.equal(
        report.breaches,
        mine.flatMap((t) => t.escalations).filter((e) => e.deadline && within(e.at)).length,
      );
      assert.equal(report.vendorCases, mine.filter((t) => within(t.vendorAt)).length);
      for (const rating of ratings)
        assert.equal(
          report.ratings[rating],
          mine.filter((t) => t.rating?.rating === rating && within(t.rating.at)).length,
        );
      assert.equal(
        report.ratingComments.length,
        mine.filter((t) => t.rating?.comment && within(t.rating.at)).length,
      );
      for (const topic of topics)
        assert.equal(
          report.byTopic[topic]?.opened ?? 0,
          opened.filter((t) => t.inquiry.topicId === topic).length,
          topic,
        );
      for (const unit of units)
        assert.equal(
          report.byUnit[unit.id]?.opened ?? 0,
          opened.filter((t) => t.inquiry.unitId === unit.id).length,
          unit.id,
        );
      assert.deepEqual(
        report.rows.map((r) => r.number).sort(),
        opened.map((t) => t.inquiry.number).sort(),
        'one CSV row per inquiry opened in the period',
      );
    });
  }

  it('counts self-served questions of the scope in the period only', () => {
    const records: SelfServed[] = [
      {
        id: 'a',
        entryId: 'entry-1',
        askerKey: 'x',
        unitId: 'hauge-vgs',
        at: '2026-10-02T10:00:00Z',
      },
      {
        id: 'b',
        entryId: 'entry-2',
        askerKey: 'x',
        unitId: 'bryne-vgs',
        at: '2026-10-03T10:00:00Z',
      },
      {
        id: 'c',
        entryId: 'entry-1',
        askerKey: 'x',
        unitId: 'sola-klinikk',
        at: '2026-10-04T10:00:00Z',
      },
      {
        id: 'd',
        entryId: 'entry-1',
        askerKey: 'x',
        unitId: 'hauge-vgs',
        at: '2026-11-02T10:00:00Z',
      },
    ];
    const count = (scope: ReportScope) =>
      computeReport(inputFor(truths, scope, records)).selfServed;
    assert.equal(count({ kind: 'organisation' }), 3);
    assert.equal(count({ kind: 'units', ids: ['hauge-vgs'] }), 1);
    assert.equal(count({ kind: 'work_areas', ids: ['skole'] }), 2);
    assert.equal(count({ kind: 'topics', ids: ['avvik'] }), 2);
  });

  it('counts business time in the calendar, without the time spent waiting for the asker', () => {
    const office = BusinessCalendar.of(osloOffice);
    // Thursday 26 November 2026 14:00 in Oslo; answered Friday 09:30. Working hours 08-16 on
    // Thursday: 2 h, then 1.5 h on Friday; the asker was asked at 15:00 and replied at 08:30.
    const inquiry = newInquiry({
      history: [
        { type: 'opened', at: '2026-11-26T13:00:00.000Z' },
        { type: 'asked_asker', at: '2026-11-26T14:00:00.000Z' },
        { type: 'asker_replied', at: '2026-11-27T07:30:00.000Z' },
        { type: 'answered', at: '2026-11-27T08:30:00.000Z' },
      ],
    }) as Inquiry;
    assert.equal(
      handlingTime(inquiry, '2026-11-26T13:00:00.000Z', '2026-11-27T08:30:00.000Z', office),
      2 * hour,
    );
    const noWait = { ...inquiry, history: [inquiry.history[0], inquiry.history[3]] };
    assert.equal(
      handlingTime(noWait, '2026-11-26T13:00:00.000Z', '2026-11-27T08:30:00.000Z', office),
      3.5 * hour,
    );
  });

  it('reads the named periods in the organisation’s time zone and refuses impossible ranges', () => {
    const at = new Date('2026-12-01T10:00:00.000Z');
    const zone = 'Europe/Oslo';
    const of = (r: ReturnType<typeof resolvePeriod>) =>
      r.ok ? [r.period.from.toISOString(), r.period.to.toISOString()] : r.problem;
    assert.deepEqual(of(resolvePeriod({ kind: 'this_month' }, at, zone)), [
      '2026-11-30T23:00:00.000Z',
      '2026-12-01T10:00:00.001Z',
    ]);
    assert.deepEqual(of(resolvePeriod({ kind: 'last_month' }, at, zone)), [
      '2026-10-31T23:00:00.000Z',
      '2026-11-30T23:00:00.000Z',
    ]);
    assert.deepEqual(of(resolvePeriod({ kind: 'half_year' }, at, zone)), [
      '2026-06-30T22:00:00.000Z',
      '2026-12-01T10:00:00.001Z',
    ]);
    assert.deepEqual(
      of(resolvePeriod({ kind: 'custom', from: '2026-03-01', to: '2026-03-31' }, at, zone)),
      ['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    );
    const custom = (from: string, to: string) =>
      of(resolvePeriod({ kind: 'custom', from, to }, at, zone));
    assert.equal(custom('2026-02-30', '2026-03-01'), 'invalid_date');
    assert.equal(custom('', '2026-03-01'), 'invalid_date');
    assert.equal(custom('2026-04-01', '2026-03-01'), 'reversed');
    assert.equal(custom('2027-01-01', '2027-01-02'), 'future');
    assert.equal(custom('2024-01-01', '2026-01-02'), 'too_long');
  });
});
