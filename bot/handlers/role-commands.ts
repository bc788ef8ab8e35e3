import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { awayCardData, renderAwayCard } from '../../cards/away';
import type { AdaptiveCardJson } from '../../cards/render';
import { Verbs } from '../../cards/verbs';
import { renderWhoToAskCard, whoToAskCardData } from '../../cards/who-to-ask';
import { activeAbsences } from '../../src/absence/active-absences';
import { roleSet } from '../../src/absence/role-set';
import { endAway, setAway, type AwayOutcome } from '../../src/absence/set-away';
import { readTurn, type HandlerDeps, type Turn } from './context';

function cardMessage(card: AdaptiveCardJson) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** The people "who to ask" names for an asker: their unit's, their work area's and every topic's. */
function namedPeople(turn: Turn): string[] {
  const { directory, who } = turn;
  const unit = who.known ? directory.unit(who.unitId) : undefined;
  const workArea = unit ? directory.workArea(unit.workArea) : undefined;
  return [
    ...(unit?.superusers ?? []),
    ...(workArea?.coordinators ?? []),
    ...directory.allTopics().flatMap((t) => t.systemResponsible),
  ];
}

/** The away card for the person acting, as things stand now. */
async function awayCard(deps: HandlerDeps, turn: Turn): Promise<AdaptiveCardJson> {
  const key = turn.who.person.key;
  const absence = await deps.store.absences.get(key);
  return renderAwayCard(awayCardData(turn.directory, key, absence, deps.clock.now(), turn.locale));
}

/** "kontakt" / "hvem er superbruker" / "who to ask": who the asker can turn to, and who is away. */
export async function showWhoToAsk(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<void> {
  const { directory, who, locale } = turn;
  const absences = await activeAbsences(deps.store, namedPeople(turn), deps.clock.now());
  const unitId = who.known ? who.unitId : undefined;
  await context.sendActivity(
    cardMessage(renderWhoToAskCard(whoToAskCardData(directory, unitId, absences, locale))),
  );
}

/** "borte" / "away": the away card, for someone in the help chain. */
export async function showAway(context: TurnContext, deps: HandlerDeps, turn: Turn): Promise<void> {
  if (roleSet(turn.directory, turn.who.person.key).size === 0) {
    await context.sendActivity(turn.t.away.notHandler);
    return;
  }
  await context.sendActivity(cardMessage(await awayCard(deps, turn)));
}

type Reply = AdaptiveCardJson | string;

const awayData = z.object({
  awayUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  deputy: z.string().trim().min(3).max(254),
});

function refusal(outcome: Exclude<AwayOutcome, { ok: true }>, turn: Turn): string {
  const { t } = turn;
  switch (outcome.reason) {
    case 'not_handler':
      return t.away.notHandler;
    case 'bad_date':
      return t.away.badDate;
    case 'bad_deputy':
      return t.away.badDeputy;
    case 'not_away':
      return t.away.notAway;
    case 'busy':
      return t.refusals.busy;
  }
}

/** The away card's verbs: every value checked on the server, a refusal changes nothing. */
export function awayActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<Reply>> {
  return {
    [Verbs.setAway]: async (context, data) => {
      const turn = await readTurn(context, deps);
      const parsed = awayData.safeParse(data);
      if (!parsed.success) return turn.t.refusals.invalidAction;
      const outcome = await setAway({ ...deps, directory: turn.directory }, turn.who.person, {
        until: parsed.data.awayUntil,
        deputyKey: parsed.data.deputy,
        locale: turn.locale,
      });
      if (!outcome.ok) {
        turn.log.info({ actor: turn.who.person.key, reason: outcome.reason }, 'away refused');
        return refusal(outcome, turn);
      }
      const { absence } = outcome;
      const { t } = turn;
      return t.away.saved(
        t.away.line(absence.name, t.away.day(absence.until), absence.deputy.name),
      );
    },
    [Verbs.endAway]: async (context) => {
      const turn = await readTurn(context, deps);
      const outcome = await endAway({ ...deps, directory: turn.directory }, turn.who.person);
      return outcome.ok ? turn.t.away.ended : refusal(outcome, turn);
    },
  };
}
