import type { Locale } from './index';

const formats = new Map<Locale, Intl.RelativeTimeFormat>();

/** "for 3 dager siden", "2 hours ago": how long ago an instant was, in the reader's language. */
export function timeAgo(then: Date, now: Date, locale: Locale): string {
  const format =
    formats.get(locale) ??
    new Intl.RelativeTimeFormat(locale === 'nb' ? 'nb-NO' : 'en-GB', { numeric: 'auto' });
  formats.set(locale, format);
  const minutes = Math.max(0, Math.round((now.getTime() - then.getTime()) / 60_000));
  if (minutes < 60) return format.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return format.format(-hours, 'hour');
  return format.format(-Math.round(hours / 24), 'day');
}
