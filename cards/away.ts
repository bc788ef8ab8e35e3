import { isAwayAt, localDate, type Absence } from '../src/absence/absence';
import { deputyCandidates } from '../src/absence/role-set';
import { messages, type Locale } from '../src/i18n';
import type { Directory } from '../src/org/directory';
import { expandTemplate, type AdaptiveCardJson } from './render';
import { Inputs, Verbs } from './verbs';
import template from './away.json';

export interface AwayCardData {
  title: string;
  body: string;
  /** "Nå: Kari Nordmann er borte til 12. desember; stedfortreder Ola Hansen.", while away. */
  current?: string;
  /** Today in the organisation's time zone: the first day that may be picked. */
  today: string;
  /** The day shown at first: the current absence's last day, or today. */
  until: string;
  /** Everyone who holds one of the same roles: `value` is their email. */
  deputies: { title: string; value: string }[];
  labels: {
    until: string;
    untilRequired: string;
    deputy: string;
    deputyPlaceholder: string;
    deputyRequired: string;
    submit: string;
    back: string;
  };
}

/** A handler marks themselves away until a day with a deputy, or says they are back. */
export function renderAwayCard(data: AwayCardData): AdaptiveCardJson {
  return expandTemplate(template, {
    ...data,
    verbs: { setAway: Verbs.setAway, endAway: Verbs.endAway },
    inputs: Inputs,
  });
}

export function awayCardData(
  directory: Directory,
  key: string,
  absence: Absence | undefined,
  now: Date,
  locale: Locale,
): AwayCardData {
  const t = messages(locale);
  const today = localDate(now, directory.timeZone);
  const away = isAwayAt(absence, now) ? absence : undefined;
  return {
    title: t.away.title,
    body: t.away.body,
    ...(away
      ? {
          current: t.away.current(t.away.line(away.name, t.away.day(away.until), away.deputy.name)),
        }
      : {}),
    today,
    until: away?.until ?? today,
    deputies: deputyCandidates(directory, key, locale).map((p) => ({
      title: p.name,
      value: p.email,
    })),
    labels: {
      until: t.away.until,
      untilRequired: t.away.untilRequired,
      deputy: t.away.deputy,
      deputyPlaceholder: t.away.deputyPlaceholder,
      deputyRequired: t.away.deputyRequired,
      submit: t.away.submit,
      back: t.away.back,
    },
  };
}
