import { en } from './en';
import { nb, type Messages } from './nb';

export type Locale = 'nb' | 'en';
export type { Messages };

const catalogues: Record<Locale, Messages> = { nb, en };

/** The catalogue for a locale. */
export function messages(locale: Locale): Messages {
  return catalogues[locale];
}

/**
 * The locale to answer in, from a Teams locale such as `en-US` or `nb-NO`. English when Teams asks
 * for it, Norwegian bokmål otherwise (also for nn, no and anything unknown).
 */
export function localeFrom(teamsLocale: string | undefined, fallback: Locale = 'nb'): Locale {
  if (!teamsLocale) return fallback;
  const language = teamsLocale.toLowerCase().split(/[-_]/)[0];
  if (language === 'en') return 'en';
  if (language === 'nb' || language === 'nn' || language === 'no') return 'nb';
  return fallback;
}
