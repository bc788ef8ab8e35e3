import type { Absence } from '../absence/absence';
import type { Directory } from '../org/directory';
import type { Person } from '../org/schema';
import {
  levels,
  type Chain,
  type ChainMember,
  type Inquiry,
  type Level,
  type PeopleLevel,
  type SkipReason,
} from '../inquiries/inquiry';
import { personRef, type PersonRef } from '../inquiries/person';

export const peopleLevels: readonly PeopleLevel[] = [
  'superuser',
  'coordinator',
  'system_responsible',
];

/** What routing needs to know beyond the organisation: who asks, and who is away now. */
export interface RoutingContext {
  /** The asker's key: never routed to themselves, and a role they hold is passed over. */
  askerKey?: string;
  /** Absences in force now, by person key. */
  absences?: ReadonlyMap<string, Absence>;
}

function staffRefs(directory: Directory, emails: readonly string[]): PersonRef[] {
  return emails.flatMap((email) => {
    const person: Person | undefined = directory.staffMember(email);
    return person ? [personRef(person)] : [];
  });
}

/** Who handles an inquiry from this unit on this topic, level by level. */
export function buildChain(
  directory: Directory,
  unitId: string,
  topicId: string,
  context: RoutingContext = {},
): Chain {
  const unit = directory.unit(unitId);
  if (!unit) throw new Error(`Unknown unit ${unitId}`);
  const workArea = directory.workArea(unit.workArea);
  if (!workArea) throw new Error(`Unit ${unitId} has unknown work area ${unit.workArea}`);
  const topic = directory.topic(topicId);
  if (!topic) throw new Error(`Unknown topic ${topicId}`);
  const chain: Chain = {
    superuser: staffRefs(directory, unit.superusers),
    coordinator: staffRefs(directory, workArea.coordinators),
    system_responsible: staffRefs(directory, topic.systemResponsible),
    vendor: { ...directory.snapshot.structure.vendor },
  };
  const own: Partial<Record<PeopleLevel, SkipReason>> = {};
  const { askerKey } = context;
  if (askerKey) {
    // An asker who holds a role starts above it: a superuser's question goes to the coordinators.
    const highest = [...peopleLevels]
      .reverse()
      .find((l) => chain[l].some((p) => p.key === askerKey));
    if (highest) {
      for (const level of peopleLevels.slice(0, peopleLevels.indexOf(highest) + 1)) {
        chain[level] = [];
        own[level] = 'own_role';
      }
    }
  }
  return withAbsences({ ...chain, skipped: own }, context.absences ?? new Map(), askerKey);
}

/**
 * The chain with who is away brought up to date: an absent member stands aside for their deputy
 * (who is never the asker), and a level with nobody to tell is marked as passed over.
 */
export function withAbsences(
  chain: Chain,
  absences: ReadonlyMap<string, Absence>,
  askerKey?: string,
): Chain {
  const mark = (member: ChainMember): ChainMember => {
    const { away: _was, ...person } = member;
    const absence = absences.get(member.key);
    if (!absence) return person;
    const deputy = absence.deputy.key === askerKey ? undefined : absence.deputy;
    return { ...person, away: { until: absence.until, ...(deputy ? { deputy } : {}) } };
  };
  const next: Chain = {
    superuser: chain.superuser.map(mark),
    coordinator: chain.coordinator.map(mark),
    system_responsible: chain.system_responsible.map(mark),
    vendor: chain.vendor,
  };
  const skipped: Partial<Record<PeopleLevel, SkipReason>> = {};
  for (const level of peopleLevels) {
    if (chain.skipped?.[level] === 'own_role') skipped[level] = 'own_role';
    else if (next[level].length === 0) skipped[level] = 'vacant';
    else if (targetsAt(next, level).length === 0) skipped[level] = 'away';
  }
  return Object.keys(skipped).length > 0 ? { ...next, skipped } : next;
}

/** Everyone in a chain whose absence matters: its members (deputies stand in for them). */
export function chainMembers(chain: Chain): ChainMember[] {
  return [...chain.superuser, ...chain.coordinator, ...chain.system_responsible];
}

/** The level an inquiry starts at: the first with someone to tell, else the vendor. */
export function firstLevel(chain: Chain): Level {
  return (
    levels.find((level) => level === 'vendor' || targetsAt(chain, level).length > 0) ?? 'vendor'
  );
}

/**
 * The level after `level` that has someone to tell, skipping empty ones; the vendor is always
 * there. Undefined at the vendor level, the end of the chain.
 */
export function nextLevel(chain: Chain, level: Level): Level | undefined {
  const order = levels.slice(levels.indexOf(level) + 1);
  return order.find((next) => next === 'vendor' || targetsAt(chain, next).length > 0);
}

/**
 * The people to notify at a level: its members, with a deputy in place of each one away (the
 * vendor is reached by email, not in Teams).
 */
export function targetsAt(chain: Chain, level: Level): PersonRef[] {
  if (level === 'vendor') return [];
  const seen = new Set<string>();
  return chain[level].flatMap((member): PersonRef[] => {
    const { away, ...person } = member;
    const target = away ? away.deputy : person;
    if (!target || seen.has(target.key)) return [];
    seen.add(target.key);
    return [target];
  });
}

/** The members of the current level who are away, with their deputies, for the cards to say so. */
export function awayAt(chain: Chain, level: Level): ChainMember[] {
  return level === 'vendor' ? [] : chain[level].filter((member) => member.away);
}

/** Whether `key` is a member of a level, or stands in for one. */
export function holdsLevel(members: readonly ChainMember[], key: string): boolean {
  return members.some((m) => m.key === key || m.away?.deputy?.key === key);
}

/** The people an inquiry may be handed over to: the unit's other superusers (or their deputies). */
export function handOverCandidates(inquiry: Inquiry): PersonRef[] {
  return targetsAt(inquiry.chain, 'superuser').filter((p) => p.key !== inquiry.assignee?.key);
}
