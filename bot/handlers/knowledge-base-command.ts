import type { TurnContext } from 'botbuilder';
import { cardMessage } from './ask';
import type { HandlerDeps, Turn } from './context';
import { knowledgeList, mayKeepKnowledgeBase } from './knowledge-actions';

/**
 * `kunnskapsbase` / `knowledge base`: the entries, for the people who look after them, with edit
 * and retire on each.
 */
export async function showKnowledgeBase(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<void> {
  if (!mayKeepKnowledgeBase(turn)) {
    await context.sendActivity(turn.t.knowledge.listNotAllowed);
    return;
  }
  await context.sendActivity(cardMessage(await knowledgeList(deps, turn)));
}
