import type { Level } from '../inquiries/inquiry';
import type { Directory } from '../org/directory';
import { followUpDefaults, type FollowUps } from '../org/schema';
import { BusinessCalendar } from './business-calendar';

export type RespondingLevel = Exclude<Level, 'vendor'>;

/** How long each level has, and how the bot reminds; durations are ISO-8601 in business time. */
export interface EscalationPolicy {
  responseTime: Record<RespondingLevel, string>;
  /** How long a claimed inquiry may go unanswered before the next level is told. */
  claimTimeout?: string;
  /** How long before a deadline the current level is reminded; no reminder when absent. */
  reminderBefore?: string;
  vendorReminderInterval: string;
  /** Reminders at the vendor level before the inquiry is marked stalled. */
  vendorReminders: number;
}

/** What the escalation rules need to compute deadlines: the policy and the business calendar. */
export interface EscalationTiming {
  policy: EscalationPolicy;
  calendar: BusinessCalendar;
  /** When what waits unseen is followed up (the organisation file's `followUps`). */
  followUps: FollowUps;
}

const defaults = { vendorReminderInterval: 'P2D', vendorReminders: 3 } as const;

const timings = new WeakMap<object, EscalationTiming>();

/** The escalation timing of the organisation a directory describes, built once per snapshot. */
export function escalationTiming(directory: Directory): EscalationTiming {
  const { structure } = directory.snapshot;
  const cached = timings.get(structure);
  if (cached) return cached;
  const { escalation } = structure;
  const timing: EscalationTiming = {
    policy: {
      responseTime: {
        superuser: escalation.superuser,
        coordinator: escalation.coordinator,
        system_responsible: escalation.systemResponsible,
      },
      ...(escalation.claimTimeout ? { claimTimeout: escalation.claimTimeout } : {}),
      ...(escalation.reminderBefore ? { reminderBefore: escalation.reminderBefore } : {}),
      vendorReminderInterval: escalation.vendorReminderInterval ?? defaults.vendorReminderInterval,
      vendorReminders: escalation.vendorReminders ?? defaults.vendorReminders,
    },
    calendar: BusinessCalendar.of(structure.calendar),
    // An organisation stored before the periods existed has none: the defaults hold for it.
    followUps: { ...followUpDefaults, ...(structure.followUps as Partial<FollowUps> | undefined) },
  };
  timings.set(structure, timing);
  return timing;
}
