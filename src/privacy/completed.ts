import { recordAuditEvent, type AuditDeps } from '../audit/record-audit-event';
import type { AuditActor } from '../audit/audit-event';
import type { Logger } from '../logger';
import type { Pseudonymise } from './pseudonym';

/** An admin's privacy action, once it has been done. */
export type PrivacyAction =
  | { kind: 'export_link'; by: AuditActor; subject: string; at: string }
  | { kind: 'export_download'; by: AuditActor; subject: string; at: string }
  | {
      kind: 'erase';
      by: AuditActor;
      subject: string;
      at: string;
      counts: Record<string, number>;
    };

export interface PrivacyRecordDeps extends AuditDeps {
  logger: Logger;
  pseudonymise: Pseudonymise;
}

/**
 * Where every privacy action of an admin ends: the one place that records it. The log line
 * names neither the admin nor the person (keys are email addresses), only what was done. The
 * audit trail names the admin, and the person only by their placeholder, so that an erasure
 * leaves their address nowhere in the store, not even in the record that it happened.
 */
export async function privacyActionCompleted(
  deps: PrivacyRecordDeps,
  action: PrivacyAction,
): Promise<void> {
  deps.logger.info(
    { action: action.kind, ...(action.kind === 'erase' ? { counts: action.counts } : {}) },
    'privacy action completed',
  );
  // Asking for a link is not yet an export: the download is.
  if (action.kind === 'export_link') return;
  await recordAuditEvent(deps, {
    actor: action.by,
    action: action.kind === 'erase' ? 'admin.privacy_erased' : 'admin.privacy_exported',
    target: deps.pseudonymise(action.subject),
    ...(action.kind === 'erase' ? { after: action.counts } : {}),
  });
}
