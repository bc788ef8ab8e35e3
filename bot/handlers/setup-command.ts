import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { renderTeamsSetupCard, teamsSetupCardData } from '../../cards/teams-setup';
import type { HandlerDeps, Turn } from './context';

/**
 * Answers the setup command: for an admin, a card with who in the chain cannot be reached in
 * Teams and which triage channels cannot be posted to, checked now; anyone else is told what
 * they can do instead.
 */
export async function answerSetupCommand(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<void> {
  const { t, directory, who, locale } = turn;
  if (!who.person.email || !directory.isAdmin(who.person.email)) {
    await context.sendActivity(t.teamsSetupCard.notAdmin);
    return;
  }
  const report = await deps.teamsSetup?.();
  if (!report) {
    await context.sendActivity(t.teamsSetupCard.notReady);
    return;
  }
  await context.sendActivity(
    MessageFactory.attachment(
      CardFactory.adaptiveCard(renderTeamsSetupCard(teamsSetupCardData(report, directory, locale))),
    ),
  );
}
