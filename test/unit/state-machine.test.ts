import assert from 'node:assert/strict';
import { decide, type Actor, type Command, type Decision } from '../../src/inquiries/decide';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { handlerRole } from '../../src/routing/authorisation';
import { people, testDirectory } from './domain-fixture';
import { openInquiryDraft, ref } from './open-draft';

const directory = testDirectory();
const now = new Date('2026-11-30T10:15:00.000Z');

function actor(person: { email: string; name: string }, inquiry: Inquiry): Actor {
  const role = handlerRole(directory, inquiry, person.email);
  return { person: ref(person), ...(role ? { role } : {}) };
}

function run(inquiry: Inquiry, command: Command, by: { email: string; name: string }): Decision {
  return decide(inquiry, command, actor(by, inquiry), now);
}

function ok(decision: Decision): Inquiry {
  if (!decision.ok) assert.fail(`expected success, got ${decision.reason}`);
  return decision.inquiry;
}

describe('inquiry state machine', () => {
  const fresh = () => openInquiryDraft(directory, people.asker);

  it('lets a superuser of the unit claim a new inquiry and records who and when', () => {
    const decision = run(fresh(), { type: 'claim' }, people.sverre);
    const claimed = ok(decision);
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
    const claimed = ok(run(fresh(), { type: 'claim' }, people.sverre));
    const second = run(claimed, { type: 'claim' }, people.hilde);
    assert.deepEqual(second, { ok: false, reason: 'already_claimed', by: claimed.assignee });
    assert.deepEqual(run(claimed, { type: 'claim' }, people.sverre), {
      ok: false,
      reason: 'already_yours',
    });
  });

  it('refuses anyone outside the unit, its work area and the system responsibles', () => {
    for (const outsider of [people.asker, people.otherSuperuser]) {
      assert.deepEqual(run(fresh(), { type: 'claim' }, outsider), {
        ok: false,
        reason: 'not_allowed',
      });
      assert.deepEqual(run(fresh(), { type: 'answer', text: 'x' }, outsider), {
        ok: false,
        reason: 'not_allowed',
      });
    }
  });

  it('stores the answer on the inquiry and sends it to the asker', () => {
    const decision = run(
      fresh(),
      { type: 'answer', text: '  Bruk skjemaet «Meld avvik».  ' },
      people.hilde,
    );
    const answered = ok(decision);
    assert.equal(answered.status, 'answered');
    assert.equal(answered.answer?.text, 'Bruk skjemaet «Meld avvik».');
    assert.equal(answered.answer?.by.name, 'Hilde Berg');
    assert.equal(answered.assignee?.name, 'Hilde Berg', 'answering an unclaimed inquiry takes it');
    assert.ok(decision.ok && decision.notifications.some((n) => n.kind === 'asker.answer'));
  });

  it('refuses an empty or overlong answer', () => {
    assert.deepEqual(run(fresh(), { type: 'answer', text: '   ' }, people.sverre), {
      ok: false,
      reason: 'empty_answer',
    });
    assert.equal(run(fresh(), { type: 'answer', text: 'x'.repeat(8001) }, people.sverre).ok, false);
  });

  it('keeps a claimed inquiry with its holder, but lets the coordinator step in', () => {
    const claimed = ok(run(fresh(), { type: 'claim' }, people.sverre));
    assert.deepEqual(run(claimed, { type: 'answer', text: 'Svar' }, people.hilde), {
      ok: false,
      reason: 'held_by_other',
      by: claimed.assignee,
    });
    assert.equal(
      ok(run(claimed, { type: 'answer', text: 'Svar' }, people.coordinator)).answer?.by.name,
      'Anne Winter',
    );
    assert.equal(ok(run(claimed, { type: 'resolve' }, people.admin)).status, 'resolved');
  });

  it('hands over to another superuser of the unit and tells that person', () => {
    const claimed = ok(run(fresh(), { type: 'claim' }, people.sverre));
    const decision = run(claimed, { type: 'hand_over', toKey: people.hilde.email }, people.sverre);
    const handed = ok(decision);
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
    const claimed = ok(run(fresh(), { type: 'claim' }, people.sverre));
    for (const toKey of [people.otherSuperuser.email, people.sverre.email, 'nobody@x.example']) {
      assert.deepEqual(run(claimed, { type: 'hand_over', toKey }, people.sverre), {
        ok: false,
        reason: 'unknown_recipient',
      });
    }
  });

  it('lets the asker confirm an answer, which resolves the inquiry', () => {
    const answered = ok(run(fresh(), { type: 'answer', text: 'Svar' }, people.sverre));
    const resolved = ok(run(answered, { type: 'confirm_resolved' }, people.asker));
    assert.equal(resolved.status, 'resolved');
    assert.equal(resolved.history.at(-1)?.type, 'confirmed_resolved');
  });

  it('reopens at the same level with the same holder when the asker says not solved', () => {
    const answered = ok(run(fresh(), { type: 'answer', text: 'Svar' }, people.sverre));
    const decision = run(
      answered,
      { type: 'not_resolved', comment: 'Knappen finnes ikke' },
      people.asker,
    );
    const reopened = ok(decision);
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
    const answered = ok(run(fresh(), { type: 'answer', text: 'Svar' }, people.sverre));
    assert.deepEqual(run(answered, { type: 'confirm_resolved' }, people.sverre), {
      ok: false,
      reason: 'not_allowed',
    });
    assert.deepEqual(run(fresh(), { type: 'confirm_resolved' }, people.asker), {
      ok: false,
      reason: 'not_answered',
    });
  });

  it('changes nothing on a resolved inquiry', () => {
    const resolved = ok(run(fresh(), { type: 'resolve' }, people.sverre));
    for (const command of [
      { type: 'claim' },
      { type: 'answer', text: 'x' },
      { type: 'resolve' },
    ] as Command[]) {
      assert.deepEqual(run(resolved, command, people.sverre), {
        ok: false,
        reason: 'closed',
        status: 'resolved',
      });
    }
  });

  it('never changes the inquiry it was given', () => {
    const inquiry = fresh();
    const before = JSON.stringify(inquiry);
    run(inquiry, { type: 'claim' }, people.sverre);
    assert.equal(JSON.stringify(inquiry), before);
  });
});
