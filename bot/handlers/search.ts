import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { renderSearchCard, searchCardData } from '../../cards/search-results';
import { Verbs } from '../../cards/verbs';
import { searchInquiries } from '../../src/inquiries/search';
import type { HandlerDeps, Turn } from './context';
import { validatedAction, type ActionReply } from './validated-action';

/** The longest search a card action may carry back. */
const maxQueryLength = 200;

/** The first page of a search, or the words that say why there is none. */
async function searchReply(
  deps: HandlerDeps,
  turn: Turn,
  query: string,
  page: number,
): Promise<ActionReply> {
  const { directory, t, who } = turn;
  const outcome = await searchInquiries(deps.store, directory, who.person, query);
  if (!outcome.ok) return outcome.reason === 'not_allowed' ? t.search.notHandler : t.search.usage;
  // The words searched for are what the reader wrote; they stay out of the log.
  turn.log.info({ actor: who.person.key, matches: outcome.inquiries.length }, 'inquiries searched');
  return renderSearchCard(searchCardData(outcome, query, page, directory, turn.locale));
}

/** "søk avvik elevtur": the inquiries the reader may see that hold the words. */
export async function showSearch(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  words: string | undefined,
): Promise<void> {
  const reply = await searchReply(deps, turn, (words ?? '').slice(0, maxQueryLength), 0);
  await context.sendActivity(
    typeof reply === 'string' ? reply : MessageFactory.attachment(CardFactory.adaptiveCard(reply)),
  );
}

const pageData = z.object({
  q: z.string().trim().min(1).max(maxQueryLength),
  page: z.coerce.number().int().min(0).max(1_000),
});

/** "Forrige" / "Neste" on a search's card: the same search again, another page. */
export function searchActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<ActionReply>> {
  return {
    [Verbs.search]: validatedAction(deps, pageData, (_context, turn, value) =>
      searchReply(deps, turn, value.q, value.page),
    ),
  };
}
