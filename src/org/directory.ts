import type { Organisation, Person, Topic, Unit, WorkArea } from './schema';

/** The organisation without its (possibly very long) list of people. */
export type OrgStructure = Omit<Organisation, 'people'>;

/**
 * What the bot keeps in memory of the organisation: its structure and the people who hold a role
 * (superusers, coordinators, system responsibles, admins). Other people are looked up in the store.
 */
export interface OrgSnapshot {
  version: number;
  importedAt: string;
  structure: OrgStructure;
  staff: Person[];
}

export function snapshotOf(org: Organisation, version: number, importedAt: string): OrgSnapshot {
  const { people, ...structure } = org;
  const roleHolders = new Set([
    ...org.units.flatMap((u) => u.superusers),
    ...org.workAreas.flatMap((w) => w.coordinators),
    ...org.topics.flatMap((t) => t.systemResponsible),
    ...org.admins,
    ...org.helpdesk,
  ]);
  return {
    version,
    importedAt,
    structure,
    staff: people.filter((p) => roleHolders.has(p.email)),
  };
}

/** Indexed, read-only view of an organisation snapshot. */
export class Directory {
  private readonly units: Map<string, Unit>;
  private readonly workAreas: Map<string, WorkArea>;
  private readonly topics: Map<string, Topic>;
  private readonly staff: Map<string, Person>;

  constructor(readonly snapshot: OrgSnapshot) {
    const { structure } = snapshot;
    this.units = new Map(structure.units.map((u) => [u.id, u]));
    this.workAreas = new Map(structure.workAreas.map((w) => [w.id, w]));
    this.topics = new Map(structure.topics.map((t) => [t.id, t]));
    this.staff = new Map(snapshot.staff.map((p) => [p.email, p]));
  }

  get language(): 'nb' | 'en' {
    return this.snapshot.structure.language;
  }

  /** The time zone to show times in: the calendar's, Europe/Oslo for a 24/7 calendar. */
  get timeZone(): string {
    const { calendar } = this.snapshot.structure;
    return typeof calendar === 'string' ? 'Europe/Oslo' : calendar.timeZone;
  }

  unit(id: string): Unit | undefined {
    return this.units.get(id);
  }

  workArea(id: string): WorkArea | undefined {
    return this.workAreas.get(id);
  }

  topic(id: string): Topic | undefined {
    return this.topics.get(id);
  }

  allUnits(): readonly Unit[] {
    return this.snapshot.structure.units;
  }

  allTopics(): readonly Topic[] {
    return this.snapshot.structure.topics;
  }

  /** A person who holds a role, by email. */
  staffMember(email: string): Person | undefined {
    return this.staff.get(email.toLowerCase());
  }

  staffByAadObjectId(aadObjectId: string): Person | undefined {
    for (const person of this.staff.values()) {
      if (person.aadObjectId === aadObjectId) return person;
    }
    return undefined;
  }

  isAdmin(email: string): boolean {
    return this.snapshot.structure.admins.includes(email.toLowerCase());
  }

  isSystemResponsible(email: string): boolean {
    return this.snapshot.structure.topics.some((t) => t.systemResponsible.includes(email));
  }
}
