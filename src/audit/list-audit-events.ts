import { DateTime } from 'luxon';
import { absenceEnd } from '../absence/absence';
import type { Directory } from '../org/directory';
import { orgEditor } from '../org/roles';
import type { Store } from '../store/ports';
import { auditActions, type AuditAction, type AuditEvent, type AuditQuery } from './audit-event';

/** The filters as a reader gives them: an action, a person, and days in the organisation's time zone. */
export interface AuditFilter {
  action?: string;
  person?: string;
  /** First day, `YYYY-MM-DD`. */
  from?: string;
  /** Last day, inclusive. */
  to?: string;
  beforeSeq?: number;
}

export type AuditListing =
  | { ok: true; events: AuditEvent[]; more: boolean }
  | { ok: false; reason: 'not_allowed' | 'bad_filter' };

/** Whether a person may read the audit trail: admins and system responsibles. */
export function mayReadAudit(directory: Directory, email: string | undefined): boolean {
  return orgEditor(directory, email) !== undefined;
}

function queryOf(filter: AuditFilter, timeZone: string): AuditQuery | undefined {
  const query: AuditQuery = {};
  if (filter.action) {
    if (!(auditActions as readonly string[]).includes(filter.action)) return undefined;
    query.action = filter.action as AuditAction;
  }
  const person = filter.person?.trim();
  if (person) query.actorKey = person.includes('@') ? person.toLowerCase() : person;
  if (filter.from) {
    const from = DateTime.fromISO(filter.from, { zone: timeZone });
    if (!from.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(filter.from)) return undefined;
    query.from = from.startOf('day').toUTC().toISO() ?? undefined;
  }
  if (filter.to) {
    const end = absenceEnd(filter.to, timeZone);
    if (!end) return undefined;
    query.to = end.toISOString();
  }
  if (filter.beforeSeq !== undefined) query.beforeSeq = filter.beforeSeq;
  return query;
}

/** A page of the audit trail for a reader who may see it, newest first, with whether more match. */
export async function listAuditEvents(
  store: Pick<Store, 'audit'>,
  directory: Directory,
  readerEmail: string | undefined,
  filter: AuditFilter,
  limit: number,
): Promise<AuditListing> {
  if (!mayReadAudit(directory, readerEmail)) return { ok: false, reason: 'not_allowed' };
  const query = queryOf(filter, directory.timeZone);
  if (!query) return { ok: false, reason: 'bad_filter' };
  const events = await store.audit.list(query, limit + 1);
  return { ok: true, events: events.slice(0, limit), more: events.length > limit };
}
