import type { Directory } from '../org/directory';
import type { Person } from '../org/schema';
import { levels, type Chain, type Inquiry, type Level } from '../inquiries/inquiry';
import { personRef, type PersonRef } from '../inquiries/person';

function staffRefs(directory: Directory, emails: readonly string[]): PersonRef[] {
  return emails.flatMap((email) => {
    const person: Person | undefined = directory.staffMember(email);
    return person ? [personRef(person)] : [];
  });
}

/** Who handles an inquiry from this unit on this topic, level by level. */
export function buildChain(directory: Directory, unitId: string, topicId: string): Chain {
  const unit = directory.unit(unitId);
  if (!unit) throw new Error(`Unknown unit ${unitId}`);
  const workArea = directory.workArea(unit.workArea);
  if (!workArea) throw new Error(`Unit ${unitId} has unknown work area ${unit.workArea}`);
  const topic = directory.topic(topicId);
  if (!topic) throw new Error(`Unknown topic ${topicId}`);
  return {
    superuser: staffRefs(directory, unit.superusers),
    coordinator: staffRefs(directory, workArea.coordinators),
    system_responsible: staffRefs(directory, topic.systemResponsible),
    vendor: { ...directory.snapshot.structure.vendor },
  };
}

/** The level an inquiry starts at: the unit's superusers, or the coordinators when it has none. */
export function firstLevel(chain: Chain): Level {
  if (chain.superuser.length > 0) return 'superuser';
  if (chain.coordinator.length > 0) return 'coordinator';
  return 'system_responsible';
}

/**
 * The level after `level` that has someone to tell, skipping empty ones; the vendor is always
 * there. Undefined at the vendor level, the end of the chain.
 */
export function nextLevel(chain: Chain, level: Level): Level | undefined {
  const order = levels.slice(levels.indexOf(level) + 1);
  return order.find((next) => next === 'vendor' || chain[next].length > 0);
}

/** The people to notify at a level (the vendor is reached by email, not in Teams). */
export function targetsAt(chain: Chain, level: Level): PersonRef[] {
  return level === 'vendor' ? [] : chain[level];
}

/** The people an inquiry may be handed over to: the unit's other superusers. */
export function handOverCandidates(inquiry: Inquiry): PersonRef[] {
  return inquiry.chain.superuser.filter((p) => p.key !== inquiry.assignee?.key);
}
