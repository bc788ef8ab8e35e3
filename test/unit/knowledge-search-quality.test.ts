import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { importKnowledgeFile, parseKnowledgeFile } from '../../src/knowledge/file';
import { KnowledgeIndex } from '../../src/knowledge/knowledge-index';
import { createLogger } from '../../src/logger';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/ports';

/** Top-3 hit rate below which the search is not good enough to put in front of askers. */
const requiredTop3 = 0.85;
/** Top-1 hit rate below which the best suggestion is too often not the right one. */
const requiredTop1 = 0.7;

const root = path.join(__dirname, '..', '..', '..');

/**
 * Questions as people write them, each with the entry of the sample knowledge base that answers
 * it: other words than the entry's, inflected forms, compound words, typos, and English questions
 * against Norwegian entries that have an English version.
 */
const questions: [string, string][] = [
  // Inflected forms and other words
  ['hvor melder man avvik', 'melde-avvik'],
  ['Hvordan registrerer jeg avvikene?', 'melde-avvik'],
  ['jeg vil melde en uønsket hendelse', 'melde-avvik'],
  ['kan avviket redigeres når det er sendt inn', 'endre-avvik'],
  ['Hvor finner jeg oversikten over avvikene mine?', 'se-egne-avvik'],
  ['status på avvik jeg har meldt', 'se-egne-avvik'],
  ['Hvordan lukkes et ferdig avvik', 'lukke-avvik'],
  ['avslutte saken etter tiltakene', 'lukke-avvik'],
  ['videresende avviket til en annen', 'delegere-avvik'],
  ['får ikke varsler på e-post om nye avvik', 'varsel-avvik'],
  ['hvor er prosedyrene i håndboka', 'finne-prosedyre'],
  ['søke etter rutiner', 'finne-prosedyre'],
  ['lage nytt dokument', 'ny-prosedyre'],
  ['hvordan opprettes dokumenter i e-håndboken', 'ny-prosedyre'],
  ['dokumentene som venter på godkjenning', 'godkjenne-dokument'],
  ['revidere en gammel rutine', 'revisjon'],
  ['Kan dokumentet printes?', 'skrive-ut'],
  ['hvordan kvitterer jeg for at jeg har lest', 'lesebekreftelse'],
  ['mangler tilgang til qm+', 'tilgang-qm'],
  ['får ikke logget inn, har glemt passord', 'glemt-passord'],
  ['skrivetilgang i håndboka', 'redaktor-rettigheter'],
  ['legge inn nyansatte', 'ny-ansatt'],
  ['feil avdeling i qm', 'bytte-enhet'],
  ['kan jeg bruke qm på telefonen', 'app-mobil'],
  ['kurs i qm+', 'opplaering'],
  ['lage risikovurdering', 'risikovurdering'],
  // Compound words
  ['avviksmelding', 'melde-avvik'],
  ['hvor er avviksskjemaet', 'melde-avvik'],
  ['e-postvarsling virker ikke', 'varsel-avvik'],
  ['redaktørtilgang', 'redaktor-rettigheter'],
  ['risikovurderingen', 'risikovurdering'],
  ['dokumentgodkjenning', 'godkjenne-dokument'],
  // Typos
  ['hvordan meldr jeg avvk', 'melde-avvik'],
  ['glemt passsord', 'glemt-passord'],
  ['godkjene dokumentet', 'godkjenne-dokument'],
  ['risikovurderng', 'risikovurdering'],
  ['tilgnag til qm', 'tilgang-qm'],
  // English questions against Norwegian entries with an English version
  ['how do I report a deviation', 'melde-avvik'],
  ['where can I see my deviations', 'se-egne-avvik'],
  ['I forgot my password', 'glemt-passord'],
  ['how to approve documents', 'godkjenne-dokument'],
  ['is there a mobile app', 'app-mobil'],
  ['training courses for Qm+', 'opplaering'],
  ['no email notification for deviations', 'varsel-avvik'],
  ['revise an outdated procedure', 'revisjon'],
  ['how do I get access', 'tilgang-qm'],
];

describe('search quality of the knowledge base', () => {
  let store: Store;
  let index: KnowledgeIndex;

  before(async () => {
    store = openSqliteStore(':memory:');
    const org = JSON.parse(
      fs.readFileSync(path.join(root, 'org', 'sample-organisation.json'), 'utf8'),
    ) as {
      topics: { id: string }[];
    };
    const parsed = parseKnowledgeFile(
      fs.readFileSync(path.join(root, 'org', 'knowledge-base.json'), 'utf8'),
      org.topics.map((t) => t.id),
    );
    assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.errors));
    await importKnowledgeFile(
      store.knowledge,
      parsed.file,
      { now: () => new Date('2026-11-30T09:00:00Z') },
      createLogger('silent'),
    );
    index = new KnowledgeIndex(store.knowledge);
    await index.refresh();
  });
  after(() => store.close());

  it(`finds the right entry among the first three for at least ${requiredTop3 * 100} % of ${questions.length} questions, and first for ${requiredTop1 * 100} %`, () => {
    assert.ok(questions.length >= 40);
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const [question, expected] of questions) {
      const found = index.suggest(question, 3).map((s) => s.entry.id);
      if (found[0] === expected) top1++;
      if (found.includes(expected)) top3++;
      else misses.push(`  "${question}" → [${found.join(', ')}], wanted ${expected}`);
    }
    const rate1 = top1 / questions.length;
    const rate3 = top3 / questions.length;
    process.stdout.write(
      `      hit rate: top 1 ${(rate1 * 100).toFixed(1)} %, top 3 ${(rate3 * 100).toFixed(1)} % ` +
        `(${questions.length} questions; thresholds ${requiredTop1 * 100} % and ${requiredTop3 * 100} %)\n`,
    );
    if (misses.length > 0)
      process.stdout.write(`      not among the first three:\n${misses.join('\n')}\n`);
    assert.ok(rate3 >= requiredTop3, `top-3 hit rate ${rate3} is below ${requiredTop3}`);
    assert.ok(rate1 >= requiredTop1, `top-1 hit rate ${rate1} is below ${requiredTop1}`);
  });

  it('suggests nothing for a question the knowledge base does not cover', () => {
    for (const question of ['Hvem vant fotballkampen i går?', 'lunsjmenyen på kantina', 'takk'])
      assert.deepEqual(index.suggest(question), [], question);
  });
});
