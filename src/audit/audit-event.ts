/**
 * What an admin did, or what changed in the organisation: every such change is one append-only
 * event. An inquiry's own history stays on the inquiry.
 */
export const auditActions = [
  'organisation.imported',
  'organisation.role_added',
  'organisation.role_removed',
  'organisation.triage_channel_set',
  'organisation.deputy_set',
  'admin.report_pack_posted',
  'admin.privacy_exported',
  'admin.privacy_erased',
] as const;

export type AuditAction = (typeof auditActions)[number];

/** Who did it: a person's key (lower-case email) and name, or the start-up file (`ORG_FILE`). */
export interface AuditActor {
  key: string;
  name: string;
}

export interface AuditEvent {
  id: string;
  /** Order of recording; later events have higher numbers. */
  seq: number;
  at: string;
  actor: AuditActor;
  action: AuditAction;
  /** What the action was about, in words a reader recognises ("unit hauge-vgs"). */
  target?: string;
  /** The state before and after, as JSON; either may be absent (an addition has no before). */
  before?: unknown;
  after?: unknown;
}

export type NewAuditEvent = Omit<AuditEvent, 'seq'>;

/** Which events a reader asks for; every filter given must hold. */
export interface AuditQuery {
  action?: AuditAction;
  actorKey?: string;
  /** From this instant, inclusive. */
  from?: string;
  /** Until this instant, exclusive. */
  to?: string;
  /** Only events recorded before this one (by `seq`): the next page. */
  beforeSeq?: number;
}

/** The actor of changes the organisation file brings at start. */
export const orgFileActor: AuditActor = { key: 'ORG_FILE', name: 'ORG_FILE' };
