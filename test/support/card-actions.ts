import assert from 'node:assert/strict';
import { cardNodes } from './card-nodes';

/** The data a card's button with this verb sends, as Teams would send it when it is pressed. */
export function actionData(card: unknown, verb: string): Record<string, unknown> {
  const action = cardNodes(card).find((n) => n.type === 'Action.Execute' && n.verb === verb);
  assert.ok(action, `the card offers ${verb}`);
  return { ...(action.data as Record<string, unknown>) };
}

/** The verbs of a card's Action.Execute buttons, in order. */
export function actionVerbsOf(card: unknown): string[] {
  return cardNodes(card)
    .filter((n) => n.type === 'Action.Execute')
    .map((n) => String(n.verb));
}
