import { DateTime } from 'luxon';

// The period a report covers, in the organisation's time zone: a named one (this month, last
// month, this half-year) or a range of whole days someone chose.

export const periodKinds = ['this_month', 'last_month', 'half_year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

/** What a person asks for: a named period, or the first and last day of a range (YYYY-MM-DD). */
export type PeriodChoice =
  { kind: Exclude<PeriodKind, 'custom'> } | { kind: 'custom'; from: string; to: string };

/** A resolved period: from `from` (inclusive) to `to` (exclusive), both absolute instants. */
export interface ReportPeriod {
  kind: PeriodKind;
  from: Date;
  to: Date;
}

/** Why a chosen range is refused. */
export type PeriodProblem = 'invalid_date' | 'reversed' | 'future' | 'too_long';

/** The longest range a custom report may cover, in days. */
export const maxCustomDays = 366;

const day = /^\d{4}-\d{2}-\d{2}$/;

function localDay(text: string, timeZone: string): DateTime | undefined {
  if (!day.test(text)) return undefined;
  const parsed = DateTime.fromISO(text, { zone: timeZone });
  return parsed.isValid ? parsed.startOf('day') : undefined;
}

/**
 * The instants a choice stands for at `now`: this month and this half-year up to now, last month
 * whole, a custom range from the start of its first day to the end of its last (or now, when the
 * last day is today). A custom range must be real days, in order, not in the future, and at most
 * `maxCustomDays` long.
 */
export function resolvePeriod(
  choice: PeriodChoice,
  now: Date,
  timeZone: string,
): { ok: true; period: ReportPeriod } | { ok: false; problem: PeriodProblem } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  // A period that runs to now holds now itself: `to` is exclusive.
  const untilNow = new Date(now.getTime() + 1);
  const period = (from: DateTime, to: DateTime | Date): ReportPeriod => ({
    kind: choice.kind,
    from: from.toJSDate(),
    to: to instanceof Date ? to : to.toJSDate(),
  });
  switch (choice.kind) {
    case 'this_month':
      return { ok: true, period: period(local.startOf('month'), untilNow) };
    case 'last_month': {
      const start = local.startOf('month').minus({ months: 1 });
      return { ok: true, period: period(start, local.startOf('month')) };
    }
    case 'half_year': {
      const start = local.startOf('year').plus({ months: local.month > 6 ? 6 : 0 });
      return { ok: true, period: period(start, untilNow) };
    }
    case 'custom': {
      const from = localDay(choice.from, timeZone);
      const to = localDay(choice.to, timeZone);
      if (!from || !to) return { ok: false, problem: 'invalid_date' };
      if (to < from) return { ok: false, problem: 'reversed' };
      if (from > local) return { ok: false, problem: 'future' };
      if (to.diff(from, 'days').days + 1 > maxCustomDays) return { ok: false, problem: 'too_long' };
      const end = to.plus({ days: 1 });
      return { ok: true, period: period(from, end > local ? untilNow : end) };
    }
  }
}

/** The first and last local day of a period, as YYYY-MM-DD (the last day holds `to` - 1 ms). */
export function periodDays(period: ReportPeriod, timeZone: string): { from: string; to: string } {
  const from = DateTime.fromJSDate(period.from, { zone: timeZone }).toISODate() ?? '';
  const last = new Date(Math.max(period.from.getTime(), period.to.getTime() - 1));
  return { from, to: DateTime.fromJSDate(last, { zone: timeZone }).toISODate() ?? '' };
}

/** Whether an instant (ISO text) lies in the period. */
export function inPeriod(at: string | undefined, period: ReportPeriod): boolean {
  if (!at) return false;
  const time = new Date(at).getTime();
  return time >= period.from.getTime() && time < period.to.getTime();
}
