import type { ClockPhase, EscalationClock, Inquiry, NewInquiry } from '../inquiries/inquiry';
import { isOpenForHandling, isWaitingForAsker } from '../inquiries/statuses';
import type { EscalationTiming } from './policy';

// Where an inquiry's deadline, reminder and due time are set: the escalation clock of its level.

function withoutClock(inquiry: Inquiry): Inquiry {
  const { escalation: _clock, dueAt: _due, deadline: _deadline, ...rest } = inquiry;
  return rest;
}

function earliest(...instants: (string | undefined)[]): string | undefined {
  return instants.filter((i): i is string => i !== undefined).sort()[0];
}

/**
 * Starts the clock of the inquiry's current level: the response time of its level, the claim
 * timeout once someone holds it, the vendor reminder interval at the vendor level. Sets the
 * deadline, the reminder before it, and when the scheduler must look next.
 */
export function startClock<T extends NewInquiry>(
  inquiry: T,
  now: Date,
  timing: EscalationTiming,
): T {
  const { policy, calendar } = timing;
  const phase: ClockPhase =
    inquiry.level === 'vendor' ? 'vendor' : inquiry.assignee ? 'claim' : 'response';
  const duration =
    inquiry.level === 'vendor'
      ? policy.vendorReminderInterval
      : phase === 'claim' && policy.claimTimeout
        ? policy.claimTimeout
        : policy.responseTime[inquiry.level];
  const deadline = calendar.add(now, duration);
  const reminder =
    phase !== 'vendor' && policy.reminderBefore
      ? calendar.subtract(deadline, policy.reminderBefore)
      : undefined;
  const remindAt = reminder && reminder > now ? reminder.toISOString() : undefined;
  const clock: EscalationClock = {
    phase,
    since: now.toISOString(),
    ...(remindAt ? { remindAt } : {}),
    vendorReminders:
      inquiry.escalation?.phase === 'vendor' ? inquiry.escalation.vendorReminders : 0,
  };
  return {
    ...inquiry,
    escalation: clock,
    deadline: deadline.toISOString(),
    ...due(clock, deadline.toISOString()),
  };
}

function due(clock: EscalationClock, deadline: string): { dueAt: string } {
  return { dueAt: earliest(clock.remindAt, deadline)! };
}

/**
 * Stops the clock while the handler waits for the asker; the scheduler looks again when the asker
 * is to be reminded.
 */
function pauseClock(inquiry: Inquiry, now: Date, timing: EscalationTiming): Inquiry {
  if (!inquiry.escalation) return inquiry;
  const { askerRemindedAt: _reminded, ...clock } = inquiry.escalation;
  return {
    ...inquiry,
    escalation: { ...clock, pausedAt: now.toISOString() },
    dueAt: timing.calendar.add(now, timing.followUps.askerReminderAfter).toISOString(),
  };
}

/** Restarts a paused clock, moving the deadline and reminder on by the business time it stood. */
function resumeClock(inquiry: Inquiry, now: Date, timing: EscalationTiming): Inquiry {
  const clock = inquiry.escalation;
  if (!clock?.pausedAt || !inquiry.deadline) return startClock(inquiry, now, timing);
  const { calendar } = timing;
  const paused = calendar.workingBetween(new Date(clock.pausedAt), now);
  const shift = (instant: string): string =>
    calendar.addWorking(new Date(instant), paused).toISOString();
  const { pausedAt: _paused, askerRemindedAt: _reminded, remindAt, ...kept } = clock;
  const moved: EscalationClock = { ...kept, ...(remindAt ? { remindAt: shift(remindAt) } : {}) };
  const deadline = shift(inquiry.deadline);
  return { ...inquiry, escalation: moved, deadline, ...due(moved, deadline) };
}

/**
 * Keeps the escalation clock in step with a change of state: a new level or a new holder starts a
 * new clock, waiting for the asker pauses it and the asker's reply resumes it, and an answer or a
 * close stops it. Anything else leaves it running as it was.
 */
export function retime(
  before: Inquiry,
  after: Inquiry,
  now: Date,
  timing: EscalationTiming,
): Inquiry {
  if (isWaitingForAsker(after)) {
    if (isWaitingForAsker(before)) return after;
    // Asking the asker makes the handler its holder; their claim timeout is what stands still.
    const newHolder = after.level !== 'vendor' && before.assignee?.key !== after.assignee?.key;
    return pauseClock(newHolder ? startClock(after, now, timing) : after, now, timing);
  }
  // Stalled at the vendor: the coordinators are reminded on a schedule until someone acts.
  if (after.status === 'stalled') {
    // Stalled already: someone acted on it (a note, the vendor's reply), so the next reminder waits a whole period.
    return {
      ...withoutClock(after),
      dueAt: timing.calendar.add(now, timing.followUps.stalledReminderEvery).toISOString(),
    };
  }
  // The clock runs while someone owes a response.
  if (!isOpenForHandling(after)) return withoutClock(after);
  // Moved to another unit or topic: the new chain starts afresh.
  if (before.unitId !== after.unitId || before.topicId !== after.topicId) {
    return startClock(withoutClock(after), now, timing);
  }
  if (isWaitingForAsker(before) && before.level === after.level) {
    return resumeClock(after, now, timing);
  }
  const restarted =
    !after.escalation ||
    before.level !== after.level ||
    !isOpenForHandling(before) ||
    (after.level !== 'vendor' && before.assignee?.key !== after.assignee?.key);
  return restarted ? startClock(after, now, timing) : after;
}
