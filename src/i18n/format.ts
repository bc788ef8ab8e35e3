/** Words for the parts of a duration, singular and plural. */
export interface DurationWords {
  weeks: [string, string];
  days: [string, string];
  hours: [string, string];
  minutes: [string, string];
  seconds: [string, string];
  and: string;
}

/**
 * An ISO-8601 duration in words: "4 arbeidstimer", "2 working days and 4 hours". Unknown or empty
 * durations give an empty string.
 */
export function durationIn(words: DurationWords): (iso: string) => string {
  const units = ['weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
  const pattern = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;
  return (iso) => {
    const match = pattern.exec(iso);
    if (!match) return '';
    const parts = units.flatMap((unit, index) => {
      const count = Number(match[index + 1] ?? 0);
      return count > 0 ? [`${count} ${words[unit][count === 1 ? 0 : 1]}`] : [];
    });
    if (parts.length <= 1) return parts.join('');
    return `${parts.slice(0, -1).join(', ')} ${words.and} ${parts[parts.length - 1]}`;
  };
}

/** Weekday, date and time in the organisation's time zone, as people in `languageTag` write it. */
export function dateTimeIn(languageTag: string): (date: Date, timeZone: string) => string {
  // Making a formatter costs far more than formatting with it: one per time zone, kept.
  const formats = new Map<string, Intl.DateTimeFormat>();
  return (date, timeZone) => {
    let format = formats.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat(languageTag, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        hour: '2-digit',
        minute: '2-digit',
        timeZone,
      });
      formats.set(timeZone, format);
    }
    return format.format(date);
  };
}
