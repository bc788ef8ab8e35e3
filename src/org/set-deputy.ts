import { setAway, type AbsenceDeps, type AwayOutcome } from '../absence/set-away';
import type { AuditActor } from '../audit/audit-event';
import { recordAuditEvent, type AuditDeps } from '../audit/record-audit-event';
import { personRef } from '../inquiries/person';
import type { Store } from '../store/ports';
import type { Directory } from './directory';
import { orgEditor } from './roles';

export type SetDeputyOutcome = AwayOutcome | { ok: false; reason: 'not_allowed' };

/**
 * An admin or system responsible marks a handler away with a deputy, as the handler could
 * themselves ("borte"): the same rules (a deputy with one of the same roles, a date not past),
 * and an audit event with the absence before and after.
 */
export async function setDeputyFor(
  deps: AuditDeps & { store: Pick<Store, 'absences' | 'audit'>; clock: AbsenceDeps['clock'] },
  directory: Directory,
  actor: AuditActor,
  input: { personEmail: string; until: string; deputyEmail: string; locale: string },
): Promise<SetDeputyOutcome> {
  if (!orgEditor(directory, actor.key)) return { ok: false, reason: 'not_allowed' };
  const person = directory.staffMember(input.personEmail);
  if (!person) return { ok: false, reason: 'not_handler' };
  const before = await deps.store.absences.get(person.email);
  const outcome = await setAway({ ...deps, directory }, personRef(person), {
    until: input.until,
    deputyKey: input.deputyEmail,
    locale: input.locale,
  });
  if (!outcome.ok) return outcome;
  const summary = (a: typeof before) => (a ? { until: a.until, deputy: a.deputy.key } : null);
  await recordAuditEvent(deps, {
    actor,
    action: 'organisation.deputy_set',
    target: `person:${person.email}`,
    before: summary(before),
    after: summary(outcome.absence),
  });
  return outcome;
}
