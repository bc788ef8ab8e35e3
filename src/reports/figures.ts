import type { BusinessCalendar } from '../escalation/business-calendar';
import { breachesOf } from '../inquiries/board';
import {
  levels,
  ratings,
  type Inquiry,
  type InquiryEvent,
  type Level,
  type Rating,
} from '../inquiries/inquiry';
import type { SelfServed } from '../knowledge/entry';
import { inScope, type ReportScope } from '../routing/report-scope';
import { inPeriod, type ReportPeriod } from './period';

// A report's figures, computed from plain data: no store, no clock of its own (`now` is given).
// Durations are business time in the organisation's calendar, without the time an inquiry waited
// for its asker (the escalation clock stands still then too).

/** What the figures are computed from. */
export interface ReportInput {
  scope: ReportScope;
  period: ReportPeriod;
  now: Date;
  calendar: BusinessCalendar;
  /** Inquiries written since the period began; those outside the scope are left out here. */
  inquiries: readonly Inquiry[];
  /** Inquiries on a handler's desk now; those outside the scope are left out here. */
  openNow: readonly Inquiry[];
  /** Questions a knowledge-base entry answered since the period began. */
  selfServed: readonly SelfServed[];
  /** The topic of each knowledge-base entry, by entry id. */
  entryTopics: ReadonlyMap<string, string>;
  /** The work area of each unit, by unit id. */
  unitWorkAreas: ReadonlyMap<string, string>;
  /** More inquiries than were read lay in the period. */
  truncated: boolean;
}

/** A spread of durations: how many, their median and 90th percentile, in milliseconds. */
export interface Spread {
  count: number;
  medianMs?: number;
  p90Ms?: number;
}

export interface GroupCounts {
  opened: number;
  resolved: number;
  open: number;
}

/** One inquiry opened in the period, as a row of the CSV download: figures, no personal data. */
export interface ReportRow {
  number: string;
  openedAt: string;
  unitId: string;
  workAreaId: string;
  topicId: string;
  status: Inquiry['status'];
  level: Level;
  firstResponseMs?: number;
  resolutionMs?: number;
  escalations: number;
  breaches: number;
  vendorCase: boolean;
  rating?: Rating;
}

/** An inquiry the half-yearly pack names: its number, where it belongs, and when. */
export interface NamedInquiry {
  id: string;
  number: string;
  unitId: string;
  topicId: string;
  at: string;
}

export interface RatingComment {
  number: string;
  rating: Rating;
  comment: string;
  at: string;
}

export interface Report {
  scope: ReportScope;
  period: ReportPeriod;
  now: Date;
  opened: number;
  resolved: number;
  openNow: number;
  byTopic: Record<string, GroupCounts>;
  byUnit: Record<string, GroupCounts>;
  firstResponse: Spread;
  resolution: Spread;
  /** Times an inquiry was moved up to each level during the period. */
  escalations: Record<Level, number>;
  /** Times a level let its response time run out during the period. */
  breaches: number;
  /** Inquiries sent to the vendor during the period. */
  vendorCases: number;
  /** Questions a knowledge-base entry answered, so that no inquiry was opened. */
  selfServed: number;
  ratings: Record<Rating, number>;
  ratingComments: RatingComment[];
  /** Inquiries reopened during the period, by topic. */
  reopenedByTopic: Record<string, number>;
  stalled: NamedInquiry[];
  breached: NamedInquiry[];
  rows: ReportRow[];
  truncated: boolean;
}

/** The median (the mean of the middle two for an even count) and the nearest-rank 90th percentile. */
export function spreadOf(durations: readonly number[]): Spread {
  const sorted = [...durations].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { count: 0 };
  const middle = Math.floor(n / 2);
  const medianMs = n % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  const p90Ms = sorted[Math.ceil(0.9 * n) - 1];
  return { count: n, medianMs, p90Ms };
}

/** Events that end a wait for the asker. */
const endsWait: ReadonlySet<InquiryEvent['type']> = new Set([
  'asker_replied',
  'answered',
  'resolved',
  'confirmed_resolved',
  'withdrawn',
]);

/** The intervals the inquiry waited for its asker, each [start, end) in ms. */
function waits(inquiry: Inquiry, until: number): [number, number][] {
  const spans: [number, number][] = [];
  let since: number | undefined;
  for (const event of inquiry.history) {
    const at = new Date(event.at).getTime();
    if (event.type === 'asked_asker' && since === undefined) since = at;
    else if (since !== undefined && endsWait.has(event.type)) {
      spans.push([since, at]);
      since = undefined;
    }
  }
  if (since !== undefined) spans.push([since, until]);
  return spans;
}

/** Business time from `from` to `to`, without the time the inquiry waited for its asker. */
export function handlingTime(
  inquiry: Inquiry,
  from: string,
  to: string,
  calendar: BusinessCalendar,
): number {
  const start = new Date(from).getTime();
  const end = new Date(to).getTime();
  let total = calendar.workingBetween(new Date(start), new Date(end));
  for (const [a, b] of waits(inquiry, end)) {
    const clippedStart = Math.max(a, start);
    const clippedEnd = Math.min(b, end);
    if (clippedEnd > clippedStart)
      total -= calendar.workingBetween(new Date(clippedStart), new Date(clippedEnd));
  }
  return Math.max(0, total);
}

/** When the inquiry was first answered, if it was. */
export function firstResponseAt(inquiry: Inquiry): string | undefined {
  return inquiry.history.find((event) => event.type === 'answered')?.at;
}

/** When a resolved inquiry was last resolved (by a handler, or confirmed by its asker). */
export function resolvedAt(inquiry: Inquiry): string | undefined {
  if (inquiry.status !== 'resolved') return undefined;
  for (let i = inquiry.history.length - 1; i >= 0; i--) {
    const event = inquiry.history[i];
    if (event.type === 'resolved' || event.type === 'confirmed_resolved') return event.at;
  }
  return undefined;
}

function zeros<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
}

function named(inquiry: Inquiry, at: string): NamedInquiry {
  const { id, number, unitId, topicId } = inquiry;
  return { id, number, unitId, topicId, at };
}

function selfServedInScope(record: SelfServed, input: ReportInput): boolean {
  const { scope } = input;
  switch (scope.kind) {
    case 'organisation':
      return true;
    case 'units':
      return record.unitId !== undefined && scope.ids.includes(record.unitId);
    case 'work_areas': {
      const area = record.unitId ? input.unitWorkAreas.get(record.unitId) : undefined;
      return area !== undefined && scope.ids.includes(area);
    }
    case 'topics': {
      const topic = input.entryTopics.get(record.entryId);
      return topic !== undefined && scope.ids.includes(topic);
    }
  }
}

/** The report's figures for its scope and period. */
export function computeReport(input: ReportInput): Report {
  const { scope, period, calendar } = input;
  const seen = new Set<string>();
  const inquiries = input.inquiries.filter((inquiry) => {
    if (seen.has(inquiry.id) || !inScope(inquiry, scope)) return false;
    seen.add(inquiry.id);
    return true;
  });
  const openNow = input.openNow.filter((inquiry) => inScope(inquiry, scope));
  const byTopic: Record<string, GroupCounts> = {};
  const byUnit: Record<string, GroupCounts> = {};
  const count = (key: string, table: Record<string, GroupCounts>, field: keyof GroupCounts) => {
    table[key] ??= { opened: 0, resolved: 0, open: 0 };
    table[key][field]++;
  };
  const escalations = zeros(levels);
  const ratingCounts = zeros(ratings);
  const firstResponses: number[] = [];
  const resolutions: number[] = [];
  const ratingComments: RatingComment[] = [];
  const reopenedByTopic: Record<string, number> = {};
  const breached: NamedInquiry[] = [];
  const rows: ReportRow[] = [];
  let opened = 0;
  let resolved = 0;
  let breaches = 0;
  let vendorCases = 0;

  for (const inquiry of inquiries) {
    const answeredAt = firstResponseAt(inquiry);
    const doneAt = resolvedAt(inquiry);
    const inquiryBreaches = breachesOf(inquiry, period.from).filter((b) => inPeriod(b.at, period));
    breaches += inquiryBreaches.length;
    if (inquiryBreaches.length > 0) breached.push(named(inquiry, inquiryBreaches[0].at));
    let inquiryEscalations = 0;
    for (const event of inquiry.history) {
      if (!inPeriod(event.at, period)) continue;
      if (event.type === 'escalated' && event.level) {
        escalations[event.level]++;
        inquiryEscalations++;
      }
      if (event.type === 'reopened')
        reopenedByTopic[inquiry.topicId] = (reopenedByTopic[inquiry.topicId] ?? 0) + 1;
    }
    if (inPeriod(inquiry.vendorCase?.at, period)) vendorCases++;
    if (inquiry.rating && inPeriod(inquiry.rating.at, period)) {
      ratingCounts[inquiry.rating.rating]++;
      if (inquiry.rating.comment)
        ratingComments.push({
          number: inquiry.number,
          rating: inquiry.rating.rating,
          comment: inquiry.rating.comment,
          at: inquiry.rating.at,
        });
    }
    const resolution =
      doneAt !== undefined ? handlingTime(inquiry, inquiry.createdAt, doneAt, calendar) : undefined;
    if (doneAt !== undefined && inPeriod(doneAt, period) && resolution !== undefined) {
      resolved++;
      resolutions.push(resolution);
      count(inquiry.topicId, byTopic, 'resolved');
      count(inquiry.unitId, byUnit, 'resolved');
    }
    if (!inPeriod(inquiry.createdAt, period)) continue;
    opened++;
    count(inquiry.topicId, byTopic, 'opened');
    count(inquiry.unitId, byUnit, 'opened');
    const firstResponse =
      answeredAt !== undefined
        ? handlingTime(inquiry, inquiry.createdAt, answeredAt, calendar)
        : undefined;
    if (firstResponse !== undefined) firstResponses.push(firstResponse);
    rows.push({
      number: inquiry.number,
      openedAt: inquiry.createdAt,
      unitId: inquiry.unitId,
      workAreaId: inquiry.workAreaId,
      topicId: inquiry.topicId,
      status: inquiry.status,
      level: inquiry.level,
      ...(firstResponse !== undefined ? { firstResponseMs: firstResponse } : {}),
      ...(resolution !== undefined ? { resolutionMs: resolution } : {}),
      escalations: inquiryEscalations,
      breaches: inquiryBreaches.length,
      vendorCase: inquiry.vendorCase !== undefined,
      ...(inquiry.rating ? { rating: inquiry.rating.rating } : {}),
    });
  }
  for (const inquiry of openNow) {
    count(inquiry.topicId, byTopic, 'open');
    count(inquiry.unitId, byUnit, 'open');
  }
  rows.sort((a, b) => a.openedAt.localeCompare(b.openedAt) || a.number.localeCompare(b.number));
  ratingComments.sort((a, b) => a.at.localeCompare(b.at));
  breached.sort((a, b) => a.at.localeCompare(b.at));
  const stalled = openNow
    .filter((inquiry) => inquiry.status === 'stalled')
    .map((inquiry) => named(inquiry, inquiry.updatedAt))
    .sort((a, b) => a.at.localeCompare(b.at));
  return {
    scope,
    period,
    now: input.now,
    opened,
    resolved,
    openNow: openNow.length,
    byTopic,
    byUnit,
    firstResponse: spreadOf(firstResponses),
    resolution: spreadOf(resolutions),
    escalations,
    breaches,
    vendorCases,
    selfServed: input.selfServed.filter(
      (record) => inPeriod(record.at, period) && selfServedInScope(record, input),
    ).length,
    ratings: ratingCounts,
    ratingComments,
    reopenedByTopic,
    stalled,
    breached,
    rows,
    truncated: input.truncated,
  };
}
