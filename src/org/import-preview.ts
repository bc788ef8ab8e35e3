import { createHash } from 'node:crypto';
import type { AuditActor } from '../audit/audit-event';
import { recordAuditEvent, type AuditDeps } from '../audit/record-audit-event';
import type { Store } from '../store/ports';
import { currentOrganisation } from './current-organisation';
import { diffOrganisations, diffSummary, type OrgDiff } from './org-diff';
import type { Organisation } from './schema';
import { parseOrganisation, type OrgError } from './validate';

export interface ImportDeps extends AuditDeps {
  store: Pick<Store, 'organisation' | 'audit' | 'state'>;
}

/** A file waiting for its importer to confirm it, kept in the store between preview and confirm. */
interface PendingImport {
  by: string;
  fileName: string;
  org: Organisation;
}

/** What the importer is shown before anything changes. */
export interface ImportPreview {
  importId: string;
  fileName: string;
  /** The stored organisation's version the preview compares with; confirm holds only for it. */
  version: number | undefined;
  diff: OrgDiff;
}

export type PreviewOutcome =
  { ok: true; preview: ImportPreview } | { ok: false; errors: OrgError[] };

export type ConfirmOutcome =
  | { ok: true; version: number; diff: OrgDiff }
  /** The stored organisation changed since the preview: here is the preview against it. */
  | { ok: false; reason: 'changed'; preview: ImportPreview }
  | { ok: false; reason: 'unknown_import' };

const pendingKey = (importId: string) => `org-import:${importId}`;

async function compare(
  deps: ImportDeps,
  importId: string,
  fileName: string,
  org: Organisation,
): Promise<ImportPreview> {
  const current = await currentOrganisation(deps.store);
  return {
    importId,
    fileName,
    version: current?.snapshot.version,
    diff: diffOrganisations(current?.org, org),
  };
}

/**
 * Validates an organisation file and compares it with the stored organisation; nothing is applied.
 * A valid file is kept, under a new id, for its importer to confirm.
 */
export async function previewImport(
  deps: ImportDeps,
  actor: AuditActor,
  file: { name: string; text: string },
): Promise<PreviewOutcome> {
  const parsed = parseOrganisation(file.text);
  if (!parsed.ok) return parsed;
  const importId = deps.ids.next();
  const pending: PendingImport = { by: actor.key, fileName: file.name, org: parsed.org };
  await deps.store.state.write({ [pendingKey(importId)]: { value: pending } });
  return { ok: true, preview: await compare(deps, importId, file.name, parsed.org) };
}

/**
 * Applies a previewed file, only if the stored organisation is still the version the preview was
 * made against; otherwise the importer gets the preview against the organisation as it is now.
 */
export async function confirmImport(
  deps: ImportDeps,
  actor: AuditActor,
  importId: string,
  version: number | undefined,
): Promise<ConfirmOutcome> {
  const key = pendingKey(importId);
  const found = (await deps.store.state.read([key]))[key];
  const pending = found?.value as PendingImport | undefined;
  if (!pending || pending.by !== actor.key) return { ok: false, reason: 'unknown_import' };
  const preview = await compare(deps, importId, pending.fileName, pending.org);
  if (preview.version !== version) return { ok: false, reason: 'changed', preview };
  const written = await deps.store.organisation.replaceIfVersion(
    pending.org,
    deps.clock.now(),
    version,
  );
  if (!written.ok) {
    return {
      ok: false,
      reason: 'changed',
      preview: await compare(deps, importId, pending.fileName, pending.org),
    };
  }
  await deps.store.state.delete([key]);
  await recordAuditEvent(deps, {
    actor,
    action: 'organisation.imported',
    target: `file:${pending.fileName}`,
    before: { version: version ?? null },
    after: { version: written.value.version, ...diffSummary(preview.diff) },
  });
  return { ok: true, version: written.value.version, diff: preview.diff };
}

/** The fingerprint of an organisation file's text, to tell whether it changed since last read. */
export function fileHash(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
