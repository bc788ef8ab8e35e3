import fs from 'node:fs';
import type { Clock } from '../src/clock';
import { ConfigError, type Config } from '../src/config';
import { importKnowledgeFile, parseKnowledgeFile } from '../src/knowledge/file';
import type { Logger } from '../src/logger';
import { formatOrgErrors } from '../src/org/import';
import type { DirectoryProvider } from '../src/org/provider';
import type { Store } from '../src/store/ports';

/**
 * Reads the knowledge-base file at start and brings its entries into the store. A missing file is
 * fine unless KNOWLEDGE_FILE names it; an invalid one stops the start with every error and its
 * JSON path, as an invalid organisation file does.
 */
export async function loadKnowledgeFile(
  config: Pick<Config, 'knowledgeFile'>,
  store: Store,
  directories: DirectoryProvider,
  clock: Clock,
  logger: Logger,
): Promise<void> {
  if (!config.knowledgeFile) return;
  const { path: file, required } = config.knowledgeFile;
  if (!fs.existsSync(file)) {
    if (required) throw new ConfigError(`The knowledge-base file ${file} does not exist`);
    return;
  }
  const directory = await directories.current();
  const parsed = parseKnowledgeFile(
    fs.readFileSync(file, 'utf8'),
    directory.allTopics().map((t) => t.id),
  );
  if (!parsed.ok)
    throw new ConfigError(
      `The knowledge-base file ${file} is invalid:\n${formatOrgErrors(parsed.errors)}`,
    );
  const { added, changed } = await importKnowledgeFile(store.knowledge, parsed.file, clock, logger);
  logger.info({ file, entries: parsed.file.entries.length, added, changed }, 'knowledge base read');
}
