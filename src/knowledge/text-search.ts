import type { Locale } from '../i18n';
import { TermIndex, type IndexedField, type Matches } from './term-index';
import { termOf, termsOf, words } from './terms';

const locales: readonly Locale[] = ['nb', 'en'];
/** From this many texts in a language, words common to many of them are left out of a query. */
const largeIndex = 2_000;
/** A word in more than this share of the texts is common. */
const commonShare = 1 / 20;

/** A text to find, in one language, under a key; the same key may have a text in each language. */
export interface SearchText {
  key: string;
  locale: Locale;
  fields: Record<string, string>;
}

/**
 * A key that matched: how well (`score`), which share of the question's words it matched, and in
 * which language's text.
 */
export interface SearchHit {
  key: string;
  locale: Locale;
  score: number;
  coverage: number;
}

/** A query word and the terms that stand for it: its own, or the parts of a compound word. */
interface QueryWord {
  terms: string[];
}

/**
 * Full-text search over short texts in Norwegian and English: each language has its own index
 * whose terms are Snowball stems, so inflected forms meet ("meldingene" finds "melding"). Typos
 * are forgiven by fuzzy matching, word beginnings by prefix matching, and a compound word in a
 * question is also looked for as its parts ("avviksskjema" finds "skjema for avvik"). A question
 * is searched in both languages and each key keeps its better match.
 */
export class TextSearch {
  private readonly fieldNames: string[];
  private readonly boosts: number[];
  private readonly indexes: Record<Locale, TermIndex>;
  /** Each term of a language's index, with how often it was indexed. */
  private readonly vocabulary: Record<Locale, Map<string, number>> = {
    nb: new Map(),
    en: new Map(),
  };

  constructor(fields: Record<string, number>) {
    this.fieldNames = Object.keys(fields);
    this.boosts = this.fieldNames.map((name) => fields[name] || 1);
    this.indexes = {
      nb: new TermIndex(this.fieldNames.length),
      en: new TermIndex(this.fieldNames.length),
    };
  }

  /** Adds a text, or replaces the text of its key in its language. */
  put(text: SearchText): void {
    const index = this.indexes[text.locale];
    const vocabulary = this.vocabulary[text.locale];
    const fields = this.fieldNames.map((name): IndexedField | undefined => {
      const value = text.fields[name];
      if (value === undefined) return undefined;
      const tokens = words(value);
      const terms: string[] = [];
      for (const token of tokens) {
        const term = termOf(token, text.locale);
        if (!term) continue;
        terms.push(term);
        vocabulary.set(term, (vocabulary.get(term) ?? 0) + 1);
      }
      return { terms, words: new Set(tokens).size };
    });
    index.remove(text.key);
    index.add(text.key, fields);
  }

  /** Removes every text of a key. */
  remove(key: string): void {
    for (const locale of locales) this.indexes[locale].remove(key);
  }

  get size(): number {
    return this.indexes.nb.documentCount + this.indexes.en.documentCount;
  }

  /** The text numbers the indexes hold, removed texts not yet compacted away included. */
  get slots(): number {
    return this.indexes.nb.slots + this.indexes.en.slots;
  }

  /** The keys that match a question best, best first; at most `limit`. */
  search(question: string, limit: number): SearchHit[] {
    const best = new Map<string, SearchHit>();
    if (limit <= 0) return [];
    for (const locale of locales) {
      const queryWords = this.telling(this.queryWords(question, locale), locale);
      if (queryWords.length === 0) continue;
      const terms = [...new Set(queryWords.flatMap((w) => w.terms))];
      const vocabulary = this.vocabulary[locale];
      // A word the index knows is whole and no typo: prefix and fuzzy matching, the costly parts
      // (each walks the index's terms), are for the others, a word begun or misspelt.
      const query = terms.map((term) => ({
        term,
        prefix: term.length >= 4 && !vocabulary.has(term),
        fuzzy: vocabulary.has(term) ? 0 : term.length >= 10 ? 2 : term.length >= 4 ? 1 : 0,
      }));
      const matches = this.indexes[locale].match(
        query,
        queryWords.map((w) => w.terms.map((t) => terms.indexOf(t))),
        this.boosts,
      );
      for (const hit of leading(matches, locale, queryWords.length, limit)) {
        const known = best.get(hit.key);
        if (!known || rank(hit) > rank(known)) best.set(hit.key, hit);
      }
    }
    return [...best.values()].sort((a, b) => rank(b) - rank(a)).slice(0, limit);
  }

  /**
   * In a large index, the query words that tell texts apart: a word found in more than one text
   * in twenty matches thousands and moves none ahead, yet scoring all of them is most of a
   * lookup's time. Common words are left out when rarer ones remain.
   */
  private telling(queryWords: QueryWord[], locale: Locale): QueryWord[] {
    const documents = this.indexes[locale].documentCount;
    if (documents < largeIndex) return queryWords;
    const vocabulary = this.vocabulary[locale];
    const rare = queryWords.filter((w) =>
      w.terms.some((t) => (vocabulary.get(t) ?? 0) <= documents * commonShare),
    );
    return rare.length > 0 ? rare : queryWords;
  }

  /** The question's words as terms of the language, with the parts of compound words the index knows. */
  private queryWords(question: string, locale: Locale): QueryWord[] {
    const vocabulary = this.vocabulary[locale];
    return [...new Set(termsOf(question, locale))].map((term) => {
      if (vocabulary.has(term) || term.length < 7) return { terms: [term] };
      for (let cut = 3; cut <= term.length - 3; cut++) {
        const head = term.slice(0, cut);
        const tail = termOf(term.slice(cut), locale);
        if (!tail || !vocabulary.has(tail)) continue;
        // Norwegian compounds often join with an s or an e: "avvik-s-melding".
        const heads = [head, head.replace(/[se]$/, '')].filter((h) => vocabulary.has(h));
        if (heads.length > 0) return { terms: [term, heads[0], tail] };
      }
      return { terms: [term] };
    });
  }
}

/**
 * The hits of one language that can be among the best `limit`: those whose rank reaches the
 * `limit`-th best rank there, ordered by score and then by the order they were matched in (as
 * MiniSearch ordered its results), so that equal ranks keep the order they had. Only these few are
 * made into hits, not the thousands of texts that share a common word with the question.
 */
function leading(matches: Matches, locale: Locale, queryWords: number, limit: number): SearchHit[] {
  const hitOf = (doc: number): SearchHit => ({
    key: matches.key(doc),
    locale,
    score: matches.score(doc),
    coverage: matches.covered(doc) / queryWords,
  });
  const scratch = { score: 0, coverage: 0 };
  const ranks = matches.docs.map((doc) => {
    scratch.score = matches.score(doc);
    scratch.coverage = matches.covered(doc) / queryWords;
    return rank(scratch);
  });
  const top: number[] = [];
  for (const r of ranks) {
    if (top.length === limit && r <= top[limit - 1]) continue;
    let at = top.length;
    while (at > 0 && top[at - 1] < r) at--;
    top.splice(at, 0, r);
    if (top.length > limit) top.pop();
  }
  const bar = top.length === limit ? top[limit - 1] : -Infinity;
  const chosen: number[] = [];
  ranks.forEach((r, i) => {
    if (r >= bar) chosen.push(i);
  });
  return chosen
    .map((i) => ({ hit: hitOf(matches.docs[i]), order: i }))
    .sort((a, b) => b.hit.score - a.hit.score || a.order - b.order)
    .map(({ hit }) => hit);
}

/** How hits are ordered: a hit that matches more of the question wins over a higher raw score. */
export function rank(hit: Pick<SearchHit, 'score' | 'coverage'>): number {
  return hit.score * hit.coverage * hit.coverage;
}
