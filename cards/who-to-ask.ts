import type { Absence } from '../src/absence/absence';
import { messages, type Locale, type Messages } from '../src/i18n';
import type { Directory } from '../src/org/directory';
import type { ContactPoint } from '../src/org/schema';
import { expandTemplate, type AdaptiveCardJson } from './render';
import template from './who-to-ask.json';

/** One line of a section: a name (or "Ledig") and what else to know, such as who stands in. */
export interface WhoLine {
  label: string;
  /** Shown after the label; empty for none. */
  detail: string;
}

export interface WhoToAskCardData {
  title: string;
  unitLine: string;
  sections: { heading: string; lines: WhoLine[] }[];
  askHere: string;
}

export function renderWhoToAskCard(data: WhoToAskCardData): AdaptiveCardJson {
  return expandTemplate(template, data);
}

/** Someone in a role as the card names them: with their deputy while away. */
function personText(name: string, away: Absence | undefined, t: Messages): string {
  return away ? t.away.line(name, t.away.day(away.until), away.deputy.name) : name;
}

/** People in one role, one line each (with email); nobody in it is one line: vacant. */
function roleLines(
  directory: Directory,
  emails: readonly string[],
  absences: ReadonlyMap<string, Absence>,
  t: Messages,
): WhoLine[] {
  const lines = emails.flatMap((email): WhoLine[] => {
    const person = directory.staffMember(email);
    if (!person) return [];
    const away = absences.get(person.email);
    return [
      away
        ? { label: personText(person.name, away, t), detail: '' }
        : { label: person.name, detail: ` · ${person.email}` },
    ];
  });
  return lines.length > 0 ? lines : [{ label: t.whoToAsk.vacant, detail: '' }];
}

/** The people of a role on one line: "Arne Hope, Siv Eikemo", or vacant. */
function roleNames(
  directory: Directory,
  emails: readonly string[],
  absences: ReadonlyMap<string, Absence>,
  t: Messages,
): string {
  const names = emails.flatMap((email) => {
    const person = directory.staffMember(email);
    return person ? [personText(person.name, absences.get(person.email), t)] : [];
  });
  return names.length > 0 ? names.join(', ') : t.whoToAsk.vacant;
}

function contactLine(point: ContactPoint, locale: Locale, t: Messages): WhoLine {
  const fn = typeof point.function === 'string' ? point.function : point.function[locale];
  const reach = [
    point.name,
    point.phone ? `${t.whoToAsk.phone} ${point.phone}` : undefined,
    point.email,
  ].filter((part): part is string => Boolean(part));
  return {
    label: fn,
    detail: ` · ${reach.length > 0 ? reach.join(' · ') : t.whoToAsk.vacant}`,
  };
}

/**
 * Who to ask, for one asker: their unit and its superusers, the work area's coordinators, the
 * system responsible per topic and the organisation's contact points; a role nobody holds is
 * vacant, and someone away is shown with their deputy.
 */
export function whoToAskCardData(
  directory: Directory,
  unitId: string | undefined,
  absences: ReadonlyMap<string, Absence>,
  locale: Locale,
): WhoToAskCardData {
  const t = messages(locale);
  const unit = unitId ? directory.unit(unitId) : undefined;
  const workArea = unit ? directory.workArea(unit.workArea) : undefined;
  const sections: WhoToAskCardData['sections'] = [];
  if (unit && workArea) {
    sections.push(
      {
        heading: t.whoToAsk.superusers(unit.name),
        lines: roleLines(directory, unit.superusers, absences, t),
      },
      {
        heading: t.whoToAsk.coordinators(workArea.name),
        lines: roleLines(directory, workArea.coordinators, absences, t),
      },
    );
  }
  sections.push({
    heading: t.whoToAsk.systemResponsible,
    lines: directory.allTopics().map((topic) => ({
      label: topic.name[locale],
      detail: ` · ${roleNames(directory, topic.systemResponsible, absences, t)}`,
    })),
  });
  const points = directory.snapshot.structure.contactPoints;
  if (points.length > 0) {
    sections.push({
      heading: t.whoToAsk.contactPoints,
      lines: points.map((point) => contactLine(point, locale, t)),
    });
  }
  return {
    title: t.whoToAsk.title,
    unitLine:
      unit && workArea ? t.whoToAsk.yourUnit(unit.name, workArea.name) : t.whoToAsk.unknownUnit,
    sections,
    askHere: t.whoToAsk.askHere,
  };
}
