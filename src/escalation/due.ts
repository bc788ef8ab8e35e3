import type { EscalationClock, Inquiry, InquiryEvent } from '../inquiries/inquiry';
import type { PersonRef } from '../inquiries/person';
import { isOpenForHandling, isWaitingForAsker } from '../inquiries/statuses';
import type { NotificationIntent } from '../notifications/intents';
import { nextLevel, targetsAt } from '../routing/chain';
import { retime, startClock } from './deadlines';
import { escalationNotices } from './notices';
import type { EscalationTiming } from './policy';
import { vendorCase } from './vendor-case';

export interface DueStep {
  inquiry: Inquiry;
  notifications: NotificationIntent[];
}

/**
 * What the bot does when an inquiry's due time has come: remind the current level before its
 * deadline; at the deadline, move it to the next level (the claim lapses if someone held it
 * without answering); at the vendor level, remind the holder a bounded number of times and then
 * mark it stalled. Nothing waits unseen: an inquiry waiting for the asker reminds the asker and
 * then goes back to its holder, and a stalled one reminds its coordinators on a schedule. Pure:
 * returns the changed inquiry and who must be told, or undefined when nothing is due at `now`.
 */
export function stepDue(
  inquiry: Inquiry,
  now: Date,
  timing: EscalationTiming,
): DueStep | undefined {
  if (!inquiry.dueAt || new Date(inquiry.dueAt) > now) return undefined;
  const clock = inquiry.escalation;
  const at = now.toISOString();
  const id = inquiry.id;
  const running = isOpenForHandling(inquiry);
  const level = nextLevel(inquiry.chain, inquiry.level);
  const stuck = clock?.phase !== 'vendor' && !level;
  const waiting = isWaitingForAsker(inquiry) && clock?.pausedAt !== undefined;
  const stalled = inquiry.status === 'stalled';
  if (
    !waiting &&
    !stalled &&
    (!clock || !inquiry.deadline || !running || clock?.pausedAt || stuck)
  ) {
    // Nothing owes a response any more: forget the due time.
    const { dueAt: _due, ...rest } = inquiry;
    return { inquiry: { ...rest, updatedAt: at }, notifications: [] };
  }
  if (!timing.calendar.isWorkingTime(now)) {
    // Due on the stroke of closing time, or found late: it waits for the next working period.
    const next = timing.calendar.nextWorkingMoment(now).toISOString();
    return { inquiry: { ...inquiry, dueAt: next, updatedAt: at }, notifications: [] };
  }
  const record = (changed: Inquiry, event: Omit<InquiryEvent, 'at'>): Inquiry => ({
    ...changed,
    updatedAt: at,
    history: [...inquiry.history, { ...event, at }],
  });
  if (stalled) return remindStalled(inquiry, now, timing, record);
  if (waiting && clock) return followUpAsker(inquiry, clock, now, timing, record);
  if (!clock || !inquiry.deadline) return undefined;

  if (clock.remindAt && new Date(clock.remindAt) <= now && new Date(inquiry.deadline) > now) {
    const { remindAt: _sent, ...rest } = clock;
    return {
      inquiry: record(
        { ...inquiry, escalation: rest, dueAt: inquiry.deadline },
        { type: 'reminded', level: inquiry.level },
      ),
      notifications: [{ kind: 'reminder', inquiryId: id }],
    };
  }

  if (clock.phase === 'vendor') {
    const holders = inquiry.assignee
      ? [inquiry.assignee]
      : targetsAt(inquiry.chain, 'system_responsible');
    if (clock.vendorReminders < timing.policy.vendorReminders) {
      const reminded = startClock(
        { ...inquiry, escalation: { ...clock, vendorReminders: clock.vendorReminders + 1 } },
        now,
        timing,
      );
      return {
        inquiry: record(reminded, { type: 'vendor_reminded', level: 'vendor' }),
        notifications: holders.map((person) => ({
          kind: 'handler.notice',
          inquiryId: id,
          recipientKey: person.key,
          reason: 'vendor_reminder',
        })),
      };
    }
    const { escalation: _c, dueAt: _d, deadline: _dl, ...stopped } = inquiry;
    // The coordinators are reminded of it on a schedule until someone acts.
    const remindAt = timing.calendar.add(now, timing.followUps.stalledReminderEvery).toISOString();
    return {
      inquiry: record(
        { ...stopped, status: 'stalled', dueAt: remindAt },
        { type: 'stalled', level: 'vendor' },
      ),
      notifications: [
        { kind: 'triage.update', inquiryId: id },
        { kind: 'asker.status', inquiryId: id },
        { kind: 'asker.notice', inquiryId: id, reason: 'stalled' },
        ...coordinatorsOf(inquiry).map((person): NotificationIntent => ({
          kind: 'handler.notice',
          inquiryId: id,
          recipientKey: person.key,
          reason: 'stalled',
        })),
      ],
    };
  }

  if (!level) return undefined;
  const reason = clock.phase === 'claim' ? 'claim_timeout' : 'deadline';
  const { assignee: lapsed, ...released } = inquiry;
  const moved: Inquiry = {
    ...released,
    level,
    status: 'new',
    ...(level === 'vendor' ? { vendorCase: vendorCase(inquiry, at) } : {}),
  };
  const notifications: NotificationIntent[] = [
    ...escalationNotices(inquiry, level, reason),
    ...(lapsed
      ? [
          {
            kind: 'handler.notice',
            inquiryId: id,
            recipientKey: lapsed.key,
            reason: 'claim_lapsed',
          } as const,
        ]
      : []),
    ...(level === 'vendor'
      ? targetsAt(inquiry.chain, 'system_responsible').map((person): NotificationIntent => ({
          kind: 'handler.notice',
          inquiryId: id,
          recipientKey: person.key,
          reason: 'vendor_case',
        }))
      : []),
  ];
  return {
    inquiry: record(retime(inquiry, moved, now, timing), { type: 'escalated', level, reason }),
    notifications,
  };
}

type RecordStep = (changed: Inquiry, event: Omit<InquiryEvent, 'at'>) => Inquiry;

/** Who follows up a stalled inquiry: its coordinators, or without them its system responsible. */
function coordinatorsOf(inquiry: Inquiry): PersonRef[] {
  const inChain = targetsAt(inquiry.chain, 'coordinator');
  return inChain.length ? inChain : targetsAt(inquiry.chain, 'system_responsible');
}

/** A stalled inquiry nobody has acted on for a period: its coordinators are reminded again. */
function remindStalled(
  inquiry: Inquiry,
  now: Date,
  timing: EscalationTiming,
  record: RecordStep,
): DueStep {
  const next = timing.calendar.add(now, timing.followUps.stalledReminderEvery).toISOString();
  return {
    inquiry: record({ ...inquiry, dueAt: next }, { type: 'stalled_reminded', level: 'vendor' }),
    notifications: coordinatorsOf(inquiry).map((person) => ({
      kind: 'handler.notice',
      inquiryId: inquiry.id,
      recipientKey: person.key,
      reason: 'stalled_reminder',
    })),
  };
}

/**
 * An inquiry waiting for the asker's reply: first the asker is reminded of the question; when a
 * second period passes without a reply, it goes back to its handler (the clock runs again from
 * where it stood) and both are told.
 */
function followUpAsker(
  inquiry: Inquiry,
  clock: EscalationClock,
  now: Date,
  timing: EscalationTiming,
  record: RecordStep,
): DueStep {
  const id = inquiry.id;
  if (!clock.askerRemindedAt) {
    const returnAt = timing.calendar.add(now, timing.followUps.askerReturnAfter).toISOString();
    return {
      inquiry: record(
        {
          ...inquiry,
          escalation: { ...clock, askerRemindedAt: now.toISOString() },
          dueAt: returnAt,
        },
        { type: 'asker_reminded', level: inquiry.level },
      ),
      notifications: [{ kind: 'asker.question', inquiryId: id, reminder: true }],
    };
  }
  const back: Inquiry = { ...inquiry, status: inquiry.assignee ? 'claimed' : 'new' };
  return {
    inquiry: record(retime(inquiry, back, now, timing), {
      type: 'returned_to_handler',
      level: inquiry.level,
    }),
    notifications: [
      { kind: 'triage.update', inquiryId: id },
      { kind: 'asker.status', inquiryId: id },
      { kind: 'asker.notice', inquiryId: id, reason: 'returned' },
      ...(inquiry.assignee
        ? [
            {
              kind: 'handler.notice',
              inquiryId: id,
              recipientKey: inquiry.assignee.key,
              reason: 'asker_silent',
            } as const,
          ]
        : []),
    ],
  };
}
