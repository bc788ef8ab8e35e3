import type { TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { pickTopicCardData, renderPickTopicCard } from '../../cards/pick-topic';
import { pickUnitCardData, renderPickUnitCard } from '../../cards/pick-unit';
import type { AdaptiveCardJson } from '../../cards/render';
import { renderSuggestionsCard, suggestionsCardData } from '../../cards/suggestions';
import { Verbs } from '../../cards/verbs';
import { obviousTopic } from '../../src/inquiries/topic';
import type { Draft } from '../../src/store/ports';
import { cardMessage, requestKeyOf } from './ask';
import { openFromDraft } from './card-actions';
import { readTurn, type HandlerDeps, type Turn } from './context';

type Reply = AdaptiveCardJson | string;

const ref = z.string().trim().min(1).max(400);
const schemas = {
  solved: z.object({ draftId: ref, entryId: ref }),
  sendOn: z.object({ draftId: ref }),
};

/**
 * Before a question becomes an inquiry: when the knowledge base answers it well, the asker sees up
 * to three answers, and the question waits as a draft. Returns false when nothing matches well
 * (the question goes on as before).
 */
export async function offerSuggestions(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  text: string,
): Promise<boolean> {
  if (!text) return false;
  // A marker read: what another instance wrote a moment ago is found here too.
  await deps.knowledge.refreshEntries();
  const suggestions = deps.knowledge.suggest(text, 3);
  if (suggestions.length === 0) return false;
  const { who, locale } = turn;
  const draftId = requestKeyOf(context);
  const fresh = await deps.store.drafts.add({
    id: draftId,
    askerKey: who.person.key,
    text,
    locale,
    createdAt: deps.clock.now().toISOString(),
    ...(who.known ? { unitId: who.unitId } : {}),
  });
  // Teams delivered the same message again: the first delivery answered it.
  if (!fresh) return true;
  turn.log.info({ draftId, entries: suggestions.map((s) => s.entry.id) }, 'answers suggested');
  const entries = suggestions.map((s) => ({ entry: s.entry, language: s.hit.locale }));
  await context.sendActivity(
    cardMessage(renderSuggestionsCard(suggestionsCardData(locale, draftId, text, entries, 'open'))),
  );
  return true;
}

/** The asker's own draft, or undefined for a forged or someone else's. */
async function ownDraft(
  deps: HandlerDeps,
  turn: Turn,
  draftId: string,
): Promise<Draft | undefined> {
  const draft = await deps.store.drafts.get(draftId);
  return draft && draft.askerKey === turn.who.person.key ? draft : undefined;
}

/** The inquiry a draft already became, if it did. */
async function openedFrom(deps: HandlerDeps, draft: Draft) {
  const recent = await deps.store.inquiries.listByAsker(draft.askerKey, 50);
  return recent.find((inquiry) => inquiry.requestKey === draft.id);
}

function refuse(turn: Turn, reason: string, reply: string): string {
  turn.log.info({ actor: turn.who.person.key, reason }, 'suggestion action refused');
  return reply;
}

/** The handlers of the suggestion card's buttons: "Dette løste det" and "Send til superbruker". */
export function suggestionActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<Reply>> {
  return {
    [Verbs.suggestionSolved]: async (context, data) => {
      const turn = await readTurn(context, deps);
      const { t } = turn;
      const parsed = schemas.solved.safeParse(data);
      if (!parsed.success) return refuse(turn, 'invalid_data', t.refusals.invalidAction);
      const draft = await ownDraft(deps, turn, parsed.data.draftId);
      if (!draft) return refuse(turn, 'unknown_draft', t.refusals.invalidAction);
      const entry = await deps.store.knowledge.entry(parsed.data.entryId);
      if (!entry || entry.status !== 'active')
        return refuse(turn, 'unknown_entry', t.knowledge.entryGone);
      const opened = await openedFrom(deps, draft);
      if (opened) return refuse(turn, 'already_sent', t.knowledge.alreadySent(opened.number));
      const counted = await deps.store.knowledge.recordSelfServed({
        id: draft.id,
        entryId: entry.id,
        askerKey: draft.askerKey,
        ...(draft.unitId ? { unitId: draft.unitId } : {}),
        at: deps.clock.now().toISOString(),
      });
      if (counted)
        turn.log.info({ draftId: draft.id, entryId: entry.id }, 'answered by the knowledge base');
      const matched = deps.knowledge.suggest(draft.text).find((s) => s.entry.id === entry.id);
      const language = matched?.hit.locale ?? draft.locale;
      return renderSuggestionsCard(
        suggestionsCardData(draft.locale, draft.id, draft.text, [{ entry, language }], 'solved'),
      );
    },
    [Verbs.suggestionSendOn]: async (context, data) => {
      const turn = await readTurn(context, deps);
      const { t, directory, who } = turn;
      const parsed = schemas.sendOn.safeParse(data);
      if (!parsed.success) return refuse(turn, 'invalid_data', t.refusals.invalidAction);
      const draft = await ownDraft(deps, turn, parsed.data.draftId);
      if (!draft) return refuse(turn, 'unknown_draft', t.refusals.invalidAction);
      if (await deps.store.knowledge.selfServed(draft.id))
        return refuse(turn, 'already_solved', t.knowledge.alreadySolved);
      const unitId = draft.unitId ?? (who.known ? who.unitId : undefined);
      if (!unitId || !directory.unit(unitId))
        return renderPickUnitCard(pickUnitCardData(directory, draft.locale, draft.id));
      const topicId = obviousTopic(directory.allTopics(), draft.text);
      if (topicId) return openFromDraft(context, deps, turn, draft.id, unitId, topicId);
      return renderPickTopicCard(pickTopicCardData(directory, draft.locale, draft.id, draft.text));
    },
  };
}
