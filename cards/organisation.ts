import { localDate } from '../src/absence/absence';
import { messages, type Locale } from '../src/i18n';
import type { Directory } from '../src/org/directory';
import { editableRoles, roleTable } from '../src/org/roles';
import { expandTemplate, type AdaptiveCardJson, type StatusColor } from './render';
import template from './organisation.json';
import { Inputs, Verbs } from './verbs';

/** How many units one page of the organisation card shows. */
export const unitsPerPage = 20;
/** At most this many work areas and topics are listed (and offered for editing); a search finds the rest. */
const listedPlaces = 15;

interface Line {
  name: string;
  line: string;
}

export interface OrganisationCardData {
  title: string;
  summary: string;
  notice?: { text: string; color: StatusColor };
  workAreasHeading: string;
  workAreas: Line[];
  topicsHeading: string;
  topics: Line[];
  helpdesk: string;
  admins: string;
  unitsHeading: string;
  units: Line[];
  filter: string;
  page: number;
  previousPage?: number;
  nextPage?: number;
  rolePlaces: { title: string; value: string }[];
  today: string;
  importHint: string;
  labels: {
    filterPlaceholder: string;
    search: string;
    previous: string;
    next: string;
    editHeading: string;
    rolePlace: string;
    email: string;
    emailPlaceholder: string;
    add: string;
    remove: string;
    deputyHeading: string;
    deputyPerson: string;
    deputyUntil: string;
    deputyWho: string;
    deputySave: string;
  };
}

export function renderOrganisationCard(data: OrganisationCardData): AdaptiveCardJson {
  return expandTemplate(template, { ...data, verbs: Verbs, inputs: Inputs });
}

/** The value of a role-and-place choice: `superuser:hauge-vgs`, `helpdesk:-`. */
export function rolePlaceValue(role: string, placeId: string): string {
  return `${role}:${placeId}`;
}

/** What the person viewing asked for: a page of units, optionally only those matching a filter. */
export interface OrganisationView {
  page: number;
  filter: string;
  /** The stored organisation's total number of people. */
  peopleCount: number;
  notice?: { text: string; color: StatusColor };
}

/** The organisation card: roles by work area and topic, a page of units, and the editing forms. */
export function organisationCardData(
  directory: Directory,
  locale: Locale,
  view: OrganisationView,
  now: Date,
): OrganisationCardData {
  const t = messages(locale).organisation;
  const { structure, version } = directory.snapshot;
  const name = (email: string) => directory.staffMember(email)?.name ?? email;
  const names = (emails: readonly string[]) =>
    emails.length ? emails.map(name).join(', ') : t.nobody;
  const topicName = (topic: (typeof structure.topics)[number]) => topic.name[locale];
  const needle = view.filter.trim().toLowerCase();
  const units = structure.units.filter((unit) =>
    [unit.id, unit.name, ...unit.superusers, ...unit.superusers.map(name)].some(
      (text) => !needle || text.toLowerCase().includes(needle),
    ),
  );
  const matches = (texts: string[]) =>
    !needle || texts.some((text) => text.toLowerCase().includes(needle));
  const areas = structure.workAreas.filter((area) =>
    matches([area.id, area.name, ...area.coordinators, ...area.coordinators.map(name)]),
  );
  const topics = structure.topics.filter((topic) =>
    matches([topic.id, topicName(topic), ...topic.systemResponsible.map(name)]),
  );
  const shownAreas = areas.slice(0, listedPlaces);
  const shownTopics = topics.slice(0, listedPlaces);
  const more = (all: unknown[], shown: unknown[]) =>
    all.length > shown.length ? [{ name: '', line: t.morePlaces(all.length - shown.length) }] : [];
  const pages = Math.max(1, Math.ceil(units.length / unitsPerPage));
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const shown = units.slice(page * unitsPerPage, (page + 1) * unitsPerPage);
  const workAreaName = (id: string) => directory.workArea(id)?.name ?? id;
  const places: Record<(typeof editableRoles)[number], { id: string; name: string }[]> = {
    superuser: shown.map((u) => ({ id: u.id, name: u.name })),
    coordinator: shownAreas.map((w) => ({ id: w.id, name: w.name })),
    system_responsible: shownTopics.map((topic) => ({ id: topic.id, name: topicName(topic) })),
    helpdesk: [{ id: '-', name: structure.name }],
  };
  const rolePlaces = editableRoles.flatMap((role) =>
    places[role].map((place) => ({
      title: t.rolePlace(t.roleNames[role], place.name),
      value: rolePlaceValue(role, roleTable[role].place === 'organisation' ? '-' : place.id),
    })),
  );
  return {
    title: t.title(structure.name),
    summary: t.summary(
      version,
      structure.units.length,
      view.peopleCount,
      structure.workAreas.length,
      structure.topics.length,
    ),
    ...(view.notice ? { notice: view.notice } : {}),
    workAreasHeading: t.workAreasHeading,
    workAreas: [
      ...shownAreas.map((area) => ({
        name: area.name,
        line: t.workAreaLine(
          names(area.coordinators),
          area.triageChannel
            ? (area.triageChannel.name ?? area.triageChannel.channelId)
            : t.noChannel,
        ),
      })),
      ...more(areas, shownAreas),
    ],
    topicsHeading: t.topicsHeading,
    topics: [
      ...shownTopics.map((topic) => ({
        name: topicName(topic),
        line: t.topicLine(names(topic.systemResponsible)),
      })),
      ...more(topics, shownTopics),
    ],
    helpdesk: t.helpdesk(names(structure.helpdesk)),
    admins: t.admins(names(structure.admins)),
    unitsHeading: needle
      ? t.unitsFiltered(view.filter.trim(), units.length)
      : t.unitsHeading(page + 1, pages, units.length),
    units: shown.map((unit) => ({
      name: unit.name,
      line: t.unitLine(workAreaName(unit.workArea), names(unit.superusers)),
    })),
    filter: view.filter,
    page,
    ...(page > 0 ? { previousPage: page - 1 } : {}),
    ...(page < pages - 1 ? { nextPage: page + 1 } : {}),
    rolePlaces,
    today: localDate(now, directory.timeZone),
    importHint: t.importHint,
    labels: {
      filterPlaceholder: t.filterPlaceholder,
      search: t.search,
      previous: t.previous,
      next: t.next,
      editHeading: t.editHeading,
      rolePlace: t.rolePlaceLabel,
      email: t.emailLabel,
      emailPlaceholder: t.emailPlaceholder,
      add: t.add,
      remove: t.remove,
      deputyHeading: t.deputyHeading,
      deputyPerson: t.deputyPerson,
      deputyUntil: t.deputyUntil,
      deputyWho: t.deputyWho,
      deputySave: t.deputySave,
    },
  };
}
