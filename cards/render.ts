import * as ACData from 'adaptivecards-templating';
import type { PersonRef } from '../src/inquiries/person';

/** An expanded card, as Teams and teams-ai take it. */
export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  [key: string]: unknown;
}

export interface Mention {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** Expands a card template with its data. Data values are inserted as values, never as template. */
export function expandTemplate(template: object, data: object): AdaptiveCardJson {
  return new ACData.Template(template).expand({ $root: data }) as AdaptiveCardJson;
}

/** The text `<at>Name</at>` and the entity Teams needs to turn it into a mention. */
export function mentionEntity(person: PersonRef): Mention {
  const text = `<at>${person.name.replace(/[<>]/g, '')}</at>`;
  return {
    type: 'mention',
    text,
    mentioned: {
      id: person.aadObjectId ?? person.teamsId ?? person.email ?? person.key,
      name: person.name,
    },
  };
}

/** Text written by people, cut for a card preview; the whole text is shown on request. */
export interface LongText {
  preview: string;
  full: string;
  long: boolean;
}

export const previewLength = 600;

export function longText(text: string): LongText {
  const long = text.length > previewLength;
  return { preview: long ? `${text.slice(0, previewLength).trimEnd()} …` : text, full: text, long };
}
