/** Weekday, date and time in the organisation's time zone, as people in `languageTag` write it. */
export function dateTimeIn(languageTag: string): (date: Date, timeZone: string) => string {
  return (date, timeZone) =>
    new Intl.DateTimeFormat(languageTag, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(date);
}
