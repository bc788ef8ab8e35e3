import type { Directory } from './directory';
import type { Organisation } from './schema';

/**
 * The roles of the help organisation that can be changed in Teams, one entry each: where in the
 * organisation the role lives (a unit, a work area, a topic, or the organisation as a whole),
 * how its holders are read and written, and who may change it. A new role is one more entry.
 */
export const editableRoles = [
  'superuser',
  'coordinator',
  'system_responsible',
  'helpdesk',
] as const;
export type EditableRole = (typeof editableRoles)[number];

/** Where a role lives: one place of a kind, or the whole organisation. */
export type RolePlace = 'unit' | 'workArea' | 'topic' | 'organisation';

/** Who is changing the organisation: an admin, or a system responsible. */
export type OrgEditor = 'admin' | 'system_responsible';

interface RoleEntry {
  place: RolePlace;
  /** The holders of the role at a place, or undefined when there is no such place. */
  holders(org: Organisation, placeId: string): readonly string[] | undefined;
  /** The organisation with the role's holders at a place replaced. */
  withHolders(org: Organisation, placeId: string, holders: string[]): Organisation;
  /** Who may add or remove holders. */
  editors: readonly OrgEditor[];
}

const both: readonly OrgEditor[] = ['admin', 'system_responsible'];

export const roleTable: Record<EditableRole, RoleEntry> = {
  superuser: {
    place: 'unit',
    holders: (org, id) => org.units.find((u) => u.id === id)?.superusers,
    withHolders: (org, id, superusers) => ({
      ...org,
      units: org.units.map((u) => (u.id === id ? { ...u, superusers } : u)),
    }),
    editors: both,
  },
  coordinator: {
    place: 'workArea',
    holders: (org, id) => org.workAreas.find((w) => w.id === id)?.coordinators,
    withHolders: (org, id, coordinators) => ({
      ...org,
      workAreas: org.workAreas.map((w) => (w.id === id ? { ...w, coordinators } : w)),
    }),
    editors: both,
  },
  system_responsible: {
    place: 'topic',
    holders: (org, id) => org.topics.find((t) => t.id === id)?.systemResponsible,
    withHolders: (org, id, systemResponsible) => ({
      ...org,
      topics: org.topics.map((t) => (t.id === id ? { ...t, systemResponsible } : t)),
    }),
    editors: both,
  },
  helpdesk: {
    place: 'organisation',
    holders: (org) => org.helpdesk,
    withHolders: (org, _id, helpdesk) => ({ ...org, helpdesk }),
    editors: both,
  },
};

/** Whether a person may change the organisation in Teams at all, and as what. */
export function orgEditor(directory: Directory, email: string | undefined): OrgEditor | undefined {
  if (!email) return undefined;
  if (directory.isAdmin(email)) return 'admin';
  if (directory.isSystemResponsible(email.toLowerCase())) return 'system_responsible';
  return undefined;
}

/** Whether a person may set a work area's triage channel: an admin, or its coordinator. */
export function maySetTriageChannel(
  directory: Directory,
  email: string | undefined,
  workAreaId: string,
): boolean {
  if (!email) return false;
  const key = email.toLowerCase();
  return directory.isAdmin(key) || !!directory.workArea(workAreaId)?.coordinators.includes(key);
}
