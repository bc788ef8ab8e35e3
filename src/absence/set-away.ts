import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import { personRef, type PersonRef } from '../inquiries/person';
import type { Directory } from '../org/directory';
import type { Store } from '../store/ports';
import { absenceEnd, isAwayAt, localDate, type Absence } from './absence';
import { deputyCandidates, roleSet } from './role-set';

export interface AbsenceDeps {
  store: Pick<Store, 'absences'>;
  clock: Clock;
  directory: Directory;
}

export type AwayOutcome =
  | { ok: true; absence: Absence }
  | { ok: false; reason: 'not_handler' | 'bad_date' | 'bad_deputy' | 'not_away' | 'busy' };

/** How far ahead an absence may be set. */
const longestAbsenceDays = 366;

/** Writes a person's absence over whatever is stored, with the etag that was read. */
async function save(
  deps: AbsenceDeps,
  key: string,
  next: (current: Absence | undefined) => Absence | undefined,
): Promise<AwayOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await deps.store.absences.get(key);
    const absence = next(current);
    if (!absence) return { ok: false, reason: 'not_away' };
    const written = await deps.store.absences.put({
      ...absence,
      ...(current?.etag ? { etag: current.etag } : {}),
    });
    if (written.ok) return { ok: true, absence: written.value };
  }
  return { ok: false, reason: 'busy' };
}

/**
 * Marks a handler away until a day (inclusive, in the organisation's time zone) with a deputy who
 * holds one of the same roles. Anything else, however the card data was made, is refused and
 * nothing is stored.
 */
export async function setAway(
  deps: AbsenceDeps,
  person: PersonRef,
  input: { until: string; deputyKey: string; locale: string },
): Promise<AwayOutcome> {
  const { directory } = deps;
  if (roleSet(directory, person.key).size === 0) return { ok: false, reason: 'not_handler' };
  const now = deps.clock.now();
  const timeZone = directory.timeZone;
  const endsAt = absenceEnd(input.until, timeZone);
  const today = localDate(now, timeZone);
  const latest = DateTime.fromISO(today, { zone: timeZone })
    .plus({ days: longestAbsenceDays })
    .toISODate();
  if (!endsAt || input.until < today || !latest || input.until > latest) {
    return { ok: false, reason: 'bad_date' };
  }
  const deputy = deputyCandidates(directory, person.key, input.locale).find(
    (p) => p.email === input.deputyKey.toLowerCase(),
  );
  if (!deputy) return { ok: false, reason: 'bad_deputy' };
  const absence: Absence = {
    key: person.key,
    name: directory.staffMember(person.key)?.name ?? person.name,
    until: input.until,
    endsAt: endsAt.toISOString(),
    deputy: personRef(deputy),
    setAt: now.toISOString(),
  };
  return save(deps, person.key, () => absence);
}

/** Ends a handler's absence now: inquiries come to them again. */
export async function endAway(deps: AbsenceDeps, person: PersonRef): Promise<AwayOutcome> {
  const now = deps.clock.now();
  return save(deps, person.key, (current) =>
    isAwayAt(current, now) ? { ...current, endsAt: now.toISOString() } : undefined,
  );
}
