import { CardFactory, type Activity } from 'botbuilder';
import { answerCardData, renderAnswerCard } from '../../cards/answer';
import { askerNoticeText } from '../../cards/asker-notice';
import { askerQuestionCardData } from '../../cards/asker-question';
import { askerStatusCardData, renderAskerStatusCard } from '../../cards/asker-status';
import { noticeCardData, renderNoticeCard } from '../../cards/notice';
import { pingCardData } from '../../cards/ping';
import type { AdaptiveCardJson } from '../../cards/render';
import { renderTriageCard, triageCardData } from '../../cards/triage';
import type { Clock } from '../../src/clock';
import type { Inquiry, InquiryEvent, PostedCard } from '../../src/inquiries/inquiry';
import { escalationTiming } from '../../src/escalation/policy';
import { messages } from '../../src/i18n';
import { personRef, type PersonRef } from '../../src/inquiries/person';
import { isOpenForHandling, isWaitingForAsker } from '../../src/inquiries/statuses';
import type { NotificationIntent } from '../../src/notifications/intents';
import type { Logger } from '../../src/logger';
import type { KnowledgeIndex } from '../../src/knowledge/knowledge-index';
import { similarInquiries } from '../../src/knowledge/similar';
import type { Directory } from '../../src/org/directory';
import type { DirectoryProvider } from '../../src/org/provider';
import { targetsAt } from '../../src/routing/chain';
import type { Store, StoredReference, TeamsEndpoint } from '../../src/store/ports';
import {
  isConversationGone,
  isMessageRefused,
  isPermanent,
  NotReadyError,
  PermanentDeliveryError,
} from './errors';
import { mentionable, withMentionableLevel, type MentionDeps } from './mentions';
import { teamsUserIdOf } from './roster';
import { sendOnce, type SentLog } from './sent-log';
import type { PersonalTarget, TeamsSender } from './teams-sender';

export interface DeliveryDeps {
  store: Store;
  directories: DirectoryProvider;
  sender: TeamsSender;
  clock: Clock;
  /** The organisation's tenant: its channels are posted to and its people's chats started there. */
  tenantId: string;
  /** Where to reach Teams before any activity has said so (TEAMS_SERVICE_URL). */
  serviceUrl?: string;
  /** The sends of the notification being delivered that Teams has accepted already. */
  sent?: SentLog;
  /** Where triage cards find resolved inquiries like theirs; none without it. */
  knowledge?: KnowledgeIndex;
  logger?: Logger;
}

function cardActivity(card: AdaptiveCardJson, summary: string): Partial<Activity> {
  return { type: 'message', summary, attachments: [CardFactory.adaptiveCard(card)] };
}

/** Delivers one notification intent, rendering the inquiry as it is now. */
export async function deliver(deps: DeliveryDeps, intent: NotificationIntent): Promise<void> {
  const inquiry = await deps.store.inquiries.get(intent.inquiryId);
  if (!inquiry) throw new PermanentDeliveryError(`Inquiry ${intent.inquiryId} no longer exists`);
  const directory = await deps.directories.current();
  const timeZone = directory.timeZone;
  switch (intent.kind) {
    case 'triage.post':
      return postTriage(deps, inquiry, directory, timeZone);
    case 'triage.update': {
      const card = renderTriageCard(
        triageCardData(inquiry, directory, directory.language, {
          timeZone,
          mention: false,
          similar: await similarInquiries(deps.knowledge, inquiry),
        }),
      );
      for (const posted of inquiry.teams.triageCards) {
        const serviceUrl = await serviceUrlOf(deps, posted.recipientKey);
        await deps.sender.update(serviceUrl, posted, cardActivity(card, inquiry.number));
      }
      return;
    }
    case 'asker.status': {
      const card = renderAskerStatusCard(
        askerStatusCardData(inquiry, directory, inquiry.locale, timeZone),
      );
      const activity = cardActivity(card, inquiry.number);
      const existing = inquiry.teams.askerStatus;
      if (existing) {
        const serviceUrl = await serviceUrlOf(deps, inquiry.asker.key);
        return deps.sender.update(serviceUrl, existing, activity);
      }
      const sent = await sendToPerson(deps, inquiry.asker, activity);
      await deps.store.inquiries.recordCard(inquiry.id, {
        askerStatus: { conversationId: sent.conversationId, activityId: sent.activityId },
      });
      return;
    }
    case 'asker.answer': {
      const card = renderAnswerCard(answerCardData(inquiry, directory, inquiry.locale, timeZone));
      await sendToPerson(deps, inquiry.asker, cardActivity(card, inquiry.number));
      return;
    }
    case 'handler.notice': {
      const recipient = findPerson(inquiry, intent.recipientKey);
      if (!recipient)
        throw new PermanentDeliveryError(`${intent.recipientKey} is not in the chain`);
      const by = inquiry.history[inquiry.history.length - 1]?.by?.name;
      const card = renderNoticeCard(
        noticeCardData(inquiry, directory, directory.language, timeZone, {
          reason: intent.reason,
          ...(by ? { by } : {}),
          ...(intent.note ? { note: intent.note } : {}),
        }),
      );
      await sendAlongChain(deps, inquiry, [recipient], () => cardActivity(card, inquiry.number));
      return;
    }
    case 'escalation.ping':
      return ping(deps, inquiry, directory, intent);
    case 'reminder':
      return remind(deps, inquiry, directory);
    case 'asker.notice':
      await sendToPerson(deps, inquiry.asker, {
        type: 'message',
        text: askerNoticeText(inquiry, directory, intent.reason),
      });
      return;
    case 'asker.question': {
      if (!isWaitingForAsker(inquiry)) return;
      const card = renderNoticeCard(askerQuestionCardData(inquiry, directory, inquiry.locale));
      await sendToPerson(deps, inquiry.asker, cardActivity(card, inquiry.number));
      return;
    }
  }
}

/** The inquiry's channel thread, when its triage card was posted in a channel. */
function channelThread(inquiry: Inquiry): PostedCard | undefined {
  return inquiry.teams.triageCards.find((card) => card.recipientKey === undefined);
}

/**
 * Tells a level that an inquiry has come to it: a reply in the thread that mentions its people,
 * and for the system responsible also a 1:1 message, as they may not follow the work area's
 * channel. Without a channel, the level's people get the triage card in 1:1 chat. Nothing is
 * sent when the inquiry has moved on since.
 */
async function ping(
  deps: DeliveryDeps,
  inquiry: Inquiry,
  directory: Directory,
  intent: Extract<NotificationIntent, { kind: 'escalation.ping' }>,
): Promise<void> {
  if (inquiry.level !== intent.level || !isOpenForHandling(inquiry)) return;
  const thread = channelThread(inquiry);
  if (!thread) return postTriage(deps, inquiry, directory, directory.timeZone);
  const people = targetsAt(inquiry.chain, intent.level);
  const card = renderNoticeCard(
    pingCardData(inquiry, directory, directory.language, {
      reason: intent.reason,
      people: await mentionable(mentionDeps(deps), people),
      waited: waitedText(inquiry, directory),
    }),
  );
  await replyInThread(deps, thread, cardActivity(card, inquiry.number));
  if (intent.level === 'system_responsible') {
    const notice = renderNoticeCard(
      noticeCardData(inquiry, directory, directory.language, directory.timeZone, {
        reason: 'escalated',
      }),
    );
    await sendAlongChain(deps, inquiry, people, () => cardActivity(notice, inquiry.number));
  }
}

/** Reminds whoever owes the response now: the holder, or the level's people. */
async function remind(deps: DeliveryDeps, inquiry: Inquiry, directory: Directory): Promise<void> {
  if (!isOpenForHandling(inquiry) || !inquiry.deadline) return;
  const people = inquiry.assignee ? [inquiry.assignee] : targetsAt(inquiry.chain, inquiry.level);
  const card = renderNoticeCard(
    pingCardData(inquiry, directory, directory.language, {
      reason: 'reminder',
      people: await mentionable(mentionDeps(deps), people),
    }),
  );
  const thread = channelThread(inquiry);
  if (thread) return replyInThread(deps, thread, cardActivity(card, inquiry.number));
  await sendAlongChain(deps, inquiry, people, () => cardActivity(card, inquiry.number));
}

/** "4 arbeidstimer": the response time of the level the inquiry has just left. */
function waitedText(inquiry: Inquiry, directory: Directory): string {
  const steps = inquiry.history.filter((e) => e.type === 'routed' || e.type === 'escalated');
  const previous = steps[steps.length - 2]?.level;
  if (!previous || previous === 'vendor') return '';
  const { policy, calendar } = escalationTiming(directory);
  const t = messages(directory.language);
  const duration = policy.responseTime[previous];
  return calendar.roundTheClock ? t.duration(duration) : t.businessDuration(duration);
}

async function replyInThread(
  deps: DeliveryDeps,
  thread: PostedCard,
  activity: Partial<Activity>,
): Promise<void> {
  const serviceUrl = await serviceUrlOf(deps, undefined);
  await sendOnce(deps.sent, `thread:${thread.conversationId}`, () =>
    deps.sender.reply(serviceUrl, thread.conversationId, activity),
  );
}

/** Everyone in the chain, in order, without repeats: superusers, coordinators, system responsible. */
function chainOrder(inquiry: Inquiry): PersonRef[] {
  const { chain } = inquiry;
  const seen = new Set<string>();
  return [...chain.superuser, ...chain.coordinator, ...chain.system_responsible].filter(
    (person) => !seen.has(person.key) && (seen.add(person.key), true),
  );
}

/**
 * Sends to each person in 1:1 chat. When Teams refuses one for good (the app is not installed for
 * them, say), the failure is recorded on the inquiry and the next person in the chain after them
 * is tried instead, so the message still reaches someone who can act.
 */
async function sendAlongChain(
  deps: DeliveryDeps,
  inquiry: Inquiry,
  people: PersonRef[],
  activity: () => Partial<Activity>,
  options: {
    /** People not to fall back to (they have the message already). */
    skip?: ReadonlySet<string>;
    /** Records what was sent to whom, e.g. a triage card to update later. */
    onSent?: (
      person: PersonRef,
      sent: { conversationId: string; activityId: string },
    ) => Promise<void>;
  } = {},
): Promise<void> {
  const order = chainOrder(inquiry);
  const tried = new Set([...(options.skip ?? []), ...people.map((p) => p.key)]);
  const queue = [...people];
  let reached = 0;
  for (let person = queue.shift(); person; person = queue.shift()) {
    try {
      const target = person;
      const sent = await sendOnce(deps.sent, `person:${person.key}`, () =>
        sendToPerson(deps, target, activity()),
      );
      if (sent) await options.onSent?.(person, sent);
      reached++;
    } catch (error) {
      // A message Teams refuses as such would be refused for anyone: not the recipient's fault.
      if (!isPermanent(error) || isMessageRefused(error)) throw error;
      await deps.store.inquiries.recordDeliveryFailure(inquiry.id, {
        at: deps.clock.now().toISOString(),
        note: `${person.name}: ${(error as Error).message}`,
      });
      const index = order.findIndex((p) => p.key === person.key);
      const next = order.slice(index + 1).find((p) => !tried.has(p.key));
      if (next) {
        tried.add(next.key);
        queue.push(next);
      }
    }
  }
  if (reached === 0) throw new PermanentDeliveryError('Nobody in the chain could be reached');
}

/**
 * Posts the triage card: a new thread in the work area's channel, or else each handler's 1:1
 * chat. Records every post so a retry only sends what is missing.
 */
async function postTriage(
  deps: DeliveryDeps,
  inquiry: Inquiry,
  directory: Directory,
  timeZone: string,
): Promise<void> {
  const card = renderTriageCard(
    triageCardData(
      await withMentionableLevel(mentionDeps(deps), inquiry),
      directory,
      directory.language,
      {
        timeZone,
        mention: true,
        similar: await similarInquiries(deps.knowledge, inquiry),
      },
    ),
  );
  const activity = cardActivity(card, inquiry.number);
  const channel = directory.workArea(inquiry.workAreaId)?.triageChannel;
  if (channel) {
    if (inquiry.teams.triageCards.some((c) => c.recipientKey === undefined)) return;
    const endpoint = await endpointFor(deps);
    try {
      const posted = await deps.sender.postToChannel(endpoint, channel.channelId, activity);
      await deps.store.inquiries.recordCard(
        inquiry.id,
        { triage: posted },
        event(deps, 'notified', channel.name ?? channel.channelId),
      );
      return;
    } catch (error) {
      // The bot is not in the team, the channel is private or its id wrong: 1:1 instead.
      if (!isPermanent(error) || isMessageRefused(error)) throw error;
      await deps.store.inquiries.recordDeliveryFailure(inquiry.id, {
        at: deps.clock.now().toISOString(),
        note: `${channel.name ?? channel.channelId}: ${(error as Error).message}`,
      });
      await tellChannelUnreachable(deps, directory, inquiry.workAreaId);
    }
  }
  const posted = new Set(inquiry.teams.triageCards.flatMap((c) => c.recipientKey ?? []));
  const recipients = targetsAt(inquiry.chain, inquiry.level).filter((p) => !posted.has(p.key));
  if (recipients.length === 0) return;
  await sendAlongChain(deps, inquiry, recipients, () => activity, {
    skip: posted,
    onSent: (person, sent) =>
      deps.store.inquiries
        .recordCard(
          inquiry.id,
          {
            triage: {
              conversationId: sent.conversationId,
              activityId: sent.activityId,
              recipientKey: person.key,
            },
          },
          event(deps, 'notified', person.name),
        )
        .then(() => undefined),
  });
}

/**
 * Tells the work area's coordinators and the admins, once, that its triage channel cannot be
 * posted to, so someone fixes it; inquiries reach their people 1:1 meanwhile.
 */
async function tellChannelUnreachable(
  deps: DeliveryDeps,
  directory: Directory,
  workAreaId: string,
): Promise<void> {
  const area = directory.workArea(workAreaId);
  const channel = area?.triageChannel;
  if (!area || !channel) return;
  const told = `teams-setup/channel-unreachable/${area.id}/${channel.channelId}`;
  if (told in (await deps.store.state.read([told]))) return;
  await deps.store.state.write({ [told]: { value: { at: deps.clock.now().toISOString() } } });
  const text = messages(directory.language).teamsSetup.channelUnreachable(
    channel.name ?? channel.channelId,
    area.name,
  );
  const emails = [...new Set([...area.coordinators, ...directory.snapshot.structure.admins])];
  for (const email of emails) {
    const person = directory.staffMember(email);
    if (!person) continue;
    const ref = personRef({
      name: person.name,
      email: person.email,
      ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
    });
    try {
      await sendToPerson(deps, ref, { type: 'message', text });
    } catch (error) {
      if (!isPermanent(error)) throw error;
    }
  }
}

/** How cards find the ids to mention people by: the roster, as for starting a chat. */
function mentionDeps(deps: DeliveryDeps): MentionDeps {
  return {
    teamsIdOf: async (person) =>
      teamsUserIdOf(
        deps,
        await deps.directories.current(),
        (await endpointFor(deps)).serviceUrl,
        person,
      ),
    ...(deps.logger ? { logger: deps.logger } : {}),
  };
}

function event(deps: DeliveryDeps, type: InquiryEvent['type'], note: string): InquiryEvent {
  return { type, at: deps.clock.now().toISOString(), note };
}

function findPerson(inquiry: Inquiry, key: string): PersonRef | undefined {
  const { chain } = inquiry;
  return [
    ...chain.superuser,
    ...chain.coordinator,
    ...chain.system_responsible,
    inquiry.asker,
  ].find((p) => p.key === key);
}

async function sendToPerson(
  deps: DeliveryDeps,
  person: PersonRef,
  activity: Partial<Activity>,
): Promise<{ conversationId: string; activityId: string }> {
  const reference = await deps.store.conversations.personal(person.key);
  const conversationId = referenceConversationId(reference);
  const serviceUrl = referenceServiceUrl(reference);
  if (conversationId && serviceUrl) {
    try {
      return await deps.sender.sendToPerson(
        { serviceUrl },
        { conversation: { conversationId, serviceUrl } },
        activity,
      );
    } catch (error) {
      // The chat is gone (deleted, the bot blocked or removed): start a new one instead.
      if (!isConversationGone(error)) throw error;
    }
  }
  return startChat(deps, person, activity);
}

/** Starts a 1:1 chat with a person by the Teams id the roster gives, else their Entra id. */
async function startChat(
  deps: DeliveryDeps,
  person: PersonRef,
  activity: Partial<Activity>,
): Promise<{ conversationId: string; activityId: string }> {
  const endpoint = await endpointFor(deps);
  const directory = await deps.directories.current();
  const memberId =
    (await teamsUserIdOf(deps, directory, endpoint.serviceUrl, person)) ?? person.aadObjectId;
  const target: PersonalTarget = memberId ? { memberId } : {};
  const sent = await deps.sender.sendToPerson(endpoint, target, activity);
  await deps.store.conversations.savePersonal(
    person.key,
    {
      serviceUrl: sent.serviceUrl,
      channelId: 'msteams',
      conversation: {
        id: sent.conversationId,
        conversationType: 'personal',
        tenantId: deps.tenantId,
      },
    },
    deps.clock.now(),
  );
  return sent;
}

function referenceConversationId(reference: StoredReference | undefined): string | undefined {
  const conversation = reference?.conversation as { id?: unknown } | undefined;
  return typeof conversation?.id === 'string' ? conversation.id : undefined;
}

function referenceServiceUrl(reference: StoredReference | undefined): string | undefined {
  return typeof reference?.serviceUrl === 'string' ? reference.serviceUrl : undefined;
}

async function endpointFor(deps: DeliveryDeps): Promise<TeamsEndpoint> {
  const serviceUrl =
    (await deps.store.conversations.endpoint(deps.tenantId))?.serviceUrl ?? deps.serviceUrl;
  if (!serviceUrl)
    throw new NotReadyError('No message from Teams has been seen yet, so its address is unknown');
  return { serviceUrl, tenantId: deps.tenantId };
}

/** The service URL of a person's 1:1 chat, or of the tenant for a channel (no person). */
async function serviceUrlOf(deps: DeliveryDeps, personKey: string | undefined): Promise<string> {
  const reference = personKey ? await deps.store.conversations.personal(personKey) : undefined;
  return referenceServiceUrl(reference) ?? (await endpointFor(deps)).serviceUrl;
}
