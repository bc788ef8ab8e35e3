import fs from 'node:fs';
import path from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';

type Schema = Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];

/** Where @microsoft/app-manifest keeps the Teams schemas of a manifest version; none: unknown. */
function schemaDir(version: string): string | undefined {
  const dir = path.join(
    path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build',
    'json-schemas',
    'teams',
    `v${version}`,
  );
  return fs.existsSync(dir) ? dir : undefined;
}

async function readSchema(dir: string, file: string): Promise<Schema> {
  return JSON.parse(await fs.promises.readFile(path.join(dir, file), 'utf8')) as Schema;
}

/**
 * A pattern as the schema means it, written so that it also compiles in Unicode mode, as the
 * validator compiles it: a `]` outside a character class (the localisation schema has
 * `activityTypes\[\b(…)\b]`) is a literal bracket, so it is escaped.
 */
function unicodeSafePattern(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (c === ']' && !inClass) {
      out += '\\]';
    } else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c;
    }
  }
  return out;
}

/**
 * Validates a manifest against the schema of its manifestVersion bundled in
 * @microsoft/app-manifest. The schema is read from disk and handed to the validator, so nothing is
 * fetched; an unknown version is an error rather than a download.
 */
export async function validateManifest(manifest: AppManifest): Promise<string[]> {
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return ['/manifestVersion is missing'];
  const dir = schemaDir(version);
  if (!dir) return [`/manifestVersion ${version} has no bundled schema in @microsoft/app-manifest`];
  return AppManifestUtils.validateAgainstSchema(
    manifest,
    await readSchema(dir, 'MicrosoftTeams.schema.json'),
  );
}

/**
 * Validates a localisation file's strings against the bundled localisation schema of the
 * manifest's version, offline as the manifest is. Each error names the file.
 */
export async function validateLocalisation(
  manifestVersion: string,
  file: string,
  strings: Record<string, unknown>,
): Promise<string[]> {
  const dir = schemaDir(manifestVersion);
  if (!dir) return [`${file}: manifest version ${manifestVersion} has no bundled schema`];
  const schema = (await readSchema(dir, 'MicrosoftTeams.Localization.schema.json')) as Schema & {
    patternProperties?: Record<string, unknown>;
  };
  const patternProperties = Object.fromEntries(
    Object.entries(schema.patternProperties ?? {}).map(([pattern, rule]) => [
      unicodeSafePattern(pattern),
      rule,
    ]),
  );
  const errors = await AppManifestUtils.validateAgainstSchema(
    strings as never,
    {
      ...schema,
      patternProperties,
    } as Schema,
  );
  return errors.map((error) => `${file}: ${error.trim()}`);
}
