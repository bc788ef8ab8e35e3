import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { organisation } from '../unit/domain-fixture';

export function writeOrganisation(org: object = organisation): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-org-')), 'organisation.json');
  fs.writeFileSync(file, JSON.stringify(org));
  return file;
}

/** Every text of a card, flattened, to assert what a person would read. */
export function cardText(card: unknown): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string')
          texts.push(value);
        else walk(value);
      }
    }
  };
  walk(card);
  return texts.join('\n');
}
