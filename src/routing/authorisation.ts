import type { Directory } from '../org/directory';
import type { Inquiry } from '../inquiries/inquiry';
import { holdsLevel } from './chain';

/** The roles a person may have for one inquiry, strongest first. */
export const handlerRoles = ['admin', 'system_responsible', 'coordinator', 'superuser'] as const;
export type HandlerRole = (typeof handlerRoles)[number];

/**
 * Who may handle an inquiry: superusers of its unit, coordinators of its work area, system
 * responsibles and admins (organisation-wide). Anyone else gets no role.
 */
export function handlerRole(
  directory: Directory,
  inquiry: Inquiry,
  email: string | undefined,
): HandlerRole | undefined {
  if (!email) return undefined;
  const key = email.toLowerCase();
  if (directory.isAdmin(key)) return 'admin';
  const inChain = (members: Inquiry['chain']['superuser']): boolean => holdsLevel(members, key);
  if (inChain(inquiry.chain.system_responsible) || directory.isSystemResponsible(key)) {
    return 'system_responsible';
  }
  const workArea = directory.workArea(inquiry.workAreaId);
  if (inChain(inquiry.chain.coordinator) || workArea?.coordinators.includes(key)) {
    return 'coordinator';
  }
  const unit = directory.unit(inquiry.unitId);
  if (inChain(inquiry.chain.superuser) || unit?.superusers.includes(key)) return 'superuser';
  return undefined;
}

/** Coordinators and above may override whoever holds an inquiry. */
export function mayOverrideHolder(role: HandlerRole): boolean {
  return role !== 'superuser';
}
