import Holidays from 'date-holidays';
import { DateTime, Duration } from 'luxon';
import { weekdays, type Organisation } from '../org/schema';

type CalendarConfig = Organisation['calendar'];

interface Window {
  start: number;
  end: number;
}

const dayMs = 24 * 60 * 60 * 1000;
/** How far the calendar looks for a working period before it gives up (a calendar with none). */
const searchDays = 3 * 366;

/**
 * Business time in an organisation's calendar: working hours per weekday in its IANA time zone,
 * without the country's public holidays; or round the clock for `24/7`. Every instant in and out is
 * an absolute `Date`; daylight-saving changes are the time zone library's concern.
 *
 * Durations are ISO-8601. In a working calendar, hours and minutes count working time only, and a
 * day (`P1D`) is one working day: the same time of day on the next working day.
 */
export class BusinessCalendar {
  private readonly holidayYears = new Map<number, Set<string>>();
  private readonly durations = new Map<string, { days: number; ms: number }>();
  /** Working periods by the start of their local day, computed once. */
  private readonly windows = new Map<number, Window | undefined>();
  /** The same windows by local day number, for `workingBetween`'s walk over many days. */
  private readonly dayNumberWindows = new Map<number, Window | undefined>();
  private readonly holidays?: Holidays;

  private constructor(private readonly config: CalendarConfig) {
    if (config !== '24/7') this.holidays = new Holidays(config.holidays);
  }

  static of(config: CalendarConfig): BusinessCalendar {
    return new BusinessCalendar(config);
  }

  get roundTheClock(): boolean {
    return this.config === '24/7';
  }

  /** `at` when it is working time, otherwise when the next working period starts. */
  nextWorkingMoment(at: Date): Date {
    return this.addWorking(at, 0);
  }

  isWorkingTime(at: Date): boolean {
    if (this.config === '24/7') return true;
    const window = this.windowOn(this.localDay(at.getTime()));
    return window !== undefined && at.getTime() >= window.start && at.getTime() < window.end;
  }

  /** The instant `duration` of business time after `from`. */
  add(from: Date, duration: string): Date {
    const { days, ms } = this.parse(duration);
    if (this.config === '24/7') return new Date(from.getTime() + days * dayMs + ms);
    const afterDays = this.addWorkingDays(from, days);
    return days > 0 && ms === 0 ? afterDays : this.addWorking(afterDays, ms);
  }

  /** The instant `duration` of business time before `to`. */
  subtract(to: Date, duration: string): Date {
    const { days, ms } = this.parse(duration);
    if (this.config === '24/7') return new Date(to.getTime() - days * dayMs - ms);
    const beforeDays = this.subtractWorkingDays(to, days);
    return days > 0 && ms === 0 ? beforeDays : this.subtractWorking(beforeDays, ms);
  }

  /** The instant `ms` of working time after `from`. */
  addWorking(from: Date, ms: number): Date {
    if (this.config === '24/7') return new Date(from.getTime() + ms);
    let cursor = from.getTime();
    let left = ms;
    let day = this.localDay(cursor);
    for (let step = 0; step < searchDays; step++, day = day.plus({ days: 1 })) {
      const window = this.windowOn(day);
      if (!window || cursor >= window.end) continue;
      cursor = Math.max(cursor, window.start);
      if (left <= window.end - cursor) return new Date(cursor + left);
      left -= window.end - cursor;
    }
    throw new Error('The calendar has no working hours');
  }

  /** The instant `ms` of working time before `to`. */
  subtractWorking(to: Date, ms: number): Date {
    if (this.config === '24/7') return new Date(to.getTime() - ms);
    let cursor = to.getTime();
    let left = ms;
    let day = this.localDay(cursor);
    for (let step = 0; step < searchDays; step++, day = day.minus({ days: 1 })) {
      const window = this.windowOn(day);
      if (!window || cursor <= window.start) continue;
      cursor = Math.min(cursor, window.end);
      if (left <= cursor - window.start) return new Date(cursor - left);
      left -= cursor - window.start;
    }
    throw new Error('The calendar has no working hours');
  }

  /** When the week that holds `at` began: Monday at midnight in the calendar's time zone. */
  weekStart(at: Date): Date {
    return new Date(this.localDay(at.getTime()).startOf('week').toMillis());
  }

  /** How much working time lies between two instants (zero when `to` is not after `from`). */
  workingBetween(from: Date, to: Date): number {
    if (to <= from) return 0;
    if (this.config === '24/7') return to.getTime() - from.getTime();
    let total = 0;
    // Days are counted by number, so that each day's window is looked up, not computed again:
    // the queue asks this for every line it shows, of inquiries open for weeks.
    const last = this.localDayNumber(to.getTime());
    for (let day = this.localDayNumber(from.getTime()); day <= last; day++) {
      const window = this.windowOnDayNumber(day);
      if (!window) continue;
      const start = Math.max(window.start, from.getTime());
      const end = Math.min(window.end, to.getTime());
      if (end > start) total += end - start;
    }
    return total;
  }

  private addWorkingDays(from: Date, days: number): Date {
    if (days === 0) return from;
    const start = this.nextWorkingMoment(from).getTime();
    let day = this.localDay(start);
    const offset = start - this.windowOn(day)!.start;
    for (let counted = 0, step = 0; counted < days; step++) {
      if (step > searchDays) throw new Error('The calendar has no working hours');
      day = day.plus({ days: 1 });
      if (this.windowOn(day)) counted++;
    }
    const window = this.windowOn(day)!;
    return new Date(Math.min(window.start + offset, window.end));
  }

  private subtractWorkingDays(to: Date, days: number): Date {
    if (days === 0) return to;
    const end = this.subtractWorking(to, 0).getTime();
    let day = this.localDay(end);
    const window0 = this.windowOn(day);
    const offset = window0 ? end - window0.start : 0;
    for (let counted = 0, step = 0; counted < days; step++) {
      if (step > searchDays) throw new Error('The calendar has no working hours');
      day = day.minus({ days: 1 });
      if (this.windowOn(day)) counted++;
    }
    const window = this.windowOn(day)!;
    return new Date(Math.min(window.start + offset, window.end));
  }

  private parse(duration: string): { days: number; ms: number } {
    const known = this.durations.get(duration);
    if (known) return known;
    const parsed = Duration.fromISO(duration);
    if (!parsed.isValid) throw new Error(`Not an ISO-8601 duration: ${duration}`);
    const { weeks = 0, days = 0, hours = 0, minutes = 0, seconds = 0 } = parsed.toObject();
    const result = {
      days: weeks * 7 + days,
      ms: Duration.fromObject({ hours, minutes, seconds }).as('milliseconds'),
    };
    this.durations.set(duration, result);
    return result;
  }

  /** The local date of an instant as a day number (days since 1970-01-01 of that date). */
  private localDayNumber(instant: number): number {
    const day = this.localDay(instant);
    return Math.round(Date.UTC(day.year, day.month - 1, day.day) / 86_400_000);
  }

  /** The working period of the local day with this number (see `localDayNumber`). */
  private windowOnDayNumber(dayNumber: number): Window | undefined {
    if (this.dayNumberWindows.has(dayNumber)) return this.dayNumberWindows.get(dayNumber);
    const date = new Date(dayNumber * 86_400_000);
    const zone = this.config === '24/7' ? 'UTC' : this.config.timeZone;
    const day = DateTime.fromObject(
      { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() },
      { zone },
    );
    const window = this.windowOn(day);
    if (this.dayNumberWindows.size > 20_000) this.dayNumberWindows.clear();
    this.dayNumberWindows.set(dayNumber, window);
    return window;
  }

  private localDay(instant: number): DateTime {
    const zone = this.config === '24/7' ? 'UTC' : this.config.timeZone;
    return DateTime.fromMillis(instant, { zone }).startOf('day');
  }

  /** The working period of one local day, or none on a day off or a public holiday. */
  private windowOn(day: DateTime): Window | undefined {
    if (this.config === '24/7') return undefined;
    const key = day.toMillis();
    if (this.windows.has(key)) return this.windows.get(key);
    const window = this.computeWindow(day);
    if (this.windows.size > 20_000) this.windows.clear();
    this.windows.set(key, window);
    return window;
  }

  private computeWindow(day: DateTime): Window | undefined {
    if (this.config === '24/7') return undefined;
    const hours = this.config.workingHours[weekdays[day.weekday - 1]];
    if (!hours || this.isHoliday(day)) return undefined;
    const at = (clock: string): number => {
      const [hour, minute] = clock.split(':').map(Number);
      return day.set({ hour, minute }).toMillis();
    };
    const window = { start: at(hours.start), end: at(hours.end) };
    return window.end > window.start ? window : undefined;
  }

  private isHoliday(day: DateTime): boolean {
    let year = this.holidayYears.get(day.year);
    if (!year) {
      year = new Set(
        (this.holidays?.getHolidays(day.year) ?? [])
          .filter((holiday) => holiday.type === 'public')
          .map((holiday) => holiday.date.slice(0, 10)),
      );
      this.holidayYears.set(day.year, year);
    }
    return year.has(day.toISODate()!);
  }
}
