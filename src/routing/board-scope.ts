import type { Directory } from '../org/directory';
import { handlerScope } from './handler-scope';

/**
 * Whose boards a person may read: an admin every work area's, a coordinator their own work
 * areas'. Anyone else is a handler with a queue of their own, or an employee.
 */
export type BoardReader =
  { kind: 'reader'; workAreaIds: string[] } | { kind: 'handler' } | { kind: 'employee' };

export function boardReader(directory: Directory, email: string | undefined): BoardReader {
  const key = email?.toLowerCase();
  const areas = directory.snapshot.structure.workAreas;
  if (key && directory.isAdmin(key)) return { kind: 'reader', workAreaIds: areas.map((a) => a.id) };
  const own = areas.filter((area) => key && area.coordinators.includes(key)).map((a) => a.id);
  if (own.length) return { kind: 'reader', workAreaIds: own };
  return handlerScope(directory, email) ? { kind: 'handler' } : { kind: 'employee' };
}

/** Whether the person may read the board of every one of these work areas. */
export function mayReadBoard(
  directory: Directory,
  email: string | undefined,
  workAreaIds: readonly string[],
): boolean {
  const reader = boardReader(directory, email);
  return (
    reader.kind === 'reader' &&
    workAreaIds.length > 0 &&
    workAreaIds.every((id) => reader.workAreaIds.includes(id))
  );
}
