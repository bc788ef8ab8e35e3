import type { Locale } from '../i18n';
import type { KnowledgeRepository } from '../store/ports';
import type { KnowledgeEntry, KnowledgeMarker, SolvedInquiry } from './entry';
import { rank, TextSearch, type SearchHit } from './text-search';

/** How many solved inquiries one read of the store brings. */
const solvedPage = 1000;
/**
 * How far back (in recorded order) each refresh looks again for solved inquiries: an instance may
 * take a number before another and write after it, and a look back finds the late one.
 */
const solvedLookBack = 200;
/**
 * Of a solved inquiry only the question is indexed, and only so much of it: a new question is
 * matched against earlier questions, and the answers' words would double the index for little.
 */
const indexedQuestion = 300;

/** A suggestion is shown only when the question's words are this well matched. */
export const goodMatch = { coverage: 0.5, score: 3 } as const;

export interface Suggestion {
  entry: KnowledgeEntry;
  hit: SearchHit;
}

/**
 * The in-process search index of the knowledge base and of solved inquiries. The store is the
 * truth: the index is built from it at start and brought up to date whenever the store's marker
 * has moved (checked periodically, and at once after a write on this instance), so every instance
 * finds what any instance wrote. Entries are few and rebuilt whole on a change; solved inquiries
 * only grow and are read on from the last one seen.
 */
export class KnowledgeIndex {
  private entries = new Map<string, KnowledgeEntry>();
  private entrySearch = new TextSearch({ question: 3, keywords: 2, answer: 1 });
  private readonly solvedSearch = new TextSearch({ question: 1 });
  private marker: KnowledgeMarker = { entries: -1, solved: -1 };
  private solvedSeq = 0;
  /** The record (`seq`) each solved inquiry in the index was put from. */
  private readonly solvedSeqs = new Map<string, number>();
  private refreshing?: Promise<void>;

  constructor(private readonly store: KnowledgeRepository) {}

  /** Brings the index up to date with the store; concurrent calls share one run. */
  refresh(): Promise<void> {
    this.refreshing ??= this.update().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /**
   * Brings the entries up to date with the store, one point read when nothing changed: what a
   * question's suggestions need at once (an entry retired on another instance is not offered).
   * Solved inquiries follow on the periodic refresh.
   */
  async refreshEntries(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    const entries = await this.store.entriesMarker();
    if (entries !== this.marker.entries) await this.refresh();
  }

  /** Up to `limit` active entries that answer the question well, best first. */
  suggest(question: string, limit = 3): Suggestion[] {
    const hits = this.entrySearch.search(question, limit * 4);
    const top = hits[0];
    if (!top) return [];
    return hits
      .filter(
        (hit) =>
          hit.coverage >= goodMatch.coverage &&
          hit.score >= goodMatch.score &&
          rank(hit) >= rank(top) * 0.3,
      )
      .flatMap((hit) => {
        const entry = this.entries.get(hit.key);
        return entry?.status === 'active' ? [{ entry, hit }] : [];
      })
      .slice(0, limit);
  }

  /** Every entry in the index, for the handlers' list. */
  allEntries(): KnowledgeEntry[] {
    return [...this.entries.values()];
  }

  /** Up to `limit` solved inquiries that resemble the question, best first, read from the store. */
  async similar(question: string, limit = 3, except?: string): Promise<SolvedInquiry[]> {
    const hits = this.solvedSearch
      .search(question, limit + 1)
      .filter((hit) => hit.key !== except && hit.coverage >= goodMatch.coverage)
      .slice(0, limit);
    const found = await Promise.all(hits.map((hit) => this.store.solved(hit.key)));
    // A solved inquiry whose text was removed (retention, erasure) is no longer offered.
    return found.filter((s): s is SolvedInquiry => s !== undefined && s.question !== '');
  }

  get size(): { entries: number; solved: number } {
    return { entries: this.entries.size, solved: this.solvedSearch.size };
  }

  private async update(): Promise<void> {
    const marker = await this.store.marker();
    if (marker.entries !== this.marker.entries) await this.rebuildEntries();
    if (marker.solved !== this.marker.solved) await this.readSolved();
    this.marker = marker;
  }

  private async rebuildEntries(): Promise<void> {
    const entries = await this.store.entries();
    const search = new TextSearch({ question: 3, keywords: 2, answer: 1 });
    for (const entry of entries) {
      if (entry.status !== 'active') continue;
      search.put(entryText(entry, entry.language, entry.question, entry.answer));
      const { translation } = entry;
      if (translation)
        search.put(
          entryText(entry, translation.language, translation.question, translation.answer),
        );
    }
    this.entries = new Map(entries.map((e) => [e.id, e]));
    this.entrySearch = search;
  }

  private async readSolved(): Promise<void> {
    let after = Math.max(0, this.solvedSeq - solvedLookBack);
    for (;;) {
      const page = await this.store.solvedAfter(after, solvedPage);
      for (const solved of page) {
        // The look-back reads again what is indexed already: only a new record is put.
        const seq = solved.seq ?? 0;
        if (this.solvedSeqs.get(solved.inquiryId) !== seq) {
          this.solvedSearch.put(solvedText(solved));
          this.solvedSeqs.set(solved.inquiryId, seq);
        }
        after = Math.max(after, seq);
      }
      this.solvedSeq = Math.max(this.solvedSeq, after);
      if (page.length < solvedPage) return;
    }
  }
}

function entryText(entry: KnowledgeEntry, locale: Locale, question: string, answer: string) {
  return {
    key: entry.id,
    locale,
    fields: { question, answer, keywords: entry.keywords.join(' ') },
  };
}

function solvedText(solved: SolvedInquiry) {
  return {
    key: solved.inquiryId,
    locale: solved.locale,
    fields: { question: solved.question.slice(0, indexedQuestion) },
  };
}
