import assert from 'node:assert/strict';
import { renderAnswerCard } from '../../cards/answer';
import { renderAskerStatusCard } from '../../cards/asker-status';
import { renderHelpCard } from '../../cards/help';
import { renderNoticeCard } from '../../cards/notice';
import { renderPickTopicCard } from '../../cards/pick-topic';
import { renderPickUnitCard } from '../../cards/pick-unit';
import {
  answerCardData,
  askerStatusCardData,
  helpCardData,
  noticeCardData,
  pickTopicCardData,
  pickUnitCardData,
  triageCardData,
} from '../../cards/present';
import type { AdaptiveCardJson } from '../../cards/render';
import { renderTriageCard } from '../../cards/triage';
import { Verbs } from '../../cards/verbs';
import type { Locale } from '../../src/i18n';
import { decide } from '../../src/inquiries/decide';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { handlerRole } from '../../src/routing/authorisation';
import { cardText } from '../support/organisation';
import { people, testDirectory } from './domain-fixture';
import { openInquiryDraft, ref } from './open-draft';

// The package's `lib/` entry needs a browser; its self-contained build parses fine in Node.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void };
  SerializationContext: new (version: unknown) => {
    eventCount: number;
    getEventAt(i: number): { message: string };
  };
  Versions: { v1_5: unknown };
};

/** Parses a card as Teams' Adaptive Cards 1.5 renderer does and returns every complaint. */
function validationErrors(card: AdaptiveCardJson): string[] {
  const parse = (json: unknown): string[] => {
    const context = new AC.SerializationContext(AC.Versions.v1_5);
    new AC.AdaptiveCard().parse(json, context);
    return Array.from({ length: context.eventCount }, (_, i) => context.getEventAt(i).message);
  };
  return parse(card);
}

const directory = testDirectory();
const at = new Date('2026-11-30T09:15:00.000Z');
const zone = 'Europe/Oslo';

function step(
  inquiry: Inquiry,
  by: { email: string; name: string },
  command: Parameters<typeof decide>[1],
): Inquiry {
  const role = handlerRole(directory, inquiry, by.email);
  const decision = decide(inquiry, command, { person: ref(by), ...(role ? { role } : {}) }, at);
  if (!decision.ok) throw new Error(decision.reason);
  return decision.inquiry;
}

const fresh = openInquiryDraft(directory, people.asker);
const claimed = step(fresh, people.sverre, { type: 'claim' });
const answered = step(claimed, people.sverre, { type: 'answer', text: 'Bruk «Meld avvik».' });
const resolved = step(answered, people.asker, { type: 'confirm_resolved' });
const states = { new: fresh, claimed, answered, resolved };

function verbs(card: AdaptiveCardJson): string[] {
  return (JSON.stringify(card.actions ?? []).match(/"verb":"[^"]+"/g) ?? []).map((v) =>
    v.slice(8, -1),
  );
}

describe('cards', () => {
  for (const locale of ['nb', 'en'] as Locale[]) {
    it(`parse as Adaptive Cards 1.5 without complaint in every state (${locale})`, () => {
      const cards: [string, AdaptiveCardJson][] = [
        ['help', renderHelpCard(helpCardData(directory, 'hauge-vgs', locale))],
        ['help without superusers', renderHelpCard(helpCardData(directory, 'sola-vgs', locale))],
        ['pick-unit', renderPickUnitCard(pickUnitCardData(directory, locale, 'd1'))],
        ['pick-topic', renderPickTopicCard(pickTopicCardData(directory, locale, 'd1', 'Hjelp?'))],
      ];
      for (const [state, inquiry] of Object.entries(states)) {
        cards.push([
          `triage ${state}`,
          renderTriageCard(
            triageCardData(inquiry, directory, locale, { timeZone: zone, mention: true }),
          ),
        ]);
        cards.push([
          `status ${state}`,
          renderAskerStatusCard(askerStatusCardData(inquiry, directory, locale, zone)),
        ]);
        cards.push([
          `notice ${state}`,
          renderNoticeCard(
            noticeCardData(inquiry, directory, locale, zone, {
              reason: 'reopened',
              note: 'Mangler',
            }),
          ),
        ]);
      }
      cards.push(['answer', renderAnswerCard(answerCardData(answered, directory, locale, zone))]);
      for (const [name, card] of cards) {
        assert.deepEqual(validationErrors(card), [], name);
        assert.equal(card.version, '1.5', name);
        assert.ok(JSON.stringify(card).length < 28_000, `${name} is small enough for Teams`);
      }
    });
  }

  it('catches a broken card, so the check above can fail', () => {
    assert.notDeepEqual(
      validationErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] }),
      [],
    );
  });

  it('offers each state only the actions that fit it', () => {
    const triage = (inquiry: Inquiry) =>
      verbs(
        renderTriageCard(
          triageCardData(inquiry, directory, 'nb', { timeZone: zone, mention: false }),
        ),
      );
    assert.deepEqual(triage(fresh), [Verbs.claim, Verbs.answer, Verbs.handOver, Verbs.resolve]);
    assert.deepEqual(triage(claimed), [Verbs.answer, Verbs.handOver, Verbs.resolve]);
    assert.deepEqual(triage(answered), [Verbs.answer, Verbs.resolve]);
    assert.deepEqual(triage(resolved), []);
    const status = (inquiry: Inquiry) =>
      verbs(renderAskerStatusCard(askerStatusCardData(inquiry, directory, 'nb', zone)));
    assert.deepEqual(status(claimed), []);
    assert.deepEqual(status(answered), [Verbs.confirmResolved, Verbs.notResolved]);
    assert.deepEqual(status(resolved), []);
  });

  it('mentions the people at the current level only on the first post', () => {
    const first = renderTriageCard(
      triageCardData(fresh, directory, 'nb', { timeZone: zone, mention: true }),
    );
    const entities = (first.msteams as { entities: { text: string }[] }).entities;
    assert.deepEqual(
      entities.map((e) => e.text),
      ['<at>Sverre Lunde</at>', '<at>Hilde Berg</at>'],
    );
    for (const entity of entities) assert.ok(cardText(first).includes(entity.text));
    const update = renderTriageCard(
      triageCardData(fresh, directory, 'nb', { timeZone: zone, mention: false }),
    );
    assert.equal(update.msteams, undefined);
  });

  it('shows hostile text literally and never where markdown or mentions are read', () => {
    const hostile =
      '${$root.inquiryId} **fet** <at>Sjef</at> {{DATE(2017-02-14T06:08:39Z)}} [lenke](https://x.example)';
    const card = renderTriageCard(
      triageCardData({ ...fresh, text: hostile }, directory, 'nb', {
        timeZone: zone,
        mention: false,
      }),
    );
    const json = JSON.stringify(card);
    assert.ok(json.includes(JSON.stringify(hostile).slice(1, -1)), 'the text is unchanged');
    const textBlocks: string[] = [];
    JSON.parse(json, (_key, value: { type?: string; text?: string }) => {
      if (value?.type === 'TextBlock' && value.text) textBlocks.push(value.text);
      return value;
    });
    assert.ok(textBlocks.length > 0);
    assert.ok(
      textBlocks.every((text) => !text.includes('**fet**')),
      'user text is never in a TextBlock',
    );
  });

  it('collapses a long question behind "Vis hele"', () => {
    const long = `${'Lang tekst. '.repeat(100)}SLUTT`;
    const card = renderTriageCard(
      triageCardData({ ...fresh, text: long }, directory, 'nb', { timeZone: zone, mention: false }),
    );
    const text = cardText(card);
    assert.match(text, /Vis hele/);
    assert.ok(text.includes(long), 'the whole text is there, hidden until asked for');
    assert.ok(text.includes(`${long.slice(0, 590)}`));
  });

  it('labels the English card in English', () => {
    const card = renderTriageCard(
      triageCardData(fresh, directory, 'en', { timeZone: zone, mention: false }),
    );
    assert.match(cardText(card), /I'll take it/);
    assert.match(cardText(card), /Deviations/);
    assert.doesNotMatch(cardText(card), /Jeg tar den/);
  });
});
