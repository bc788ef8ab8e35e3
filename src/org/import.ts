import type { Clock } from '../clock';
import type { OrgSnapshot } from './directory';
import type { Store } from '../store/ports';
import { parseOrganisation, type OrgError } from './validate';

export type ImportResult = { ok: true; snapshot: OrgSnapshot } | { ok: false; errors: OrgError[] };

/**
 * Validates an organisation file and, only when it is valid, replaces the stored organisation
 * with it in one step. An invalid file changes nothing.
 */
export async function importOrganisation(
  store: Store,
  text: string,
  clock: Clock,
): Promise<ImportResult> {
  const validation = parseOrganisation(text);
  if (!validation.ok) return validation;
  const snapshot = await store.organisation.replace(validation.org, clock.now());
  return { ok: true, snapshot };
}

/** Imports the file at start when the store has no organisation yet. */
export async function importIfEmpty(
  store: Store,
  text: string,
  clock: Clock,
): Promise<ImportResult | undefined> {
  if ((await store.organisation.version()) !== undefined) return undefined;
  return importOrganisation(store, text, clock);
}

export function formatOrgErrors(errors: OrgError[]): string {
  return errors.map((e) => `  ${e.path}: ${e.message}`).join('\n');
}
