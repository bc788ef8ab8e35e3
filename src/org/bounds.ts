import Holidays from 'date-holidays';

/** The parts of an ISO-8601 duration as the organisation file writes them (PT4H, P1D, P1W…). */
export interface DurationParts {
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export const isoDurationPattern =
  /^P(?!$)(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

export function durationParts(text: string): DurationParts | undefined {
  const match = isoDurationPattern.exec(text);
  if (!match) return undefined;
  const [weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0));
  return { weeks, days, hours, minutes, seconds };
}

const hourSeconds = 3600;
const yearDays = 366;

/** Whole days (weeks and days) and working time (hours, minutes, seconds) of a duration. */
function split(parts: DurationParts): { days: number; workingSeconds: number } {
  return {
    days: parts.weeks * 7 + parts.days,
    workingSeconds: parts.hours * hourSeconds + parts.minutes * 60 + parts.seconds,
  };
}

/**
 * Why a response time or interval cannot be used, or undefined when it can. A duration must be
 * longer than zero, and no longer than a year: in days, and in working time a year of the calendar
 * holds (`weeklyWorkingSeconds`; round the clock for 24/7), so every deadline the bot computes is a
 * real date the scheduler can reach.
 */
export function durationProblem(text: string, weeklyWorkingSeconds: number): string | undefined {
  const parts = durationParts(text);
  if (!parts) return 'an ISO-8601 duration such as PT4H or P1D';
  const { days, workingSeconds } = split(parts);
  if (days === 0 && workingSeconds === 0) return 'must be longer than zero';
  if (days > yearDays) return `"${text}" is longer than a year (at most P${yearDays}D)`;
  const yearOfWork = Math.floor((weeklyWorkingSeconds * 52) / hourSeconds);
  if (workingSeconds > weeklyWorkingSeconds * 52) {
    return `"${text}" is more working time than a year of this calendar holds (at most PT${yearOfWork}H)`;
  }
  return undefined;
}

let countries: ReadonlySet<string> | undefined;

/** Country codes whose public holidays are known (ISO 3166-1 alpha-2, such as NO). */
export function isHolidayCountry(code: string): boolean {
  countries ??= new Set(Object.keys(new Holidays().getCountries()));
  return countries.has(code);
}

export const weekSeconds = 7 * 24 * hourSeconds;
