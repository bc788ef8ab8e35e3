import type { PeopleLevel } from '../inquiries/inquiry';
import type { Directory } from '../org/directory';
import type { Person } from '../org/schema';

/** The handler roles a person holds anywhere in the organisation. */
export function roleSet(directory: Directory, key: string): Set<PeopleLevel> {
  const { units, workAreas, topics } = directory.snapshot.structure;
  const roles = new Set<PeopleLevel>();
  if (units.some((u) => u.superusers.includes(key))) roles.add('superuser');
  if (workAreas.some((w) => w.coordinators.includes(key))) roles.add('coordinator');
  if (topics.some((t) => t.systemResponsible.includes(key))) roles.add('system_responsible');
  return roles;
}

/**
 * Who may stand in for a person while they are away: everyone else who holds one of the same
 * roles (a superuser for a superuser, a coordinator for a coordinator, ...), by name.
 */
export function deputyCandidates(directory: Directory, key: string, locale: string): Person[] {
  const mine = roleSet(directory, key);
  if (mine.size === 0) return [];
  const collator = new Intl.Collator(locale);
  return directory.snapshot.staff
    .filter((p) => p.email !== key && [...roleSet(directory, p.email)].some((r) => mine.has(r)))
    .sort((a, b) => collator.compare(a.name, b.name));
}
