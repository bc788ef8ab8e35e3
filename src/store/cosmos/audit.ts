import type { Container } from '@azure/cosmos';
import type { AuditEvent, AuditQuery, NewAuditEvent } from '../../audit/audit-event';
import type { AuditRepository } from '../ports';
import type { Counters } from './counters';
import { call, queryPages } from './documents';
import { docId } from './ids';

/** One audit event, its own partition; `seq` orders them and pages the list. */
type AuditDoc = AuditEvent & { pk: string; type: 'audit'; actorKey: string; eventId: string };

/** The audit trail in Cosmos DB: the `audit` container, numbered by a counter beside the events. */
export class CosmosAuditRepository implements AuditRepository {
  constructor(
    private readonly container: Container,
    private readonly counters: Counters,
    private readonly pageSize: number,
  ) {}

  async append(event: NewAuditEvent): Promise<AuditEvent> {
    const seq = await this.counters.next('audit');
    const id = docId('audit', event.id);
    const doc: AuditDoc = {
      ...event,
      id,
      pk: id,
      type: 'audit',
      seq,
      actorKey: event.actor.key,
      eventId: event.id,
    };
    await call(`write of audit event ${event.id}`, () => this.container.items.create(doc));
    return { ...event, seq };
  }

  async list(query: AuditQuery, limit: number): Promise<AuditEvent[]> {
    const where = ["c.type = 'audit'"];
    const parameters: { name: string; value: string | number }[] = [];
    const add = (clause: string, name: string, value: string | number | undefined): void => {
      if (value === undefined) return;
      where.push(clause);
      parameters.push({ name, value });
    };
    add('c.action = @action', '@action', query.action);
    add('c.actorKey = @actor', '@actor', query.actorKey);
    add('c.at >= @from', '@from', query.from);
    add('c.at < @to', '@to', query.to);
    add('c.seq < @before', '@before', query.beforeSeq);
    const found: AuditEvent[] = [];
    await queryPages<AuditDoc>(
      this.container,
      'query of audit events',
      {
        query: `SELECT * FROM c WHERE ${where.join(' AND ')} ORDER BY c.seq DESC`,
        parameters,
      },
      { pageSize: Math.min(this.pageSize, limit) },
      (page) => {
        found.push(...page.map(eventOf));
        return found.length < limit;
      },
    );
    return found.slice(0, limit);
  }
}

function eventOf(doc: AuditDoc): AuditEvent {
  return {
    id: doc.eventId,
    seq: doc.seq,
    at: doc.at,
    actor: doc.actor,
    action: doc.action,
    ...(doc.target !== undefined ? { target: doc.target } : {}),
    ...(doc.before !== undefined ? { before: doc.before } : {}),
    ...(doc.after !== undefined ? { after: doc.after } : {}),
  };
}
