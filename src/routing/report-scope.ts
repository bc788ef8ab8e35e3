import type { Inquiry } from '../inquiries/inquiry';
import type { Directory } from '../org/directory';
import type { QueueQuery } from '../store/ports';
import { handlerScope } from './handler-scope';

// Whose figures a report shows. The rule is the one the queue and the board read by
// (handlerScope): an admin the whole organisation, a coordinator their work areas, a system
// responsible their topics, a superuser their units. Nobody else reads a report.

export type ReportScope =
  { kind: 'organisation' } | { kind: 'work_areas' | 'units' | 'topics'; ids: string[] };

/** The scopes a person may read, broadest first; none for someone outside the help chain. */
export function reportScopes(directory: Directory, email: string | undefined): ReportScope[] {
  const queries = handlerScope(directory, email) ?? [];
  const scopes: ReportScope[] = [];
  for (const query of queries) {
    if (!query.workAreaIds && !query.unitIds && !query.topicIds) {
      scopes.push({ kind: 'organisation' });
      for (const area of directory.snapshot.structure.workAreas)
        scopes.push({ kind: 'work_areas', ids: [area.id] });
    }
    if (query.workAreaIds) scopes.push(...eachOf('work_areas', query.workAreaIds));
    if (query.topicIds) scopes.push(...eachOf('topics', query.topicIds));
    if (query.unitIds) scopes.push(...eachOf('units', query.unitIds));
  }
  return scopes;
}

/** Several ids: all of them together first, then each on its own. */
function eachOf(kind: 'work_areas' | 'units' | 'topics', ids: readonly string[]): ReportScope[] {
  const all: ReportScope = { kind, ids: [...ids] };
  return ids.length > 1 ? [all, ...ids.map((id) => ({ kind, ids: [id] }))] : [all];
}

/** Whether every id of the scope names something in the organisation. */
export function scopeExists(directory: Directory, scope: ReportScope): boolean {
  if (scope.kind === 'organisation') return true;
  const find = {
    work_areas: (id: string) => directory.workArea(id),
    units: (id: string) => directory.unit(id),
    topics: (id: string) => directory.topic(id),
  }[scope.kind];
  return scope.ids.length > 0 && scope.ids.every((id) => find(id) !== undefined);
}

/** Whether one of the person's handler scopes holds everything the report scope covers. */
export function mayReadReport(
  directory: Directory,
  email: string | undefined,
  scope: ReportScope,
): boolean {
  if (!scopeExists(directory, scope)) return false;
  const queries = handlerScope(directory, email) ?? [];
  const everything = (q: QueueQuery) => !q.workAreaIds && !q.unitIds && !q.topicIds;
  if (queries.some(everything)) return true;
  switch (scope.kind) {
    case 'organisation':
      return false;
    case 'work_areas':
      return scope.ids.every((id) => queries.some((q) => q.workAreaIds?.includes(id)));
    case 'topics':
      return scope.ids.every((id) => queries.some((q) => q.topicIds?.includes(id)));
    case 'units':
      return scope.ids.every((id) => {
        const area = directory.unit(id)?.workArea;
        return queries.some(
          (q) => q.unitIds?.includes(id) || (area !== undefined && q.workAreaIds?.includes(area)),
        );
      });
  }
}

/** Whether an inquiry belongs to the scope. */
export function inScope(
  inquiry: Pick<Inquiry, 'workAreaId' | 'unitId' | 'topicId'>,
  scope: ReportScope,
): boolean {
  switch (scope.kind) {
    case 'organisation':
      return true;
    case 'work_areas':
      return scope.ids.includes(inquiry.workAreaId);
    case 'units':
      return scope.ids.includes(inquiry.unitId);
    case 'topics':
      return scope.ids.includes(inquiry.topicId);
  }
}

/** The work areas whose inquiries hold everything in the scope. */
export function workAreasOf(directory: Directory, scope: ReportScope): string[] {
  const all = directory.snapshot.structure.workAreas.map((area) => area.id);
  switch (scope.kind) {
    case 'work_areas':
      return [...scope.ids];
    case 'units':
      return all.filter((id) => scope.ids.some((unit) => directory.unit(unit)?.workArea === id));
    default:
      return all;
  }
}

/** The queue query for the scope's open inquiries. */
export function queueQueryOf(scope: ReportScope): QueueQuery {
  switch (scope.kind) {
    case 'organisation':
      return {};
    case 'work_areas':
      return { workAreaIds: scope.ids };
    case 'units':
      return { unitIds: scope.ids };
    case 'topics':
      return { topicIds: scope.ids };
  }
}

const scopeKinds = ['work_areas', 'units', 'topics'] as const;

/** The scope as one line of text, for a card's choice and a signed link: `units:a,b`. */
export function scopeKey(scope: ReportScope): string {
  return scope.kind === 'organisation' ? 'organisation' : `${scope.kind}:${scope.ids.join(',')}`;
}

/** Reads a scope key back; undefined for anything that is not one. */
export function parseScopeKey(text: string): ReportScope | undefined {
  if (text === 'organisation') return { kind: 'organisation' };
  const match = /^(work_areas|units|topics):([^,:]{1,200}(?:,[^,:]{1,200}){0,99})$/.exec(text);
  const kind = scopeKinds.find((k) => k === match?.[1]);
  if (!match || !kind) return undefined;
  return { kind, ids: match[2].split(',') };
}
