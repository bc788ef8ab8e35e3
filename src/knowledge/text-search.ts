import MiniSearch from 'minisearch';
import type { Locale } from '../i18n';
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

type Indexed = { id: string } & Record<string, string>;

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
  private readonly indexes: Record<Locale, MiniSearch<Indexed>>;
  /** Each term of a language's index, with how often it was indexed. */
  private readonly vocabulary: Record<Locale, Map<string, number>> = {
    nb: new Map(),
    en: new Map(),
  };

  constructor(private readonly fields: Record<string, number>) {
    const make = (locale: Locale): MiniSearch<Indexed> =>
      new MiniSearch<Indexed>({
        fields: Object.keys(fields),
        tokenize: words,
        processTerm: (term) => {
          const processed = termOf(term, locale);
          if (processed) {
            const vocabulary = this.vocabulary[locale];
            vocabulary.set(processed, (vocabulary.get(processed) ?? 0) + 1);
          }
          return processed ?? null;
        },
        searchOptions: {
          tokenize: (text) => text.split(' ').filter(Boolean),
          processTerm: (term) => term,
        },
      });
    this.indexes = { nb: make('nb'), en: make('en') };
  }

  /** Adds a text, or replaces the text of its key in its language. */
  put(text: SearchText): void {
    const index = this.indexes[text.locale];
    const doc: Indexed = { ...text.fields, id: text.key };
    if (index.has(text.key)) index.replace(doc);
    else index.add(doc);
  }

  /** Removes every text of a key. */
  remove(key: string): void {
    for (const locale of locales)
      if (this.indexes[locale].has(key)) this.indexes[locale].discard(key);
  }

  get size(): number {
    return this.indexes.nb.documentCount + this.indexes.en.documentCount;
  }

  /** The keys that match a question best, best first; at most `limit`. */
  search(question: string, limit: number): SearchHit[] {
    const best = new Map<string, SearchHit>();
    const leaders = new Leaders(limit);
    for (const locale of locales) {
      const queryWords = this.telling(this.queryWords(question, locale), locale);
      if (queryWords.length === 0) continue;
      const terms = [...new Set(queryWords.flatMap((w) => w.terms))];
      const vocabulary = this.vocabulary[locale];
      const results = this.indexes[locale].search(terms.join(' '), {
        boost: this.fields,
        combineWith: 'OR',
        // A word the index knows is whole and no typo: prefix and fuzzy matching, the costly parts
        // (each walks the index's terms), are for the others, a word begun or misspelt.
        prefix: (term) => term.length >= 4 && !vocabulary.has(term),
        fuzzy: (term) =>
          vocabulary.has(term) ? false : term.length >= 10 ? 2 : term.length >= 4 ? 1 : false,
        maxFuzzy: 2,
      });
      for (const result of results) {
        // Results come best score first, and a hit's rank is at most its score: once the scores
        // fall below the rank of the last of the best `limit` so far, nothing later can join them.
        if (result.score < leaders.bar) break;
        const matched = result.queryTerms;
        const covered = queryWords.filter((w) => w.terms.some((t) => matched.includes(t))).length;
        const hit: SearchHit = {
          key: String(result.id),
          locale,
          score: result.score,
          coverage: covered / queryWords.length,
        };
        const known = best.get(hit.key);
        if (!known || rank(hit) > rank(known)) {
          best.set(hit.key, hit);
          leaders.offer(hit.key, rank(hit));
        }
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

/** The best `size` ranks seen so far, one per key, and the rank a newcomer must reach to join them. */
class Leaders {
  private readonly ranks = new Map<string, number>();
  /** The lowest rank among the leaders once there are `size` of them; 0 until then. */
  bar = 0;

  constructor(private readonly size: number) {}

  /** A key's rank, higher than any it had before. */
  offer(key: string, rank: number): void {
    if (this.size <= 0) return;
    if (!this.ranks.has(key) && this.ranks.size >= this.size) {
      if (rank <= this.bar) return;
      let lowest: [string, number] | undefined;
      for (const entry of this.ranks) if (!lowest || entry[1] < lowest[1]) lowest = entry;
      if (lowest) this.ranks.delete(lowest[0]);
    }
    this.ranks.set(key, rank);
    if (this.ranks.size >= this.size) this.bar = Math.min(...this.ranks.values());
  }
}

/** How hits are ordered: a hit that matches more of the question wins over a higher raw score. */
export function rank(hit: SearchHit): number {
  return hit.score * hit.coverage * hit.coverage;
}
