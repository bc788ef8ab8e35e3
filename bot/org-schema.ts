import fs from 'node:fs';
import path from 'node:path';
import { organisationJsonSchema } from '../src/org/schema';

/** Where the published JSON Schema of organisation files lives in the repository. */
export const organisationSchemaFile = path.join(
  __dirname,
  '..',
  '..',
  'schema',
  'organisation.schema.json',
);

/** The text of schema/organisation.schema.json: pretty JSON and a final newline. */
export function organisationSchemaText(): string {
  return `${JSON.stringify(organisationJsonSchema(), null, 2)}\n`;
}

/** `npm run org:schema`: regenerates the published schema from src/org/schema.ts. */
function main(): void {
  fs.mkdirSync(path.dirname(organisationSchemaFile), { recursive: true });
  fs.writeFileSync(organisationSchemaFile, organisationSchemaText());
  console.log(`Wrote ${path.relative(process.cwd(), organisationSchemaFile)}`);
}

if (require.main === module) main();
