import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import {
  allActions,
  auditEventsPerPage,
  auditLogCardData,
  renderAuditLogCard,
  type AuditFilterView,
} from '../../cards/audit-log';
import type { AdaptiveCardJson } from '../../cards/render';
import { Verbs } from '../../cards/verbs';
import { listAuditEvents } from '../../src/audit/list-audit-events';
import type { HandlerDeps, Turn } from './context';
import { validatedAction, type ActionReply } from './validated-action';

const noFilter: AuditFilterView = { action: '', person: '', from: '', to: '' };

/** A page of the audit log for the reader, or the words that say why not. */
async function auditLog(
  deps: HandlerDeps,
  turn: Turn,
  filter: AuditFilterView,
  beforeSeq?: number,
): Promise<AdaptiveCardJson | string> {
  const { directory, who, locale, t } = turn;
  const listing = await listAuditEvents(
    deps.store,
    directory,
    who.person.email,
    {
      ...(filter.action ? { action: filter.action } : {}),
      ...(filter.person ? { person: filter.person } : {}),
      ...(filter.from ? { from: filter.from } : {}),
      ...(filter.to ? { to: filter.to } : {}),
      ...(beforeSeq !== undefined ? { beforeSeq } : {}),
    },
    auditEventsPerPage,
  );
  if (!listing.ok && listing.reason === 'not_allowed') return t.audit.notAllowed;
  if (!listing.ok) {
    return renderAuditLogCard(
      auditLogCardData([], false, filter, locale, directory.timeZone, t.audit.badFilter),
    );
  }
  return renderAuditLogCard(
    auditLogCardData(listing.events, listing.more, filter, locale, directory.timeZone),
  );
}

/** "revisjonslogg" / "audit log": the newest events, for admins and system responsibles. */
export async function showAuditLog(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<void> {
  const reply = await auditLog(deps, turn, noFilter);
  await context.sendActivity(
    typeof reply === 'string' ? reply : MessageFactory.attachment(CardFactory.adaptiveCard(reply)),
  );
}

const text = (max: number) => z.string().trim().max(max).optional().default('');
const pageData = z.object({
  auditAction: text(60),
  auditPerson: text(254),
  auditFrom: text(10),
  auditTo: text(10),
  beforeSeq: z.coerce.number().int().min(0).optional(),
});

/** The audit log card's filters and next page. */
export function auditActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<ActionReply>> {
  return {
    [Verbs.auditPage]: validatedAction(deps, pageData, (_context, turn, value) =>
      auditLog(
        deps,
        turn,
        {
          action: value.auditAction === allActions ? '' : value.auditAction,
          person: value.auditPerson,
          from: value.auditFrom,
          to: value.auditTo,
        },
        value.beforeSeq,
      ),
    ),
  };
}
