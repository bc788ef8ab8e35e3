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
