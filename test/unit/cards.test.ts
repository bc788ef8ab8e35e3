import assert from 'node:assert/strict';
import { historyCardData, renderHistoryCard } from '../../cards/history';
import { queueCardData, renderQueueCard } from '../../cards/queue';
import {
  boardCardData,
  boardListCardData,
  renderBoardCard,
  renderBoardListCard,
} from '../../cards/board';
import type { Board } from '../../src/inquiries/board';
import { escalationTiming } from '../../src/escalation/policy';
import { queueGroup, type QueueFilter } from '../../src/inquiries/queue';
import { queueItemOf } from '../../src/inquiries/queue-item';
import { vendorEmailLink } from '../../cards/vendor-email';
import { pingCardData, type PingReason } from '../../cards/ping';
import { askerStatusLine } from '../../cards/inquiry-lines';
import { askerQuestionCardData } from '../../cards/asker-question';
import { answerCardData, renderAnswerCard } from '../../cards/answer';
import { askerStatusCardData, renderAskerStatusCard } from '../../cards/asker-status';
import { helpCardData, renderHelpCard } from '../../cards/help';
import { noticeCardData, renderNoticeCard } from '../../cards/notice';
import { pickTopicCardData, renderPickTopicCard } from '../../cards/pick-topic';
import { pickUnitCardData, renderPickUnitCard } from '../../cards/pick-unit';
import { previewLength, type AdaptiveCardJson } from '../../cards/render';
import { renderTriageCard, triageCardData } from '../../cards/triage';
import { Inputs, Verbs } from '../../cards/verbs';
import { awayCardData, renderAwayCard } from '../../cards/away';
import { renderWhoToAskCard, whoToAskCardData } from '../../cards/who-to-ask';
import type { Absence } from '../../src/absence/absence';
import { withAbsences } from '../../src/routing/chain';
import { myInquiriesCardData, renderMyInquiriesCard } from '../../cards/my-inquiries';
import { messages, type Locale } from '../../src/i18n';
import type { Inquiry } from '../../src/inquiries/inquiry';
import type { HandlerNoticeReason } from '../../src/notifications/intents';
import { targetsAt } from '../../src/routing/chain';
import { cardNodes, type CardNode } from '../support/card-nodes';
import { people } from '../support/domain-fixture';
import { personRef } from '../../src/inquiries/person';
import { directory, inquiriesInEveryState, timeZone } from '../support/inquiries-in-every-state';
import { validationErrors } from '../support/card-validation';

type Entities = { text: string; mentioned: { id: string; name: string } }[];

const ofType = (card: unknown, type: string) => cardNodes(card).filter((n) => n.type === type);
const byId = (card: unknown, id: string) => cardNodes(card).find((n) => n.id === id);
/** U+2060 is invisible; the cards put it where a renderer would otherwise act on the text. */
const visible = (text: string) => text.replace(/\u2060/g, '');
const textRuns = (card: unknown) => ofType(card, 'TextRun').map((n) => visible(n.text as string));
const textBlocks = (card: unknown) => ofType(card, 'TextBlock').map((n) => n.text as string);
const facts = (card: unknown) =>
  ofType(card, 'FactSet').flatMap((n) => n.facts as { title: string; value: string }[]);
const entities = (card: AdaptiveCardJson) =>
  (card.msteams as { entities: Entities } | undefined)?.entities;

/** What a person reads, as one text. */
const readable = (card: unknown) =>
  [
    ...cardNodes(card).flatMap((n) =>
      [n.text, n.title, n.value].filter((v): v is string => typeof v === 'string'),
    ),
    ...facts(card).flatMap((f) => [f.title, f.value]),
  ]
    .map(visible)
    .join('\n');

/** The verbs of a card's actions (including those inside "Svar" and "Gi videre"), in order. */
function verbs(card: AdaptiveCardJson): string[] {
  return ofType(card.actions ?? [], 'Action.Execute').map((a) => a.verb as string);
}

/** The pattern Adaptive Card renderers replace with a date in TextBlocks and TextRuns. */
const dateFunction = /\{{2}(DATE|TIME)\(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[-+]\d{2}:\d{2})/;

const states = inquiriesInEveryState();
const listedAt = new Date('2026-12-01T09:00:00.000Z');
/** Every state as its own inquiry, as an asker's list holds them. */
const listed = (inquiries: Inquiry[]): Inquiry[] =>
  inquiries.map((inquiry, i) => ({
    ...inquiry,
    id: `6f1c1e1e-0000-4000-8000-${String(i).padStart(12, '0')}`,
  }));
const locales: Locale[] = ['nb', 'en'];

const triage = (inquiry: Inquiry, locale: Locale = 'nb', mention = false) =>
  renderTriageCard(triageCardData(inquiry, directory, locale, { timeZone, mention }));
const status = (inquiry: Inquiry, locale: Locale = 'nb') =>
  renderAskerStatusCard(askerStatusCardData(inquiry, directory, locale, timeZone));
const answer = (inquiry: Inquiry, locale: Locale = 'nb') =>
  renderAnswerCard(answerCardData(inquiry, directory, locale, timeZone));
const notice = (
  inquiry: Inquiry,
  locale: Locale = 'nb',
  reason: HandlerNoticeReason = 'handed_over',
  note?: string,
) =>
  renderNoticeCard(
    noticeCardData(inquiry, directory, locale, timeZone, {
      reason,
      by: 'Sverre Lunde',
      ...(note ? { note } : {}),
    }),
  );
const ping = (inquiry: Inquiry, reason: PingReason, locale: Locale = 'nb') =>
  renderNoticeCard(
    pingCardData(inquiry, directory, locale, {
      reason,
      people:
        reason === 'reminder' ? targetsAt(inquiry.chain, inquiry.level) : inquiry.chain.coordinator,
      waited: messages(locale).businessDuration('PT4H'),
    }),
  );
const noticeReasons: HandlerNoticeReason[] = [
  'handed_over',
  'reopened',
  'asker_replied',
  'claim_lapsed',
  'vendor_case',
  'vendor_reminder',
  'stalled',
  'escalated',
];
const pingReasons: PingReason[] = ['deadline', 'claim_timeout', 'manual', 'reminder'];

const pickTopic = (question: string, locale: Locale = 'nb') =>
  renderPickTopicCard(pickTopicCardData(directory, locale, 'draft-8', question));

interface Sent {
  name: string;
  card: AdaptiveCardJson;
  inquiry?: Inquiry;
  /** The asker's cards say where it stands in the asker's words. */
  forAsker?: boolean;
}

/** Sverre Lunde away until 12 December, with Per Dal standing in. */
const sverreAway: Absence = {
  key: people.sverre.email,
  name: people.sverre.name,
  until: '2026-12-12',
  endsAt: '2026-12-12T23:00:00.000Z',
  deputy: { key: people.otherSuperuser.email, name: people.otherSuperuser.name },
  setAt: '2026-11-30T08:00:00.000Z',
};
const absences = new Map([[sverreAway.key, sverreAway]]);
const whoToAsk = (unitId: string | undefined, locale: Locale, away = absences) =>
  renderWhoToAskCard(whoToAskCardData(directory, unitId, away, locale));
const awayCard = (absence: Absence | undefined, locale: Locale) =>
  renderAwayCard(
    awayCardData(directory, people.sverre.email, absence, new Date('2026-12-01T09:00:00Z'), locale),
  );

/** Every card the bot sends, in every state it is sent in. */
function everyCard(locale: Locale): Sent[] {
  const cards: Sent[] = [
    { name: 'who-to-ask', card: whoToAsk('hauge-vgs', locale) },
    { name: 'who-to-ask, vacant', card: whoToAsk('sola-vgs', locale, new Map()) },
    { name: 'who-to-ask, no unit', card: whoToAsk(undefined, locale) },
    { name: 'away', card: awayCard(undefined, locale) },
    { name: 'away, while away', card: awayCard(sverreAway, locale) },
    {
      name: 'triage, superuser away',
      card: triage(
        { ...states.new, chain: withAbsences(states.new.chain, absences) },
        locale,
        true,
      ),
    },
    { name: 'help', card: renderHelpCard(helpCardData(directory, 'hauge-vgs', locale)) },
    { name: 'help, none', card: renderHelpCard(helpCardData(directory, 'sola-vgs', locale)) },
    { name: 'help, no unit', card: renderHelpCard(helpCardData(directory, undefined, locale)) },
    { name: 'pick-unit', card: renderPickUnitCard(pickUnitCardData(directory, locale, 'd1')) },
    { name: 'pick-topic', card: pickTopic('Hvor er skjemaet?', locale) },
    {
      name: 'my inquiries, every state',
      card: renderMyInquiriesCard(
        myInquiriesCardData(listed(Object.values(states)), directory, locale, listedAt, 0),
      ),
    },
    {
      name: 'my inquiries, last page',
      card: renderMyInquiriesCard(
        myInquiriesCardData(listed(Object.values(states)), directory, locale, listedAt, 9),
      ),
    },
    {
      name: 'my inquiries, none',
      card: renderMyInquiriesCard(myInquiriesCardData([], directory, locale, listedAt, 0)),
    },
    {
      name: 'triage with attachments and a rating',
      card: triage(
        {
          ...states.resolved,
          attachments: [
            {
              name: 'skjerm.png',
              contentType: 'image/png',
              url: 'https://example.com/skjerm.png',
              at: states.resolved.updatedAt,
            },
            {
              name: 'avvik.docx',
              contentType: 'application/vnd.microsoft.teams.file.download.info;docx',
              size: 20480,
              url: 'https://example.com/avvik.docx',
              at: states.resolved.updatedAt,
            },
          ],
          rating: { rating: 'ok', comment: 'Tok litt tid.', at: states.resolved.updatedAt },
        },
        locale,
      ),
    },
  ];
  for (const [state, inquiry] of Object.entries(states)) {
    cards.push(
      { name: `triage ${state}`, card: triage(inquiry, locale, true), inquiry },
      { name: `triage update ${state}`, card: triage(inquiry, locale), inquiry },
      { name: `asker-status ${state}`, card: status(inquiry, locale), inquiry, forAsker: true },
      { name: `notice ${state}`, card: notice(inquiry, locale), inquiry },
      ...noticeReasons.map((reason) => ({
        name: `notice ${reason} ${state}`,
        card: notice(inquiry, locale, reason, 'Mangler'),
        inquiry,
      })),
      ...pingReasons.map((reason) => ({
        name: `ping ${reason} ${state}`,
        card: ping(inquiry, reason, locale),
        inquiry,
      })),
    );
    cards.push({
      name: `history ${state}`,
      card: renderHistoryCard(historyCardData(inquiry, directory, locale)),
      inquiry,
    });
    if (inquiry.status === 'waiting_for_asker') {
      cards.push({
        name: `asker question ${state}`,
        card: renderNoticeCard(askerQuestionCardData(inquiry, directory, locale)),
        inquiry,
        forAsker: true,
      });
    }
    if (inquiry.answer) {
      cards.push({
        name: `answer ${state}`,
        card: answer(inquiry, locale),
        inquiry,
        forAsker: true,
      });
    }
  }
  const all = Object.values(states);
  const queue = (filter: QueueFilter) =>
    renderQueueCard(
      queueCardData(
        {
          queue: {
            entries: all.map((inquiry) => ({
              item: queueItemOf(inquiry),
              group: queueGroup(queueItemOf(inquiry), people.sverre.email),
            })),
            page: 0,
            pages: 1,
            shown: all.map((inquiry) => ({
              inquiry,
              group: queueGroup(queueItemOf(inquiry), people.sverre.email),
            })),
            counts: { unclaimed: 1, mine: 1, waiting: 1, vendor: 1, stalled: 1, others: 1 },
            truncated: true,
            unitIds: ['hauge-vgs'],
            topicIds: ['avvik'],
          },
          filter,
          reader: personRef(people.sverre),
          now: new Date('2026-11-30T12:00:00.000Z'),
          timing: escalationTiming(directory),
        },
        directory,
        locale,
      ),
    );
  const open = all.filter((i) =>
    ['new', 'claimed', 'waiting_for_asker', 'stalled'].includes(i.status),
  );
  const count = <K extends string>(keys: K[], of: (i: Inquiry) => string) =>
    Object.fromEntries(keys.map((k) => [k, open.filter((i) => of(i) === k).length])) as Record<
      K,
      number
    >;
  const board: Board = {
    workAreaIds: ['skole'],
    open,
    byLevel: count(['superuser', 'coordinator', 'system_responsible', 'vendor'], (i) => i.level),
    byStatus: count(
      ['new', 'claimed', 'answered', 'resolved', 'waiting_for_asker', 'withdrawn', 'stalled'],
      (i) => i.status,
    ),
    ...(open[0] ? { oldestUnanswered: open[0] } : {}),
    breaches: all.map((inquiry) => ({ inquiry, at: '2026-11-30T10:00:00.000Z' })),
    weekStart: new Date('2026-11-29T23:00:00.000Z'),
    truncated: true,
  };
  const empty: Board = {
    ...board,
    open: [],
    byLevel: count(['superuser', 'coordinator', 'system_responsible', 'vendor'], () => ''),
    byStatus: count(
      ['new', 'claimed', 'answered', 'resolved', 'waiting_for_asker', 'withdrawn', 'stalled'],
      () => '',
    ),
    breaches: [],
    truncated: false,
  };
  delete empty.oldestUnanswered;
  const boardView = (b: Board) => ({
    board: b,
    now: new Date('2026-11-30T12:00:00.000Z'),
    timing: escalationTiming(directory),
  });
  cards.push(
    { name: 'board', card: renderBoardCard(boardCardData(boardView(board), directory, locale)) },
    {
      name: 'board, empty',
      card: renderBoardCard(boardCardData(boardView(empty), directory, locale)),
    },
    {
      name: 'board list',
      card: renderBoardListCard(
        boardListCardData(
          { ...boardView(board), figure: { kind: 'breaches' }, page: 0 },
          directory,
          locale,
        ),
      ),
    },
    {
      name: 'board list, empty',
      card: renderBoardListCard(
        boardListCardData(
          { ...boardView(empty), figure: { kind: 'status', status: 'stalled' }, page: 0 },
          directory,
          locale,
        ),
      ),
    },
  );
  cards.push(
    { name: 'queue', card: queue({}) },
    { name: 'queue, filtered', card: queue({ unitId: 'hauge-vgs', group: 'unclaimed' }) },
  );
  return cards;
}

describe('cards', () => {
  describe('as Teams reads them', () => {
    for (const locale of locales) {
      it(`parses every card in every state as Adaptive Card 1.5 without complaint (${locale})`, () => {
        const cards = everyCard(locale);
        assert.ok(cards.length > 50);
        for (const { name, card } of cards) {
          assert.deepEqual(validationErrors(card), [], name);
          assert.equal(card.type, 'AdaptiveCard', name);
          assert.equal(card.version, '1.5', name);
          assert.equal(card.$schema, 'http://adaptivecards.io/schemas/adaptive-card.json', name);
          assert.doesNotMatch(JSON.stringify(card), /\$\{/, `${name}: every template field filled`);
          assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28_000, `${name} is small enough`);
        }
      });

      it(`shows the inquiry number and one status line at the top (${locale})`, () => {
        const t = messages(locale);
        for (const { name, card, inquiry, forAsker } of everyCard(locale)) {
          if (!inquiry) continue;
          assert.ok(readable(card).includes(inquiry.number), `${name} shows ${inquiry.number}`);
          const top = (card.body as CardNode[]).slice(0, 3);
          const lines = ofType(top, 'TextRun').filter((run) => run.color !== undefined);
          assert.equal(lines.length, 1, `${name} has one status line`);
          const line = visible(lines[0].text as string);
          if (forAsker) assert.equal(line, askerStatusLine(inquiry, directory, t), name);
          else assert.ok(line.startsWith(t.statuses[inquiry.status]), `${name}: ${line}`);
        }
      });
    }

    it('catches a broken card, so the checks above can fail', () => {
      const card = (body: unknown[]) => ({ type: 'AdaptiveCard', version: '1.5', body });
      assert.notDeepEqual(validationErrors(card([{ type: 'Bogus' }])), []);
      const twice = { type: 'TextBlock', id: 'same', text: 'x' };
      assert.notDeepEqual(validationErrors(card([twice, twice])), []);
    });

    it('stays well under the Teams message limit with the longest question and answer', () => {
      const longest: Inquiry = {
        ...states.answered,
        text: 'Spørsmål om æøå og avvik. '.repeat(160).slice(0, 4000),
        answer: {
          ...states.answered.answer!,
          text: 'Svar på det. Gå til «Meld avvik». '.repeat(240).slice(0, 8000),
        },
      };
      for (const card of [
        triage(longest, 'nb', true),
        notice(longest, 'nb', 'reopened', 'Hva nå? '.repeat(1000)),
        status(longest),
        answer(longest),
      ]) {
        assert.deepEqual(validationErrors(card), []);
        assert.ok(Buffer.byteLength(JSON.stringify(card)) < 28_000);
      }
    });
  });

  describe('the triage card', () => {
    it('offers "Jeg tar den" only while the inquiry is new', () => {
      assert.deepEqual(verbs(triage(states.new)), [
        Verbs.claim,
        Verbs.answer,
        Verbs.handOver,
        Verbs.escalate,
        Verbs.resolve,
      ]);
      const claimed = [Verbs.answer, Verbs.handOver, Verbs.escalate, Verbs.askAsker, Verbs.resolve];
      assert.deepEqual(verbs(triage(states.claimed)), claimed);
      assert.deepEqual(verbs(triage(states.reopened)), claimed);
      assert.deepEqual(verbs(triage(states.answered)), [Verbs.answer, Verbs.resolve]);
      assert.deepEqual(verbs(triage(states.stalled)), [Verbs.answer, Verbs.resolve]);
      assert.deepEqual(verbs(triage(states.waiting_for_asker)), [Verbs.answer, Verbs.resolve]);
    });

    it('has no actions once the inquiry is resolved or withdrawn', () => {
      assert.equal(triage(states.resolved).actions, undefined);
      assert.equal(triage(states.withdrawn).actions, undefined);
      assert.match(readable(triage(states.resolved)), /Løst · Sverre Lunde/);
    });

    it('acts on the inquiry by its id and the rendering shown; the answer box is multi-line, required, 8000 long', () => {
      const card = triage(states.new);
      for (const action of ofType(card.actions, 'Action.Execute')) {
        assert.deepEqual(action.data, {
          inquiryId: states.new.id,
          rev: String(states.new.history.length),
        });
      }
      const [box] = ofType(card.actions, 'Input.Text');
      assert.equal(box?.id, Inputs.answerText);
      assert.equal(box?.isMultiline, true);
      assert.equal(box?.isRequired, true);
      assert.equal(box?.maxLength, 8000);
    });

    it('hands over only to the unit’s other superusers, by person key', () => {
      const [choices] = ofType(triage(states.claimed).actions, 'Input.ChoiceSet');
      assert.equal(choices?.id, Inputs.handOverTo);
      assert.deepEqual(choices?.choices, [{ title: 'Hilde Berg', value: people.hilde.email }]);
      // With the holder the unit's only superuser there is nobody to hand over to.
      const alone = {
        ...states.claimed,
        chain: { ...states.claimed.chain, superuser: [states.claimed.assignee!] },
      };
      assert.deepEqual(verbs(triage(alone)), [
        Verbs.answer,
        Verbs.escalate,
        Verbs.askAsker,
        Verbs.resolve,
      ]);
    });

    it('mentions exactly the people at the current level on the first post, each in the text', () => {
      for (const inquiry of [states.new, states.atCoordinator]) {
        const card = triage(inquiry, 'nb', true);
        const targets = targetsAt(inquiry.chain, inquiry.level);
        assert.ok(targets.length > 0);
        assert.deepEqual(
          entities(card)?.map((e) => e.mentioned),
          targets.map((p) => ({ id: p.aadObjectId ?? p.email, name: p.name })),
        );
        const mentionLines = textBlocks(card).filter((text) => text.includes('<at>'));
        for (const entity of entities(card)!) {
          assert.equal(entity.text, `<at>${entity.mentioned.name}</at>`);
          assert.ok(
            mentionLines.some((line) => line.includes(entity.text)),
            entity.text,
          );
        }
      }
      assert.deepEqual(
        entities(triage(states.atCoordinator, 'nb', true))?.map((e) => e.mentioned.name),
        ['Anne Winter'],
      );
    });

    it('mentions nobody when it is updated in place', () => {
      const card = triage(states.claimed);
      assert.equal(card.msteams, undefined);
      assert.ok(textBlocks(card).every((text) => !text.includes('<at>')));
    });

    it('shows the level with its deadline, the asker, the holder and the last step', () => {
      const fresh = readable(triage(states.new));
      assert.match(fresh, /Superbruker · svar innen mandag 30\. november kl\. 14:00/);
      assert.match(fresh, /Innsender: \nKari Asker/);
      assert.match(fresh, /Behandles av: \nIngen ennå/);
      const claimed = readable(triage(states.claimed));
      assert.match(claimed, /Under behandling · Sverre Lunde/);
      assert.match(claimed, /Sverre Lunde tok saken · mandag 30\. november kl\. 10:15/);
      assert.match(
        readable(triage(states.handedOver)),
        /Sverre Lunde ga saken videre til Hilde Berg/,
      );
      assert.match(readable(triage(states.answered)), /Svar fra Sverre Lunde\nBruk «Meld avvik»/);
      assert.doesNotMatch(readable(triage(states.resolved)), /svar innen/, 'no deadline when done');
    });

    it('labels the English card in English', () => {
      const card = readable(triage(states.new, 'en', true));
      const english = ["I'll take it", 'Hand over', 'Resolved', 'Level', 'Asker', 'Nobody yet'];
      for (const label of [...english, 'Deviations', 'Superuser · reply by Monday 30 November']) {
        assert.ok(card.includes(label), label);
      }
      const norwegian = ['Jeg tar den', 'Gi videre', 'Løst', 'Nivå', 'Innsender', 'Ingen ennå'];
      for (const label of [...norwegian, 'Avvik', 'svar innen', 'mandag']) {
        assert.ok(!card.includes(label), label);
      }
    });
  });

  describe('the asker’s cards', () => {
    it('say in words where the inquiry stands and who has it', () => {
      const text = (inquiry: Inquiry) => readable(status(inquiry));
      assert.match(text(states.new), /Venter på superbruker/);
      assert.match(text(states.new), /Sverre Lunde, Hilde Berg \(superbruker\)/);
      assert.match(text(states.claimed), /Sverre Lunde ser på saken/);
      assert.match(text(states.answered), /Besvart av Sverre Lunde/);
      assert.match(text(states.resolved), /Løst/);
      assert.match(text(states.atCoordinator), /Sendt videre til koordinator for Skoler/);
      const english = readable(status(states.atCoordinator, 'en'));
      assert.match(english, /Passed on to the coordinator for Skoler/);
    });

    it('offer "Løst" and "Ikke løst" only while an answer waits for the asker', () => {
      for (const card of [status(states.answered), answer(states.answered)]) {
        assert.deepEqual(verbs(card), [Verbs.confirmResolved, Verbs.notResolved]);
        const [comment] = ofType(card.actions, 'Input.Text');
        assert.equal(comment?.id, Inputs.comment);
        assert.equal(comment?.isMultiline, true);
        assert.notEqual(comment?.isRequired, true, 'the comment is optional');
        for (const action of ofType(card.actions, 'Action.Execute')) {
          assert.deepEqual(action.data, {
            inquiryId: states.answered.id,
            rev: String(states.answered.history.length),
          });
        }
      }
      for (const inquiry of [states.new, states.claimed, states.withdrawn]) {
        assert.equal(status(inquiry).actions, undefined, inquiry.status);
      }
      assert.deepEqual(verbs(status(states.resolved)), [Verbs.rate], 'a rating once resolved');
      assert.deepEqual(verbs(answer(states.resolved)), [Verbs.rate]);
    });

    it('"mine saker" stays under 28 KB a page with the longest texts, and pages the rest', () => {
      const long = (inquiry: Inquiry): Inquiry => ({
        ...inquiry,
        text: 'Spørsmål '.repeat(500),
        ...(inquiry.answer ? { answer: { ...inquiry.answer, text: 'Svar '.repeat(1600) } } : {}),
      });
      const many = listed(Array.from({ length: 4 }, () => Object.values(states).map(long)).flat());
      const data = myInquiriesCardData(many, directory, 'nb', listedAt, 1);
      const card = renderMyInquiriesCard(data);
      assert.ok(JSON.stringify(card).length < 28_000, `${JSON.stringify(card).length} bytes`);
      assert.equal(data.items.length, 5);
      assert.match(readable(card), /Side 2 av \d+/);
      assert.deepEqual(verbs(card).slice(-2), [Verbs.myInquiries, Verbs.myInquiries]);
    });

    it('bring the answer and who gave it', () => {
      const card = readable(answer(states.answered));
      assert.match(card, /Svar fra Sverre Lunde/);
      assert.match(card, /Bruk «Meld avvik» på forsiden\./);
      assert.match(card, /Løste svaret saken din\?/);
      assert.match(readable(answer(states.answered, 'en')), /Answer from Sverre Lunde/);
    });
  });

  describe('the notice to one handler', () => {
    it('says why they are told, with the facts and the triage card’s actions', () => {
      const handed = notice(states.handedOver);
      assert.match(readable(handed), /Sverre Lunde har gitt QM-2026-0042 videre til deg\./);
      assert.deepEqual(
        facts(handed)
          .map((f) => f.value)
          .slice(0, 3),
        ['QM-2026-0042', 'Hauge vgs', 'Avvik'],
      );
      assert.match(readable(handed), /Hvordan melder jeg et avvik\?/);
      for (const inquiry of Object.values(states)) {
        assert.deepEqual(notice(inquiry).actions, triage(inquiry).actions, inquiry.status);
      }
      const reopened = readable(
        notice(states.reopened, 'nb', 'reopened', 'Jeg finner ikke knappen.'),
      );
      assert.match(reopened, /Innsender svarte «Ikke løst» på QM-2026-0042\./);
      assert.match(reopened, /Kommentar\nJeg finner ikke knappen\./);
    });
  });

  describe('text people wrote', () => {
    const hostile =
      '${$root.number} **fet** <at>Sverre Lunde</at> {{DATE(2017-02-14T06:08:39Z)}} ' +
      '{{TIME(2017-02-14T06:08:39Z)}} [lenke](https://x.example) \\u0041 - punkt';
    const inquiry: Inquiry = {
      ...states.answered,
      asker: { ...states.answered.asker, name: `Kari ${hostile}` },
      text: `Spørsmål ${hostile}`,
      answer: { ...states.answered.answer!, text: `Svar ${hostile}` },
    };
    const cards: [string, AdaptiveCardJson][] = [
      ['triage', triage(inquiry, 'nb', true)],
      ['asker-status', status(inquiry)],
      ['answer', answer(inquiry)],
      ['notice', notice(inquiry, 'nb', 'reopened', `Kommentar ${hostile}`)],
      ['pick-topic', pickTopic(`Spørsmål ${hostile}`)],
    ];

    it('comes out exactly as written, and only in plain-text runs', () => {
      for (const [name, card] of cards) {
        const runs = textRuns(card).filter((text) => text.includes('**fet**'));
        assert.ok(runs.length > 0, name);
        assert.ok(
          runs.every((text) => text.includes(hostile)),
          `${name}: unchanged to the reader`,
        );
        const markdownRead = [
          ...textBlocks(card),
          ...facts(card).flatMap((f) => [f.title, f.value]),
        ];
        assert.ok(
          markdownRead.every((text) => !text.includes('**fet**') && !text.includes('lenke')),
          `${name}: never where Teams reads markdown or mentions`,
        );
      }
      assert.ok(textRuns(cards[2][1]).includes(`Svar ${hostile}`));
      assert.ok(textRuns(cards[0][1]).includes(`Kari ${hostile}`));
    });

    it('is not turned into dates or mentions by the renderer', () => {
      for (const [name, card] of cards) {
        for (const run of ofType(card, 'TextRun').map((n) => n.text as string)) {
          assert.doesNotMatch(run, dateFunction, name);
          assert.doesNotMatch(run, /<at>/i, name);
        }
      }
    });

    it('keeps a long question short behind "Vis hele", the whole text one click away', () => {
      const long = `${'Lang tekst om avvik. '.repeat(60)}SLUTT`;
      for (const card of [
        triage({ ...states.new, text: long }),
        status({ ...states.new, text: long }),
        notice({ ...states.new, text: long }),
        pickTopic(long),
      ]) {
        const shown = textRuns(byId(card, 'question-preview')).join('');
        assert.ok(shown.length <= previewLength + 2 && shown.length > previewLength * 0.8);
        assert.ok(!shown.includes('SLUTT'));
        const full = byId(card, 'question-full');
        assert.equal(full?.isVisible, false);
        assert.deepEqual(textRuns(full), [long]);
        const [toggle] = ofType(card, 'Action.ToggleVisibility');
        assert.equal(toggle?.title, 'Vis hele');
        assert.deepEqual(toggle?.targetElements, ['question-preview', 'question-full']);
      }
      assert.equal(ofType(triage(states.new), 'Action.ToggleVisibility').length, 0);
    });

    it('keeps a long answer short behind "Vis hele" too', () => {
      const long = `${'Slik gjør du det. '.repeat(80)}SLUTT`;
      const card = answer({
        ...states.answered,
        answer: { ...states.answered.answer!, text: long },
      });
      assert.ok(!textRuns(byId(card, 'answer-preview')).join('').includes('SLUTT'));
      assert.equal(byId(card, 'answer-full')?.isVisible, false);
      assert.deepEqual(textRuns(byId(card, 'answer-full')), [long]);
      assert.match(readable(card), /Vis hele/);
    });
  });

  describe('the help and picking cards', () => {
    it('help names the asker’s superusers, or says there are none', () => {
      const hauge = readable(renderHelpCard(helpCardData(directory, 'hauge-vgs', 'nb')));
      assert.match(hauge, /Superbrukere for Hauge vgs:\nSverre Lunde\nHilde Berg/);
      assert.match(hauge, /Ikke skriv sensitive personopplysninger/);
      const sola = readable(renderHelpCard(helpCardData(directory, 'sola-vgs', 'nb')));
      assert.match(sola, /Sola vgs har ingen superbruker nå/);
      assert.doesNotMatch(sola, /Superbrukere for/);
      const unknown = readable(renderHelpCard(helpCardData(directory, undefined, 'en')));
      assert.match(unknown, /Write your question about Qm\+/);
      assert.doesNotMatch(unknown, /Superusers of|has no superuser/);
    });

    it('pick-unit lists every unit with its work area in a searchable, required list', () => {
      const card = renderPickUnitCard(pickUnitCardData(directory, 'nb', 'draft-7'));
      const [list] = ofType(card, 'Input.ChoiceSet');
      assert.equal(list?.id, Inputs.unitId);
      assert.equal(list?.style, 'filtered');
      assert.equal(list?.isRequired, true);
      assert.equal(list?.errorMessage, 'Velg en enhet fra listen.');
      const choices = list?.choices as { title: string; value: string }[];
      assert.equal(choices.length, directory.allUnits().length);
      assert.ok(choices.some((c) => c.title === 'Hauge vgs (Skoler)' && c.value === 'hauge-vgs'));
      assert.deepEqual(verbs(card), [Verbs.pickUnit]);
      assert.deepEqual((card.actions as CardNode[])[0].data, { draftId: 'draft-7' });
    });

    it('pick-topic echoes the question and lists the topics in the asker’s language', () => {
      const card = pickTopic('Where is the form?', 'en');
      const [list] = ofType(card, 'Input.ChoiceSet');
      assert.equal(list?.id, Inputs.topicId);
      assert.equal(list?.style, 'expanded');
      assert.deepEqual(
        (list?.choices as { title: string }[]).map((c) => c.title),
        ['E-handbook', 'Deviations', 'Other'],
      );
      assert.ok(textRuns(card).includes('Where is the form?'));
      assert.match(readable(card), /Do not write sensitive personal data/);
      assert.deepEqual(verbs(card), [Verbs.pickTopic]);
      assert.deepEqual((card.actions as CardNode[])[0].data, { draftId: 'draft-8' });
    });
  });

  describe('who to ask and away', () => {
    it('names the superusers, coordinators and system responsible, someone away with their deputy, and a vacant role as vacant', () => {
      const text = readable(whoToAsk('hauge-vgs', 'nb'));
      assert.match(text, /Du hører til Hauge vgs \(Skoler\)/);
      assert.match(text, /Sverre Lunde er borte til 12\. desember; stedfortreder Per Dal/);
      assert.match(text, /Hilde Berg/);
      assert.match(readable(whoToAsk('sola-vgs', 'nb')), /Superbrukere for Sola vgs\s+Ledig/);
      assert.match(
        readable(whoToAsk('hauge-vgs', 'en')),
        /Sverre Lunde is away until 12 December; deputy Per Dal/,
      );
    });

    it('offers as deputies only people with the same role, and "Jeg er tilbake" only while away', () => {
      const card = awayCard(undefined, 'nb');
      const choices = (byId(card, Inputs.deputy)?.choices as { title: string }[]).map(
        (c) => c.title,
      );
      assert.deepEqual(choices, ['Hilde Berg', 'Per Dal', 'Tone Tann']);
      assert.deepEqual(verbs(card), [Verbs.setAway]);
      const away = awayCard(sverreAway, 'nb');
      assert.deepEqual(verbs(away), [Verbs.setAway, Verbs.endAway]);
      assert.equal(byId(away, Inputs.awayUntil)?.value, '2026-12-12');
      assert.match(readable(away), /Nå: Sverre Lunde er borte til 12\. desember/);
    });

    it('mentions the deputy instead of someone away, and says so on the triage card', () => {
      const card = triage(
        { ...states.new, chain: withAbsences(states.new.chain, absences) },
        'nb',
        true,
      );
      assert.deepEqual(
        (entities(card) ?? []).map((e) => e.mentioned.name),
        ['Per Dal', 'Hilde Berg'],
      );
      assert.match(
        readable(card),
        /Sverre Lunde er borte til 12\. desember; stedfortreder Per Dal/,
      );
    });
  });

  describe('escalation', () => {
    it('shows the chain frozen on the inquiry, level by level, on the triage card', () => {
      assert.match(
        readable(triage(states.new)),
        /Eskalering: \nSuperbruker: Sverre Lunde, Hilde Berg → Koordinator: Anne Winter → Systemansvarlig: Arne Hope → Leverandør: Leverandør AS/,
      );
      // Sola vgs has no superusers, so its chain starts with the coordinator, and says so.
      assert.match(
        readable(triage(states.atCoordinator)),
        /Eskalering: \nSuperbruker: ledig → Koordinator: Anne Winter →/,
      );
      assert.match(readable(triage(states.atCoordinator)), /Hoppet over: \nSuperbruker: ledig/);
    });

    it('offers sending on to the next level by name, and skipping to the vendor only above the superusers', () => {
      const labels = (card: AdaptiveCardJson) =>
        ofType(card.actions ?? [], 'Action.ShowCard').map((a) => a.title as string);
      assert.ok(labels(triage(states.claimed)).includes('Send til koordinator'));
      assert.equal(ofType(triage(states.claimed).actions, 'Input.Toggle').length, 0);
      assert.ok(labels(triage(states.escalated)).includes('Send til systemansvarlig'));
      const [toggle] = ofType(triage(states.escalated).actions, 'Input.Toggle');
      assert.equal(toggle?.id, Inputs.toVendor);
      assert.equal(toggle?.valueOn, 'true');
      assert.ok(
        !verbs(triage(states.atVendor)).includes(Verbs.escalate),
        'nothing after the vendor',
      );
    });

    it('gives the vendor level a ready email with number, unit, topic and question', () => {
      const link = vendorEmailLink(states.atVendor, directory, 'nb');
      assert.ok(link);
      const url = new URL(link);
      assert.equal(url.protocol, 'mailto:');
      assert.equal(url.pathname, 'support@leverandor.example');
      assert.equal(
        url.searchParams.get('subject'),
        `${states.atVendor.number}: ${states.atVendor.text}`,
      );
      const body = url.searchParams.get('body') ?? '';
      assert.match(body, /Sak: QM-2026-0042\r\nEnhet: Hauge vgs\r\nTema: Avvik/);
      assert.ok(body.includes(states.atVendor.text));
      assert.match(body, /Med vennlig hilsen\r\nAnne Winter$/);
      const [open] = ofType(triage(states.atVendor).actions, 'Action.OpenUrl');
      assert.equal(open?.url, link);
      assert.equal(open?.title, 'E-post til leverandør');
      assert.equal(vendorEmailLink(states.claimed, directory, 'nb'), undefined);
    });

    it('keeps the vendor email link short enough for mail programs with the longest question', () => {
      const long = { ...states.atVendor, text: 'Æ'.repeat(4000) };
      const link = vendorEmailLink(long, directory, 'nb')!;
      assert.ok(decodeURIComponent(link).length < 2100, String(decodeURIComponent(link).length));
    });

    it('mentions the people a ping is for, in the text and as entities', () => {
      const card = ping(states.escalated, 'manual');
      assert.deepEqual(
        entities(card)?.map((e) => e.mentioned.name),
        ['Anne Winter'],
      );
      const [line] = textBlocks(card);
      assert.equal(
        line,
        '<at>Anne Winter</at>: Sverre Lunde har sendt QM-2026-0042 fra Hauge vgs videre til dere. Kan du ta den?',
      );
      assert.match(readable(card), /Notat\nGjelder rutinen for hele skolen\./);
      assert.match(
        textBlocks(ping(states.escalated, 'deadline'))[0],
        /har ikke fått svar på 4 arbeidstimer\. Kan du ta den\?$/,
      );
      assert.match(
        textBlocks(ping(states.escalated, 'deadline', 'en'))[0],
        /has had no answer in 4 working hours\. Can you take it\?$/,
      );
    });

    it("puts the handler's question to the asker with a hint to reply in the chat, without handler actions", () => {
      const card = renderNoticeCard(
        askerQuestionCardData(states.waiting_for_asker, directory, 'nb'),
      );
      assert.match(readable(card), /Sverre Lunde har et spørsmål om QM-2026-0042:/);
      assert.match(readable(card), /Hvilken elevtur gjelder det\?/);
      assert.match(readable(card), /Svar her i chatten/);
      assert.equal(card.actions, undefined);
    });
  });
});
