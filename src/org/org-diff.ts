import type { Organisation } from './schema';

/** A part of the organisation a change touches: a unit, work area, topic, person or setting. */
export interface OrgItem {
  kind: 'unit' | 'workArea' | 'topic' | 'person' | 'setting';
  id: string;
  name?: string;
}

/** What replacing one organisation with another adds, removes and changes. */
export interface OrgDiff {
  added: OrgItem[];
  removed: OrgItem[];
  changed: OrgItem[];
}

interface Named {
  name: string | { nb: string; en: string };
}

function nameOf(value: Named): string {
  return typeof value.name === 'string' ? value.name : value.name.nb;
}

function compare<T extends Named>(
  kind: OrgItem['kind'],
  before: readonly T[],
  after: readonly T[],
  idOf: (value: T) => string,
  diff: OrgDiff,
): void {
  const old = new Map(before.map((value) => [idOf(value), value]));
  const next = new Map(after.map((value) => [idOf(value), value]));
  for (const [id, value] of next) {
    const was = old.get(id);
    if (!was) diff.added.push({ kind, id, name: nameOf(value) });
    else if (JSON.stringify(was) !== JSON.stringify(value))
      diff.changed.push({ kind, id, name: nameOf(value) });
  }
  for (const [id, value] of old)
    if (!next.has(id)) diff.removed.push({ kind, id, name: nameOf(value) });
}

const listed = new Set(['units', 'workAreas', 'topics', 'people', '$schema']);

/** The differences between the stored organisation (if any) and a new one, part by part. */
export function diffOrganisations(before: Organisation | undefined, after: Organisation): OrgDiff {
  const diff: OrgDiff = { added: [], removed: [], changed: [] };
  compare('unit', before?.units ?? [], after.units, (u) => u.id, diff);
  compare('workArea', before?.workAreas ?? [], after.workAreas, (w) => w.id, diff);
  compare('topic', before?.topics ?? [], after.topics, (t) => t.id, diff);
  compare('person', before?.people ?? [], after.people, (p) => p.email, diff);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after)]);
  for (const key of [...keys].filter((k) => !listed.has(k)).sort()) {
    const was = before ? (before as Record<string, unknown>)[key] : undefined;
    const now = (after as Record<string, unknown>)[key];
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    const item: OrgItem = { kind: 'setting', id: key };
    if (was === undefined) diff.added.push(item);
    else if (now === undefined) diff.removed.push(item);
    else diff.changed.push(item);
  }
  return diff;
}

export function isEmptyDiff(diff: OrgDiff): boolean {
  return diff.added.length + diff.removed.length + diff.changed.length === 0;
}

/** The diff as the audit trail keeps it: ids by kind, so an event stays small for a big import. */
export function diffSummary(diff: OrgDiff): Record<keyof OrgDiff, string[]> {
  const ids = (items: OrgItem[]) => items.map((item) => `${item.kind}:${item.id}`);
  return { added: ids(diff.added), removed: ids(diff.removed), changed: ids(diff.changed) };
}
