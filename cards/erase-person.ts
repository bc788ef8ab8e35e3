import { messages, type Locale } from '../src/i18n';
import { expandTemplate, type AdaptiveCardJson, type Fact } from './render';
import template from './erase-person.json';
import { Verbs } from './verbs';

/** What the confirmation of an erasure carries back: the person and the signed permission. */
export interface ErasePersonAction {
  /** The email address or Entra object id the admin named. */
  person: string;
  /** Until when the confirmation holds, and its signature (see src/links/signed-link.ts). */
  e: string;
  sig: string;
}

export interface ErasePersonCardData {
  title: string;
  facts: Fact[];
  what: string;
  organisationNote?: string;
  confirm: string;
  verb: string;
  data: ErasePersonAction;
}

/** For an admin: what erasing a person will change, and the button that does it. */
export function renderErasePersonCard(data: ErasePersonCardData): AdaptiveCardJson {
  return expandTemplate(template, data);
}

export interface ErasureSummary {
  /** The email address or Entra object id the admin named. */
  label: string;
  name?: string;
  asked: number;
  handled: number;
  drafts: number;
  profile: boolean;
  absence: boolean;
  inOrganisation: boolean;
}

export function erasePersonCardData(
  summary: ErasureSummary,
  action: ErasePersonAction,
  locale: Locale,
): ErasePersonCardData {
  const t = messages(locale).privacy;
  const yesNo = (value: boolean) => (value ? t.yes : t.no);
  return {
    title: t.eraseTitle,
    facts: [
      {
        title: t.eraseFacts.person,
        value: summary.name ? `${summary.name} (${summary.label})` : summary.label,
      },
      { title: t.eraseFacts.asked, value: String(summary.asked) },
      { title: t.eraseFacts.handled, value: String(summary.handled) },
      { title: t.eraseFacts.drafts, value: String(summary.drafts) },
      { title: t.eraseFacts.profile, value: yesNo(summary.profile) },
      { title: t.eraseFacts.absence, value: yesNo(summary.absence) },
    ],
    what: t.eraseWhat,
    ...(summary.inOrganisation ? { organisationNote: t.organisationNote } : {}),
    confirm: t.confirm,
    verb: Verbs.erasePerson,
    data: action,
  };
}
