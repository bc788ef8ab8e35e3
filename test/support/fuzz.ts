import { Verbs } from '../../cards/verbs';
import { cardAction, personalMessage, tenantId, type TestUser } from './activities';

/** A small seeded generator (mulberry32): the same seed gives the same run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const awkwardStrings = [
  '',
  ' ',
  'a'.repeat(5000),
  '${$root}',
  '{{DATE(2026-01-01T00:00:00Z)}}',
  '<at>Sverre Lunde</at>',
  '👩‍👩‍👧‍👦'.repeat(300),
  '\u0000\u0001\u202e',
  '"}]}',
  'QM-2026-0001',
  '../../etc/passwd',
  '%00%ff',
  '\ud800',
  'hei',
  'Hvordan melder jeg avvik?',
];

/** JSON texts, parsed at each pick so that a mutation of one pick never reaches a later one. */
const awkwardValues: string[] = [
  'null',
  'true',
  '0',
  '-1',
  '1e308',
  '[]',
  '{}',
  '[[[]]]',
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  ...awkwardStrings.map((text) => JSON.stringify(text)),
];

/** One fuzzed request: its body (text, maybe not JSON at all) and content type. */
export interface FuzzedRequest {
  body: string;
  contentType: string;
  /** A card action on the inquiry under watch by someone who may not act on it. */
  forged: boolean;
}

/**
 * Makes fuzzed requests: Teams-shaped messages and card actions with fields removed, retyped or
 * replaced by awkward values, card actions with any verb and data on the inquiry under watch by
 * people who may not act on it, and bodies that are not activities or not JSON.
 */
export function fuzzer(
  random: () => number,
  options: { serviceUrl: string; inquiryId: string; thread: string; outsiders: TestUser[] },
) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const value = (): unknown =>
    random() < 0.7 ? (JSON.parse(pick(awkwardValues)) as unknown) : pick(awkwardStrings);

  const mutate = (activity: Record<string, unknown>): Record<string, unknown> => {
    const copy: Record<string, unknown> = JSON.parse(JSON.stringify(activity));
    const changes = 1 + Math.floor(random() * 3);
    for (let change = 0; change < changes; change++) {
      const paths = Object.keys(copy);
      const key = pick(paths);
      const roll = random();
      if (roll < 0.3) delete copy[key];
      else if (roll < 0.6) copy[key] = value();
      else if (typeof copy[key] === 'object' && copy[key] !== null) {
        const inner = copy[key] as Record<string, unknown>;
        const innerKey = pick(Object.keys(inner).concat(['id', 'extra']));
        inner[innerKey] = value();
      } else copy[pick(['type', 'locale', 'text', 'channelData', 'value', 'name'])] = value();
    }
    return copy;
  };

  const forgedAction = (): Record<string, unknown> => {
    const data: Record<string, unknown> = { inquiryId: options.inquiryId };
    if (random() < 0.5) data[pick(['answerText', 'handOverTo', 'comment', 'toVendor'])] = value();
    if (random() < 0.2) data.inquiryId = value();
    return cardAction({
      from: pick(options.outsiders),
      verb: random() < 0.8 ? pick(Object.values(Verbs)) : String(value()),
      data,
      serviceUrl: options.serviceUrl,
      ...(random() < 0.7 ? { conversationId: options.thread } : {}),
    });
  };

  return (): FuzzedRequest => {
    const roll = random();
    if (roll < 0.35) {
      const action = forgedAction();
      return {
        body: JSON.stringify(random() < 0.5 ? action : mutate(action)),
        contentType: 'application/json',
        forged: true,
      };
    }
    if (roll < 0.8) {
      const message = personalMessage({
        from: pick(options.outsiders),
        text: String(pick(awkwardStrings)),
        serviceUrl: options.serviceUrl,
        tenantId: random() < 0.9 ? tenantId : String(value()),
      });
      return {
        body: JSON.stringify(mutate(message)),
        contentType: 'application/json',
        forged: false,
      };
    }
    if (roll < 0.9) {
      return {
        body: JSON.stringify(value()),
        contentType: pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']),
        forged: false,
      };
    }
    const text = JSON.stringify(forgedAction());
    return {
      body: text.slice(0, Math.floor(random() * text.length)),
      contentType: 'application/json',
      forged: false,
    };
  };
}
