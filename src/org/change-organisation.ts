import type { AuditAction, AuditActor } from '../audit/audit-event';
import { recordAuditEvent, type AuditDeps } from '../audit/record-audit-event';
import type { Store } from '../store/ports';
import { currentOrganisation } from './current-organisation';
import { Directory } from './directory';
import { maySetTriageChannel, orgEditor, roleTable, type EditableRole } from './roles';
import type { Organisation } from './schema';
import { validateOrganisation, type OrgError } from './validate';

/** One change to the organisation made in Teams. */
export type OrgChange =
  | { kind: 'role'; op: 'add' | 'remove'; role: EditableRole; placeId: string; email: string }
  | {
      kind: 'triage_channel';
      workAreaId: string;
      channel: { teamId: string; channelId: string; name?: string };
    };

export type ChangeRefusal =
  | 'not_allowed'
  | 'unknown_place'
  | 'unknown_person'
  | 'already_holds'
  | 'not_holder'
  | 'unchanged'
  | 'busy';

export type ChangeOutcome =
  | { ok: true; version: number }
  | { ok: false; reason: ChangeRefusal }
  | { ok: false; reason: 'invalid'; errors: OrgError[] };

export interface ChangeDeps extends AuditDeps {
  store: Pick<Store, 'organisation' | 'audit'>;
}

type Decision =
  | {
      ok: true;
      org: Organisation;
      action: AuditAction;
      target: string;
      before: unknown;
      after: unknown;
    }
  | { ok: false; reason: ChangeRefusal };

/** What the change makes of the organisation, or why it cannot be made. Pure. */
export function decideChange(org: Organisation, change: OrgChange): Decision {
  if (change.kind === 'triage_channel') {
    const area = org.workAreas.find((w) => w.id === change.workAreaId);
    if (!area) return { ok: false, reason: 'unknown_place' };
    const { teamId, channelId } = change.channel;
    if (area.triageChannel?.teamId === teamId && area.triageChannel.channelId === channelId)
      return { ok: false, reason: 'unchanged' };
    const triageChannel = { ...(area.triageChannel ?? {}), ...change.channel };
    return {
      ok: true,
      org: {
        ...org,
        workAreas: org.workAreas.map((w) => (w.id === area.id ? { ...w, triageChannel } : w)),
      },
      action: 'organisation.triage_channel_set',
      target: `workArea:${area.id}`,
      before: area.triageChannel ?? null,
      after: triageChannel,
    };
  }
  const entry = roleTable[change.role];
  const holders = entry.holders(org, change.placeId);
  if (!holders) return { ok: false, reason: 'unknown_place' };
  const email = change.email.toLowerCase();
  let next: string[];
  if (change.op === 'add') {
    if (!org.people.some((p) => p.email === email)) return { ok: false, reason: 'unknown_person' };
    if (holders.includes(email)) return { ok: false, reason: 'already_holds' };
    next = [...holders, email];
  } else {
    if (!holders.includes(email)) return { ok: false, reason: 'not_holder' };
    next = holders.filter((h) => h !== email);
  }
  return {
    ok: true,
    org: entry.withHolders(org, change.placeId, next),
    action: change.op === 'add' ? 'organisation.role_added' : 'organisation.role_removed',
    target: `${change.role}@${entry.place}:${change.placeId}`,
    before: { [change.role]: holders },
    after: { [change.role]: next },
  };
}

/** Whether the person may make this change at all, by the organisation they see. */
export function mayChange(
  directory: Directory,
  email: string | undefined,
  change: OrgChange,
): boolean {
  if (change.kind === 'triage_channel')
    return maySetTriageChannel(directory, email, change.workAreaId);
  const editor = orgEditor(directory, email);
  return editor !== undefined && roleTable[change.role].editors.includes(editor);
}

/** How often a change is decided again on a newer organisation before the actor is told to retry. */
const attempts = 6;

/** A short, growing pause before deciding again, while the other writer finishes. */
function pause(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
}

/**
 * Makes one change to the stored organisation: decided on the organisation as stored now and
 * written only if nobody wrote meanwhile (etag on the version); when someone did, the change is
 * decided again on theirs, so both are kept. Every change is an audit event with before and after.
 */
export async function changeOrganisation(
  deps: ChangeDeps,
  directory: Directory,
  actor: AuditActor,
  change: OrgChange,
): Promise<ChangeOutcome> {
  if (!mayChange(directory, actor.key, change)) return { ok: false, reason: 'not_allowed' };
  for (let attempt = 0; attempt < attempts; attempt++) {
    const current = await currentOrganisation(deps.store);
    if (!current) return { ok: false, reason: 'busy' };
    // Asked again of the organisation as stored now: a role taken away on another instance a
    // moment ago no longer allows the change.
    if (!mayChange(new Directory(current.snapshot), actor.key, change))
      return { ok: false, reason: 'not_allowed' };
    const decision = decideChange(current.org, change);
    if (!decision.ok) return decision;
    const valid = validateOrganisation(decision.org);
    if (!valid.ok) return { ok: false, reason: 'invalid', errors: valid.errors };
    const written = await deps.store.organisation.replaceIfVersion(
      valid.org,
      deps.clock.now(),
      current.snapshot.version,
    );
    if (!written.ok) {
      await pause(attempt);
      continue;
    }
    await recordAuditEvent(deps, {
      actor,
      action: decision.action,
      target: decision.target,
      before: decision.before,
      after: decision.after,
    });
    return { ok: true, version: written.value.version };
  }
  return { ok: false, reason: 'busy' };
}
