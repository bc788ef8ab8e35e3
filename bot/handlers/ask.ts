import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { helpCardData, pickTopicCardData, pickUnitCardData } from '../../cards/present';
import { renderHelpCard } from '../../cards/help';
import { renderPickTopicCard } from '../../cards/pick-topic';
import { renderPickUnitCard } from '../../cards/pick-unit';
import type { AdaptiveCardJson } from '../../cards/render';
import { maxQuestionLength, openInquiry } from '../../src/inquiries/open-inquiry';
import { isSmallTalk, obviousTopic } from '../../src/inquiries/topic';
import { readTurn, type HandlerDeps } from './context';

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
export async function onMessage(context: TurnContext, deps: HandlerDeps): Promise<void> {
  const turn = await readTurn(context, deps);
  const { t, directory, who, locale } = turn;
  if (context.activity.conversation.conversationType !== 'personal') {
    await context.sendActivity(t.errors.channelOnly);
    return;
  }
  const text = (context.activity.text ?? '').trim();
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
