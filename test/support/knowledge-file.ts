import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A knowledge-base file for the test organisation's topics, in a folder of its own. */
export function knowledgeFile(): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-kb-')), 'knowledge-base.json');
  fs.writeFileSync(
    file,
    JSON.stringify({
      entries: [
        {
          id: 'melde-avvik',
          question: 'Hvordan melder jeg et avvik i Qm+?',
          answer: 'Velg «Meld avvik» på forsiden av Qm+, fyll ut skjemaet og trykk «Send».',
          topic: 'avvik',
          keywords: ['avviksmelding', 'uønsket hendelse'],
          translation: {
            language: 'en',
            question: 'How do I report a deviation in Qm+?',
            answer: 'Choose "Report deviation" on the front page.',
          },
        },
        {
          id: 'skrive-ut',
          question: 'Kan jeg skrive ut et dokument fra e-håndboka?',
          answer: 'Ja. Åpne dokumentet og velg utskriftsikonet øverst til høyre.',
          topic: 'ehandbok',
          keywords: ['utskrift', 'printe'],
        },
      ],
    }),
  );
  return file;
}
