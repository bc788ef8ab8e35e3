import { orgFileActor } from '../audit/audit-event';
import { recordAuditEvent } from '../audit/record-audit-event';
import { currentOrganisation } from './current-organisation';
import { fileHash, type ImportDeps } from './import-preview';
import { diffOrganisations, diffSummary, isEmptyDiff } from './org-diff';
import { parseOrganisation, type OrgError } from './validate';

/** What became of the organisation file at start. */
export type OrgFileOutcome =
  | { ok: true; outcome: 'imported'; version: number }
  /**
   * The file was imported before (at start or by `npm run org:import`): edits made in Teams since
   * are kept.
   */
  | { ok: true; outcome: 'unchanged_since_import' }
  /** The file says what the store holds already. */
  | { ok: true; outcome: 'same_as_stored' }
  | { ok: false; errors: OrgError[] };

/**
 * Where the fingerprints of organisation files already imported are kept: the last one the start
 * read from `ORG_FILE`, and the last one `npm run org:import` imported.
 */
const importedFileKeys = {
  atStart: 'org-file:last-imported',
  byCommand: 'org-file:last-imported-by-command',
} as const;

export type ImportedBy = keyof typeof importedFileKeys;

/** Remembers that this file's organisation is in the store, so a start with it changes nothing. */
export async function rememberImportedFile(
  deps: Pick<ImportDeps, 'store' | 'clock'>,
  by: ImportedBy,
  text: string,
): Promise<void> {
  await deps.store.state.write({
    [importedFileKeys[by]]: { value: { hash: fileHash(text), at: deps.clock.now().toISOString() } },
  });
}

/** The fingerprints of the files last imported, at start and by `npm run org:import`. */
async function importedFileHashes(deps: Pick<ImportDeps, 'store'>): Promise<string[]> {
  const keys = Object.values(importedFileKeys);
  const remembered = await deps.store.state.read(keys);
  return keys
    .map((key) => (remembered[key]?.value as { hash?: string } | undefined)?.hash)
    .filter((hash): hash is string => hash !== undefined);
}

/**
 * Brings the organisation file given at start into the store. The file is always validated: an
 * invalid one changes nothing. A file that differs from the one last imported at start and from
 * the one `npm run org:import` last imported (or that was never imported) and differs from the
 * stored organisation replaces it, as an audit event by `ORG_FILE`; a file already imported leaves
 * the stored organisation as it is, so changes made in Teams since are not undone by a restart.
 */
export async function importOrgFileAtStart(
  deps: ImportDeps,
  text: string,
): Promise<OrgFileOutcome> {
  const parsed = parseOrganisation(text);
  if (!parsed.ok) return parsed;
  const imported = await importedFileHashes(deps);
  const known = imported.includes(fileHash(text));
  const remember = () => rememberImportedFile(deps, 'atStart', text);
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await currentOrganisation(deps.store);
    if (current && known) return { ok: true, outcome: 'unchanged_since_import' };
    const diff = diffOrganisations(current?.org, parsed.org);
    if (current && isEmptyDiff(diff)) {
      await remember();
      return { ok: true, outcome: 'same_as_stored' };
    }
    const written = await deps.store.organisation.replaceIfVersion(
      parsed.org,
      deps.clock.now(),
      current?.snapshot.version,
    );
    if (!written.ok) {
      // Another instance is importing: its import is read on the next round.
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      continue;
    }
    await remember();
    await recordAuditEvent(deps, {
      actor: orgFileActor,
      action: 'organisation.imported',
      target: 'ORG_FILE',
      before: { version: current?.snapshot.version ?? null },
      after: { version: written.value.version, ...diffSummary(diff) },
    });
    return { ok: true, outcome: 'imported', version: written.value.version };
  }
  throw new Error('The organisation kept changing while the organisation file was imported');
}
