import assert from 'node:assert/strict';
import { BusinessCalendar } from '../../src/escalation/business-calendar';
import { stepDue } from '../../src/escalation/due';
import type { EscalationPolicy, EscalationTiming } from '../../src/escalation/policy';
import { retime, startClock } from '../../src/escalation/timing';
import { decide, type Command } from '../../src/inquiries/decide';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { personRef } from '../../src/inquiries/person';
import type { NotificationIntent } from '../../src/notifications/intents';
import { handlerRole } from '../../src/routing/authorisation';
import { people } from './domain-fixture';
import { directory } from './fixtures';
import { openInquiryDraft } from './open-draft';

const policy: EscalationPolicy = {
  responseTime: { superuser: 'PT4H', coordinator: 'PT8H', system_responsible: 'P2D' },
  claimTimeout: 'PT2H',
  reminderBefore: 'PT1H',
  vendorReminderInterval: 'P2D',
  vendorReminders: 2,
};
const roundTheClock: EscalationTiming = { policy, calendar: BusinessCalendar.of('24/7') };
const office: EscalationTiming = {
  policy,
  calendar: BusinessCalendar.of({
    timeZone: 'Europe/Oslo',
    holidays: 'NO',
    workingHours: {
      mon: { start: '08:00', end: '16:00' },
      tue: { start: '08:00', end: '16:00' },
      wed: { start: '08:00', end: '16:00' },
      thu: { start: '08:00', end: '16:00' },
      fri: { start: '08:00', end: '16:00' },
    },
  }),
};

const hours = (n: number) => n * 3_600_000;
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

/** An inquiry opened at Hauge vgs at `at`, with its clock started as openInquiry starts it. */
function opened(at = '2026-11-30T09:00:00.000Z', timing = roundTheClock): Inquiry {
  const draft = { ...openInquiryDraft(directory, people.asker), createdAt: at, updatedAt: at };
  return startClock(draft, new Date(at), timing);
}

/** A command through the state machine with the clock kept in step, as actOnInquiry does. */
function act(
  inquiry: Inquiry,
  by: { email: string; name: string },
  command: Command,
  at: Date,
  timing = roundTheClock,
): Inquiry {
  const role = handlerRole(directory, inquiry, by.email);
  const decision = decide(
    inquiry,
    command,
    { person: personRef(by), ...(role ? { role } : {}) },
    at,
  );
  if (!decision.ok) throw new Error(`${command.type} refused: ${decision.reason}`);
  return retime(inquiry, decision.inquiry, at, timing);
}

/** Takes the due step at `at`, failing when nothing was due. */
function step(inquiry: Inquiry, at: Date, timing = roundTheClock) {
  const taken = stepDue(inquiry, at, timing);
  assert.ok(taken, `a step is due at ${at.toISOString()}`);
  return taken;
}

const kinds = (notifications: NotificationIntent[]) =>
  notifications.map((n) => ('reason' in n ? `${n.kind}:${n.reason}` : n.kind));

describe('escalation rules', () => {
  describe('the clock', () => {
    it('gives a new inquiry its level’s response time, a reminder before it, and the earlier as due', () => {
      const inquiry = opened();
      assert.equal(inquiry.deadline, '2026-11-30T13:00:00.000Z');
      assert.equal(inquiry.escalation?.phase, 'response');
      assert.equal(inquiry.escalation?.remindAt, '2026-11-30T12:00:00.000Z');
      assert.equal(inquiry.dueAt, '2026-11-30T12:00:00.000Z');
    });

    it('counts the response time in working hours', () => {
      // Friday 14:00 + 4 working hours → Monday 10:00, reminder Monday 09:00.
      const inquiry = opened('2026-11-27T13:00:00.000Z', office);
      assert.equal(inquiry.deadline, '2026-11-30T09:00:00.000Z');
      assert.equal(inquiry.escalation?.remindAt, '2026-11-30T08:00:00.000Z');
    });

    it('starts the claim timeout on a claim and again on a hand-over', () => {
      const claimed = act(
        opened(),
        people.sverre,
        { type: 'claim' },
        later('2026-11-30T09:00Z', hours(1)),
      );
      assert.equal(claimed.escalation?.phase, 'claim');
      assert.equal(claimed.deadline, '2026-11-30T12:00:00.000Z');
      const handed = act(
        claimed,
        people.sverre,
        { type: 'hand_over', toKey: people.hilde.email },
        later('2026-11-30T09:00Z', hours(2)),
      );
      assert.equal(handed.deadline, '2026-11-30T13:00:00.000Z');
      assert.equal(handed.escalation?.since, '2026-11-30T11:00:00.000Z');
    });

    it('stops on an answer and starts again when the asker says it is not solved', () => {
      const claimed = act(
        opened(),
        people.sverre,
        { type: 'claim' },
        new Date('2026-11-30T09:30Z'),
      );
      const answered = act(
        claimed,
        people.sverre,
        { type: 'answer', text: 'Slik.' },
        new Date('2026-11-30T10:00Z'),
      );
      assert.equal(answered.escalation, undefined);
      assert.equal(answered.dueAt, undefined);
      assert.equal(answered.deadline, undefined);
      const reopened = act(
        answered,
        people.asker,
        { type: 'not_resolved' },
        new Date('2026-11-30T11:00Z'),
      );
      assert.equal(reopened.escalation?.phase, 'claim');
      assert.equal(reopened.deadline, '2026-11-30T13:00:00.000Z');
    });

    it('stands still while waiting for the asker and moves the deadline on by the paused business time', () => {
      // Claimed Monday 09:00 Oslo: claim timeout 2 working hours → 11:00.
      const claimed = act(
        opened('2026-11-30T08:00Z', office),
        people.sverre,
        { type: 'claim' },
        new Date('2026-11-30T08:00Z'),
        office,
      );
      assert.equal(claimed.deadline, '2026-11-30T10:00:00.000Z');
      const waiting = act(
        claimed,
        people.sverre,
        { type: 'ask_asker', question: 'Hvilken tur?' },
        new Date('2026-11-30T09:00Z'),
        office,
      );
      assert.equal(waiting.status, 'waiting_for_asker');
      assert.equal(waiting.dueAt, undefined, 'nothing is due while paused');
      assert.equal(waiting.escalation?.pausedAt, '2026-11-30T09:00:00.000Z');
      assert.equal(
        stepDue({ ...waiting, dueAt: waiting.deadline }, new Date('2026-11-30T12:00Z'), office)
          ?.notifications.length,
        0,
      );
      // The asker replies Tuesday 09:00 Oslo: 10:00–16:00 Monday and 08:00–09:00 Tuesday were paused.
      const resumed = act(
        waiting,
        people.asker,
        { type: 'asker_reply', text: 'Bergen.' },
        new Date('2026-12-01T08:00Z'),
        office,
      );
      assert.equal(resumed.status, 'claimed');
      assert.equal(resumed.deadline, '2026-12-01T09:00:00.000Z', 'one working hour was left');
      assert.equal(resumed.escalation?.pausedAt, undefined);
      // The reminder (an hour before the deadline) fell due the moment the clock stopped; it keeps
      // its place in business time, so it is due as the clock resumes.
      assert.equal(resumed.escalation?.remindAt, '2026-12-01T08:00:00.000Z');
      assert.equal(resumed.dueAt, '2026-12-01T08:00:00.000Z');
    });

    it('adds a round-the-clock pause back in full', () => {
      const claimed = act(
        opened(),
        people.sverre,
        { type: 'claim' },
        new Date('2026-11-30T09:00Z'),
      );
      const waiting = act(
        claimed,
        people.sverre,
        { type: 'ask_asker', question: '?' },
        new Date('2026-11-30T10:00Z'),
      );
      const resumed = act(
        waiting,
        people.asker,
        { type: 'asker_reply', text: '!' },
        new Date('2026-11-30T15:00Z'),
      );
      assert.equal(resumed.deadline, '2026-11-30T16:00:00.000Z');
    });
  });

  describe('due steps', () => {
    it('does nothing before the due time', () => {
      assert.equal(stepDue(opened(), new Date('2026-11-30T11:59:59Z'), roundTheClock), undefined);
    });

    it('reminds once before the deadline, then waits for the deadline', () => {
      const reminded = step(opened(), new Date('2026-11-30T12:00Z'));
      assert.deepEqual(kinds(reminded.notifications), ['reminder']);
      assert.equal(reminded.inquiry.history.at(-1)?.type, 'reminded');
      assert.equal(reminded.inquiry.dueAt, '2026-11-30T13:00:00.000Z');
      assert.equal(
        stepDue(reminded.inquiry, new Date('2026-11-30T12:30Z'), roundTheClock),
        undefined,
      );
    });

    it('goes up the chain at each deadline, telling the level, the asker and every card', () => {
      let inquiry = opened();
      const levels: string[] = [];
      const told: string[][] = [];
      for (let guard = 0; guard < 20 && inquiry.dueAt; guard++) {
        const taken = step(inquiry, new Date(inquiry.dueAt));
        if (taken.inquiry.level !== inquiry.level) {
          levels.push(taken.inquiry.level);
          told.push(kinds(taken.notifications));
        }
        inquiry = taken.inquiry;
      }
      assert.deepEqual(levels, ['coordinator', 'system_responsible', 'vendor']);
      assert.deepEqual(told[0], [
        'triage.update',
        'asker.status',
        'asker.notice:escalated',
        'escalation.ping:deadline',
      ]);
      assert.deepEqual(told[2], [
        'triage.update',
        'asker.status',
        'asker.notice:escalated',
        'handler.notice:vendor_case',
      ]);
      assert.equal(inquiry.status, 'stalled');
      assert.equal(inquiry.vendorCase?.vendor.email, 'support@leverandor.example');
      assert.equal(inquiry.vendorCase?.by, undefined, 'sent on by the bot at the deadline');
      assert.equal(inquiry.escalation, undefined, 'a stalled inquiry has no clock');
      const types = inquiry.history.map((e) => e.type);
      assert.equal(types.filter((t) => t === 'vendor_reminded').length, 2);
      assert.equal(types.at(-1), 'stalled');
      assert.ok(!types.includes('resolved'), 'never closed by the bot');
    });

    it('counts each level from when it was told', () => {
      const atCoordinator = step(
        step(opened(), new Date('2026-11-30T12:00Z')).inquiry,
        new Date('2026-11-30T13:00Z'),
      ).inquiry;
      assert.equal(atCoordinator.level, 'coordinator');
      assert.equal(atCoordinator.deadline, '2026-11-30T21:00:00.000Z');
      assert.equal(atCoordinator.escalation?.since, '2026-11-30T13:00:00.000Z');
    });

    it('skips a level with nobody at it', () => {
      const noCoordinator: Inquiry = { ...opened(), chain: { ...opened().chain, coordinator: [] } };
      const taken = step(noCoordinator, new Date('2026-11-30T13:00Z'));
      assert.equal(taken.inquiry.level, 'system_responsible');
    });

    it('lets a claim lapse at the claim timeout, tells the holder and mentions the next level', () => {
      const claimed = act(
        opened(),
        people.sverre,
        { type: 'claim' },
        new Date('2026-11-30T09:30Z'),
      );
      const taken = step(claimed, new Date('2026-11-30T11:30Z'));
      assert.equal(taken.inquiry.level, 'coordinator');
      assert.equal(taken.inquiry.status, 'new');
      assert.equal(taken.inquiry.assignee, undefined);
      assert.equal(taken.inquiry.history.at(-1)?.reason, 'claim_timeout');
      assert.ok(
        taken.notifications.some(
          (n) =>
            n.kind === 'handler.notice' &&
            n.reason === 'claim_lapsed' &&
            n.recipientKey === people.sverre.email,
        ),
      );
      assert.ok(
        taken.notifications.some(
          (n) => n.kind === 'escalation.ping' && n.reason === 'claim_timeout',
        ),
      );
    });

    it('tells the coordinators when the vendor level runs out of reminders', () => {
      let inquiry = act(
        opened(),
        people.coordinator,
        { type: 'escalate', toVendor: true },
        new Date('2026-11-30T09:10Z'),
      );
      assert.equal(inquiry.escalation?.phase, 'vendor');
      for (const expected of ['vendor_reminded', 'vendor_reminded', 'stalled']) {
        const taken = step(inquiry, new Date(inquiry.dueAt!));
        assert.equal(taken.inquiry.history.at(-1)?.type, expected);
        if (expected === 'vendor_reminded') {
          assert.deepEqual(kinds(taken.notifications), ['handler.notice:vendor_reminder']);
          assert.equal(
            (taken.notifications[0] as { recipientKey: string }).recipientKey,
            people.coordinator.email,
          );
        } else {
          assert.ok(kinds(taken.notifications).includes('asker.notice:stalled'));
          assert.ok(
            taken.notifications.some(
              (n) =>
                n.kind === 'handler.notice' &&
                n.reason === 'stalled' &&
                n.recipientKey === people.coordinator.email,
            ),
          );
        }
        inquiry = taken.inquiry;
      }
      assert.equal(inquiry.dueAt, undefined);
    });

    it('only forgets a stale due time on an inquiry that no longer owes a response', () => {
      const answered = { ...opened(), status: 'answered' as const };
      const taken = step(answered, new Date('2026-11-30T13:00Z'));
      assert.deepEqual(taken.notifications, []);
      assert.equal(taken.inquiry.dueAt, undefined);
      assert.equal(taken.inquiry.history.length, answered.history.length);
    });

    it('waits for the next working period when found outside working hours', () => {
      // Due Friday 15:00 Oslo, but the scheduler first looks on Saturday.
      const inquiry = opened('2026-11-27T10:00:00.000Z', office);
      const taken = step(inquiry, new Date('2026-11-28T10:00Z'), office);
      assert.deepEqual(taken.notifications, []);
      assert.equal(taken.inquiry.dueAt, '2026-11-30T07:00:00.000Z', 'Monday 08:00 Oslo');
    });

    it('decides the same step for the same inquiry and time, so the etag makes it land once', () => {
      const inquiry = opened();
      const at = new Date('2026-11-30T13:00Z');
      assert.deepEqual(stepDue(inquiry, at, roundTheClock), stepDue(inquiry, at, roundTheClock));
    });
  });

  describe('commands', () => {
    it('sends it on by hand to the next level with the note, and nobody holds it there', () => {
      const claimed = act(
        opened(),
        people.sverre,
        { type: 'claim' },
        new Date('2026-11-30T09:10Z'),
      );
      const sent = act(
        claimed,
        people.sverre,
        { type: 'escalate', note: ' Ikke min enhet. ' },
        new Date('2026-11-30T09:20Z'),
      );
      assert.equal(sent.level, 'coordinator');
      assert.equal(sent.status, 'new');
      assert.equal(sent.assignee, undefined);
      assert.deepEqual(sent.history.at(-1), {
        type: 'escalated',
        level: 'coordinator',
        reason: 'manual',
        note: 'Ikke min enhet.',
        at: '2026-11-30T09:20:00.000Z',
        by: { key: people.sverre.email, name: people.sverre.name },
      });
      assert.equal(
        sent.deadline,
        '2026-11-30T17:20:00.000Z',
        'the coordinator’s eight hours from now',
      );
    });

    it('refuses what the roles do not allow', () => {
      const refusal = (inquiry: Inquiry, by: { email: string; name: string }, command: Command) => {
        const role = handlerRole(directory, inquiry, by.email);
        const decision = decide(
          inquiry,
          command,
          { person: personRef(by), ...(role ? { role } : {}) },
          new Date('2026-11-30T10:00Z'),
        );
        return decision.ok ? 'accepted' : decision.reason;
      };
      const claimed = act(
        opened(),
        people.sverre,
        { type: 'claim' },
        new Date('2026-11-30T09:10Z'),
      );
      assert.equal(refusal(claimed, people.hilde, { type: 'escalate' }), 'held_by_other');
      assert.equal(
        refusal(claimed, people.sverre, { type: 'escalate', toVendor: true }),
        'vendor_not_allowed',
      );
      assert.equal(refusal(claimed, people.asker, { type: 'escalate' }), 'not_allowed');
      const atVendor = act(
        claimed,
        people.coordinator,
        { type: 'escalate', toVendor: true },
        new Date('2026-11-30T09:20Z'),
      );
      assert.equal(atVendor.status, 'claimed');
      assert.equal(atVendor.assignee?.key, people.coordinator.email);
      assert.equal(atVendor.vendorCase?.by?.name, people.coordinator.name);
      assert.equal(atVendor.vendorCase?.subject, 'QM-2026-0001: Hvordan melder jeg et avvik?');
      assert.equal(refusal(atVendor, people.coordinator, { type: 'escalate' }), 'end_of_chain');
      assert.equal(
        refusal(claimed, people.sverre, { type: 'ask_asker', question: '  ' }),
        'empty_answer',
      );
      assert.equal(refusal(claimed, people.asker, { type: 'asker_reply', text: 'Hei' }), 'closed');
      const waiting = act(
        claimed,
        people.sverre,
        { type: 'ask_asker', question: 'Hvor?' },
        new Date('2026-11-30T09:30Z'),
      );
      assert.equal(
        refusal(waiting, people.sverre, { type: 'asker_reply', text: 'Hei' }),
        'not_allowed',
      );
      assert.equal(
        refusal(waiting, people.asker, { type: 'asker_reply', text: 'Bergen' }),
        'accepted',
      );
    });
  });
});
