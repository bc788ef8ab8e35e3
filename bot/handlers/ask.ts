import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { pickTopicCardData, renderPickTopicCard } from '../../cards/pick-topic';
import { pickUnitCardData, renderPickUnitCard } from '../../cards/pick-unit';
import type { AdaptiveCardJson } from '../../cards/render';
import { escalationTiming } from '../../src/escalation/policy';
import { maxQuestionLength, openInquiry } from '../../src/inquiries/open-inquiry';
import { isWaitingForAsker } from '../../src/inquiries/statuses';
import { obviousTopic } from '../../src/inquiries/topic';
import type { NewAttachment } from '../../src/inquiries/commands';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { actOnInquiry } from '../../src/inquiries/act-on-inquiry';
import { refusalText } from './card-actions';
import { readTurn, type HandlerDeps, type Turn } from './context';
import { focusOf } from './asker-focus';
import { attachmentsOf, quotedInquiryNumbers, quotedMessageId } from './attachments';
import { helpCard, runChatCommand } from './chat-commands';
import { htmlToText } from './message-payload';
import { offerSuggestions } from './suggestions';
import { previewUploadedOrgFile } from './org-file-upload';

export function cardMessage(card: AdaptiveCardJson) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** Stable key of one incoming message, so a redelivered message never opens a second inquiry. */
export function requestKeyOf(context: TurnContext): string {
  return `${context.activity.conversation.id}|${context.activity.id ?? ''}`;
}

/**
 * The asker's inquiries this message may be about (waiting for the asker, holding this message
 * already, or shown by the card a Teams reply quotes), looked up once for the turn.
 */
function meantInquiries(context: TurnContext, deps: HandlerDeps, turn: Turn) {
  let found: Promise<Inquiry[]> | undefined;
  return (): Promise<Inquiry[]> => {
    const { attachments } = context.activity;
    const quoted = quotedMessageId(attachments);
    // A quote shows the one number of the inquiry it is about; several numbers name none.
    const numbers = quoted ? quotedInquiryNumbers(attachments) : [];
    found ??= deps.store.inquiries.meantByAskerMessage(turn.who.person.key, {
      requestKey: requestKeyOf(context),
      ...(quoted ? { quotedActivityId: quoted } : {}),
      ...(numbers.length === 1 ? { quotedNumber: numbers[0] } : {}),
    });
    return found;
  };
}

/**
 * When a handler has asked the asker something, the asker's next message in chat is the reply:
 * it goes to the handler and the inquiry's clock runs again. Files sent with it are recorded on
 * the inquiry. Returns false when nothing waits.
 */
async function replyToHandler(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  text: string,
  files: NewAttachment[],
  meant: () => Promise<Inquiry[]>,
): Promise<boolean> {
  const recent = await meant();
  const requestKey = requestKeyOf(context);
  const taken = recent.some((inquiry) =>
    inquiry.history.some(
      (e) => (e.type === 'asker_replied' || e.type === 'info_added') && e.requestKey === requestKey,
    ),
  );
  if (taken) return true; // Teams delivered the same message again.
  const waiting = recent.find(isWaitingForAsker);
  if (!waiting) return false;
  if (!text) return addInfo(context, deps, turn, waiting.id, '', files);
  const command = {
    type: 'asker_reply',
    text,
    requestKey,
    ...(files.length > 0 ? { attachments: files } : {}),
  } as const;
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

/** Adds what the asker sent to an inquiry, and says so; a refusal is said instead. */
async function addInfo(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  inquiryId: string,
  text: string,
  files: NewAttachment[],
): Promise<true> {
  const command = {
    type: 'add_info',
    text,
    requestKey: requestKeyOf(context),
    ...(files.length > 0 ? { attachments: files } : {}),
  } as const;
  const outcome = await actOnInquiry(
    { ...deps, directory: turn.directory },
    inquiryId,
    turn.who.person,
    command,
  );
  if (!outcome.ok) {
    await context.sendActivity(refusalText(outcome, turn, command));
    return true;
  }
  deps.notify();
  const { number } = outcome.inquiry;
  await context.sendActivity(
    files.length > 0
      ? turn.t.askerOutcomes.filesAdded(number, files.map((f) => f.name).join(', '))
      : turn.t.askerOutcomes.infoAdded(number),
  );
  return true;
}

/**
 * What the asker sends about an inquiry the bot knows is meant: a Teams reply that quotes one of
 * its cards, or files and images while the asker is adding to one (just after asking it, or after
 * "Legg til informasjon"). Returns false when no inquiry is meant.
 */
async function addToKnownInquiry(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  text: string,
  files: NewAttachment[],
  meant: () => Promise<Inquiry[]>,
): Promise<boolean> {
  const quoted = quotedMessageId(context.activity.attachments);
  if (quoted) {
    const recent = await meant();
    // The card's id is recorded once its post is answered; a reply that comes sooner (or quotes a
    // card posted again) is known by the one number of the asker's own inquiries it shows.
    const numbers = quotedInquiryNumbers(context.activity.attachments);
    const found =
      recent.find((inquiry) => inquiry.teams.askerStatus?.activityId === quoted) ??
      (numbers.length === 1 ? recent.find((inquiry) => inquiry.number === numbers[0]) : undefined);
    if (found) return addInfo(context, deps, turn, found.id, text, files);
  }
  if (files.length === 0) return false;
  const focus = await focusOf(deps, turn.who.person.key);
  return focus ? addInfo(context, deps, turn, focus, text, files) : false;
}

/** The text of a message without the message it quotes, when it is a Teams reply. */
function ownText(context: TurnContext): string {
  const { text, attachments } = context.activity;
  if (!quotedMessageId(attachments)) return (text ?? '').trim();
  const html = attachments?.find((a) => a.contentType === 'text/html')?.content as string;
  return htmlToText(html.replace(/<blockquote[\s\S]*?<\/blockquote>/gi, ''));
}

/**
 * A message in the 1:1 chat. A chat command is carried out; a reply to a handler's question goes
 * to them; files or a reply about a known inquiry are added to it; anything else is a question:
 * an unknown asker picks a unit, an unclear question gets a topic card, and a clear one becomes an
 * inquiry right away. Nothing sent is dropped without a word.
 */
export async function onMessage(context: TurnContext, deps: HandlerDeps): Promise<void> {
  const turn = await readTurn(context, deps);
  const { t, directory, who, locale } = turn;
  const text = ownText(context);
  const files = attachmentsOf(context.activity.attachments);
  if (text && files.length === 0 && (await runChatCommand(context, deps, turn, text))) return;
  if (context.activity.conversation.conversationType !== 'personal') {
    await context.sendActivity(t.errors.channelOnly);
    return;
  }
  if (files.length > 0 && (await previewUploadedOrgFile(context, deps, turn))) return;
  const meant = meantInquiries(context, deps, turn);
  if ((text || files.length > 0) && (await replyToHandler(context, deps, turn, text, files, meant)))
    return;
  if (await addToKnownInquiry(context, deps, turn, text, files, meant)) return;
  if (!text) {
    await context.sendActivity(
      files.length > 0 ? t.askerOutcomes.filesWithoutInquiry : cardMessage(helpCard(turn)),
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
  const attachments = files.length > 0 ? { attachments: files } : {};
  if (who.known && topicId) {
    const { inquiry, created } = await openInquiry(
      { ...deps, directory },
      { requestKey, asker: who.person, unitId: who.unitId, topicId, text, locale, ...attachments },
    );
    turn.log.child({ inquiry: inquiry.id }).info({ created }, 'inquiry opened');
    // Files sent for a while after go to it: the asker's newest inquiry (see `focusOf`).
    deps.notify();
    return;
  }
  const { calendar, followUps } = escalationTiming(directory);
  const fresh = await deps.store.drafts.add({
    id: requestKey,
    askerKey: who.person.key,
    text,
    locale,
    createdAt: deps.clock.now().toISOString(),
    // Left without a choice, the question is followed up: a reminder, then it is dropped.
    followUpAt: calendar.add(deps.clock.now(), followUps.unfinishedReminderAfter).toISOString(),
    ...(who.known ? { unitId: who.unitId } : {}),
    ...attachments,
  });
  if (!fresh) return;
  const card = who.known
    ? renderPickTopicCard(pickTopicCardData(directory, locale, requestKey, text))
    : renderPickUnitCard(pickUnitCardData(directory, locale, requestKey));
  await context.sendActivity(cardMessage(card));
}
