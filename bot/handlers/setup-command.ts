import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { renderTeamsSetupCard, teamsSetupCardData } from '../../cards/teams-setup';
import { messages } from '../../src/i18n';
import type { HandlerDeps, Turn } from './context';

/** The words that ask for the setup card, in every language the bot speaks: "oppsett", "setup". */
const commandWords = new Set(
  (['nb', 'en'] as const).map((locale) => messages(locale).teamsSetupCard.command),
);

/** Whether a 1:1 message asks for the Teams setup card. */
export function isSetupCommand(text: string): boolean {
  return commandWords.has(text.trim().replace(/^\//, '').toLowerCase());
}

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
