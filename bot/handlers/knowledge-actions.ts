import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import {
  knowledgeEntryFormData,
  knowledgeListCardData,
  renderKnowledgeEntryForm,
  renderKnowledgeListCard,
} from '../../cards/knowledge-list';
import type { AdaptiveCardJson } from '../../cards/render';
import { Verbs } from '../../cards/verbs';
import type { KnowledgeEntry } from '../../src/knowledge/entry';
import { maxEntryAnswer, maxEntryQuestion } from '../../src/knowledge/file';
import { mayPublish, publishedEntryId, waitsForAnAnswer } from '../../src/knowledge/similar';
import { handlerRole } from '../../src/routing/authorisation';
import { triageView } from './card-actions';
import { readTurn, type HandlerDeps, type Turn } from './context';

type Reply = AdaptiveCardJson | string;

const ref = z.string().trim().min(1).max(400);
const inquiryId = z.string().uuid();
const entryText = {
  entryQuestion: z.string().max(maxEntryQuestion * 2),
  entryAnswer: z.string().max(maxEntryAnswer * 2),
  entryKeywords: z.string().max(1000).optional(),
};
const schemas = {
  publish: z.object({ inquiryId, ...entryText }),
  useAnswer: z.object({ inquiryId, sourceInquiryId: ref }),
  edit: z.object({ entryId: ref, etag: ref }),
  save: z.object({ entryId: ref, etag: ref, ...entryText }),
  retire: z.object({ entryId: ref, etag: ref, retire: z.enum(['true', 'false']) }),
};

function refuse(turn: Turn, reason: string, reply: string): string {
  turn.log.info({ actor: turn.who.person.key, reason }, 'knowledge-base action refused');
  return reply;
}

/** Keywords as a handler types them: separated by commas, each trimmed, none empty. */
function keywordsOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((k) => k.trim().slice(0, 100))
    .filter(Boolean)
    .slice(0, 50);
}

/** A question and answer as typed into a form: present and not too long, or why not. */
function entryTextOf(
  turn: Turn,
  value: { entryQuestion: string; entryAnswer: string; entryKeywords?: string | undefined },
):
  | { ok: true; question: string; answer: string; keywords: string[] }
  | { ok: false; reply: string } {
  const { t } = turn;
  const question = value.entryQuestion.trim();
  const answer = value.entryAnswer.trim();
  if (!question) return { ok: false, reply: t.knowledge.questionRequired };
  if (!answer) return { ok: false, reply: t.knowledge.answerRequired };
  if (question.length > maxEntryQuestion)
    return { ok: false, reply: t.refusals.tooLong(maxEntryQuestion) };
  if (answer.length > maxEntryAnswer)
    return { ok: false, reply: t.refusals.tooLong(maxEntryAnswer) };
  return { ok: true, question, answer, keywords: keywordsOf(value.entryKeywords) };
}

/** Superusers, coordinators, system responsibles and admins look after the knowledge base. */
export function mayKeepKnowledgeBase(turn: Turn): boolean {
  const email = turn.who.person.email;
  return !!email && !!turn.directory.staffMember(email);
}

/** The handlers' list, read from the store with each entry's current etag. */
export async function knowledgeList(
  deps: HandlerDeps,
  turn: Turn,
  notice = '',
): Promise<AdaptiveCardJson> {
  const entries = await deps.store.knowledge.entries();
  return renderKnowledgeListCard(
    knowledgeListCardData(entries, turn.directory, turn.locale, notice),
  );
}

/**
 * The knowledge base's card verbs: publish an answered inquiry's answer, use a similar inquiry's
 * answer, and edit or retire entries from the handlers' list. Every payload is checked again.
 */
export function knowledgeActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<Reply>> {
  const on =
    <T>(schema: z.ZodType<T>, handle: (turn: Turn, value: T) => Promise<Reply>) =>
    async (context: TurnContext, data: unknown): Promise<Reply> => {
      const turn = await readTurn(context, deps);
      const parsed = schema.safeParse(data);
      if (!parsed.success) return refuse(turn, 'invalid_data', turn.t.refusals.invalidAction);
      return handle(turn, parsed.data);
    };
  /** Entry actions are for the people who look after the knowledge base, on an entry as last read. */
  const onEntry = <T extends { entryId: string; etag: string }>(
    schema: z.ZodType<T>,
    handle: (turn: Turn, value: T, entry: KnowledgeEntry) => Promise<Reply>,
  ) =>
    on(schema, async (turn, value) => {
      if (!mayKeepKnowledgeBase(turn))
        return refuse(turn, 'not_allowed', turn.t.knowledge.listNotAllowed);
      const entry = await deps.store.knowledge.entry(value.entryId);
      if (!entry) return refuse(turn, 'unknown_entry', turn.t.refusals.invalidAction);
      if (entry.etag !== value.etag)
        return refuse(turn, 'stale_entry', turn.t.knowledge.changedMeanwhile);
      return handle(turn, value, entry);
    });
  /** Writes an entry with the etag it was read with; a conflict changes nothing. */
  const save = async (turn: Turn, entry: KnowledgeEntry, notice: string): Promise<Reply> => {
    const written = await deps.store.knowledge.putEntry(entry);
    if (!written.ok) return refuse(turn, 'conflict', turn.t.knowledge.changedMeanwhile);
    await deps.knowledge.refresh();
    turn.log.info({ entryId: entry.id, status: entry.status }, 'knowledge-base entry changed');
    return knowledgeList(deps, turn, notice);
  };
  const changed = (turn: Turn, entry: KnowledgeEntry) => ({
    updatedAt: deps.clock.now().toISOString(),
    updatedBy: { key: turn.who.person.key, name: turn.who.person.name },
    etag: entry.etag,
  });

  return {
    [Verbs.publishAnswer]: on(schemas.publish, async (turn, value) => {
      const { t } = turn;
      const inquiry = await deps.store.inquiries.get(value.inquiryId);
      if (!inquiry) return refuse(turn, 'unknown_inquiry', t.refusals.invalidAction);
      if (!handlerRole(turn.directory, inquiry, turn.who.person.email))
        return refuse(turn, 'not_allowed', t.knowledge.publishNotAllowed);
      if (!mayPublish(inquiry) || !inquiry.answer)
        return refuse(turn, 'not_answered', t.knowledge.publishNotAnswered);
      const text = entryTextOf(turn, value);
      if (!text.ok) return refuse(turn, 'invalid_text', text.reply);
      const by = { key: turn.who.person.key, name: turn.who.person.name };
      const written = await deps.store.knowledge.putEntry({
        id: publishedEntryId(inquiry),
        question: text.question,
        answer: text.answer,
        topicId: inquiry.topicId,
        keywords: text.keywords,
        language: inquiry.locale,
        source: { kind: 'inquiry', inquiryId: inquiry.id, number: inquiry.number, by },
        status: 'active',
        updatedAt: deps.clock.now().toISOString(),
        updatedBy: by,
      });
      if (!written.ok) return refuse(turn, 'already_published', t.knowledge.alreadyPublished);
      await deps.knowledge.refresh();
      turn.log
        .child({ inquiry: inquiry.id })
        .info({ entryId: written.value.id }, 'answer published');
      return t.knowledge.published(text.question);
    }),
    [Verbs.useAnswer]: on(schemas.useAnswer, async (turn, value) => {
      const { t } = turn;
      const inquiry = await deps.store.inquiries.get(value.inquiryId);
      if (!inquiry) return refuse(turn, 'unknown_inquiry', t.refusals.invalidAction);
      if (!handlerRole(turn.directory, inquiry, turn.who.person.email))
        return refuse(
          turn,
          'not_allowed',
          t.refusals.notAllowed(turn.directory.unit(inquiry.unitId)?.name ?? ''),
        );
      if (!waitsForAnAnswer(inquiry))
        return refuse(turn, 'closed', t.refusals.closed(t.statuses[inquiry.status].toLowerCase()));
      const source = await deps.store.knowledge.solved(value.sourceInquiryId);
      if (!source || source.inquiryId === inquiry.id)
        return refuse(turn, 'unknown_source', t.refusals.invalidAction);
      return triageView(deps, inquiry, turn, source.answer);
    }),
    [Verbs.editEntry]: onEntry(schemas.edit, (turn, _value, entry) =>
      Promise.resolve(renderKnowledgeEntryForm(knowledgeEntryFormData(entry, turn.locale))),
    ),
    [Verbs.saveEntry]: onEntry(schemas.save, async (turn, value, entry) => {
      const text = entryTextOf(turn, value);
      if (!text.ok) return refuse(turn, 'invalid_text', text.reply);
      return save(
        turn,
        {
          ...entry,
          question: text.question,
          answer: text.answer,
          keywords: text.keywords,
          ...changed(turn, entry),
        },
        turn.t.knowledge.saved(text.question),
      );
    }),
    [Verbs.retireEntry]: onEntry(schemas.retire, async (turn, value, entry) => {
      const retire = value.retire === 'true';
      return save(
        turn,
        { ...entry, status: retire ? 'retired' : 'active', ...changed(turn, entry) },
        retire
          ? turn.t.knowledge.retiredDone(entry.question)
          : turn.t.knowledge.restored(entry.question),
      );
    }),
  };
}
