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
