import { followUpDefaults } from '../../src/org/schema';
import assert from 'node:assert/strict';
import { BusinessCalendar } from '../../src/escalation/business-calendar';
import { stepDue, type DueStep } from '../../src/escalation/due';
import {
  escalationTiming,
  type EscalationPolicy,
  type EscalationTiming,
} from '../../src/escalation/policy';
import { retime, startClock } from '../../src/escalation/deadlines';
import type { Command } from '../../src/inquiries/commands';
import type { Inquiry } from '../../src/inquiries/inquiry';
import type { NotificationIntent } from '../../src/notifications/intents';
import { buildChain } from '../../src/routing/chain';
import { osloOffice } from '../support/calendars';
import { decideAs } from '../support/decide-as';
import { people, testDirectory } from '../support/domain-fixture';
import { openInquiryDraft } from '../support/open-draft';

// The escalation rules as pure functions over plain data: every instant is passed in, nothing
// waits and nothing is stored. Short durations keep the arithmetic readable.

const directory = testDirectory();

const policy: EscalationPolicy = {
  responseTime: { superuser: 'PT4H', coordinator: 'PT8H', system_responsible: 'P2D' },
  claimTimeout: 'PT2H',
  reminderBefore: 'PT1H',
  vendorReminderInterval: 'P1D',
  vendorReminders: 2,
};

const roundTheClock: EscalationTiming = {
  policy,
  calendar: BusinessCalendar.of('24/7'),
  followUps: followUpDefaults,
};

const office: EscalationTiming = {
  policy,
  calendar: BusinessCalendar.of(osloOffice),
  followUps: followUpDefaults,
};

type Person = { email: string; name: string };

const id = 'inq-1';
const clockFields = ['escalation', 'dueAt', 'deadline'];

/** An inquiry as openInquiry stores it: opened at `at`, its first level's clock started. */
function opened(at: string, timing = roundTheClock, unitId?: string): Inquiry {
  return startClock(openInquiryDraft(directory, people.asker, unitId), new Date(at), timing);
}

/** A command given through a card, as actOnInquiry carries it out: decide, then retime. */
function act(
  inquiry: Inquiry,
  by: Person,
  command: Command,
  at: string,
  timing = roundTheClock,
): Inquiry {
  const now = new Date(at);
  const decision = decideAs(inquiry, by, command, at);
  if (!decision.ok) assert.fail(`${command.type} refused: ${decision.reason}`);
  return retime(inquiry, decision.inquiry, now, timing);
}

/** The scheduler's step at `at`, which must be due. */
function step(inquiry: Inquiry, at: string, timing = roundTheClock): DueStep {
  const taken = stepDue(inquiry, new Date(at), timing);
  if (!taken) assert.fail(`expected a step at ${at}`);
  return taken;
}

function notice(
  recipient: Person,
  reason: Extract<NotificationIntent, { kind: 'handler.notice' }>['reason'],
): NotificationIntent {
  return { kind: 'handler.notice', inquiryId: id, recipientKey: recipient.email, reason };
}

function assertNoClock(inquiry: Inquiry): void {
  assert.deepEqual(
    Object.keys(inquiry).filter((key) => clockFields.includes(key)),
    [],
    'the escalation clock is stopped',
  );
}

const escalatedTo = (
  level: 'coordinator' | 'system_responsible',
  reason: 'deadline' | 'claim_timeout' | 'manual',
): NotificationIntent[] => [
  { kind: 'triage.update', inquiryId: id },
  { kind: 'asker.status', inquiryId: id },
  { kind: 'asker.notice', inquiryId: id, reason: 'escalated' },
  { kind: 'escalation.ping', inquiryId: id, level, reason },
];

/** Opened 09:00, claimed by Sverre 09:30. */
const claimedBySverre = (): Inquiry =>
  act(
    opened('2026-11-30T09:00:00.000Z'),
    people.sverre,
    { type: 'claim' },
    '2026-11-30T09:30:00.000Z',
  );

describe('escalation clock', () => {
  it('gives a new inquiry its level’s response time and looks first at the reminder an hour before', () => {
    const inquiry = opened('2026-11-30T09:00:00.000Z');
    assert.equal(inquiry.level, 'superuser');
    assert.equal(inquiry.deadline, '2026-11-30T13:00:00.000Z');
    assert.equal(inquiry.dueAt, '2026-11-30T12:00:00.000Z');
    assert.deepEqual(inquiry.escalation, {
      phase: 'response',
      since: '2026-11-30T09:00:00.000Z',
      remindAt: '2026-11-30T12:00:00.000Z',
      vendorReminders: 0,
    });
  });

  it('counts the response time in working hours, carrying the rest of the day to the next morning', () => {
    // Monday 30 November, 14:00 in Oslo: two hours that day, two on Tuesday.
    const inquiry = opened('2026-11-30T13:00:00.000Z', office);
    assert.equal(inquiry.deadline, '2026-12-01T09:00:00.000Z', 'Tuesday 10:00 Oslo');
    assert.equal(inquiry.escalation?.remindAt, '2026-12-01T08:00:00.000Z', 'Tuesday 09:00 Oslo');
    assert.equal(inquiry.dueAt, '2026-12-01T08:00:00.000Z');
  });

  it('reminds the afternoon before when the reminder falls before the morning opens', () => {
    const timing = { ...office, policy: { ...policy, reminderBefore: 'PT3H45M' } };
    // Monday 15:30 Oslo + 4h: half an hour on Monday, 3.5 hours on Tuesday → Tuesday 11:30.
    const inquiry = opened('2026-11-30T14:30:00.000Z', timing);
    assert.equal(inquiry.deadline, '2026-12-01T10:30:00.000Z');
    // 3h45m before: 3.5 hours on Tuesday morning, the last quarter on Monday → Monday 15:45.
    assert.equal(inquiry.escalation?.remindAt, '2026-11-30T14:45:00.000Z');
    assert.equal(inquiry.dueAt, '2026-11-30T14:45:00.000Z');
  });

  it('sends no reminder that would come before the clock started', () => {
    const timing = { ...roundTheClock, policy: { ...policy, reminderBefore: 'PT5H' } };
    const inquiry = opened('2026-11-30T09:00:00.000Z', timing);
    assert.equal(inquiry.escalation?.remindAt, undefined);
    assert.equal(inquiry.dueAt, '2026-11-30T13:00:00.000Z');
  });

  it('takes the organisation’s policy: no reminder configured, so the deadline is due first', () => {
    const timing = escalationTiming(directory);
    assert.deepEqual(timing.policy, {
      responseTime: { superuser: 'PT4H', coordinator: 'PT8H', system_responsible: 'P2D' },
      vendorReminderInterval: 'P2D',
      vendorReminders: 3,
    });
    assert.equal(timing.calendar.roundTheClock, true);
    const inquiry = opened('2026-11-30T09:00:00.000Z', timing);
    assert.equal(inquiry.deadline, '2026-11-30T13:00:00.000Z');
    assert.equal(inquiry.dueAt, '2026-11-30T13:00:00.000Z');
    assert.equal(inquiry.escalation?.remindAt, undefined);
  });

  it('starts the claim timeout when a superuser claims', () => {
    const claimed = claimedBySverre();
    assert.deepEqual(claimed.escalation, {
      phase: 'claim',
      since: '2026-11-30T09:30:00.000Z',
      remindAt: '2026-11-30T10:30:00.000Z',
      vendorReminders: 0,
    });
    assert.equal(claimed.deadline, '2026-11-30T11:30:00.000Z');
    assert.equal(claimed.dueAt, '2026-11-30T10:30:00.000Z');
  });

  it('gives a claim the level’s response time afresh when no claim timeout is set', () => {
    const timing = { ...roundTheClock, policy: { ...policy, claimTimeout: undefined } };
    const claimed = act(
      opened('2026-11-30T09:00:00.000Z', timing),
      people.sverre,
      { type: 'claim' },
      '2026-11-30T09:30:00.000Z',
      timing,
    );
    assert.equal(claimed.escalation?.phase, 'claim');
    assert.equal(claimed.deadline, '2026-11-30T13:30:00.000Z');
  });

  it('restarts the claim timeout for the superuser an inquiry is handed over to', () => {
    const claimed = claimedBySverre();
    const handed = act(
      claimed,
      people.sverre,
      { type: 'hand_over', toKey: people.hilde.email },
      '2026-11-30T10:00:00.000Z',
    );
    assert.equal(handed.assignee?.key, people.hilde.email);
    assert.equal(handed.escalation?.since, '2026-11-30T10:00:00.000Z');
    assert.equal(handed.deadline, '2026-11-30T12:00:00.000Z');
    assert.equal(handed.dueAt, '2026-11-30T11:00:00.000Z');
  });

  it('leaves the clock alone on a change that is not a new level or holder', () => {
    const claimed = claimedBySverre();
    // A write that changes neither the level nor the holder keeps the running clock.
    const touched = retime(
      claimed,
      { ...claimed, text: 'Endret' },
      new Date('2026-11-30T10:00:00.000Z'),
      roundTheClock,
    );
    assert.equal(touched.deadline, '2026-11-30T11:30:00.000Z');
    assert.equal(touched.escalation?.since, '2026-11-30T09:30:00.000Z');
  });

  it('stops the clock when the inquiry is answered or resolved', () => {
    const claimed = claimedBySverre();
    const answered = act(
      claimed,
      people.sverre,
      { type: 'answer', text: 'Bruk «Meld avvik».' },
      '2026-11-30T10:00:00.000Z',
    );
    assert.equal(answered.status, 'answered');
    assertNoClock(answered);
    const resolved = act(
      opened('2026-11-30T09:00:00.000Z'),
      people.hilde,
      { type: 'resolve', note: 'Ordnet på telefon.' },
      '2026-11-30T09:10:00.000Z',
    );
    assert.equal(resolved.status, 'resolved');
    assertNoClock(resolved);
  });

  it('pauses the clock while waiting for the asker', () => {
    const claimed = claimedBySverre();
    const waiting = act(
      claimed,
      people.sverre,
      { type: 'ask_asker', question: 'Hvilken elevtur gjelder det?' },
      '2026-11-30T10:00:00.000Z',
    );
    assert.equal(waiting.status, 'waiting_for_asker');
    assert.equal(waiting.dueAt, '2026-12-02T10:00:00.000Z', 'the asker is reminded after P2D');
    assert.equal(waiting.deadline, '2026-11-30T11:30:00.000Z', 'the deadline is kept to move on');
    assert.deepEqual(waiting.escalation, {
      phase: 'claim',
      since: '2026-11-30T09:30:00.000Z',
      remindAt: '2026-11-30T10:30:00.000Z',
      vendorReminders: 0,
      pausedAt: '2026-11-30T10:00:00.000Z',
    });
    assert.equal(stepDue(waiting, new Date('2026-12-02T09:59:59.000Z'), roundTheClock), undefined);
  });

  it('reminds a silent asker once, then gives the inquiry back to its holder with the clock running', () => {
    const waiting = act(
      claimedBySverre(),
      people.sverre,
      { type: 'ask_asker', question: 'Hvilken elevtur gjelder det?' },
      '2026-11-30T10:00:00.000Z',
    );
    const reminded = step(waiting, '2026-12-02T10:00:00.000Z');
    assert.equal(reminded.inquiry.status, 'waiting_for_asker');
    assert.equal(reminded.inquiry.history.at(-1)?.type, 'asker_reminded');
    assert.deepEqual(reminded.notifications, [
      { kind: 'asker.question', inquiryId: id, reminder: true },
    ]);
    assert.equal(reminded.inquiry.dueAt, '2026-12-05T10:00:00.000Z', 'back after P3D more');
    assert.equal(
      stepDue(reminded.inquiry, new Date('2026-12-05T09:00:00.000Z'), roundTheClock),
      undefined,
    );
    const back = step(reminded.inquiry, '2026-12-05T10:00:00.000Z');
    assert.equal(back.inquiry.status, 'claimed');
    assert.equal(back.inquiry.assignee?.key, people.sverre.email);
    assert.equal(back.inquiry.history.at(-1)?.type, 'returned_to_handler');
    assert.equal(back.inquiry.escalation?.pausedAt, undefined, 'the clock runs again');
    assert.equal(back.inquiry.escalation?.askerRemindedAt, undefined);
    assert.equal(
      back.inquiry.deadline,
      '2026-12-05T11:30:00.000Z',
      'the deadline moved on by the time it stood',
    );
    assert.deepEqual(back.notifications, [
      { kind: 'triage.update', inquiryId: id },
      { kind: 'asker.status', inquiryId: id },
      { kind: 'asker.notice', inquiryId: id, reason: 'returned' },
      notice(people.sverre, 'asker_silent'),
    ]);
  });

  it('moves the deadline on by exactly the time the asker took to reply, round the clock', () => {
    const claimed = act(
      opened('2026-11-30T09:00:00.000Z'),
      people.sverre,
      { type: 'claim' },
      '2026-11-30T13:00:00.000Z',
    );
    assert.equal(claimed.deadline, '2026-11-30T15:00:00.000Z');
    const waiting = act(
      claimed,
      people.sverre,
      { type: 'ask_asker', question: 'Hvilken elevtur gjelder det?' },
      '2026-11-30T13:30:00.000Z',
    );
    // The asker replies the next morning: the clock stood for 19 hours.
    const replied = act(
      waiting,
      people.asker,
      { type: 'asker_reply', text: 'Turen til Bergen.' },
      '2026-12-01T08:30:00.000Z',
    );
    assert.equal(replied.status, 'claimed');
    assert.equal(replied.deadline, '2026-12-01T10:00:00.000Z');
    assert.equal(replied.dueAt, '2026-12-01T09:00:00.000Z');
    assert.deepEqual(replied.escalation, {
      phase: 'claim',
      since: '2026-11-30T13:00:00.000Z',
      remindAt: '2026-12-01T09:00:00.000Z',
      vendorReminders: 0,
    });
  });

  it('moves the deadline on by the working time the clock stood, not by the night', () => {
    // Claimed Monday 14:00 Oslo: the two-hour claim timeout ends at closing time, 16:00.
    const claimed = act(
      opened('2026-11-30T12:00:00.000Z', office),
      people.sverre,
      { type: 'claim' },
      '2026-11-30T13:00:00.000Z',
      office,
    );
    assert.equal(claimed.deadline, '2026-11-30T15:00:00.000Z');
    assert.equal(claimed.escalation?.remindAt, '2026-11-30T14:00:00.000Z');
    // Asked at 14:30 Monday, answered 09:30 Tuesday: 1.5 + 1.5 working hours stood still.
    const waiting = act(
      claimed,
      people.sverre,
      { type: 'ask_asker', question: 'Hvilken elevtur gjelder det?' },
      '2026-11-30T13:30:00.000Z',
      office,
    );
    const replied = act(
      waiting,
      people.asker,
      { type: 'asker_reply', text: 'Turen til Bergen.' },
      '2026-12-01T08:30:00.000Z',
      office,
    );
    assert.equal(replied.deadline, '2026-12-01T10:00:00.000Z', 'Tuesday 11:00 Oslo');
    assert.equal(replied.escalation?.remindAt, '2026-12-01T09:00:00.000Z', 'Tuesday 10:00 Oslo');
    assert.equal(replied.dueAt, '2026-12-01T09:00:00.000Z');
    assert.equal(replied.escalation?.pausedAt, undefined);
    const { calendar } = office;
    const leftWhenAsked = calendar.workingBetween(
      new Date('2026-11-30T13:30:00.000Z'),
      new Date(claimed.deadline),
    );
    const leftWhenReplied = calendar.workingBetween(
      new Date('2026-12-01T08:30:00.000Z'),
      new Date(replied.deadline),
    );
    assert.equal(leftWhenReplied, leftWhenAsked);
    assert.equal(leftWhenAsked, 1.5 * 60 * 60 * 1000);
  });

  it('restarts the claim timeout when the asker says the answer did not solve it', () => {
    const answered = act(
      opened('2026-11-30T09:00:00.000Z'),
      people.sverre,
      { type: 'answer', text: 'Bruk «Meld avvik».' },
      '2026-11-30T10:00:00.000Z',
    );
    const reopened = act(
      answered,
      people.asker,
      { type: 'not_resolved', comment: 'Knappen finnes ikke.' },
      '2026-11-30T11:00:00.000Z',
    );
    assert.equal(reopened.status, 'claimed');
    assert.deepEqual(reopened.escalation, {
      phase: 'claim',
      since: '2026-11-30T11:00:00.000Z',
      remindAt: '2026-11-30T12:00:00.000Z',
      vendorReminders: 0,
    });
    assert.equal(reopened.deadline, '2026-11-30T13:00:00.000Z');
    assert.equal(reopened.dueAt, '2026-11-30T12:00:00.000Z');
  });
});

describe('escalation steps when an inquiry is due', () => {
  it('does nothing before the inquiry is due', () => {
    const inquiry = opened('2026-11-30T09:00:00.000Z');
    assert.equal(stepDue(inquiry, new Date('2026-11-30T09:00:00.000Z'), roundTheClock), undefined);
    assert.equal(stepDue(inquiry, new Date('2026-11-30T11:59:59.999Z'), roundTheClock), undefined);
  });

  it('reminds the current level once at the reminder time and then waits for the deadline', () => {
    const inquiry = opened('2026-11-30T09:00:00.000Z');
    const reminded = step(inquiry, '2026-11-30T12:00:00.000Z');
    assert.deepEqual(reminded.notifications, [{ kind: 'reminder', inquiryId: id }]);
    assert.deepEqual(reminded.inquiry.history.at(-1), {
      type: 'reminded',
      level: 'superuser',
      at: '2026-11-30T12:00:00.000Z',
    });
    assert.equal(reminded.inquiry.level, 'superuser');
    assert.equal(reminded.inquiry.status, 'new');
    assert.equal(reminded.inquiry.dueAt, '2026-11-30T13:00:00.000Z');
    assert.equal(reminded.inquiry.escalation?.remindAt, undefined);
    assert.equal(
      stepDue(reminded.inquiry, new Date('2026-11-30T12:00:00.000Z'), roundTheClock),
      undefined,
      'a second look at the same time sends nothing',
    );
  });

  it('escalates superuser → coordinator → system responsible → vendor at each deadline', () => {
    const inquiry = opened('2026-11-30T09:00:00.000Z');

    const toCoordinator = step(inquiry, '2026-11-30T13:00:00.000Z');
    assert.equal(toCoordinator.inquiry.level, 'coordinator');
    assert.equal(toCoordinator.inquiry.status, 'new');
    assert.deepEqual(toCoordinator.inquiry.history.at(-1), {
      type: 'escalated',
      level: 'coordinator',
      reason: 'deadline',
      at: '2026-11-30T13:00:00.000Z',
    });
    assert.deepEqual(toCoordinator.notifications, escalatedTo('coordinator', 'deadline'));
    assert.equal(toCoordinator.inquiry.deadline, '2026-11-30T21:00:00.000Z');
    assert.equal(toCoordinator.inquiry.dueAt, '2026-11-30T20:00:00.000Z');

    // A late look, past the reminder and at the deadline, goes straight on.
    const toSystem = step(toCoordinator.inquiry, '2026-11-30T21:00:00.000Z');
    assert.equal(toSystem.inquiry.level, 'system_responsible');
    assert.deepEqual(toSystem.notifications, escalatedTo('system_responsible', 'deadline'));
    assert.equal(toSystem.inquiry.deadline, '2026-12-02T21:00:00.000Z');
    assert.equal(toSystem.inquiry.dueAt, '2026-12-02T20:00:00.000Z');

    const toVendor = step(toSystem.inquiry, '2026-12-02T21:00:00.000Z');
    assert.equal(toVendor.inquiry.level, 'vendor');
    assert.equal(toVendor.inquiry.status, 'new');
    assert.deepEqual(toVendor.inquiry.vendorCase, {
      at: '2026-12-02T21:00:00.000Z',
      vendor: { name: 'Leverandør AS', email: 'support@leverandor.example' },
      subject: 'QM-2026-0001: Hvordan melder jeg et avvik?',
    });
    assert.deepEqual(toVendor.notifications, [
      { kind: 'triage.update', inquiryId: id },
      { kind: 'asker.status', inquiryId: id },
      { kind: 'asker.notice', inquiryId: id, reason: 'escalated' },
      notice(people.systemResponsible, 'vendor_case'),
    ]);
    assert.deepEqual(toVendor.inquiry.escalation, {
      phase: 'vendor',
      since: '2026-12-02T21:00:00.000Z',
      vendorReminders: 0,
    });
    assert.equal(toVendor.inquiry.deadline, '2026-12-03T21:00:00.000Z');
    assert.equal(toVendor.inquiry.dueAt, '2026-12-03T21:00:00.000Z');
    assert.deepEqual(
      toVendor.inquiry.history.slice(1).map((event) => [event.type, event.level, event.reason]),
      [
        ['escalated', 'coordinator', 'deadline'],
        ['escalated', 'system_responsible', 'deadline'],
        ['escalated', 'vendor', 'deadline'],
      ],
    );
  });

  it('skips a level that has nobody in it', () => {
    const draft = openInquiryDraft(directory, people.asker);
    const inquiry = startClock(
      { ...draft, chain: { ...draft.chain, coordinator: [] } },
      new Date('2026-11-30T09:00:00.000Z'),
      roundTheClock,
    );
    const moved = step(inquiry, '2026-11-30T13:00:00.000Z');
    assert.equal(moved.inquiry.level, 'system_responsible');
    assert.deepEqual(moved.notifications, escalatedTo('system_responsible', 'deadline'));
    assert.equal(moved.inquiry.deadline, '2026-12-02T13:00:00.000Z');
  });

  it('releases a holder who has not answered within the claim timeout and tells the next level', () => {
    const claimed = claimedBySverre();
    const lapsed = step(claimed, '2026-11-30T11:30:00.000Z');
    assert.equal(lapsed.inquiry.level, 'coordinator');
    assert.equal(lapsed.inquiry.status, 'new');
    assert.equal(lapsed.inquiry.assignee, undefined);
    assert.deepEqual(lapsed.inquiry.history.at(-1), {
      type: 'escalated',
      level: 'coordinator',
      reason: 'claim_timeout',
      at: '2026-11-30T11:30:00.000Z',
    });
    assert.deepEqual(lapsed.notifications, [
      ...escalatedTo('coordinator', 'claim_timeout'),
      notice(people.sverre, 'claim_lapsed'),
    ]);
    assert.equal(lapsed.inquiry.escalation?.phase, 'response');
    assert.equal(lapsed.inquiry.deadline, '2026-11-30T19:30:00.000Z');
  });

  it('reminds the system responsibles at the vendor level, then marks it stalled and never closes it', () => {
    let inquiry = opened('2026-11-30T09:00:00.000Z');
    for (const at of ['2026-11-30T13:00:00.000Z', '2026-11-30T21:00:00.000Z']) {
      inquiry = step(inquiry, at).inquiry;
    }
    inquiry = step(inquiry, '2026-12-02T21:00:00.000Z').inquiry;
    assert.equal(inquiry.level, 'vendor');

    const first = step(inquiry, '2026-12-03T21:00:00.000Z');
    assert.deepEqual(first.notifications, [notice(people.systemResponsible, 'vendor_reminder')]);
    assert.deepEqual(first.inquiry.history.at(-1), {
      type: 'vendor_reminded',
      level: 'vendor',
      at: '2026-12-03T21:00:00.000Z',
    });
    assert.equal(first.inquiry.escalation?.vendorReminders, 1);
    assert.equal(first.inquiry.dueAt, '2026-12-04T21:00:00.000Z');

    const second = step(first.inquiry, '2026-12-04T21:00:00.000Z');
    assert.deepEqual(second.notifications, [notice(people.systemResponsible, 'vendor_reminder')]);
    assert.equal(second.inquiry.escalation?.vendorReminders, 2);
    assert.equal(second.inquiry.dueAt, '2026-12-05T21:00:00.000Z');

    const stalled = step(second.inquiry, '2026-12-05T21:00:00.000Z');
    assert.equal(stalled.inquiry.status, 'stalled');
    assert.equal(stalled.inquiry.level, 'vendor');
    const { dueAt: _reminder, ...withoutReminder } = stalled.inquiry;
    assertNoClock(withoutReminder);
    assert.equal(
      stalled.inquiry.dueAt,
      '2026-12-10T21:00:00.000Z',
      'its coordinators reminded in P5D',
    );
    assert.deepEqual(stalled.inquiry.history.at(-1), {
      type: 'stalled',
      level: 'vendor',
      at: '2026-12-05T21:00:00.000Z',
    });
    assert.deepEqual(stalled.notifications, [
      { kind: 'triage.update', inquiryId: id },
      { kind: 'asker.status', inquiryId: id },
      { kind: 'asker.notice', inquiryId: id, reason: 'stalled' },
      notice(people.coordinator, 'stalled'),
    ]);
    const again = step(stalled.inquiry, '2027-06-01T00:00:00.000Z');
    assert.equal(
      again.inquiry.status,
      'stalled',
      'a stalled inquiry stays open until someone closes it',
    );
    assert.equal(again.inquiry.history.at(-1)?.type, 'stalled_reminded');
    assert.deepEqual(again.notifications, [notice(people.coordinator, 'stalled_reminder')]);
    assert.equal(again.inquiry.dueAt, '2027-06-06T00:00:00.000Z', 'and again until someone acts');
  });

  it('reminds the handler who sent it to the vendor, and the system responsibles of a stall when there is no coordinator', () => {
    const draft = openInquiryDraft(directory, people.asker, 'sola-vgs');
    const atVendor = act(
      startClock(draft, new Date('2026-11-30T09:00:00.000Z'), roundTheClock),
      people.coordinator,
      { type: 'escalate', toVendor: true },
      '2026-11-30T10:00:00.000Z',
    );
    const reminded = step(atVendor, '2026-12-01T10:00:00.000Z');
    assert.deepEqual(reminded.notifications, [notice(people.coordinator, 'vendor_reminder')]);

    const noCoordinator: Inquiry = {
      ...reminded.inquiry,
      chain: { ...reminded.inquiry.chain, coordinator: [] },
      escalation: { ...reminded.inquiry.escalation!, vendorReminders: 2 },
    };
    const stalled = step(noCoordinator, '2026-12-02T10:00:00.000Z');
    assert.equal(stalled.inquiry.status, 'stalled');
    assert.deepEqual(stalled.notifications.at(-1), notice(people.systemResponsible, 'stalled'));
  });

  it('only forgets a stale due time on an answered or resolved inquiry', () => {
    const claimed = claimedBySverre();
    const answered = act(
      claimed,
      people.sverre,
      { type: 'answer', text: 'Svar' },
      '2026-11-30T10:00:00.000Z',
    );
    const resolved = act(answered, people.sverre, { type: 'resolve' }, '2026-11-30T10:10:00.000Z');
    const stale = '2026-11-30T11:30:00.000Z';
    for (const inquiry of [answered, resolved]) {
      const withStale: Inquiry = { ...inquiry, dueAt: stale };
      const forgotten = step(withStale, '2026-11-30T12:00:00.000Z');
      assert.deepEqual(forgotten.notifications, [], inquiry.status);
      assert.equal(forgotten.inquiry.dueAt, undefined, inquiry.status);
      assert.equal(forgotten.inquiry.status, inquiry.status);
      assert.equal(forgotten.inquiry.level, 'superuser');
      assert.deepEqual(forgotten.inquiry.history, inquiry.history, inquiry.status);
      assert.deepEqual(forgotten.inquiry.escalation, inquiry.escalation, inquiry.status);
    }
  });

  it('lets a deadline at closing time wait for the next working morning', () => {
    // Friday 4 December 11:00 Oslo + 4h = 15:00, when Friday closes.
    const inquiry = opened('2026-12-04T10:00:00.000Z', office);
    assert.equal(inquiry.deadline, '2026-12-04T14:00:00.000Z');
    const reminded = step(inquiry, '2026-12-04T13:00:00.000Z', office);
    assert.deepEqual(reminded.notifications, [{ kind: 'reminder', inquiryId: id }]);
    const waiting = step(reminded.inquiry, '2026-12-04T14:00:00.000Z', office);
    assert.deepEqual(waiting.notifications, []);
    assert.equal(waiting.inquiry.level, 'superuser');
    assert.equal(waiting.inquiry.dueAt, '2026-12-07T07:00:00.000Z', 'Monday 08:00 Oslo');
    assert.deepEqual(waiting.inquiry.history, reminded.inquiry.history);

    const moved = step(waiting.inquiry, '2026-12-07T07:00:00.000Z', office);
    assert.equal(moved.inquiry.level, 'coordinator');
    assert.deepEqual(moved.notifications, escalatedTo('coordinator', 'deadline'));
    assert.equal(moved.inquiry.deadline, '2026-12-07T15:00:00.000Z', 'Monday 16:00 Oslo');
  });
});

describe('escalating by hand', () => {
  it('moves the inquiry to the next level for anyone there to claim, keeping the holder’s note', () => {
    const decision = decideAs(
      claimedBySverre(),
      people.sverre,
      { type: 'escalate', note: '  Gjelder rutinen for hele skolen.  ' },
      '2026-11-30T10:00:00.000Z',
    );
    if (!decision.ok) assert.fail(decision.reason);
    assert.equal(decision.inquiry.level, 'coordinator');
    assert.equal(decision.inquiry.status, 'new');
    assert.equal(decision.inquiry.assignee, undefined);
    assert.deepEqual(decision.inquiry.history.at(-1), {
      type: 'escalated',
      level: 'coordinator',
      reason: 'manual',
      note: 'Gjelder rutinen for hele skolen.',
      at: '2026-11-30T10:00:00.000Z',
      by: { key: people.sverre.email, name: 'Sverre Lunde' },
    });
    assert.deepEqual(decision.notifications, escalatedTo('coordinator', 'manual'));

    const timed = retime(
      claimedBySverre(),
      decision.inquiry,
      new Date('2026-11-30T10:00:00.000Z'),
      roundTheClock,
    );
    assert.deepEqual(timed.escalation, {
      phase: 'response',
      since: '2026-11-30T10:00:00.000Z',
      remindAt: '2026-11-30T17:00:00.000Z',
      vendorReminders: 0,
    });
    assert.equal(timed.deadline, '2026-11-30T18:00:00.000Z');
  });

  it('refuses another superuser escalating an inquiry someone else holds', () => {
    const claimed = claimedBySverre();
    assert.deepEqual(
      decideAs(claimed, people.hilde, { type: 'escalate' }, '2026-11-30T10:00:00.000Z'),
      { ok: false, reason: 'held_by_other', by: claimed.assignee },
    );
  });

  it('does not let a superuser send an inquiry to the vendor', () => {
    for (const inquiry of [opened('2026-11-30T09:00:00.000Z'), claimedBySverre()]) {
      assert.deepEqual(
        decideAs(
          inquiry,
          people.sverre,
          { type: 'escalate', toVendor: true },
          '2026-11-30T10:00:00.000Z',
        ),
        { ok: false, reason: 'vendor_not_allowed' },
      );
    }
  });

  it('lets a coordinator send it to the vendor, holding it and recording the case', () => {
    const before = claimedBySverre();
    const decision = decideAs(
      before,
      people.coordinator,
      { type: 'escalate', toVendor: true },
      '2026-11-30T10:00:00.000Z',
    );
    if (!decision.ok) assert.fail(decision.reason);
    const atVendor = decision.inquiry;
    assert.equal(atVendor.level, 'vendor');
    assert.equal(atVendor.status, 'claimed');
    assert.equal(atVendor.assignee?.key, people.coordinator.email);
    assert.deepEqual(atVendor.vendorCase, {
      at: '2026-11-30T10:00:00.000Z',
      by: { key: people.coordinator.email, name: 'Anne Winter' },
      vendor: { name: 'Leverandør AS', email: 'support@leverandor.example' },
      subject: 'QM-2026-0001: Hvordan melder jeg et avvik?',
    });
    assert.deepEqual(decision.notifications, [
      { kind: 'triage.update', inquiryId: id },
      { kind: 'asker.status', inquiryId: id },
      { kind: 'asker.notice', inquiryId: id, reason: 'escalated' },
      notice(people.coordinator, 'vendor_case'),
    ]);
    const timed = retime(before, atVendor, new Date('2026-11-30T10:00:00.000Z'), roundTheClock);
    assert.deepEqual(timed.escalation, {
      phase: 'vendor',
      since: '2026-11-30T10:00:00.000Z',
      vendorReminders: 0,
    });
    assert.equal(timed.deadline, '2026-12-01T10:00:00.000Z');
    assert.equal(timed.dueAt, '2026-12-01T10:00:00.000Z');
  });

  it('has nowhere to escalate from the vendor level', () => {
    const atVendor = act(
      claimedBySverre(),
      people.coordinator,
      { type: 'escalate', toVendor: true },
      '2026-11-30T10:00:00.000Z',
    );
    for (const command of [
      { type: 'escalate' },
      { type: 'escalate', toVendor: true },
    ] as Command[]) {
      assert.deepEqual(
        decideAs(atVendor, people.coordinator, command, '2026-11-30T11:00:00.000Z'),
        { ok: false, reason: 'end_of_chain' },
      );
    }
  });

  it('needs a question to ask the asker, and records it', () => {
    const claimed = claimedBySverre();
    assert.deepEqual(
      decideAs(
        claimed,
        people.sverre,
        { type: 'ask_asker', question: '   ' },
        '2026-11-30T10:00:00.000Z',
      ),
      { ok: false, reason: 'empty_answer' },
    );
    const decision = decideAs(
      claimed,
      people.sverre,
      { type: 'ask_asker', question: ' Hvilken tur? ' },
      '2026-11-30T10:00:00.000Z',
    );
    if (!decision.ok) assert.fail(decision.reason);
    assert.equal(decision.inquiry.status, 'waiting_for_asker');
    assert.equal(decision.inquiry.history.at(-1)?.note, 'Hvilken tur?');
    assert.ok(decision.notifications.some((n) => n.kind === 'asker.question'));
  });

  it('takes a reply only from the asker, and only while the handler waits for one', () => {
    const claimed = claimedBySverre();
    const waiting = act(
      claimed,
      people.sverre,
      { type: 'ask_asker', question: 'Hvilken tur?' },
      '2026-11-30T10:00:00.000Z',
    );
    const reply: Command = { type: 'asker_reply', text: 'Bergen.' };
    assert.deepEqual(decideAs(waiting, people.sverre, reply, '2026-11-30T10:30:00.000Z'), {
      ok: false,
      reason: 'not_allowed',
    });
    assert.deepEqual(decideAs(claimed, people.asker, reply, '2026-11-30T10:30:00.000Z'), {
      ok: false,
      reason: 'closed',
      status: 'claimed',
    });
    const decision = decideAs(waiting, people.asker, reply, '2026-11-30T10:30:00.000Z');
    if (!decision.ok) assert.fail(decision.reason);
    assert.equal(decision.inquiry.status, 'claimed');
    assert.deepEqual(decision.notifications.at(-1), {
      ...notice(people.sverre, 'asker_replied'),
      note: 'Bergen.',
    });
  });
});

describe('questions and answers around the clock', () => {
  it('makes whoever asks the asker on an unclaimed inquiry its holder, with their claim timeout paused', () => {
    const fresh = opened('2026-11-30T09:00:00.000Z');
    const waiting = act(
      fresh,
      people.sverre,
      { type: 'ask_asker', question: 'Hvilken tur?' },
      '2026-11-30T09:30:00.000Z',
    );
    assert.equal(waiting.assignee?.key, people.sverre.email);
    assert.equal(waiting.escalation?.phase, 'claim');
    const resumed = act(
      waiting,
      people.asker,
      { type: 'asker_reply', text: 'Bergen.' },
      '2026-11-30T10:30:00.000Z',
    );
    // Two hours of claim timeout from 09:30, moved on by the hour the asker took.
    assert.equal(resumed.escalation?.phase, 'claim');
    assert.equal(resumed.deadline, '2026-11-30T12:30:00.000Z');
  });

  it('lets the holder answer a stalled inquiry when the vendor finally replies, which stops for good', () => {
    let inquiry = act(
      opened('2026-11-30T09:00:00.000Z'),
      people.coordinator,
      { type: 'escalate', toVendor: true },
      '2026-11-30T09:10:00.000Z',
    );
    while (inquiry.status !== 'stalled') inquiry = step(inquiry, inquiry.dueAt!).inquiry;
    const answered = act(
      inquiry,
      people.coordinator,
      { type: 'answer', text: 'Leverandøren har rettet feilen.' },
      '2026-12-05T10:00:00.000Z',
    );
    assert.equal(answered.status, 'answered');
    assert.equal(answered.answer?.text, 'Leverandøren har rettet feilen.');
    assertNoClock(answered);
  });

  it('lets a handler answer without waiting for the asker’s reply', () => {
    const waiting = act(
      claimedBySverre(),
      people.sverre,
      { type: 'ask_asker', question: 'Hvilken tur?' },
      '2026-11-30T10:00:00.000Z',
    );
    const answered = act(
      waiting,
      people.sverre,
      { type: 'answer', text: 'Gjelder alle turer: bruk skjemaet.' },
      '2026-11-30T11:00:00.000Z',
    );
    assert.equal(answered.status, 'answered');
    assertNoClock(answered);
  });
});

describe('moving an inquiry to another unit or topic', () => {
  const to = (unitId: string, topicId = 'ehandbok') => ({
    unitId,
    workAreaId: directory.unit(unitId)!.workArea,
    topicId,
    chain: buildChain(directory, unitId, topicId),
  });
  const moveTo = (unitId: string) =>
    ({ type: 'move', to: to(unitId), reason: 'Feil enhet.' }) as const;

  it('starts the new first level afresh from the move, even at the same level', () => {
    const moved = act(
      opened('2026-11-30T09:00:00.000Z'),
      people.sverre,
      moveTo('sola-klinikk'),
      '2026-11-30T11:00:00.000Z',
    );
    assert.equal(moved.level, 'superuser');
    assert.equal(moved.status, 'new');
    assert.equal(moved.escalation?.phase, 'response');
    assert.equal(moved.escalation?.since, '2026-11-30T11:00:00.000Z');
    assert.equal(moved.deadline, '2026-11-30T15:00:00.000Z');
    assert.deepEqual(
      moved.chain.superuser.map((p) => p.name),
      ['Tone Tann'],
    );
  });

  it('runs the clock again when an inquiry waiting for the asker is moved', () => {
    const waiting = act(
      claimedBySverre(),
      people.sverre,
      { type: 'ask_asker', question: 'Hvilken skole?' },
      '2026-11-30T10:00:00.000Z',
    );
    const moved = act(waiting, people.sverre, moveTo('sola-klinikk'), '2026-11-30T12:00:00.000Z');
    assert.equal(moved.status, 'new');
    assert.equal(moved.assignee, undefined);
    assert.equal(moved.escalation?.pausedAt, undefined);
    assert.equal(moved.deadline, '2026-11-30T16:00:00.000Z');
  });

  it('starts at the coordinator with their response time when the new unit has no superuser', () => {
    const moved = act(
      claimedBySverre(),
      people.sverre,
      moveTo('sola-vgs'),
      '2026-11-30T10:00:00.000Z',
    );
    assert.equal(moved.level, 'coordinator');
    assert.equal(moved.deadline, '2026-11-30T18:00:00.000Z');
  });

  it('brings a stalled vendor case back to the first level of the new chain, without the case', () => {
    let inquiry = act(
      opened('2026-11-30T09:00:00.000Z'),
      people.coordinator,
      { type: 'escalate', toVendor: true },
      '2026-11-30T09:10:00.000Z',
    );
    while (inquiry.status !== 'stalled') inquiry = step(inquiry, inquiry.dueAt!).inquiry;
    const moved = act(
      inquiry,
      people.coordinator,
      moveTo('sola-klinikk'),
      '2026-12-07T10:00:00.000Z',
    );
    assert.equal(moved.level, 'superuser');
    assert.equal(moved.vendorCase, undefined);
    assert.equal(moved.escalation?.vendorReminders, 0);
    assert.equal(moved.deadline, '2026-12-07T14:00:00.000Z');
  });
});

describe('two scheduler instances on the same inquiry', () => {
  it('compute the same step from the same read, so the etag lets exactly one land', () => {
    const read = opened('2026-11-30T09:00:00.000Z');
    const before = JSON.stringify(read);
    const now = '2026-11-30T13:00:00.000Z';
    const mine = step(read, now);
    const theirs = step(read, now);
    assert.equal(JSON.stringify(read), before, 'the read is not changed');
    assert.equal(JSON.stringify(theirs), JSON.stringify(mine));
    assert.equal(mine.inquiry.etag, read.etag, 'each write carries the etag it read');

    // A store that accepts a write only with the etag it holds.
    let stored = read;
    const queued: NotificationIntent[] = [];
    for (const write of [mine, theirs]) {
      if (write.inquiry.etag !== stored.etag) continue;
      stored = { ...write.inquiry, etag: String(Number(stored.etag) + 1) };
      queued.push(...write.notifications);
    }
    assert.deepEqual(queued, escalatedTo('coordinator', 'deadline'));
    assert.equal(stored.history.filter((event) => event.type === 'escalated').length, 1);
    assert.equal(
      stepDue(stored, new Date(now), roundTheClock),
      undefined,
      'the loser rereads and finds nothing due',
    );
  });
});
