import fs from 'node:fs';
import path from 'node:path';
import { knowledgeFileJsonSchema } from '../src/knowledge/file';

/** Where the published JSON Schema of knowledge-base files lives in the repository. */
export const knowledgeSchemaFile = path.join(
  __dirname,
  '..',
  '..',
  'schema',
  'knowledge-base.schema.json',
);

/** The text of schema/knowledge-base.schema.json: pretty JSON and a final newline. */
export function knowledgeSchemaText(): string {
  return `${JSON.stringify(knowledgeFileJsonSchema(), null, 2)}\n`;
}

/** `npm run knowledge:schema`: regenerates the published schema from src/knowledge/file.ts. */
function main(): void {
  fs.mkdirSync(path.dirname(knowledgeSchemaFile), { recursive: true });
  fs.writeFileSync(knowledgeSchemaFile, knowledgeSchemaText());
  console.log(`Wrote ${path.relative(process.cwd(), knowledgeSchemaFile)}`);
}

if (require.main === module) main();
