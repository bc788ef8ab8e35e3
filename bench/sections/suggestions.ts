/**
 * Knowledge base: how long a suggestion lookup and a similar-inquiries lookup (with its store
 * reads) take with a large knowledge base and many resolved inquiries indexed, and how much heap
 * the index holds. Sizes: BENCH_ENTRIES (5,000), BENCH_SOLVED (100,000), BENCH_LOOKUPS (1,000).
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { KnowledgeEntry } from '../../src/knowledge/entry';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { ms, type BenchOptions, type Row, type Section } from '../section';

const targets = { suggestP95Ms: 20, similarP95Ms: 20, indexMb: 150 };

/** A small seeded generator, so every run indexes the same texts. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/** A full collection before each heap reading, without needing node --expose-gc. */
function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

function heapMb(gc: () => void): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

export const suggestionsSection: Section = {
  name: 'suggestions',
  title: 'Knowledge base',
  async run(options: BenchOptions): Promise<Row[]> {
    const entries = Number(process.env.BENCH_ENTRIES ?? 5_000);
    const solvedCount = Number(process.env.BENCH_SOLVED ?? 100_000);
    const lookups = Number(process.env.BENCH_LOOKUPS ?? 1_000);
    const next = random(42);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
    // Words of the domain, and made-up words, so that the vocabulary is as wide as a real one: one
    // word in five is one of the fifty domain words (a real text's common words are stop words).
    const domain = (
      'avvik melding prosedyre rutine håndbok dokument godkjenning tilgang passord bruker enhet ' +
      'skole klinikk leder tiltak risiko vurdering brann øvelse elev tur kurs opplæring varsel ' +
      'e-post revisjon versjon kapittel redaktør utskrift mobil app skjema frist status sak ' +
      'arkiv sletting ansatt avdeling hms vernerunde internkontroll kvalitet system modul'
    ).split(' ');
    const syllables = 'ka ri ve lo sen dal berg fjord nes vik tun hus skog li ra mo'.split(' ');
    const madeUp = Array.from(
      { length: 20_000 },
      () => pick(syllables) + pick(syllables) + pick(syllables),
    );
    const word = (): string => (next() < 0.2 ? pick(domain) : pick(madeUp));
    const sentence = (words: number): string =>
      Array.from({ length: words }, word)
        .join(' ')
        .replace(/^./, (c) => c.toUpperCase());

    const gc = collector();
    const store = openSqliteStore(':memory:');
    const at = new Date('2026-11-30T09:00:00Z').toISOString();
    options.progress(`writing ${entries} entries and ${solvedCount} resolved inquiries`);
    for (let i = 0; i < entries; i++) {
      const entry: KnowledgeEntry = {
        id: `entry-${i}`,
        question: `${sentence(10)}?`,
        answer: sentence(40),
        topicId: 'annet',
        keywords: [word(), word()],
        language: 'nb',
        ...(i % 2 === 0
          ? { translation: { language: 'en', question: sentence(10), answer: sentence(30) } }
          : {}),
        source: { kind: 'file', fingerprint: String(i) },
        status: 'active',
        updatedAt: at,
      };
      await store.knowledge.putEntry(entry);
    }
    for (let i = 0; i < solvedCount; i++) {
      await store.knowledge.recordSolved({
        inquiryId: `inquiry-${i}`,
        number: `QM-2026-${String(i).padStart(6, '0')}`,
        question: sentence(15),
        answer: sentence(60),
        topicId: 'annet',
        locale: i % 10 === 0 ? 'en' : 'nb',
        resolvedAt: at,
      });
    }

    try {
      options.progress('indexing');
      const before = heapMb(gc);
      const index = new KnowledgeIndex(store.knowledge);
      const buildStart = performance.now();
      await index.refresh();
      const buildMs = performance.now() - buildStart;
      const indexMb = heapMb(gc) - before;

      options.progress(`${lookups} lookups`);
      const questions = Array.from({ length: lookups }, () =>
        sentence(3 + Math.floor(next() * 10)),
      );
      const suggestMs: number[] = [];
      const similarMs: number[] = [];
      // The processor time of each lookup beside its time on the clock: on a shared machine the
      // clock also counts the time other work held the cores.
      const similarCpuMs: number[] = [];
      for (const question of questions) {
        const s = performance.now();
        index.suggest(question, 3);
        suggestMs.push(performance.now() - s);
        const t = performance.now();
        const cpu = process.cpuUsage();
        await index.similar(question, 3);
        const used = process.cpuUsage(cpu);
        similarMs.push(performance.now() - t);
        similarCpuMs.push((used.user + used.system) / 1000);
      }
      const refreshStart = performance.now();
      await index.refresh();
      const idleRefreshMs = performance.now() - refreshStart;

      const size = `${entries.toLocaleString('en')} entries, ${solvedCount.toLocaleString('en')} resolved`;
      const suggestP95 = percentile(suggestMs, 95);
      const similarP95 = percentile(similarMs, 95);
      return [
        { measure: `index built, ${size}`, bot: `${(buildMs / 1000).toFixed(1)} s` },
        {
          measure: `suggestion lookup p95, ${size}`,
          bot: ms(suggestP95),
          target: `< ${targets.suggestP95Ms} ms`,
          met: suggestP95 < targets.suggestP95Ms,
        },
        {
          measure: `similar-inquiries lookup p95 with store reads, ${size}`,
          bot: ms(similarP95),
          target: `< ${targets.similarP95Ms} ms`,
          met: similarP95 < targets.similarP95Ms,
        },
        {
          measure: `similar-inquiries lookup, processor time p50 / p95, ${size}`,
          bot: `${ms(percentile(similarCpuMs, 50))} / ${ms(percentile(similarCpuMs, 95))}`,
        },
        { measure: 'refresh when nothing changed', bot: ms(idleRefreshMs) },
        {
          measure: `index memory (heap), ${size}`,
          bot: `${indexMb.toFixed(0)} MB`,
          target: `< ${targets.indexMb} MB`,
          met: indexMb < targets.indexMb,
        },
      ];
    } finally {
      await store.close();
    }
  },
};
