import { CardFactory, type TaskModuleTaskInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import {
  renderSendToHelpCard,
  type Choice,
  type SendToHelpCardData,
} from '../../cards/send-to-help';
import { maxQuestionLength, openInquiry } from '../../src/inquiries/open-inquiry';
import { obviousTopic } from '../../src/inquiries/topic';
import type { Directory } from '../../src/org/directory';
import { messages, type Locale } from '../../src/i18n';
import { rememberUnit } from './card-actions';
import { readTurn, type HandlerDeps, type Turn } from './context';
import { messageOfAction } from './message-payload';
import { unitChoices } from '../../cards/pick-unit';

/** The message action's command id, as the app manifest declares it. */
export const sendToHelpCommand = 'sendToHelp';

const ref = z.string().trim().min(1).max(400);

/** What the dialog submits: its own request id, the edited text, and the chosen topic (and unit). */
const submitted = z.object({
  requestId: ref,
  question: z.string(),
  topicId: z.string().max(400).optional(),
  unitId: z.string().max(400).optional(),
});

function topicChoices(directory: Directory, locale: Locale): Choice[] {
  return directory.allTopics().map((topic) => ({ title: topic.name[locale], value: topic.id }));
}

/** What the dialog shows: the message's text (and link) to edit, the topics, and units if needed. */
export function sendToHelpCardData(
  directory: Directory,
  locale: Locale,
  input: { requestId: string; message: { text: string; link?: string }; askUnit: boolean },
): SendToHelpCardData {
  const t = messages(locale);
  const { message } = input;
  return {
    requestId: input.requestId,
    body: t.sendToHelp.body,
    question: [message.text, message.link ? t.sendToHelp.link(message.link) : '']
      .filter(Boolean)
      .join('\n\n'),
    maxLength: maxQuestionLength,
    topicId: obviousTopic(directory.allTopics(), message.text) ?? '',
    topics: topicChoices(directory, locale),
    askUnit: input.askUnit,
    units: input.askUnit ? unitChoices(directory, locale) : [],
    submit: t.sendToHelp.submit,
    privacy: t.help.privacy,
    labels: {
      question: t.card.question,
      required: t.sendToHelp.required,
      topic: t.card.topic,
      topicRequired: t.pickTopic.required,
      topicPlaceholder: t.sendToHelp.topicPlaceholder,
      unit: t.card.unit,
      unitRequired: t.pickUnit.required,
      unitPlaceholder: t.pickUnit.placeholder,
    },
  };
}

/** The dialog Teams shows when someone starts the message action on a message. */
export async function fetchSendToHelp(
  context: TurnContext,
  deps: HandlerDeps,
): Promise<TaskModuleTaskInfo> {
  const { t, directory, locale, who } = await readTurn(context, deps);
  const card = renderSendToHelpCard(
    sendToHelpCardData(directory, locale, {
      requestId: deps.ids.next(),
      message: messageOfAction(context.activity.value),
      askUnit: !who.known,
    }),
  );
  return {
    title: t.sendToHelp.title,
    width: 'medium',
    height: 'large',
    card: CardFactory.adaptiveCard(card),
  };
}

function refuse(turn: Turn, reason: string, reply: string): string {
  turn.log.info({ reason }, 'message action refused');
  return reply;
}

/**
 * The dialog was sent: opens the inquiry as a question asked in the 1:1 chat would be, in the name
 * of the person who sent it, and answers with its number. Bad input is refused and changes nothing.
 */
export async function submitSendToHelp(
  context: TurnContext,
  deps: HandlerDeps,
  data: unknown,
): Promise<string> {
  const turn = await readTurn(context, deps);
  const { t, directory, who, locale } = turn;
  const parsed = submitted.safeParse(data);
  if (!parsed.success) return refuse(turn, 'invalid_data', t.refusals.invalidAction);
  const value = parsed.data;
  const text = value.question.trim();
  if (!text) return refuse(turn, 'empty', t.sendToHelp.empty);
  if (text.length > maxQuestionLength) {
    return refuse(turn, 'too_long', t.ask.tooLong(maxQuestionLength));
  }
  const topic = directory.topic(value.topicId ?? '');
  if (!topic) return refuse(turn, 'unknown_topic', t.sendToHelp.unknownTopic);
  const unitId = who.known ? who.unitId : value.unitId;
  if (!unitId || !directory.unit(unitId)) {
    return refuse(turn, 'unknown_unit', t.sendToHelp.unknownUnit);
  }
  if (!who.known) await rememberUnit(deps, turn, unitId);
  // Namespaced by the sender, so another person's request id can never name this inquiry.
  const requestKey = `${sendToHelpCommand}|${who.person.key}|${value.requestId}`;
  const { inquiry, created } = await openInquiry(
    { ...deps, directory },
    { requestKey, asker: who.person, unitId, topicId: topic.id, text, locale },
  );
  deps.notify();
  turn.log.child({ inquiry: inquiry.id }).info({ created }, 'inquiry sent from a message');
  return t.sendToHelp.sent(inquiry.number);
}
