/** One object of an expanded card: an element, an action, an input, a fact. */
export type CardNode = Record<string, unknown>;

/** Every object in a card, depth first. */
export function cardNodes(card: unknown): CardNode[] {
  const found: CardNode[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      found.push(value as CardNode);
      Object.values(value).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** An Action.Execute of a card: its verb, title and the data it sends. */
export interface ExecuteAction {
  verb: string;
  title: string;
  data: any;
}

/** Every Action.Execute of a card, wherever it is, depth first. */
export function executes(card: unknown): ExecuteAction[] {
  return cardNodes(card).filter(
    (node) => node.type === 'Action.Execute',
  ) as unknown as ExecuteAction[];
}
