import type { Clock } from '../clock';
import type { IdGenerator } from '../ids';
import type { Store } from '../store/ports';
import type { AuditAction, AuditActor, AuditEvent } from './audit-event';

export interface AuditDeps {
  store: Pick<Store, 'audit'>;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Records one admin action or organisation change on the audit trail, now, as who did it. Every
 * feature that changes the organisation or acts as an admin calls this once per action.
 */
export function recordAuditEvent(
  deps: AuditDeps,
  event: {
    actor: AuditActor;
    action: AuditAction;
    target?: string;
    before?: unknown;
    after?: unknown;
  },
): Promise<AuditEvent> {
  return deps.store.audit.append({
    id: deps.ids.next(),
    at: deps.clock.now().toISOString(),
    actor: event.actor,
    action: event.action,
    ...(event.target !== undefined ? { target: event.target } : {}),
    ...(event.before !== undefined ? { before: event.before } : {}),
    ...(event.after !== undefined ? { after: event.after } : {}),
  });
}
