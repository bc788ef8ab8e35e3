import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { helpCardData, renderHelpCard } from '../../cards/help';
import { pickTopicCardData, renderPickTopicCard } from '../../cards/pick-topic';
import { pickUnitCardData, renderPickUnitCard } from '../../cards/pick-unit';
import type { AdaptiveCardJson } from '../../cards/render';
import { maxQuestionLength, openInquiry } from '../../src/inquiries/open-inquiry';
import { isWaitingForAsker } from '../../src/inquiries/statuses';
import { isSmallTalk, obviousTopic } from '../../src/inquiries/topic';
import { actOnInquiry } from '../../src/inquiries/act-on-inquiry';
import { refusalText } from './card-actions';
import { readTurn, type HandlerDeps, type Turn } from './context';
import { offerSuggestions } from './suggestions';
import { knowledgeBaseCommand } from './knowledge-base-command';

export function cardMessage(card: AdaptiveCardJson) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** Stable key of one incoming message, so a redelivered message never opens a second inquiry. */
export function requestKeyOf(context: TurnContext): string {
  return `${context.activity.conversation.id}|${context.activity.id ?? ''}`;
}

/**
 * A message in the 1:1 chat: help for small talk, otherwise a question. An unknown asker picks a
 * unit, an unclear question gets a topic card, and a clear one becomes an inquiry right away.
 */
/**
 * When a handler has asked the asker something, the asker's next message in chat is the reply:
 * it goes to the handler and the inquiry's clock runs again. Returns false when nothing waits.
 */
async function replyToHandler(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  text: string,
): Promise<boolean> {
  const recent = await deps.store.inquiries.listByAsker(turn.who.person.key, 20);
  const requestKey = requestKeyOf(context);
  const taken = recent.some((inquiry) =>
    inquiry.history.some((e) => e.type === 'asker_replied' && e.requestKey === requestKey),
  );
  if (taken) return true; // Teams delivered the same reply again.
  const waiting = recent.find(isWaitingForAsker);
  if (!waiting) return false;
  const command = { type: 'asker_reply', text, requestKey } as const;
  const outcome = await actOnInquiry(
    { ...deps, directory: turn.directory },
    waiting.id,
    turn.who.person,
    command,
  );
  if (!outcome.ok) {
    await context.sendActivity(refusalText(outcome, turn, command));
    return true;
  }
  deps.notify();
  await context.sendActivity(
    turn.t.outcomes.askerReplied(outcome.inquiry.number, outcome.inquiry.assignee?.name ?? ''),
  );
  return true;
}

export async function onMessage(context: TurnContext, deps: HandlerDeps): Promise<void> {
  const turn = await readTurn(context, deps);
  const { t, directory, who, locale } = turn;
  if (context.activity.conversation.conversationType !== 'personal') {
    await context.sendActivity(t.errors.channelOnly);
    return;
  }
  const text = (context.activity.text ?? '').trim();
  if (text && (await replyToHandler(context, deps, turn, text))) return;
  if (await knowledgeBaseCommand(context, deps, turn, text)) return;
  if (isSmallTalk(text)) {
    await context.sendActivity(
      cardMessage(
        renderHelpCard(helpCardData(directory, who.known ? who.unitId : undefined, locale)),
      ),
    );
    return;
  }
  if (text.length > maxQuestionLength) {
    await context.sendActivity(t.ask.tooLong(maxQuestionLength));
    return;
  }
  if (await offerSuggestions(context, deps, turn, text)) return;
  const requestKey = requestKeyOf(context);
  const topicId = obviousTopic(directory.allTopics(), text);
  if (who.known && topicId) {
    await openInquiry(
      { ...deps, directory },
      { requestKey, asker: who.person, unitId: who.unitId, topicId, text, locale },
    );
    deps.notify();
    return;
  }
  const fresh = await deps.store.drafts.add({
    id: requestKey,
    askerKey: who.person.key,
    text,
    locale,
    createdAt: deps.clock.now().toISOString(),
    ...(who.known ? { unitId: who.unitId } : {}),
  });
  if (!fresh) return;
  const card = who.known
    ? renderPickTopicCard(pickTopicCardData(directory, locale, requestKey, text))
    : renderPickUnitCard(pickUnitCardData(directory, locale, requestKey));
  await context.sendActivity(cardMessage(card));
}
