import { createHash } from 'node:crypto';
import { z } from 'zod/v4';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { jsonPath, parseJsonText, type OrgError } from '../org/validate';
import type { KnowledgeRepository } from '../store/ports';
import { entryStatuses, type KnowledgeEntry } from './entry';

export const maxEntryQuestion = 1000;
export const maxEntryAnswer = 4000;

const id = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');
/** One line of text: no control characters. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max, `at most ${max} characters`)
    .regex(/^[^\p{Cc}]*$/u, 'no control characters');
/** Text of several lines: line breaks and tabs, but no other control characters. */
const prose = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max, `at most ${max} characters`)
    .regex(/^(?:[^\p{Cc}]|[\n\t])*$/u, 'no control characters other than line breaks');
const language = z.enum(['nb', 'en']);

const fileEntry = z.object({
  id,
  question: line(maxEntryQuestion),
  answer: prose(maxEntryAnswer),
  /** A topic id of the organisation file. */
  topic: z.string().min(1).max(64),
  keywords: z.array(line(100)).max(50).default([]),
  language: language.default('nb'),
  /** The same question and answer in the other language, so that a question in it finds the entry. */
  translation: z
    .object({ language, question: line(maxEntryQuestion), answer: prose(maxEntryAnswer) })
    .optional(),
  link: z.url({ protocol: /^https?$/ }).optional(),
  status: z.enum(entryStatuses).default('active'),
});

export const knowledgeFileSchema = z
  .object({
    $schema: z.string().optional(),
    entries: z.array(fileEntry).max(20000),
  })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.entries.forEach((entry, index) => {
      if (seen.has(entry.id))
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'id'],
          message: `id ${entry.id} is used twice`,
        });
      seen.add(entry.id);
      if (entry.translation?.language === entry.language)
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'translation', 'language'],
          message: 'the translation is in another language than the entry',
        });
    });
  });

export type KnowledgeFile = z.output<typeof knowledgeFileSchema>;
export type KnowledgeFileEntry = KnowledgeFile['entries'][number];

export type KnowledgeFileValidation =
  { ok: true; file: KnowledgeFile } | { ok: false; errors: OrgError[] };

/**
 * Parses and validates a knowledge-base file; `topicIds` are the organisation's topics, and every
 * entry must name one of them. Every error comes with its JSON path.
 */
export function parseKnowledgeFile(
  text: string,
  topicIds: readonly string[],
): KnowledgeFileValidation {
  const parsed = parseJsonText(text);
  if (!parsed.ok) return parsed;
  const result = knowledgeFileSchema.safeParse(parsed.json);
  if (!result.success)
    return {
      ok: false,
      errors: result.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })),
    };
  const topics = new Set(topicIds);
  const errors = result.data.entries.flatMap((entry, index) =>
    topics.has(entry.topic)
      ? []
      : [
          {
            path: jsonPath(['entries', index, 'topic']),
            message: `unknown topic ${entry.topic} (the organisation has ${[...topics].join(', ')})`,
          },
        ],
  );
  return errors.length > 0 ? { ok: false, errors } : { ok: true, file: result.data };
}

/** The JSON Schema published for knowledge-base files (schema/knowledge-base.schema.json). */
export function knowledgeFileJsonSchema(): object {
  return {
    ...z.toJSONSchema(knowledgeFileSchema, { io: 'input', unrepresentable: 'any' }),
    $id: 'https://qm-hjelp.example/schema/knowledge-base.schema.json',
    title: 'Qm+ Hjelp knowledge base',
  };
}

function fingerprint(entry: KnowledgeFileEntry): string {
  return createHash('sha256').update(JSON.stringify(entry)).digest('base64url');
}

function fromFile(entry: KnowledgeFileEntry, at: string): KnowledgeEntry {
  return {
    id: entry.id,
    question: entry.question,
    answer: entry.answer,
    topicId: entry.topic,
    keywords: entry.keywords,
    language: entry.language,
    ...(entry.translation ? { translation: entry.translation } : {}),
    ...(entry.link ? { link: entry.link } : {}),
    source: { kind: 'file', fingerprint: fingerprint(entry) },
    status: entry.status,
    updatedAt: at,
  };
}

/**
 * Brings the file's entries into the store: a new entry is added, an entry whose text in the file
 * changed is replaced, and an entry the file has not changed keeps what handlers did to it
 * (edited, retired). Entries handlers published are never touched. Several instances starting at
 * once write each change once: a lost race is a conflict, and the winner wrote the same.
 */
export async function importKnowledgeFile(
  knowledge: KnowledgeRepository,
  file: KnowledgeFile,
  clock: Clock,
  logger: Logger,
): Promise<{ added: number; changed: number }> {
  const at = clock.now().toISOString();
  const stored = new Map((await knowledge.entries()).map((e) => [e.id, e]));
  let added = 0;
  let changed = 0;
  for (const entry of file.entries) {
    const next = fromFile(entry, at);
    const existing = stored.get(entry.id);
    if (!existing) {
      if ((await knowledge.putEntry(next)).ok) added++;
      continue;
    }
    if (existing.source.kind !== 'file') {
      logger.warn({ entryId: entry.id }, 'knowledge-base file names a published entry; kept');
      continue;
    }
    if (next.source.kind === 'file' && existing.source.fingerprint === next.source.fingerprint)
      continue;
    if ((await knowledge.putEntry({ ...next, etag: existing.etag })).ok) changed++;
  }
  return { added, changed };
}
