import { messages, type Locale } from '../src/i18n';
import type { Directory } from '../src/org/directory';
import { Inputs, Verbs } from './verbs';
import { expandTemplate, type AdaptiveCardJson } from './render';
import template from './pick-unit.json';

export interface PickUnitCardData {
  draftId: string;
  title: string;
  body: string;
  /** The list's label. */
  label: string;
  placeholder: string;
  required: string;
  submit: string;
  privacy: string;
  /** Every unit: `title` is the unit with its work area, `value` the unit id. */
  units: { title: string; value: string }[];
}

/** Asks someone the organisation does not list which unit they belong to; the list is searchable. */
export function renderPickUnitCard(data: PickUnitCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, verb: Verbs.pickUnit, inputs: Inputs });
}

/** Every unit of the organisation with its work area, sorted for the reader's language. */
export function unitChoices(
  directory: Directory,
  locale: Locale,
): { title: string; value: string }[] {
  const collator = new Intl.Collator(locale);
  return directory
    .allUnits()
    .map((u) => ({
      title: `${u.name} (${directory.workArea(u.workArea)?.name ?? u.workArea})`,
      value: u.id,
    }))
    .sort((a, b) => collator.compare(a.title, b.title));
}

/** Asks for the unit: every unit with its work area, sorted for the reader's language. */
export function pickUnitCardData(
  directory: Directory,
  locale: Locale,
  draftId: string,
): PickUnitCardData {
  const t = messages(locale);
  return {
    draftId,
    title: t.pickUnit.title,
    body: t.pickUnit.body,
    label: t.card.unit,
    placeholder: t.pickUnit.placeholder,
    required: t.pickUnit.required,
    submit: t.pickUnit.submit,
    privacy: t.help.privacy,
    units: unitChoices(directory, locale),
  };
}
