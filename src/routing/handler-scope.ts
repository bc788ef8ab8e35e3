import type { Directory } from '../org/directory';
import type { QueueQuery } from '../store/ports';

/**
 * Which inquiries a person handles, role by role: an admin everything; a system responsible their
 * topics; a coordinator their work areas; a superuser their units. Someone with several roles
 * handles the inquiries of each; someone with none is not a handler (undefined).
 */
export function handlerScope(
  directory: Directory,
  email: string | undefined,
): QueueQuery[] | undefined {
  if (!email) return undefined;
  const key = email.toLowerCase();
  if (directory.isAdmin(key)) return [{}];
  const topicIds = directory
    .allTopics()
    .filter((topic) => topic.systemResponsible.includes(key))
    .map((topic) => topic.id);
  const workAreaIds = directory.snapshot.structure.workAreas
    .filter((area) => area.coordinators.includes(key))
    .map((area) => area.id);
  const unitIds = directory
    .allUnits()
    .filter((unit) => unit.superusers.includes(key))
    .map((unit) => unit.id);
  const scope: QueueQuery[] = [
    ...(topicIds.length ? [{ topicIds }] : []),
    ...(workAreaIds.length ? [{ workAreaIds }] : []),
    ...(unitIds.length ? [{ unitIds }] : []),
  ];
  return scope.length ? scope : undefined;
}

/** The work area whose triage channel this is, when it is one. */
export function workAreaOfChannel(directory: Directory, channelId: string): string | undefined {
  return directory.snapshot.structure.workAreas.find(
    (area) => area.triageChannel?.channelId === channelId,
  )?.id;
}
