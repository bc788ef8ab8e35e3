import { z } from 'zod/v4';
import { durationProblem, isHolidayCountry, isoDurationPattern, weekSeconds } from './bounds';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');
// No spaces, and no invisible or control characters (\p{C}: a zero-width space pasted from a
// document would make an address that never matches the person's).
const email = z
  .string()
  .max(254)
  .regex(
    /^[^\s@\p{C}]+@[^\s@\p{C}]+\.[^\s@\p{C}]+$/u,
    'not an email address (no spaces or invisible characters)',
  )
  .transform((value) => value.toLowerCase());
const isoDuration = z
  .string()
  .regex(isoDurationPattern, 'an ISO-8601 duration such as PT4H or P1D');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 08:00');
/** A name people read on cards: present, of a sensible length, without control characters. */
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max, `at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, 'no control characters');
const name = text(200);
/** A team's or a channel's id as Teams gives it: `19:…@thread.tacv2` (or `@thread.skype`). */
const teamsThreadId = z
  .string()
  .regex(
    /^19:[^\s@]+@thread\.(tacv2|skype)$/,
    'a Teams id such as 19:…@thread.tacv2 (from "Get link to channel")',
  );
const localised = z.object({ nb: name, en: name });
/** A telephone number as people write it: digits, spaces, an optional leading +, and - ( ). */
const phone = z
  .string()
  .max(40)
  .regex(/^\+?[0-9][0-9 ()-]{1,38}$/, 'a telephone number such as +47 51 51 66 00');

/**
 * A contact point as the organisation publishes it ("Kontaktpunkt for henvendelser"): a function
 * such as "Koordinator skole", the person who holds it and how to reach them. A function nobody
 * holds yet has no name: it is shown as vacant.
 */
const contactPoint = z.object({
  function: z.union([name, localised]),
  name: name.optional(),
  phone: phone.optional(),
  email: email.optional(),
  /** The unit (avdeling/seksjon) the function belongs to. */
  unit: id.optional(),
});

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const workingDay = z.object({ start: clockTime, end: clockTime }).nullable();

const calendar = z.union(
  [
    z.literal('24/7'),
    z.object({
      timeZone: z.string().min(1).default('Europe/Oslo'),
      workingHours: z.object(
        Object.fromEntries(weekdays.map((day) => [day, workingDay.optional()])) as Record<
          (typeof weekdays)[number],
          z.ZodOptional<typeof workingDay>
        >,
      ),
      holidays: z
        .string()
        .regex(/^[A-Z]{2}$/, 'a country code in capitals, such as NO')
        .refine(isHolidayCountry, {
          error: (issue) => `no public holidays are known for country "${String(issue.input)}"`,
        })
        .default('NO'),
    }),
  ],
  { error: 'either "24/7" or an object with timeZone, workingHours and holidays' },
);

/** The follow-up periods of an organisation file that names none. */
export const followUpDefaults = {
  askerReminderAfter: 'P2D',
  askerReturnAfter: 'P3D',
  unfinishedReminderAfter: 'PT4H',
  unfinishedDropAfter: 'P2D',
  stalledReminderEvery: 'P5D',
};

export const organisationSchema = z
  .object({
    $schema: z.string().optional(),
    name,
    language: z.enum(['nb', 'en']).default('nb'),
    units: z
      .array(
        z.object({
          id,
          name,
          workArea: id,
          superusers: z.array(email).max(200),
        }),
      )
      .min(1),
    workAreas: z
      .array(
        z.object({
          id,
          name,
          /** Empty while the role is vacant: inquiries then go past this level. */
          coordinators: z.array(email).max(200),
          triageChannel: z
            .object({
              teamId: teamsThreadId,
              channelId: teamsThreadId,
              name: name.optional(),
            })
            .optional(),
        }),
      )
      .min(1),
    people: z.array(
      z.object({
        email,
        name,
        unit: id,
        aadObjectId: z.string().uuid().optional(),
      }),
    ),
    topics: z
      .array(
        z.object({
          id,
          name: localised,
          /** Empty while the role is vacant: inquiries then go past this level. */
          systemResponsible: z.array(email).max(200),
          keywords: z.array(text(100).min(2)).max(500).default([]),
        }),
      )
      .min(1),
    escalation: z.object({
      superuser: isoDuration,
      coordinator: isoDuration,
      systemResponsible: isoDuration,
      claimTimeout: isoDuration.optional(),
      reminderBefore: isoDuration.optional(),
      vendorReminderInterval: isoDuration.optional(),
      vendorReminders: z.number().int().min(0).max(20).optional(),
    }),
    calendar,
    vendor: z.object({ name, email }),
    /** How long after resolution the asker may reopen an inquiry; 14 days when absent. */
    reopenWithin: isoDuration.optional(),
    admins: z.array(email).default([]),
    helpdesk: z.array(email).max(200).default([]),
    contactPoints: z.array(contactPoint).max(100).default([]),
    /** The resource group: the channel its half-yearly report pack is posted to. */
    resourceGroup: z
      .object({
        channel: z.object({
          teamId: teamsThreadId,
          channelId: teamsThreadId,
          name: name.optional(),
        }),
      })
      .optional(),
    /**
     * How long a finished (resolved or withdrawn) inquiry keeps its text and people, counted in
     * calendar time from when it finished; then only its figures stay. Kept for ever when absent.
     */
    retainFinishedFor: isoDuration.optional(),
    /**
     * When the bot follows up what would otherwise wait unseen, in business time of the calendar:
     * an inquiry waiting for the asker (reminded, then back to the handler), a question left
     * without a unit or topic (reminded, then dropped), and a stalled inquiry (its coordinators
     * reminded on a schedule).
     */
    followUps: z
      .object({
        askerReminderAfter: isoDuration.default(followUpDefaults.askerReminderAfter),
        askerReturnAfter: isoDuration.default(followUpDefaults.askerReturnAfter),
        unfinishedReminderAfter: isoDuration.default(followUpDefaults.unfinishedReminderAfter),
        unfinishedDropAfter: isoDuration.default(followUpDefaults.unfinishedDropAfter),
        stalledReminderEvery: isoDuration.default(followUpDefaults.stalledReminderEvery),
      })
      .default(followUpDefaults),
  })
  .superRefine((org, ctx) => {
    const issue = (path: (string | number)[], message: string): void => {
      ctx.addIssue({ code: 'custom', path, message });
    };
    const duplicates = (values: string[], path: string, field: string): void => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) issue([path, index, field], `duplicate ${field} "${value}"`);
        seen.add(value);
      });
    };
    duplicates(
      org.units.map((u) => u.id),
      'units',
      'id',
    );
    duplicates(
      org.workAreas.map((w) => w.id),
      'workAreas',
      'id',
    );
    duplicates(
      org.topics.map((t) => t.id),
      'topics',
      'id',
    );
    duplicates(
      org.people.map((p) => p.email),
      'people',
      'email',
    );
    duplicates(
      org.people.flatMap((p) => (p.aadObjectId ? [p.aadObjectId] : [])),
      'people',
      'aadObjectId',
    );

    const workAreas = new Set(org.workAreas.map((w) => w.id));
    const units = new Set(org.units.map((u) => u.id));
    const people = new Set(org.people.map((p) => p.email));
    const known = (emails: string[], path: (string | number)[]): void => {
      emails.forEach((address, index) => {
        if (!people.has(address)) issue([...path, index], `"${address}" is not listed in people`);
      });
    };
    org.units.forEach((unit, index) => {
      if (!workAreas.has(unit.workArea)) {
        issue(['units', index, 'workArea'], `unknown work area "${unit.workArea}"`);
      }
      known(unit.superusers, ['units', index, 'superusers']);
    });
    org.workAreas.forEach((area, index) =>
      known(area.coordinators, ['workAreas', index, 'coordinators']),
    );
    org.topics.forEach((topic, index) =>
      known(topic.systemResponsible, ['topics', index, 'systemResponsible']),
    );
    org.people.forEach((person, index) => {
      if (!units.has(person.unit))
        issue(['people', index, 'unit'], `unknown unit "${person.unit}"`);
    });
    known(org.admins, ['admins']);
    known(org.helpdesk, ['helpdesk']);
    org.contactPoints.forEach((point, index) => {
      if (point.unit && !units.has(point.unit))
        issue(['contactPoints', index, 'unit'], `unknown unit "${point.unit}"`);
    });
    const weeklyWorkingSeconds = weeklyWorkingTime(org.calendar);
    for (const [field, value] of Object.entries(org.escalation)) {
      // A calendar without working time is reported on its own; nothing fits in it.
      if (typeof value !== 'string' || weeklyWorkingSeconds === 0) continue;
      const problem = durationProblem(value, weeklyWorkingSeconds);
      if (problem) issue(['escalation', field], problem);
    }
    for (const [field, value] of Object.entries(org.followUps)) {
      if (weeklyWorkingSeconds === 0) continue;
      const problem = durationProblem(value, weeklyWorkingSeconds);
      if (problem) issue(['followUps', field], problem);
    }
    if (typeof org.calendar !== 'string') {
      const { workingHours } = org.calendar;
      try {
        new Intl.DateTimeFormat('en', { timeZone: org.calendar.timeZone });
      } catch {
        issue(['calendar', 'timeZone'], `unknown time zone "${org.calendar.timeZone}"`);
      }
      weekdays.forEach((day) => {
        const hours = workingHours[day];
        if (hours && hours.end <= hours.start) {
          issue(['calendar', 'workingHours', day, 'end'], `must be after ${hours.start}`);
        }
      });
      if (!weekdays.some((day) => workingHours[day])) {
        issue(['calendar', 'workingHours'], 'at least one day needs working hours');
      }
    }
  });

/** Working seconds in a week of the calendar: every second of it for 24/7. */
function weeklyWorkingTime(calendar: Organisation['calendar']): number {
  if (calendar === '24/7') return weekSeconds;
  const minutes = (time: string): number => {
    const [hours, mins] = time.split(':').map(Number);
    return hours * 60 + mins;
  };
  return weekdays.reduce((total, day) => {
    const hours = calendar.workingHours[day];
    return hours ? total + Math.max(0, minutes(hours.end) - minutes(hours.start)) * 60 : total;
  }, 0);
}

export type OrganisationInput = z.input<typeof organisationSchema>;
export type Organisation = z.output<typeof organisationSchema>;
export type Unit = Organisation['units'][number];
export type WorkArea = Organisation['workAreas'][number];
export type Person = Organisation['people'][number];
export type Topic = Organisation['topics'][number];
export type ContactPoint = Organisation['contactPoints'][number];
export type FollowUps = Organisation['followUps'];

/** The JSON Schema published for organisation files (schema/organisation.schema.json). */
export function organisationJsonSchema(): object {
  return {
    ...z.toJSONSchema(organisationSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://qm-hjelp.example/schema/organisation.schema.json',
    title: 'Qm+ Hjelp organisation',
  };
}
