import type { TurnContext } from 'botbuilder';
import { cardMessage } from './ask';
import type { HandlerDeps, Turn } from './context';
import { knowledgeList, mayKeepKnowledgeBase } from './knowledge-actions';

const commandWords = new Set([
  'kunnskapsbase',
  'kunnskapsbasen',
  'knowledge base',
  'knowledgebase',
]);

/** Whether a message is the knowledge-base command, in either language, case and punctuation aside. */
export function isKnowledgeBaseCommand(text: string): boolean {
  const words = text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return commandWords.has(words);
}

/**
 * `kunnskapsbase` / `knowledge base`: the entries, for the people who look after them, with edit
 * and retire on each. Returns false when the message is something else.
 */
export async function knowledgeBaseCommand(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  text: string,
): Promise<boolean> {
  if (!isKnowledgeBaseCommand(text)) return false;
  if (!mayKeepKnowledgeBase(turn)) {
    await context.sendActivity(turn.t.knowledge.listNotAllowed);
    return true;
  }
  await context.sendActivity(cardMessage(await knowledgeList(deps, turn)));
  return true;
}
