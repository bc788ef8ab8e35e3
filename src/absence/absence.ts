import { DateTime } from 'luxon';
import type { PersonRef } from '../inquiries/person';

/**
 * A handler who is away until a date (inclusive, in the organisation's time zone), with a deputy
 * who holds the same kind of role. While it lasts, routing, mentions, reminders and escalation go
 * to the deputy; from the start of the day after `until` the handler is back.
 */
export interface Absence {
  /** The person's key (lower-case email). */
  key: string;
  name: string;
  /** The last day away, `YYYY-MM-DD` in the organisation's time zone. */
  until: string;
  /** The instant the absence ends: the start of the day after `until`, as an ISO UTC instant. */
  endsAt: string;
  deputy: PersonRef;
  setAt: string;
  /** Concurrency token of the stored version. */
  etag?: string;
}

/** The start of the day after `until` in `timeZone`: when someone away until that day is back. */
export function absenceEnd(until: string, timeZone: string): Date | undefined {
  const day = DateTime.fromISO(until, { zone: timeZone });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(until)) return undefined;
  return day.startOf('day').plus({ days: 1 }).toJSDate();
}

/** Today's date, `YYYY-MM-DD`, in `timeZone`. */
export function localDate(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? '';
}

export function isAwayAt(absence: Absence | undefined, now: Date): absence is Absence {
  return absence !== undefined && now < new Date(absence.endsAt);
}
