import type { Locale, Messages } from '../src/i18n';
import { levels, type Inquiry, type InquiryStatus } from '../src/inquiries/inquiry';
import { owesResponseByDeadline } from '../src/inquiries/statuses';
import { chainMembers, peopleLevels, targetsAt } from '../src/routing/chain';
import type { Directory } from '../src/org/directory';
import type { Fact, PersonLine, StatusColor } from './render';

// What the cards about one inquiry have in common: its names, where it stands, its facts and people.
// Every word comes from the message catalogue.

export const statusColors: Record<InquiryStatus, StatusColor> = {
  new: 'Warning',
  claimed: 'Accent',
  answered: 'Good',
  resolved: 'Good',
  waiting_for_asker: 'Accent',
  withdrawn: 'Default',
  stalled: 'Attention',
};

/** Where an inquiry stands, in the words the asker reads ("Sverre Lunde ser på saken"). */
export function askerStatusLine(inquiry: Inquiry, directory: Directory, t: Messages): string {
  switch (inquiry.status) {
    case 'new':
      return inquiry.level === 'superuser'
        ? t.askerStatus.waitingSuperuser
        : t.askerStatus.sentOn(
            t.levels[inquiry.level],
            directory.workArea(inquiry.workAreaId)?.name ?? inquiry.workAreaId,
          );
    case 'claimed':
      return t.askerStatus.handling(inquiry.assignee?.name ?? '');
    case 'answered':
      return t.askerStatus.answered(inquiry.answer?.by.name ?? inquiry.assignee?.name ?? '');
    case 'resolved':
      return t.askerStatus.resolved;
    case 'withdrawn':
      return t.askerStatus.withdrawn;
    case 'waiting_for_asker':
      return t.askerStatus.waitingForYou;
    case 'stalled':
      return t.askerStatus.stalled;
  }
}

/** Where an inquiry stands, as handlers read it: "Under behandling · Sverre Lunde". */
export function handlerStatusLine(inquiry: Inquiry, t: Messages): string {
  const holder = inquiry.assignee ? ` · ${inquiry.assignee.name}` : '';
  return `${t.statuses[inquiry.status]}${holder}`;
}

export function unitName(inquiry: Inquiry, directory: Directory): string {
  return directory.unit(inquiry.unitId)?.name ?? inquiry.unitId;
}

export function topicName(inquiry: Inquiry, directory: Directory, locale: Locale): string {
  return directory.topic(inquiry.topicId)?.name[locale] ?? inquiry.topicId;
}

/** "QM-2026-0042 · Hauge vgs · Avvik" */
export function header(inquiry: Inquiry, directory: Directory, locale: Locale): string {
  const parts = [
    inquiry.number,
    unitName(inquiry, directory),
    topicName(inquiry, directory, locale),
  ];
  return parts.join(' · ');
}

export function sentFact(inquiry: Inquiry, t: Messages, timeZone: string): Fact {
  return { title: t.card.sent, value: t.dateTime(new Date(inquiry.createdAt), timeZone) };
}

/** "Superbruker · svar innen mandag 30. november kl. 14:00" while the level owes a response. */
export function levelFact(inquiry: Inquiry, t: Messages, timeZone: string): Fact {
  const level = t.levels[inquiry.level];
  return {
    title: t.card.level,
    value:
      inquiry.deadline && owesResponseByDeadline(inquiry)
        ? t.card.respondBy(level, t.dateTime(new Date(inquiry.deadline), timeZone))
        : level,
  };
}

/**
 * The chain frozen on the inquiry, level by level: "Superbruker: Sverre Lunde, Hilde Berg →
 * Koordinator: Anne Winter → Systemansvarlig: Arne Hope → Leverandør: Leverandør AS".
 */
export function chainLine(inquiry: Inquiry, t: Messages): PersonLine {
  const skipped = inquiry.chain.skipped ?? {};
  const steps = levels.flatMap((level) => {
    if (level === 'vendor') return [`${t.levels.vendor}: ${inquiry.chain.vendor.name}`];
    const reason = skipped[level];
    if (reason) return [t.routing.skipped[reason](t.levels[level])];
    const names = targetsAt(inquiry.chain, level).map((person) => person.name);
    return names.length > 0 ? [`${t.levels[level]}: ${names.join(', ')}`] : [];
  });
  return { label: t.card.chain, name: steps.join(' → ') };
}

/**
 * Each person in the chain who is away, with their deputy: "Kari Nordmann er borte til
 * 12. desember; stedfortreder Ola Hansen".
 */
export function awayLines(inquiry: Inquiry, t: Messages): PersonLine[] {
  return chainMembers(inquiry.chain).flatMap((member) =>
    member.away
      ? [
          {
            label: t.away.label,
            name: t.away.line(member.name, t.away.day(member.away.until), member.away.deputy?.name),
          },
        ]
      : [],
  );
}

/** The levels passed over before the one the inquiry is at, and why ("Superbruker: ledig"). */
export function skippedLine(inquiry: Inquiry, t: Messages): PersonLine[] {
  const skipped = inquiry.chain.skipped ?? {};
  const below = levels.slice(0, levels.indexOf(inquiry.level));
  const passed = peopleLevels.flatMap((level) => {
    const reason = skipped[level];
    return reason && below.includes(level) ? [t.routing.skipped[reason](t.levels[level])] : [];
  });
  return passed.length > 0 ? [{ label: t.routing.skippedLabel, name: passed.join(' · ') }] : [];
}

export function askerLine(inquiry: Inquiry, t: Messages): PersonLine {
  return { label: t.card.asker, name: inquiry.asker.name };
}

export function holderLine(inquiry: Inquiry, t: Messages): PersonLine {
  return { label: t.card.holder, name: inquiry.assignee?.name ?? t.card.nobody };
}
