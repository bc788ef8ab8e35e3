import fs from 'node:fs';
import path from 'node:path';
import { webhookJsonSchemaText } from '../src/webhook/payload-schema';

/** Where the published JSON Schema of webhook payloads lives in the repository. */
export const webhookSchemaFile = path.join(
  __dirname,
  '..',
  '..',
  'schema',
  'webhook-event.schema.json',
);

/** `node dist/bot/webhook-schema.js`: regenerates the published schema from src/webhook. */
if (require.main === module) {
  fs.writeFileSync(webhookSchemaFile, webhookJsonSchemaText());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), webhookSchemaFile)}\n`);
}
