import { CardFactory, type Activity } from 'botbuilder';
import type { AdaptiveCardJson } from '../../cards/render';
import { messages, type Locale } from '../../src/i18n';
import { startOf } from '../../src/text';

/**
 * The most a card message may weigh, in bytes of its JSON. Teams documents a bot message limit
 * (measured on the whole payload, mentions included) that has been given as 28 KB for messages
 * posted by connectors, 40 KB and now about 100 KB for bots (80 KB recommended); a message above
 * it is refused with 413 `MessageSizeTooBig`, for good. The bot keeps to the smallest figure.
 */
export const maxCardMessageBytes = 28_000;

const sizeOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/** Where a card keeps its longest free text: the object and key holding it. */
function longestText(card: unknown): { holder: Record<string, string>; key: string } | undefined {
  let found: { holder: Record<string, string>; key: string; length: number } | undefined;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'text' && typeof value === 'string') {
          if (!found || value.length > found.length)
            found = { holder: node as Record<string, string>, key, length: value.length };
        } else walk(value);
      }
    }
  };
  walk(card);
  return found;
}

/**
 * The card as it fits in a Teams message: measured as it will be sent, and while it is too large
 * its longest free text (a question, an answer, a note) shortened with a visible note saying so,
 * instead of a send Teams refuses for good and a card left stale.
 */
export function fittedCard(
  card: AdaptiveCardJson,
  locale: Locale,
  maxBytes = maxCardMessageBytes,
): AdaptiveCardJson {
  if (sizeOf(card) <= maxBytes) return card;
  const fitted = structuredClone(card);
  const note = ` … [${messages(locale).cardSize.shortened}]`;
  for (let attempt = 0; attempt < 8 && sizeOf(fitted) > maxBytes; attempt++) {
    const longest = longestText(fitted);
    if (!longest) break;
    const text = longest.holder[longest.key] ?? '';
    const excess = sizeOf(fitted) - maxBytes + sizeOf(note) + 200;
    const bytes = Buffer.byteLength(text, 'utf8');
    const keep = Math.max(0, Math.floor((text.length * (bytes - excess)) / bytes));
    longest.holder[longest.key] = `${startOf(text, keep).trimEnd()}${note}`;
  }
  return fitted;
}

/** A message carrying one card, fitted to Teams' size limit, with the summary notifications show. */
export function cardActivity(
  card: AdaptiveCardJson,
  summary: string,
  locale: Locale,
): Partial<Activity> {
  return {
    type: 'message',
    summary,
    attachments: [CardFactory.adaptiveCard(fittedCard(card, locale))],
  };
}
