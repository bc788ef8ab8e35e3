import type { TurnContext } from 'botbuilder';
import type { z } from 'zod/v4';
import type { AdaptiveCardJson } from '../../cards/render';
import { readTurn, type HandlerDeps, type Turn } from './context';

/** What a card verb answers: a card in place of the one clicked, or a line of text. */
export type ActionReply = AdaptiveCardJson | string;

/**
 * A card verb's handler: the turn read and the card data checked against its schema before the
 * handler sees it; data that does not fit is refused and changes nothing.
 */
export function validatedAction<T>(
  deps: HandlerDeps,
  schema: z.ZodType<T>,
  handle: (context: TurnContext, turn: Turn, value: T) => Promise<ActionReply>,
): (context: TurnContext, data: unknown) => Promise<ActionReply> {
  return async (context, data) => {
    const turn = await readTurn(context, deps);
    const parsed = schema.safeParse(data);
    return parsed.success ? handle(context, turn, parsed.data) : turn.t.refusals.invalidAction;
  };
}
