import { ConfigError } from '../src/config';
import type { Logger } from '../src/logger';
import type { ImportDeps } from '../src/org/import-preview';
import { formatOrgErrors } from '../src/org/import';
import { importOrgFileAtStart } from '../src/org/org-file-at-start';

/**
 * Brings the organisation in at start: the organisation file when there is one (ORG_FILE, or the
 * sample in local mode), imported unless it was imported before; without one, the organisation
 * already in the store, which must be there. A mistake to fix is a one-line `ConfigError`.
 */
export async function bringOrganisationIn(
  orgFile: string | undefined,
  text: string | undefined,
  deps: ImportDeps,
  logger: Logger,
): Promise<void> {
  if (orgFile === undefined || text === undefined) {
    if ((await deps.store.organisation.version()) === undefined) {
      throw new ConfigError(
        'ORG_FILE: not set, and the store holds no organisation; import one with `npm run org:import -- FILE` before the start, or set ORG_FILE to the organisation file.',
      );
    }
    logger.info({ outcome: 'stored' }, 'no organisation file: the stored organisation is used');
    return;
  }
  const imported = await importOrgFileAtStart(deps, text);
  if (!imported.ok) {
    const count = imported.errors.length;
    throw new ConfigError(
      `ORG_FILE: the organisation file ${orgFile} is invalid (${count} ${count === 1 ? 'error' : 'errors'}); nothing was imported. Fix the file or set ORG_FILE to another one:\n${formatOrgErrors(imported.errors)}`,
    );
  }
  logger.info({ file: orgFile, outcome: imported.outcome }, 'organisation file read');
}
