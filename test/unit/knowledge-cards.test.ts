import assert from 'node:assert/strict';
import {
  knowledgeEntryFormData,
  knowledgeListCardData,
  renderKnowledgeEntryForm,
  renderKnowledgeListCard,
} from '../../cards/knowledge-list';
import { renderSuggestionsCard, suggestionsCardData } from '../../cards/suggestions';
import { renderTriageCard, triageCardData } from '../../cards/triage';
import { Inputs, Verbs } from '../../cards/verbs';
import type { Locale } from '../../src/i18n';
import type { KnowledgeEntry } from '../../src/knowledge/entry';
import { withoutPersonalDetails } from '../../src/knowledge/scrub';
import { validationErrors } from '../support/card-validation';
import { people } from '../support/domain-fixture';
import { directory, inquiriesInEveryState, timeZone } from '../support/inquiries-in-every-state';
import { cardText } from '../support/organisation';
import { executes } from '../support/card-nodes';

const entry: KnowledgeEntry = {
  id: 'melde-avvik',
  question: 'Hvordan melder jeg et avvik?',
  answer: 'Velg «Meld avvik» på forsiden. ${not.a.template} <at>Nobody</at>',
  topicId: 'avvik',
  keywords: ['avviksmelding'],
  language: 'nb',
  translation: { language: 'en', question: 'How do I report a deviation?', answer: 'Choose it.' },
  link: 'https://qm.example/avvik',
  source: { kind: 'file', fingerprint: 'x' },
  status: 'active',
  updatedAt: '2026-11-30T09:00:00.000Z',
  etag: '3',
};

const solved = {
  inquiryId: 'e0000000-0000-4000-8000-000000000001',
  number: 'QM-2026-0007',
  question: 'Hvor melder jeg avvik på tur?',
  answer: 'Bruk «Meld avvik» i appen.',
  topicId: 'avvik',
  locale: 'nb' as const,
  resolvedAt: '2026-11-01T09:00:00.000Z',
};

describe('knowledge-base cards', () => {
  for (const locale of ['nb', 'en'] as Locale[]) {
    it(`parses as Adaptive Card 1.5 without complaint, with user text kept as written (${locale})`, () => {
      const states = inquiriesInEveryState();
      const cards = [
        renderSuggestionsCard(
          suggestionsCardData(
            locale,
            'draft-1',
            'Hvordan melde avvik?',
            [{ entry, language: 'nb' }],
            'open',
          ),
        ),
        renderSuggestionsCard(
          suggestionsCardData(locale, 'draft-1', 'q', [{ entry, language: 'en' }], 'solved'),
        ),
        renderKnowledgeListCard(
          knowledgeListCardData(
            [entry, { ...entry, id: 'b', status: 'retired' }],
            directory,
            locale,
          ),
        ),
        renderKnowledgeListCard(knowledgeListCardData([], directory, locale)),
        renderKnowledgeEntryForm(knowledgeEntryFormData(entry, locale)),
        ...Object.values(states).map((inquiry) =>
          renderTriageCard(
            triageCardData(inquiry, directory, locale, {
              timeZone,
              mention: false,
              similar: [solved],
              answerDraft: solved.answer,
            }),
          ),
        ),
      ];
      for (const card of cards) assert.deepEqual(validationErrors(card), [], JSON.stringify(card));
      assert.match(cardText(cards[0]), /\$\{not\.a\.template\}/);
    });
  }

  it('offers "Bruk dette svaret" on a triage card with the inquiry and the similar one', () => {
    const { claimed } = inquiriesInEveryState();
    const card = renderTriageCard(
      triageCardData(claimed, directory, 'nb', { timeZone, mention: false, similar: [solved] }),
    );
    assert.match(cardText(card), /Lignende løste henvendelser/);
    assert.match(cardText(card), /QM-2026-0007/);
    const use = executes(card).find((a) => a.verb === Verbs.useAnswer);
    assert.deepEqual(use?.data, { inquiryId: claimed.id, sourceInquiryId: solved.inquiryId });
  });

  it('fills the answer form with the chosen answer', () => {
    const { claimed } = inquiriesInEveryState();
    const card = renderTriageCard(
      triageCardData(claimed, directory, 'nb', {
        timeZone,
        mention: false,
        answerDraft: solved.answer,
      }),
    );
    const input = JSON.stringify(card).match(
      new RegExp(`"id":"${Inputs.answerText}","value":"([^"]*)"`),
    );
    assert.equal(input?.[1], solved.answer);
  });

  it('offers publishing only once an inquiry is answered, prefilled without the asker', () => {
    const { claimed, answered, resolved } = inquiriesInEveryState();
    const render = (inquiry: typeof claimed) =>
      renderTriageCard(triageCardData(inquiry, directory, 'nb', { timeZone, mention: false }));
    assert.ok(!executes(render(claimed)).some((a) => a.verb === Verbs.publishAnswer));
    for (const inquiry of [answered, resolved]) {
      const card = render(inquiry);
      assert.ok(executes(card).some((a) => a.verb === Verbs.publishAnswer));
      assert.match(cardText(card), /Publiser som svar i kunnskapsbasen/);
    }
  });

  it('takes the asker’s name, email, phone and identity number out of a text to publish', () => {
    const asker = { key: people.asker.email, name: 'Kari Asker', email: people.asker.email };
    const text =
      'Hei, jeg er Kari Asker (kari.asker@fylke.example, tlf 912 34 567, fnr 01019912345). Kari lurer på avvik. Karianne er en annen.';
    const scrubbed = withoutPersonalDetails(text, asker);
    assert.doesNotMatch(scrubbed, /Kari\b|Asker|@|912|01019912345/);
    assert.match(scrubbed, /lurer på avvik/);
    assert.match(scrubbed, /Karianne/, 'only whole names are taken out');
  });
});
