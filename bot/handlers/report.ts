import { recordAuditEvent } from '../../src/audit/record-audit-event';
import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { renderReportCard, reportCardData, scopeName } from '../../cards/report';
import { Inputs, Verbs } from '../../cards/verbs';
import { loadReport } from '../../src/reports/load-report';
import { periodKinds, resolvePeriod, type PeriodChoice } from '../../src/reports/period';
import { reportLinkLifetimeMs, reportLinkUrl, signReportLink } from '../../src/reports/report-link';
import {
  mayReadReport,
  parseScopeKey,
  reportScopes,
  scopeExists,
  scopeKey,
  type ReportScope,
} from '../../src/routing/report-scope';
import { fittedCard } from '../delivery/card-activity';
import { actionKeyOf } from './action-key';
import type { HandlerDeps, Turn } from './context';
import { validatedAction, type ActionReply } from './validated-action';

/** What signs the CSV links, and where the bot's server is reached from outside. */
export interface ReportLinks {
  secret: Buffer;
  baseUrl: string;
}

/** The report card for a scope and period the reader may see. */
async function reportCard(
  deps: HandlerDeps,
  turn: Turn,
  scope: ReportScope,
  choice: PeriodChoice,
): Promise<ActionReply> {
  const { directory, who, locale, t } = turn;
  const now = deps.clock.now();
  const resolved = resolvePeriod(choice, now, directory.timeZone);
  if (!resolved.ok) return t.reports.periodProblems[resolved.problem];
  const { period } = resolved;
  const report = await loadReport(deps.store, directory, scope, period, now);
  const links = deps.reportLinks?.();
  const email = who.person.email?.toLowerCase();
  const expiresAt = new Date(now.getTime() + reportLinkLifetimeMs);
  const download =
    links && email
      ? {
          url: reportLinkUrl(
            links.baseUrl,
            signReportLink(
              {
                requester: email,
                scope: scopeKey(scope),
                from: period.from.toISOString(),
                to: period.to.toISOString(),
                locale,
                expiresAt: expiresAt.toISOString(),
              },
              links.secret,
            ),
          ),
          expiresAt,
        }
      : ('unavailable' as const);
  const card = renderReportCard(
    reportCardData(report, directory, locale, {
      scopes: reportScopes(directory, email),
      download,
      mayPostPack: !!email && directory.isAdmin(email),
    }),
  );
  return fittedCard(card, locale);
}

/** Why a reader may not see a scope, without a figure of it. */
function refusal(turn: Turn, scope: ReportScope): string {
  const { directory, who, locale, t } = turn;
  return reportScopes(directory, who.person.email).length === 0
    ? t.reports.forEmployees
    : t.reports.notAllowed(scopeName(scope, directory, locale));
}

/** «rapport»: this month's report for the broadest scope the reader has, with their choices. */
export async function showReport(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<void> {
  const [scope] = reportScopes(turn.directory, turn.who.person.email);
  const reply = scope
    ? await reportCard(deps, turn, scope, { kind: 'this_month' })
    : turn.t.reports.forEmployees;
  await context.sendActivity(
    typeof reply === 'string' ? reply : MessageFactory.attachment(CardFactory.adaptiveCard(reply)),
  );
}

const day = z.string().trim().max(40);
const reportData = z.object({
  [Inputs.reportScope]: z.string().min(1).max(21_000),
  [Inputs.reportPeriod]: z.enum(periodKinds),
  [Inputs.reportFrom]: day.optional(),
  [Inputs.reportTo]: day.optional(),
});
type ReportData = z.infer<typeof reportData>;

const packData = z.object({ period: z.literal('half_year') });

function choiceOf(data: ReportData): PeriodChoice {
  const kind = data[Inputs.reportPeriod];
  if (kind !== 'custom') return { kind };
  return { kind, from: data[Inputs.reportFrom] ?? '', to: data[Inputs.reportTo] ?? '' };
}

/** The report card's verbs: show another scope or period, and send the half-yearly pack. */
export function reportActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<ActionReply>> {
  return {
    [Verbs.report]: validatedAction(deps, reportData, async (_context, turn, data) => {
      const scope = parseScopeKey(data[Inputs.reportScope]);
      if (!scope || !scopeExists(turn.directory, scope)) return turn.t.refusals.invalidAction;
      if (!mayReadReport(turn.directory, turn.who.person.email, scope)) {
        turn.log.info({ scope: scope.kind }, 'report refused');
        return refusal(turn, scope);
      }
      return reportCard(deps, turn, scope, choiceOf(data));
    }),
    [Verbs.reportPack]: validatedAction(deps, packData, async (context, turn) => {
      const { directory, who, t } = turn;
      const email = who.person.email;
      if (!email || !directory.isAdmin(email)) {
        return reportScopes(directory, email).length === 0
          ? t.reports.forEmployees
          : t.reports.pack.onlyAdmins;
      }
      const channel = directory.snapshot.structure.resourceGroup?.channel;
      if (!channel) return t.reports.pack.noChannel;
      const queued = t.reports.pack.queued(channel.name ?? channel.channelId);
      // The same click delivered twice posts one pack.
      const taken = `report-pack/${actionKeyOf(context, who.person.key, Verbs.reportPack, {})}`;
      if (taken in (await deps.store.state.read([taken]))) return queued;
      const now = deps.clock.now();
      const resolved = resolvePeriod({ kind: 'half_year' }, now, directory.timeZone);
      if (!resolved.ok) return t.refusals.invalidAction;
      await deps.store.outbox.enqueue(
        [
          {
            kind: 'report.pack',
            from: resolved.period.from.toISOString(),
            to: resolved.period.to.toISOString(),
          },
        ],
        now,
      );
      await deps.store.state.write({ [taken]: { value: { at: now.toISOString() } } });
      await recordAuditEvent(deps, {
        actor: { key: who.person.key, name: who.person.name },
        action: 'admin.report_pack_posted',
        target: channel.channelId,
        after: { from: resolved.period.from.toISOString(), to: resolved.period.to.toISOString() },
      });
      deps.notify();
      turn.log.info('half-yearly report pack queued');
      return queued;
    }),
  };
}
