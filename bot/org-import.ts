import fs from 'node:fs';
import { runCli } from './cli';
import path from 'node:path';
import { systemClock, type Clock } from '../src/clock';
import { ConfigError, loadConfig } from '../src/config';
import { recordAuditEvent } from '../src/audit/record-audit-event';
import { uuidGenerator } from '../src/ids';
import { formatOrgErrors, importOrganisation } from '../src/org/import';
import { rememberImportedFile } from '../src/org/org-file-at-start';
import { openStore } from '../src/store/open-store';

export interface OrgImportOptions {
  env: NodeJS.ProcessEnv;
  clock: Clock;
  out: (line: string) => void;
  err: (line: string) => void;
}

const usage = 'Usage: npm run org:import -- FILE';

/**
 * `npm run org:import -- FILE`: validates an organisation file and, only when it is valid, replaces
 * the stored organisation with it in one step, remembering the file's fingerprint as the start
 * does for ORG_FILE. Returns the process exit code.
 */
export async function runOrgImport(
  args: readonly string[],
  options: OrgImportOptions,
): Promise<number> {
  const { out, err } = options;
  if (args.length !== 1 || args[0] === '' || args[0] === '--help' || args[0] === '-h') {
    err(usage);
    return 2;
  }
  const file = args[0];
  let config;
  try {
    config = loadConfig(options.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 1;
    }
    throw error;
  }
  let text: string;
  try {
    text = await fs.promises.readFile(file, 'utf8');
  } catch (error) {
    err(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }

  let store;
  try {
    store = await openStore(config.store);
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 1;
    }
    throw error;
  }
  const where =
    config.store.kind === 'sqlite'
      ? path.resolve(config.store.sqlitePath)
      : `Cosmos DB database ${config.store.cosmos.database} at ${config.store.cosmos.endpoint}`;
  try {
    const before = await store.organisation.version();
    const result = await importOrganisation(store, text, options.clock);
    if (!result.ok) {
      const count = result.errors.length;
      err(
        `${file} is not a valid organisation file (${count} ${count === 1 ? 'error' : 'errors'}):`,
      );
      err(formatOrgErrors(result.errors));
      err('Nothing was imported; the stored organisation is unchanged.');
      return 1;
    }
    const { structure, version } = result.snapshot;
    // A start with this same file as ORG_FILE then finds it imported already.
    await rememberImportedFile({ store, clock: options.clock }, 'byCommand', text);
    await recordAuditEvent(
      { store, clock: options.clock, ids: uuidGenerator },
      {
        actor: { key: 'org:import', name: 'npm run org:import' },
        action: 'organisation.imported',
        target: `file:${path.basename(file)}`,
        before: { version: before ?? null },
        after: { version },
      },
    );
    const people = (JSON.parse(text) as { people: unknown[] }).people.length;
    out(
      `Imported "${structure.name}" from ${file} into ${where}: ` +
        `${structure.units.length} units, ${people} people, ${structure.workAreas.length} work areas, ` +
        `${structure.topics.length} topics (organisation version ${version}).`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  runCli('Import', (io) =>
    runOrgImport(process.argv.slice(2), { env: process.env, clock: systemClock, ...io }),
  );
}
