import assert from 'node:assert/strict';
import { answerCardData } from '../../cards/answer';
import { askerQuestionCardData } from '../../cards/asker-question';
import { askerStatusCardData, renderAskerStatusCard } from '../../cards/asker-status';
import { noticeCardData } from '../../cards/notice';
import { pingCardData } from '../../cards/ping';
import type { AdaptiveCardJson } from '../../cards/render';
import { maxCardActions, renderTriageCard, triageCardData } from '../../cards/triage';
import { Inputs, Verbs, type Verb } from '../../cards/verbs';
import type { Command } from '../../src/inquiries/commands';
import { inquiryStatuses, levels, type Inquiry } from '../../src/inquiries/inquiry';
import { personRef } from '../../src/inquiries/person';
import {
  allowedTransitions,
  handlerTransitions,
  transitionNames,
  type TransitionName,
} from '../../src/inquiries/state-machine';
import { vendorCase } from '../../src/escalation/vendor-case';
import { buildChain, handOverCandidates, nextLevel, targetsAt } from '../../src/routing/chain';
import { cardNodes } from '../support/card-nodes';
import { actorFor, decideAs, type Acting } from '../support/decide-as';
import { people } from '../support/domain-fixture';
import { directory, timeZone } from '../support/inquiries-in-every-state';
import { openInquiryDraft } from '../support/open-draft';

// Every card offers exactly what the state machine allows, over every status, level and role,
// with and without someone holding the inquiry.

const verbSteps: Partial<Record<Verb, TransitionName>> = {
  [Verbs.claim]: 'claim',
  [Verbs.answer]: 'answer',
  [Verbs.handOver]: 'hand_over',
  [Verbs.escalate]: 'escalate',
  [Verbs.askAsker]: 'ask_asker',
  [Verbs.resolve]: 'resolve',
  [Verbs.confirmResolved]: 'confirm_resolved',
  [Verbs.notResolved]: 'not_resolved',
  [Verbs.addInfo]: 'add_info',
  [Verbs.withdraw]: 'withdraw',
  [Verbs.reopen]: 'reopen',
  [Verbs.rate]: 'rate',
};

/** The steps a card's buttons lead to; the vendor choice inside "Send til …" is a step of its own. */
function offered(card: AdaptiveCardJson): Set<TransitionName> {
  const found = cardNodes(card.actions ?? []).flatMap((node): TransitionName[] => {
    if (node.type === 'Action.Execute') {
      const step = verbSteps[node.verb as Verb];
      assert.ok(step, `a verb the state machine does not know: ${String(node.verb)}`);
      return [step];
    }
    return node.type === 'Input.Toggle' && node.id === Inputs.toVendor
      ? ['escalate_to_vendor']
      : [];
  });
  return new Set(found);
}

/** A command that carries out the step with content a card would send. */
function commandFor(step: TransitionName, inquiry: Inquiry): Command {
  switch (step) {
    case 'claim':
    case 'confirm_resolved':
    case 'withdraw':
    case 'reopen':
      return { type: step };
    case 'resolve':
      return { type: 'resolve', note: 'Ordnet på telefon.' };
    case 'add_info':
      return { type: 'add_info', text: 'Det gjelder turen til Bergen.' };
    case 'rate':
      return { type: 'rate', rating: 'good' };
    case 'answer':
      return { type: 'answer', text: 'Bruk «Meld avvik» på forsiden.' };
    case 'hand_over':
      return { type: 'hand_over', toKey: handOverCandidates(inquiry)[0]?.key ?? 'nobody' };
    case 'escalate':
      return { type: 'escalate' };
    case 'escalate_to_vendor':
      return { type: 'escalate', toVendor: true };
    case 'ask_asker':
      return { type: 'ask_asker', question: 'Hvilken elevtur gjelder det?' };
    case 'asker_reply':
      return { type: 'asker_reply', text: 'Turen til Bergen.' };
    case 'not_resolved':
      return { type: 'not_resolved', comment: 'Jeg finner ikke knappen.' };
    case 'add_note':
      return { type: 'add_note', text: 'Prøvde å logge inn på nytt.' };
    case 'update_vendor_case':
      return { type: 'update_vendor_case', caseNumber: 'LEV-4711' };
    case 'move': {
      const unitId = inquiry.unitId === 'bryne-vgs' ? 'hauge-vgs' : 'bryne-vgs';
      return {
        type: 'move',
        to: {
          unitId,
          workAreaId: 'skole',
          topicId: inquiry.topicId,
          chain: buildChain(directory, unitId, inquiry.topicId),
        },
        reason: 'Gjelder en annen skole.',
      };
    }
  }
}

const at = '2026-11-30T10:15:00.000Z';
const holder = people.sverre;

/** Every status at every level, at a unit with superusers and one without, held and not held. */
function everyInquiry(): { name: string; inquiry: Inquiry }[] {
  return ['hauge-vgs', 'sola-vgs'].flatMap((unitId) =>
    inquiryStatuses.flatMap((status) =>
      levels.flatMap((level) =>
        [true, false].map((held) => {
          const draft = openInquiryDraft(directory, people.asker, unitId);
          const inquiry: Inquiry = {
            ...draft,
            id: '6f1c1e1e-0000-4000-8000-000000000042',
            status,
            level,
            deadline: '2026-11-30T13:00:00.000Z',
            ...(status === 'resolved' ? { reopenUntil: '2026-12-14T10:15:00.000Z' } : {}),
            ...(held ? { assignee: personRef(holder) } : {}),
            ...(level === 'vendor' ? { vendorCase: vendorCase(draft, at) } : {}),
          };
          return {
            name: `${unitId} ${status} at ${level}, ${held ? 'held' : 'not held'}`,
            inquiry,
          };
        }),
      ),
    ),
  );
}

/** Everyone who may look at the inquiry's cards, by what they are to it. */
function roles(inquiry: Inquiry): Record<string, Acting> {
  return {
    asker: people.asker,
    ...(inquiry.assignee ? { holder } : {}),
    'other superuser of the unit': people.hilde,
    coordinator: people.coordinator,
    'system responsible': people.systemResponsible,
    admin: people.admin,
    outsider: people.otherSuperuser,
  };
}

const handlerRoles = (inquiry: Inquiry) => {
  const { asker: _asker, outsider: _outsider, ...handlers } = roles(inquiry);
  return Object.values(handlers);
};

/**
 * The handler cards: the triage card, and the notice in 1:1 chat and the ping in the thread, which
 * carry the triage card's actions (compared as data: rendering every card is slow).
 */
function handlerCard(inquiry: Inquiry): AdaptiveCardJson {
  const triage = triageCardData(inquiry, directory, 'nb', { timeZone, mention: false });
  const notice = noticeCardData(inquiry, directory, 'nb', timeZone, { reason: 'escalated' });
  const ping = pingCardData(inquiry, directory, 'nb', {
    reason: 'deadline',
    people: targetsAt(inquiry.chain, inquiry.level),
  });
  assert.deepEqual(notice.actions, triage.actions, 'the notice carries the triage actions');
  assert.deepEqual(ping.actions, triage.actions, 'the ping carries the triage actions');
  return renderTriageCard(triage);
}

/** The asker's cards: the status card, and the answer card with the same "Løst" / "Ikke løst". */
function askerCard(inquiry: Inquiry): AdaptiveCardJson {
  const status = askerStatusCardData(inquiry, directory, 'nb', timeZone, new Date(at));
  const answer = answerCardData(inquiry, directory, 'nb', timeZone, new Date(at));
  assert.deepEqual(answer.actions, status.actions, 'the answer card carries the same verdicts');
  return renderAskerStatusCard(status);
}

/**
 * What a handler card is meant to carry of what some handler may do: the documented subset beside
 * `triageActions` in cards/triage.ts.
 */
function carriedByHandlerCards(inquiry: Inquiry, allowed: Set<TransitionName>): TransitionName[] {
  const next = nextLevel(inquiry.chain, inquiry.level);
  return [
    'claim',
    'answer',
    'escalate',
    'resolve',
    ...(inquiry.level === 'superuser' ? (['hand_over'] as const) : []),
    ...(inquiry.level !== 'superuser' && next !== 'vendor'
      ? (['escalate_to_vendor'] as const)
      : []),
    ...(allowed.has('claim') ? [] : (['ask_asker'] as const)),
  ];
}

const sorted = (steps: Iterable<TransitionName>) => [...steps].sort();

describe('the actions a card offers', function () {
  const cases = everyInquiry();
  // Rendered once: expanding templates is the slow part.
  const rendered = new Map<Inquiry, { handler: AdaptiveCardJson; asker: AdaptiveCardJson }>();
  const cardsOf = (inquiry: Inquiry) => {
    const cards = rendered.get(inquiry) ?? {
      handler: handlerCard(inquiry),
      asker: askerCard(inquiry),
    };
    rendered.set(inquiry, cards);
    return cards;
  };
  this.timeout(120_000);

  it('are what the state machine decides, for every person, step, status and level', () => {
    for (const { name, inquiry } of cases) {
      for (const [role, person] of Object.entries(roles(inquiry))) {
        const allowed = allowedTransitions(inquiry, actorFor(inquiry, person), new Date(at));
        for (const step of transitionNames) {
          const decision = decideAs(inquiry, person, commandFor(step, inquiry), at);
          assert.equal(
            allowed.includes(step),
            decision.ok,
            `${name}: ${role} ${step}: ${decision.ok ? 'accepted' : decision.reason}`,
          );
        }
      }
    }
  });

  it('let an outsider do nothing with an inquiry, whatever its state', () => {
    for (const { name, inquiry } of cases) {
      assert.deepEqual(
        allowedTransitions(inquiry, actorFor(inquiry, people.otherSuperuser)),
        [],
        name,
      );
    }
  });

  it('on a handler card are allowed for someone who handles it, and carry all the card is for', () => {
    for (const { name, inquiry } of cases) {
      const someHandler = new Set(
        handlerRoles(inquiry).flatMap((person) =>
          allowedTransitions(inquiry, actorFor(inquiry, person)),
        ),
      );
      assert.deepEqual(sorted(handlerTransitions(inquiry)), sorted(someHandler), name);
      const expected = carriedByHandlerCards(inquiry, someHandler).filter((s) =>
        someHandler.has(s),
      );
      const shown = offered(cardsOf(inquiry).handler);
      for (const step of shown) {
        assert.ok(someHandler.has(step), `${name}: the card offers ${step}, which is refused`);
      }
      assert.deepEqual(sorted(shown), sorted(expected), name);
    }
  });

  it('on the asker’s cards are exactly the verdicts the asker may give', () => {
    for (const { name, inquiry } of cases) {
      const askerMay = allowedTransitions(
        inquiry,
        actorFor(inquiry, people.asker),
        new Date(at),
      ).filter(
        (s) => s === 'confirm_resolved' || s === 'not_resolved' || s === 'reopen' || s === 'rate',
      );
      assert.deepEqual(sorted(offered(cardsOf(inquiry).asker)), sorted(askerMay), name);
      const question = askerQuestionCardData(inquiry, directory, 'nb');
      assert.equal(question.actions, undefined, `${name}: the asker's question has no buttons`);
    }
  });

  it('never exceed the number of actions a card shows at once', () => {
    for (const { name, inquiry } of cases) {
      for (const [card, json] of Object.entries(cardsOf(inquiry))) {
        const count = (json.actions as unknown[] | undefined)?.length ?? 0;
        assert.ok(count <= maxCardActions, `${name}: the ${card} card has ${count} actions`);
      }
    }
  });
});
