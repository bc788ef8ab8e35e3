/**
 * Knowledge-base benchmark: how long a suggestion lookup and a similar-inquiries lookup take with
 * a large knowledge base and many resolved inquiries indexed, and how much memory the index holds.
 * Prints its figures and whether each target is met (p95 under 20 ms, index under 150 MB).
 *
 *   npm run build && node --expose-gc dist/scripts/bench-suggestions.js
 *   BENCH_ENTRIES=5000 BENCH_SOLVED=100000 node --expose-gc dist/scripts/bench-suggestions.js
 */
import { performance } from 'node:perf_hooks';
import type { KnowledgeEntry } from '../src/knowledge/entry';
import { KnowledgeIndex } from '../src/knowledge/knowledge-index';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';

const entries = Number(process.env.BENCH_ENTRIES ?? 5_000);
const solvedCount = Number(process.env.BENCH_SOLVED ?? 100_000);
const lookups = Number(process.env.BENCH_LOOKUPS ?? 1_000);
const targets = { p95Ms: 20, indexMb: 150 };

/** A small seeded generator, so every run indexes the same texts. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const next = random(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];

// Words of the domain, and made-up words, so that the vocabulary is as wide as a real one: one word
// in five is one of the fifty domain words (a real text's common words are stop words, left out).
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

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function main(): Promise<void> {
  const store = openSqliteStore(':memory:');
  const at = new Date('2026-11-30T09:00:00Z').toISOString();
  process.stdout.write(`Writing ${entries} entries and ${solvedCount} resolved inquiries…\n`);
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

  const before = heapMb();
  const index = new KnowledgeIndex(store.knowledge);
  const buildStart = performance.now();
  await index.refresh();
  const buildMs = performance.now() - buildStart;
  const indexMb = heapMb() - before;

  const questions = Array.from({ length: lookups }, () => sentence(3 + Math.floor(next() * 10)));
  const suggestMs: number[] = [];
  const similarMs: number[] = [];
  for (const question of questions) {
    const s = performance.now();
    index.suggest(question, 3);
    suggestMs.push(performance.now() - s);
    const t = performance.now();
    await index.similar(question, 3);
    similarMs.push(performance.now() - t);
  }
  const refreshStart = performance.now();
  await index.refresh();
  const idleRefreshMs = performance.now() - refreshStart;

  const line = (label: string, value: string, ok: boolean): void => {
    process.stdout.write(
      `${label.padEnd(46)} ${value.padStart(12)}  ${ok ? 'ok' : 'OVER TARGET'}\n`,
    );
  };
  process.stdout.write(
    `\nIndexed ${index.size.entries} entries and ${index.size.solved} resolved inquiries in ${(buildMs / 1000).toFixed(1)} s\n`,
  );
  const p95Suggest = percentile(suggestMs, 95);
  const p95Similar = percentile(similarMs, 95);
  line('suggestion lookup p95', `${p95Suggest.toFixed(2)} ms`, p95Suggest < targets.p95Ms);
  line(
    'similar-inquiries lookup p95 (with store reads)',
    `${p95Similar.toFixed(2)} ms`,
    p95Similar < targets.p95Ms,
  );
  line('refresh when nothing changed', `${idleRefreshMs.toFixed(2)} ms`, true);
  line('index memory (heap)', `${indexMb.toFixed(0)} MB`, indexMb < targets.indexMb);
  if (!(globalThis as { gc?: () => void }).gc)
    process.stdout.write('(run with node --expose-gc for a steadier memory figure)\n');
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
});
