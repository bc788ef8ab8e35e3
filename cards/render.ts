import * as ACData from 'adaptivecards-templating';
import type { Locale } from '../src/i18n';
import type { PersonRef } from '../src/inquiries/person';
import { startOf } from '../src/text';

/**
 * An expanded card. teams-ai's `actionExecute` handlers must return a value whose `type` is
 * `'AdaptiveCard'`, so the plain record carries that one property typed.
 */
export type AdaptiveCardJson = Record<string, unknown> & { type: 'AdaptiveCard' };

/** A mention: `<at>Name</at>` in a TextBlock plus this entity under `msteams.entities`. */
export interface Mention {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** Colours a TextRun may take. */
export type StatusColor = 'Default' | 'Accent' | 'Good' | 'Warning' | 'Attention';

/** A FactSet row. Teams reads markdown in facts, so only catalogue and organisation text goes here. */
export interface Fact {
  title: string;
  value: string;
}

/** A person named on a card, shown as plain text beside a label from the catalogue. */
export interface PersonLine {
  label: string;
  name: string;
}

/** Text written by people, cut for a card preview; the whole text is shown on request. */
/** What every card about one inquiry shows: where it stands, in words and colour, and its facts. */
export interface CardStatus {
  statusLine: string;
  statusColor: StatusColor;
  facts: Fact[];
}

export interface LongText {
  preview: string;
  full: string;
  long: boolean;
}

export const previewLength = 600;

export function longText(text: string): LongText {
  if (text.length <= previewLength) return { preview: text, full: text, long: false };
  const cut = startOf(text, previewLength);
  const atSpace = cut.lastIndexOf(' ');
  const preview = atSpace > previewLength * 0.8 ? cut.slice(0, atSpace) : cut;
  return { preview: `${preview.trimEnd()} …`, full: text, long: true };
}

/** U+2060 WORD JOINER: invisible, and breaks a pattern a renderer would otherwise act on. */
const wordJoiner = '\u2060';

/**
 * Text as it was written. TextRuns don't read markdown, but Adaptive Card renderers (the official
 * one, and Teams on top of it) still replace `{{DATE(…)}}` and `{{TIME(…)}}` in them, and Teams
 * looks for `<at>` tags; an invisible joiner keeps both from matching.
 */
export function plainText(text: string): string {
  return text
    .replace(/\{\{(?=(?:DATE|TIME)\()/g, `{${wordJoiner}{`)
    .replace(/<(?=at\b)/gi, `<${wordJoiner}`);
}

/** Makes every TextRun of a card plain text; TextBlocks are left alone (they hold mentions). */
function plainTextRuns(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(plainTextRuns);
  } else if (node && typeof node === 'object') {
    const element = node as Record<string, unknown>;
    if (element.type === 'TextRun' && typeof element.text === 'string') {
      element.text = plainText(element.text);
    }
    Object.values(element).forEach(plainTextRuns);
  }
}

/**
 * Expands a card template with its data. Data values are inserted as values and never read as
 * template, so `${…}` in what people wrote stays as written.
 */
export function expandTemplate(template: object, data: object): AdaptiveCardJson {
  const card = prepared(template).expand({ $root: data }) as AdaptiveCardJson;
  plainTextRuns(card);
  return card;
}

/**
 * Each template parsed once: constructing an `ACData.Template` parses every `${…}` expression,
 * which costs far more than expanding it, and `expand` leaves the parsed template unchanged (it
 * builds a new card each time, synchronously), so one parse serves every render.
 */
const parsedTemplates = new WeakMap<object, ACData.Template>();

function prepared(template: object): ACData.Template {
  let parsed = parsedTemplates.get(template);
  if (!parsed) {
    parsed = new ACData.Template(template);
    parsedTemplates.set(template, parsed);
  }
  return parsed;
}

/** The `{ actions }` wrapper of each action set, made once so its parse is cached with it. */
const actionCards = new WeakMap<unknown[], { actions: unknown[] }>();

/** Expands the `actions` of a card template on their own, so two cards can share one action set. */
export function expandActions(actionsTemplate: unknown[], data: object): unknown[] {
  let wrapper = actionCards.get(actionsTemplate);
  if (!wrapper) {
    wrapper = { actions: actionsTemplate };
    actionCards.set(actionsTemplate, wrapper);
  }
  const expanded = expandTemplate(wrapper, data);
  return (expanded.actions as unknown[] | undefined) ?? [];
}

/** Puts actions on a card, leaving the property out when there are none. */
export function withActions(card: AdaptiveCardJson, actions: unknown[]): AdaptiveCardJson {
  return actions.length > 0 ? { ...card, actions } : card;
}

/** The name as it may stand inside `<at>…</at>` in a TextBlock: no tags, no markdown. */
function mentionName(name: string): string {
  return name.replace(/[<>*_[\]`~\\]/g, '').trim();
}

/** The mentions as a list a reader expects: "<at>A</at>, <at>B</at> og <at>C</at>". */
export function mentionList(mentions: Mention[], locale: Locale): string {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(mentions.map((m) => m.text));
}

/** One list format per language: making one costs far more than using it. */
const listFormats = new Map<Locale, Intl.ListFormat>();

/** The text `<at>Name</at>` and the entity Teams needs to turn it into a mention. */
export function mentionEntity(person: PersonRef): Mention {
  return {
    type: 'mention',
    text: `<at>${mentionName(person.name)}</at>`,
    mentioned: {
      // A PersonRef always has one of the three (see personKey); the key only satisfies the type.
      id: person.aadObjectId ?? person.teamsId ?? person.email ?? person.key,
      name: person.name,
    },
  };
}
