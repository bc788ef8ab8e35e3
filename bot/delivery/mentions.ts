import type { ChainMember, Inquiry } from '../../src/inquiries/inquiry';
import { targetsAt } from '../../src/routing/chain';
import type { PersonRef } from '../../src/inquiries/person';
import type { Logger } from '../../src/logger';

export interface MentionDeps {
  /** The Teams id the roster gives a person, if any. */
  teamsIdOf: (person: PersonRef) => Promise<string | undefined>;
  logger?: Logger;
}

/**
 * The people a card may mention. Teams takes a Teams id, an Entra object id or a UPN as a mention's
 * id, and an email is not necessarily the UPN: a person known by email alone is given the Teams id
 * the roster gave, or else left out of the mention (and logged by key), never mentioned by email.
 */
export async function mentionable(deps: MentionDeps, people: PersonRef[]): Promise<PersonRef[]> {
  const found: PersonRef[] = [];
  for (const person of people) {
    if (person.aadObjectId || person.teamsId) {
      found.push(person);
      continue;
    }
    const teamsId = await deps.teamsIdOf(person);
    if (teamsId) found.push({ ...person, teamsId });
    else
      deps.logger?.warn(
        { person: person.key, reason: 'no Teams id or Entra object id is known' },
        'person left out of a mention',
      );
  }
  return found;
}

/**
 * The inquiry as its triage card should mention the current level's people: each one who can be
 * mentioned, and for someone away their deputy, when the deputy can be.
 */
export async function withMentionableLevel(deps: MentionDeps, inquiry: Inquiry): Promise<Inquiry> {
  if (inquiry.level === 'vendor') return inquiry;
  const found = new Map(
    (await mentionable(deps, targetsAt(inquiry.chain, inquiry.level))).map((p) => [p.key, p]),
  );
  const members = inquiry.chain[inquiry.level].flatMap((member): ChainMember[] => {
    if (!member.away) {
      const person = found.get(member.key);
      return person ? [person] : [];
    }
    const { deputy, ...away } = member.away;
    const reachable = deputy ? found.get(deputy.key) : undefined;
    return [{ ...member, away: { ...away, ...(reachable ? { deputy: reachable } : {}) } }];
  });
  return { ...inquiry, chain: { ...inquiry.chain, [inquiry.level]: members } };
}
