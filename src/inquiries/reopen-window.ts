import { DateTime, Duration } from 'luxon';
import type { Directory } from '../org/directory';
import type { Inquiry } from './inquiry';

/** How long after resolution an asker may reopen an inquiry when the organisation file is silent. */
export const defaultReopenWithin = 'P14D';

/**
 * Marks until when a newly resolved inquiry may be reopened: the organisation's `reopenWithin`
 * (calendar time) from the moment it was resolved. Anything else is returned as it is.
 */
export function withReopenWindow(
  before: Inquiry,
  after: Inquiry,
  now: Date,
  directory: Directory,
): Inquiry {
  if (after.status !== 'resolved' || before.status === 'resolved') return after;
  const within = Duration.fromISO(directory.snapshot.structure.reopenWithin ?? defaultReopenWithin);
  const until = DateTime.fromJSDate(now, { zone: directory.timeZone }).plus(within);
  return { ...after, reopenUntil: until.toUTC().toISO() ?? now.toISOString() };
}
