import { orgFileActor } from '../audit/audit-event';
import { recordAuditEvent } from '../audit/record-audit-event';
import { currentOrganisation } from './current-organisation';
import { fileHash, type ImportDeps } from './import-preview';
import { diffOrganisations, diffSummary, isEmptyDiff } from './org-diff';
import { parseOrganisation, type OrgError } from './validate';

/** What became of the organisation file at start. */
export type OrgFileOutcome =
  | { ok: true; outcome: 'imported'; version: number }
  /** The file is as it was when last imported: edits made in Teams since are kept. */
  | { ok: true; outcome: 'unchanged_since_import' }
  /** The file says what the store holds already. */
  | { ok: true; outcome: 'same_as_stored' }
  | { ok: false; errors: OrgError[] };

/** Where the fingerprint of the last organisation file read at start is kept. */
const lastFileKey = 'org-file:last-imported';

/**
 * Brings the organisation file given at start into the store. The file is always validated: an
 * invalid one changes nothing. A file that changed since it was last imported (or was never
 * imported) and differs from the stored organisation replaces it, as an audit event by
 * `ORG_FILE`; a file unchanged since its last import leaves the stored organisation as it is, so
 * changes made in Teams since are not undone by a restart.
 */
export async function importOrgFileAtStart(
  deps: ImportDeps,
  text: string,
): Promise<OrgFileOutcome> {
  const parsed = parseOrganisation(text);
  if (!parsed.ok) return parsed;
  const hash = fileHash(text);
  const remembered = await deps.store.state.read([lastFileKey]);
  const last = remembered[lastFileKey];
  const lastHash = (last?.value as { hash?: string } | undefined)?.hash;
  const remember = () =>
    deps.store.state.write({
      [lastFileKey]: { value: { hash, at: deps.clock.now().toISOString() } },
    });
  for (let attempt = 0; attempt < 8; attempt++) {
    const current = await currentOrganisation(deps.store);
    if (current && lastHash === hash) return { ok: true, outcome: 'unchanged_since_import' };
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
