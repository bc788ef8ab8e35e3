import SearchableMap from 'minisearch/SearchableMap';

/** BM25 with MiniSearch's constants, so that texts score as they did when MiniSearch scored them. */
const bm25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
/** How much a term found by prefix or by a typo weighs against the word itself (MiniSearch's). */
const derivedWeight = { prefix: 0.375, fuzzy: 0.45 } as const;

/** The texts with a term in one field, in the order they were added, and how often it occurs. */
interface Posting {
  docs: number[];
  freqs: number[];
  /** The number of removals when texts no longer in the index were last taken out of it. */
  cleanAt: number;
}

/** A field of a text: its terms in order, and how many different words it has. */
export interface IndexedField {
  terms: readonly string[];
  words: number;
}

/** A term of a query, and whether texts are also found by terms it begins or by a typo of it. */
export interface QueryTerm {
  term: string;
  prefix: boolean;
  /** The number of edits a term may differ by and still match; 0 for none. */
  fuzzy: number;
}

/**
 * The texts a query matched, in the order a text was first matched, with their scores and how
 * many of the query's words each matched. Valid until the index's next search or change.
 */
export interface Matches {
  readonly docs: readonly number[];
  key(doc: number): string;
  /** BM25 summed over the matched terms, times the number of query terms matched. */
  score(doc: number): number;
  /** How many of the query's words the text matched (a word matches by any of its terms). */
  covered(doc: number): number;
}

/**
 * An inverted index of short texts with BM25 scoring, as MiniSearch scores them (the same sums in
 * the same order, so the same texts come first), but without the objects MiniSearch makes for
 * every text a query matches: a lookup adds into arrays indexed by text, so a word that thousands
 * of texts share costs a pass over numbers. Terms live in MiniSearch's radix tree for prefix and
 * fuzzy matching. A removed text is skipped at once and taken out of a term's texts when the term
 * is next looked up.
 */
/** An index compacts only once it holds more removed texts than this (and than live ones). */
const minCompacted = 1024;

export class TermIndex {
  private readonly terms = new SearchableMap<(Posting | undefined)[]>();
  private readonly ids = new Map<string, number>();
  /** Each text's key by its number; undefined once removed. */
  private keys: (string | undefined)[] = [];
  /** The words of each text's fields, `fieldCount` numbers per text; -1 for a field it lacks. */
  private lengths = new Float64Array(0);
  private readonly averageLength: number[];
  private count = 0;
  private removals = 0;

  // What a search adds up, by text number; `seen` says which search or term last touched a text.
  private total = new Float64Array(0);
  private partial = new Float64Array(0);
  private seen = new Int32Array(0);
  private termSeen = new Int32Array(0);
  private matchedTerms = new Int32Array(0);
  private matchedWords = new Int32Array(0);
  private stamp = 0;

  constructor(private readonly fieldCount: number) {
    this.averageLength = new Array<number>(fieldCount).fill(0);
  }

  get documentCount(): number {
    return this.count;
  }

  /** Adds a text under a new key; its fields in the index's field order, undefined for none. */
  add(key: string, fields: readonly (IndexedField | undefined)[]): void {
    if (this.ids.has(key)) throw new Error(`TermIndex: ${key} is already indexed`);
    const doc = this.keys.length;
    this.keys.push(key);
    this.ids.set(key, doc);
    this.count += 1;
    this.reserve(doc + 1);
    for (let f = 0; f < this.fieldCount; f++) {
      const field = fields[f];
      this.lengths[doc * this.fieldCount + f] = field ? field.words : -1;
      if (!field) continue;
      const before = this.count - 1;
      this.averageLength[f] = (this.averageLength[f] * before + field.words) / (before + 1);
      for (const term of field.terms) {
        let postings = this.terms.get(term);
        if (!postings) {
          postings = [];
          this.terms.set(term, postings);
        }
        let posting = postings[f];
        if (!posting) {
          posting = { docs: [], freqs: [], cleanAt: this.removals };
          postings[f] = posting;
        }
        const last = posting.docs.length - 1;
        if (last >= 0 && posting.docs[last] === doc) posting.freqs[last] += 1;
        else {
          posting.docs.push(doc);
          posting.freqs.push(1);
        }
      }
    }
  }

  /** Removes the text of a key, if there is one. */
  remove(key: string): void {
    const doc = this.ids.get(key);
    if (doc === undefined) return;
    this.ids.delete(key);
    this.keys[doc] = undefined;
    for (let f = 0; f < this.fieldCount; f++) {
      const words = this.lengths[doc * this.fieldCount + f];
      if (words < 0) continue;
      this.averageLength[f] =
        this.count === 1 ? 0 : (this.averageLength[f] * this.count - words) / (this.count - 1);
    }
    this.count -= 1;
    this.removals += 1;
    if (this.keys.length - this.count > Math.max(this.count, minCompacted)) this.compact();
  }

  /** How many text numbers are in use, removed ones included until the index is compacted. */
  get slots(): number {
    return this.keys.length;
  }

  /**
   * Numbers the texts anew without the removed ones, keeping their order (and so each posting's),
   * so that a long-lived index whose texts are replaced does not grow with every replacement.
   */
  private compact(): void {
    const renumbered = new Int32Array(this.keys.length).fill(-1);
    const keys: string[] = [];
    for (let doc = 0; doc < this.keys.length; doc++) {
      const key = this.keys[doc];
      if (key === undefined) continue;
      renumbered[doc] = keys.length;
      keys.push(key);
    }
    const empty: string[] = [];
    this.terms.forEach((term, postings) => {
      let used = false;
      for (const posting of postings) {
        if (!posting) continue;
        let kept = 0;
        for (let i = 0; i < posting.docs.length; i++) {
          const doc = renumbered[posting.docs[i]];
          if (doc < 0) continue;
          posting.docs[kept] = doc;
          posting.freqs[kept] = posting.freqs[i];
          kept += 1;
        }
        posting.docs.length = kept;
        posting.freqs.length = kept;
        posting.cleanAt = this.removals;
        if (kept > 0) used = true;
      }
      if (!used) empty.push(term);
    });
    for (const term of empty) this.terms.delete(term);
    const lengths = this.lengths;
    const fields = this.fieldCount;
    this.keys = keys;
    this.ids.clear();
    keys.forEach((key, doc) => this.ids.set(key, doc));
    this.lengths = new Float64Array(0);
    for (const name of ['total', 'partial'] as const) this[name] = new Float64Array(0);
    for (const name of ['seen', 'termSeen', 'matchedTerms', 'matchedWords'] as const)
      this[name] = new Int32Array(0);
    this.stamp = 0;
    this.reserve(keys.length);
    for (let doc = 0; doc < renumbered.length; doc++) {
      const to = renumbered[doc];
      if (to >= 0)
        this.lengths.set(lengths.subarray(doc * fields, (doc + 1) * fields), to * fields);
    }
  }

  /**
   * The texts that match any of the query's terms. `words` groups the terms (by their place in
   * `query`) into the query's words; `boosts` weighs each field.
   */
  match(
    query: readonly QueryTerm[],
    words: readonly (readonly number[])[],
    boosts: readonly number[],
  ): Matches {
    const docs: number[] = [];
    const search = this.next();
    const byTerm = query.map((q) => this.matchTerm(q, boosts, search, docs));
    for (const word of words) {
      const mark = this.next();
      for (const t of word)
        for (const doc of byTerm[t])
          if (this.termSeen[doc] !== mark) {
            this.termSeen[doc] = mark;
            this.matchedWords[doc] += 1;
          }
    }
    return {
      docs,
      key: (doc) => this.keys[doc] ?? '',
      score: (doc) => this.total[doc] * (this.matchedTerms[doc] || 1),
      covered: (doc) => this.matchedWords[doc],
    };
  }

  /** Adds one query term's scores; the texts it matched, each once, in the order it matched them. */
  private matchTerm(
    q: QueryTerm,
    boosts: readonly number[],
    search: number,
    docs: number[],
  ): number[] {
    const mark = this.next();
    const matched: number[] = [];
    const score = (postings: (Posting | undefined)[] | undefined, weight: number): void => {
      if (!postings) return;
      for (let f = 0; f < this.fieldCount; f++) {
        const posting = postings[f];
        if (!posting) continue;
        this.clean(posting);
        const df = posting.docs.length;
        if (df === 0) continue;
        const idf = Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
        const average = this.averageLength[f];
        const weighted = weight * boosts[f];
        const { k, b, d } = bm25;
        for (let i = 0; i < df; i++) {
          const doc = posting.docs[i];
          const tf = posting.freqs[i];
          const length = this.lengths[doc * this.fieldCount + f];
          const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * length) / average)));
          const s = weighted * raw;
          if (this.seen[doc] !== search) {
            this.seen[doc] = search;
            this.total[doc] = 0;
            this.matchedTerms[doc] = 0;
            this.matchedWords[doc] = 0;
            docs.push(doc);
          }
          if (this.termSeen[doc] !== mark) {
            this.termSeen[doc] = mark;
            this.partial[doc] = s;
            this.matchedTerms[doc] += 1;
            matched.push(doc);
          } else this.partial[doc] += s;
        }
      }
    };
    score(this.terms.get(q.term), 1);
    const fuzzy = q.fuzzy > 0 ? this.terms.fuzzyGet(q.term, q.fuzzy) : undefined;
    if (q.prefix)
      for (const [term, postings] of this.terms.atPrefix(q.term)) {
        const distance = term.length - q.term.length;
        if (!distance) continue;
        fuzzy?.delete(term);
        score(postings, (derivedWeight.prefix * term.length) / (term.length + 0.3 * distance));
      }
    if (fuzzy)
      for (const [term, [postings, distance]] of fuzzy) {
        if (!distance) continue;
        score(postings, (derivedWeight.fuzzy * term.length) / (term.length + distance));
      }
    for (const doc of matched) this.total[doc] += this.partial[doc];
    return matched;
  }

  /** Takes the texts removed since the posting was last cleaned out of it. */
  private clean(posting: Posting): void {
    if (posting.cleanAt === this.removals) return;
    posting.cleanAt = this.removals;
    let kept = 0;
    for (let i = 0; i < posting.docs.length; i++) {
      if (this.keys[posting.docs[i]] === undefined) continue;
      posting.docs[kept] = posting.docs[i];
      posting.freqs[kept] = posting.freqs[i];
      kept += 1;
    }
    posting.docs.length = kept;
    posting.freqs.length = kept;
  }

  /** A mark no text carries yet. */
  private next(): number {
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.termSeen.fill(0);
      this.stamp = 0;
    }
    this.stamp += 1;
    return this.stamp;
  }

  /** Room for `docs` texts in the per-text arrays. */
  private reserve(docs: number): void {
    if (this.seen.length >= docs) return;
    const size = Math.max(docs, this.seen.length * 2, 1024);
    const grow = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const grown = make(size);
      grown.set(old);
      return grown;
    };
    this.lengths = grow(this.lengths, (n) => new Float64Array(n * this.fieldCount));
    this.total = grow(this.total, (n) => new Float64Array(n));
    this.partial = grow(this.partial, (n) => new Float64Array(n));
    this.seen = grow(this.seen, (n) => new Int32Array(n));
    this.termSeen = grow(this.termSeen, (n) => new Int32Array(n));
    this.matchedTerms = grow(this.matchedTerms, (n) => new Int32Array(n));
    this.matchedWords = grow(this.matchedWords, (n) => new Int32Array(n));
  }
}
