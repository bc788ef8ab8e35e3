import { DateTime } from 'luxon';

const zone = 'Europe/Oslo';
const days = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 } as const;

/** 09:00 in Oslo on the first Monday after `after`. */
export function nextMonday(after: Date): Date {
  const local = DateTime.fromJSDate(after, { zone });
  return local
    .plus({ weeks: 1 })
    .set({ weekday: 1, hour: 9, minute: 0, second: 0, millisecond: 0 })
    .toJSDate();
}

/**
 * Instants in the working week that begins on `monday`, written as people in the office say them:
 * `week.at('tue', '12:00')`, or `week.at('mon', '13:00', 1)` for the Monday after.
 */
export function officeWeek(monday: Date) {
  const start = DateTime.fromJSDate(monday, { zone }).startOf('week');
  return {
    at(day: keyof typeof days, time: string, weeksLater = 0): Date {
      const [hour, minute] = time.split(':').map(Number);
      return start
        .plus({ weeks: weeksLater, days: days[day] - 1 })
        .set({ hour, minute, second: 0, millisecond: 0 })
        .toJSDate();
    },
  };
}
