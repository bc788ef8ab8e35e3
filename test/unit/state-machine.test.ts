import assert from 'node:assert/strict';
import type { Command } from '../../src/inquiries/commands';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { allowedTransitions, handlerTransitions } from '../../src/inquiries/state-machine';
import { accepted, actorFor, decideAs, type Acting } from '../support/decide-as';
import { people, testDirectory } from '../support/domain-fixture';
import { openInquiryDraft } from '../support/open-draft';

const directory = testDirectory();
const now = new Date('2026-11-30T10:15:00.000Z');

describe('inquiry state machine', () => {
  const fresh = () => openInquiryDraft(directory, people.asker);

  it('lets a superuser of the unit claim a new inquiry and records who and when', () => {
    const decision = decideAs(fresh(), people.sverre, { type: 'claim' }, now);
    const claimed = accepted(decision);
    assert.equal(claimed.status, 'claimed');
    assert.equal(claimed.assignee?.name, 'Sverre Lunde');
    assert.deepEqual(claimed.history.at(-1), {
      type: 'claimed',
      at: now.toISOString(),
      by: { key: people.sverre.email, name: 'Sverre Lunde' },
      level: 'superuser',
    });
    assert.deepEqual(decision.ok && decision.notifications.map((n) => n.kind), [
      'triage.update',
      'asker.status',
    ]);
  });

  it('tells a second claimer who already has the inquiry', () => {
    const claimed = accepted(decideAs(fresh(), people.sverre, { type: 'claim' }, now));
    const second = decideAs(claimed, people.hilde, { type: 'claim' }, now);
    assert.deepEqual(second, { ok: false, reason: 'already_claimed', by: claimed.assignee });
    assert.deepEqual(decideAs(claimed, people.sverre, { type: 'claim' }, now), {
      ok: false,
      reason: 'already_yours',
    });
  });

  it('refuses anyone outside the unit, its work area and the system responsibles', () => {
    for (const outsider of [people.asker, people.otherSuperuser]) {
      assert.deepEqual(decideAs(fresh(), outsider, { type: 'claim' }, now), {
        ok: false,
        reason: 'not_allowed',
      });
      assert.deepEqual(decideAs(fresh(), outsider, { type: 'answer', text: 'x' }, now), {
        ok: false,
        reason: 'not_allowed',
      });
    }
  });

  it('stores the answer on the inquiry and sends it to the asker', () => {
    const decision = decideAs(
      fresh(),
      people.hilde,
      { type: 'answer', text: '  Bruk skjemaet «Meld avvik».  ' },
      now,
    );
    const answered = accepted(decision);
    assert.equal(answered.status, 'answered');
    assert.equal(answered.answer?.text, 'Bruk skjemaet «Meld avvik».');
    assert.equal(answered.answer?.by.name, 'Hilde Berg');
    assert.equal(answered.assignee?.name, 'Hilde Berg', 'answering an unclaimed inquiry takes it');
    assert.ok(decision.ok && decision.notifications.some((n) => n.kind === 'asker.answer'));
  });

  it('refuses an empty or overlong answer', () => {
    assert.deepEqual(decideAs(fresh(), people.sverre, { type: 'answer', text: '   ' }, now), {
      ok: false,
      reason: 'empty_answer',
    });
    assert.equal(
      decideAs(fresh(), people.sverre, { type: 'answer', text: 'x'.repeat(8001) }, now).ok,
      false,
    );
  });

  it('keeps a claimed inquiry with its holder, but lets the coordinator step in', () => {
    const claimed = accepted(decideAs(fresh(), people.sverre, { type: 'claim' }, now));
    assert.deepEqual(decideAs(claimed, people.hilde, { type: 'answer', text: 'Svar' }, now), {
      ok: false,
      reason: 'held_by_other',
      by: claimed.assignee,
    });
    assert.equal(
      accepted(decideAs(claimed, people.coordinator, { type: 'answer', text: 'Svar' }, now)).answer
        ?.by.name,
      'Anne Winter',
    );
    assert.equal(
      accepted(decideAs(claimed, people.admin, { type: 'resolve', note: 'Ordnet.' }, now)).status,
      'resolved',
    );
  });

  it('hands over to another superuser of the unit and tells that person', () => {
    const claimed = accepted(decideAs(fresh(), people.sverre, { type: 'claim' }, now));
    const decision = decideAs(
      claimed,
      people.sverre,
      { type: 'hand_over', toKey: people.hilde.email },
      now,
    );
    const handed = accepted(decision);
    assert.equal(handed.assignee?.name, 'Hilde Berg');
    assert.equal(handed.history.at(-1)?.to?.name, 'Hilde Berg');
    assert.ok(
      decision.ok &&
        decision.notifications.some(
          (n) => n.kind === 'handler.notice' && n.recipientKey === people.hilde.email,
        ),
    );
  });

  it('refuses to hand over to someone who is not a superuser of the unit', () => {
    const claimed = accepted(decideAs(fresh(), people.sverre, { type: 'claim' }, now));
    for (const toKey of [people.otherSuperuser.email, people.sverre.email, 'nobody@x.example']) {
      assert.deepEqual(decideAs(claimed, people.sverre, { type: 'hand_over', toKey }, now), {
        ok: false,
        reason: 'unknown_recipient',
      });
    }
  });

  it('lets the asker confirm an answer, which resolves the inquiry', () => {
    const answered = accepted(
      decideAs(fresh(), people.sverre, { type: 'answer', text: 'Svar' }, now),
    );
    const resolved = accepted(decideAs(answered, people.asker, { type: 'confirm_resolved' }, now));
    assert.equal(resolved.status, 'resolved');
    assert.equal(resolved.history.at(-1)?.type, 'confirmed_resolved');
  });

  it('reopens at the same level with the same holder when the asker says not solved', () => {
    const answered = accepted(
      decideAs(fresh(), people.sverre, { type: 'answer', text: 'Svar' }, now),
    );
    const decision = decideAs(
      answered,
      people.asker,
      { type: 'not_resolved', comment: 'Knappen finnes ikke' },
      now,
    );
    const reopened = accepted(decision);
    assert.equal(reopened.status, 'claimed');
    assert.equal(reopened.level, 'superuser');
    assert.equal(reopened.assignee?.name, 'Sverre Lunde');
    assert.equal(reopened.history.at(-1)?.note, 'Knappen finnes ikke');
    assert.ok(
      decision.ok &&
        decision.notifications.some(
          (n) =>
            n.kind === 'handler.notice' &&
            n.reason === 'reopened' &&
            n.note === 'Knappen finnes ikke',
        ),
    );
  });

  it('only lets the asker answer solved / not solved, and only after an answer', () => {
    const answered = accepted(
      decideAs(fresh(), people.sverre, { type: 'answer', text: 'Svar' }, now),
    );
    assert.deepEqual(decideAs(answered, people.sverre, { type: 'confirm_resolved' }, now), {
      ok: false,
      reason: 'not_allowed',
    });
    assert.deepEqual(decideAs(fresh(), people.asker, { type: 'confirm_resolved' }, now), {
      ok: false,
      reason: 'not_answered',
    });
    const resolved = accepted(decideAs(answered, people.asker, { type: 'confirm_resolved' }, now));
    assert.deepEqual(decideAs(resolved, people.asker, { type: 'confirm_resolved' }, now), {
      ok: false,
      reason: 'already_resolved',
    });
  });

  it('changes nothing on a resolved inquiry', () => {
    const resolved = accepted(
      decideAs(fresh(), people.sverre, { type: 'resolve', note: 'Ordnet på telefon.' }, now),
    );
    for (const command of [
      { type: 'claim' },
      { type: 'answer', text: 'x' },
      { type: 'resolve' },
    ] as Command[]) {
      assert.deepEqual(decideAs(resolved, people.sverre, command, now), {
        ok: false,
        reason: 'closed',
        status: 'resolved',
      });
    }
  });

  it('never changes the inquiry it was given', () => {
    const inquiry = fresh();
    const before = JSON.stringify(inquiry);
    decideAs(inquiry, people.sverre, { type: 'claim' }, now);
    assert.equal(JSON.stringify(inquiry), before);
  });

  it('tells what each person may do with an inquiry now', () => {
    const inquiry = fresh();
    const may = (by: Acting, at: Inquiry = inquiry) => allowedTransitions(at, actorFor(at, by));
    assert.deepEqual(may(people.sverre), [
      'claim',
      'answer',
      'hand_over',
      'escalate',
      'ask_asker',
      'resolve',
      'add_note',
      'move',
    ]);
    assert.deepEqual(may(people.coordinator), [
      'claim',
      'answer',
      'hand_over',
      'escalate',
      'escalate_to_vendor',
      'ask_asker',
      'resolve',
      'add_note',
      'move',
    ]);
    assert.deepEqual(may(people.asker), ['add_info', 'withdraw']);
    assert.deepEqual(may(people.otherSuperuser), []);

    const claimed = accepted(decideAs(inquiry, people.sverre, { type: 'claim' }, now));
    // Held by Sverre: Hilde may only add a note.
    assert.deepEqual(may(people.hilde, claimed), ['add_note']);
    assert.deepEqual(may(people.asker, claimed), ['add_info', 'withdraw']);
    const answered = accepted(
      decideAs(claimed, people.sverre, { type: 'answer', text: 'Ja.' }, now),
    );
    assert.deepEqual(may(people.asker, answered), [
      'confirm_resolved',
      'not_resolved',
      'add_info',
      'withdraw',
    ]);
  });

  it('offers a shared card what at least one handler may do', () => {
    const claimed = accepted(decideAs(fresh(), people.sverre, { type: 'claim' }, now));
    assert.deepEqual(handlerTransitions(claimed), [
      'answer',
      'hand_over',
      'escalate',
      'escalate_to_vendor',
      'ask_asker',
      'resolve',
      'add_note',
      'move',
    ]);
  });

  it("records the vendor's side only on an inquiry that has a vendor case", () => {
    const claimed = accepted(decideAs(fresh(), people.sverre, { type: 'claim' }, now));
    const update = { type: 'update_vendor_case', caseNumber: 'LEV-1' } as const;
    assert.deepEqual(decideAs(claimed, people.coordinator, update, now), {
      ok: false,
      reason: 'no_vendor_case',
    });
    const atVendor = accepted(
      decideAs(claimed, people.coordinator, { type: 'escalate', toVendor: true }, now),
    );
    assert.ok(handlerTransitions(atVendor).includes('update_vendor_case'));
    const updated = accepted(decideAs(atVendor, people.coordinator, update, now));
    assert.equal(updated.vendorCase?.caseNumber, 'LEV-1');
    assert.equal(updated.status, atVendor.status, 'the state stays as it was');
  });
});
