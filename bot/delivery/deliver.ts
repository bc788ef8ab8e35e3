import type { Activity } from 'botbuilder';
import { answerCardData, renderAnswerCard } from '../../cards/answer';
import { askerNoticeText } from '../../cards/asker-notice';
import { askerQuestionCardData } from '../../cards/asker-question';
import { askerStatusCardData, renderAskerStatusCard } from '../../cards/asker-status';
import {
  noticeCardData,
  noticeHeadOf,
  renderNoticeCard,
  type NoticeCardData,
} from '../../cards/notice';
import { pingCardData } from '../../cards/ping';
import { renderTriageCard, triageCardData } from '../../cards/triage';
import type { Clock } from '../../src/clock';
import type { WebhookConfig } from '../../src/config';
import type { Inquiry, InquiryEvent, PostedCard } from '../../src/inquiries/inquiry';
import { escalationTiming } from '../../src/escalation/policy';
import { messages, type Locale } from '../../src/i18n';
import { personRef, type PersonRef } from '../../src/inquiries/person';
import { isOpenForHandling, isWaitingForAsker } from '../../src/inquiries/statuses';
import type { NotificationIntent } from '../../src/notifications/intents';
import type { Logger } from '../../src/logger';
import type { KnowledgeIndex } from '../../src/knowledge/knowledge-index';
import { similarInquiries } from '../../src/knowledge/similar';
import type { Directory } from '../../src/org/directory';
import type { DirectoryProvider } from '../../src/org/provider';
import { chainMembers, peopleLevels, targetsAt } from '../../src/routing/chain';
import type { Store, StoredReference, TeamsEndpoint } from '../../src/store/ports';
import { cardActivity } from './card-activity';
import {
  isConversationGone,
  isMessageRefused,
  isPermanent,
  NotReadyError,
  PermanentDeliveryError,
} from './errors';
import { mentionable, withMentionableLevel, type MentionDeps } from './mentions';
import { recordNotice, updateNotices } from './notice-updates';
import { postReportPack } from './report-pack';
import { teamsUserIdOf } from './roster';
import { attempted, sendOnce, type SentLog } from './sent-log';
import type { PersonalTarget, TeamsSender } from './teams-sender';
import { sendWebhook } from './webhook-sender';

export interface DeliveryDeps {
  store: Store;
  directories: DirectoryProvider;
  sender: TeamsSender;
  clock: Clock;
  /** The organisation's tenant: its channels are posted to and its people's chats started there. */
  tenantId: string;
  /** Where to reach Teams before any activity has said so (TEAMS_SERVICE_URL). */
  serviceUrl?: string;
  /**
   * Local mode: the address of the Playground signed in as the person (`personKey`), or, for the
   * triage channel (no person), of the one that shows it (the superuser's), once it listens. Posts
   * and new chats go there whichever Playground spoke last; a chat goes back where it came from.
   */
  localServiceUrl?: (personKey?: string) => string | undefined;
  /** The sends of the notification being delivered that Teams has accepted already. */
  sent?: SentLog;
  /** Where triage cards find resolved inquiries like theirs; none without it. */
  knowledge?: KnowledgeIndex;
  logger?: Logger;
  /** Where inquiry events go as signed JSON; webhook items are dropped without it. */
  webhook?: WebhookConfig;
}

/** Delivers one notification intent, rendering the inquiry as it is now. */
export async function deliver(deps: DeliveryDeps, intent: NotificationIntent): Promise<void> {
  if (intent.kind === 'report.pack') return postReportPack(deps, intent, () => endpointFor(deps));
  if (intent.kind === 'draft.reminder' || intent.kind === 'draft.dropped') {
    const t = messages(intent.locale).followUps;
    await attempted(deps.sent, `asker:${intent.askerKey}`, () =>
      sendToPerson(
        deps,
        { key: intent.askerKey, name: '' },
        {
          type: 'message',
          text:
            intent.kind === 'draft.reminder'
              ? t.unfinishedReminder
              : t.unfinishedDropped(intent.excerpt),
        },
      ),
    );
    return;
  }
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
        await deps.sender.update(
          serviceUrl,
          posted,
          cardActivity(card, inquiry.number, directory.language),
        );
      }
      return updateNotices(deps, inquiry, directory, (key) => serviceUrlOf(deps, key));
    }
    case 'asker.status': {
      const card = renderAskerStatusCard(
        askerStatusCardData(inquiry, directory, inquiry.locale, timeZone, deps.clock.now()),
      );
      const activity = cardActivity(card, inquiry.number, inquiry.locale);
      const existing = inquiry.teams.askerStatus;
      if (existing) {
        const serviceUrl = await serviceUrlOf(deps, inquiry.asker.key);
        return deps.sender.update(serviceUrl, existing, activity);
      }
      const sent = await attempted(deps.sent, `asker:${inquiry.asker.key}`, () =>
        sendToPerson(deps, inquiry.asker, activity),
      );
      await deps.store.inquiries.recordCard(inquiry.id, {
        askerStatus: { conversationId: sent.conversationId, activityId: sent.activityId },
      });
      return;
    }
    case 'asker.answer': {
      const card = renderAnswerCard(
        answerCardData(inquiry, directory, inquiry.locale, timeZone, deps.clock.now()),
      );
      await attempted(deps.sent, `asker:${inquiry.asker.key}`, () =>
        sendToPerson(deps, inquiry.asker, cardActivity(card, inquiry.number, inquiry.locale)),
      );
      return;
    }
    case 'handler.notice': {
      const recipient = findPerson(inquiry, intent.recipientKey);
      if (!recipient)
        throw new PermanentDeliveryError(`${intent.recipientKey} is not in the chain`);
      const by = inquiry.history[inquiry.history.length - 1]?.by?.name;
      const data = noticeCardData(inquiry, directory, directory.language, timeZone, {
        reason: intent.reason,
        ...(by ? { by } : {}),
        ...(intent.note ? { note: intent.note } : {}),
      });
      const card = renderNoticeCard(data);
      await sendAlongChain(
        deps,
        inquiry,
        [recipient],
        () => cardActivity(card, inquiry.number, directory.language),
        {
          onSent: keepNotice(deps, inquiry, data),
        },
      );
      return;
    }
    case 'escalation.ping':
      return ping(deps, inquiry, directory, intent);
    case 'reminder':
      return remind(deps, inquiry, directory);
    case 'asker.notice':
      await attempted(deps.sent, `asker:${inquiry.asker.key}`, () =>
        sendToPerson(deps, inquiry.asker, {
          type: 'message',
          text: askerNoticeText(inquiry, directory, intent.reason),
        }),
      );
      return;
    case 'thread.note': {
      // In the channel thread for everyone there; without one the holder had it 1:1 already.
      const thread = channelThread(inquiry, directory);
      if (!thread) return;
      const t = messages(directory.language);
      await postInThread(deps, thread, {
        type: 'message',
        textFormat: 'plain',
        text: `${inquiry.number} · ${t.closing.notResolvedHeading}:\n\n${intent.note}`,
      });
      return;
    }
    case 'staff.notice': {
      const person = directory.staffMember(intent.email);
      if (!person) throw new PermanentDeliveryError('Not in the organisation any more');
      const ref = personRef({
        name: person.name,
        email: person.email,
        ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
      });
      const area = directory.workArea(inquiry.workAreaId)?.name ?? inquiry.workAreaId;
      await attempted(deps.sent, `person:${ref.key}`, () =>
        sendToPerson(deps, ref, {
          type: 'message',
          text: messages(directory.language).followUps.undeliverable(inquiry.number, area),
        }),
      );
      return;
    }
    case 'webhook':
      if (!deps.webhook) return;
      return sendWebhook(
        deps.webhook,
        deps.clock,
        inquiry,
        directory,
        intent.sequence,
        intent.target,
      );
    case 'asker.question': {
      if (!isWaitingForAsker(inquiry)) return;
      const card = renderNoticeCard(
        askerQuestionCardData(inquiry, directory, inquiry.locale, {
          reminder: intent.reminder === true,
        }),
      );
      await attempted(deps.sent, `asker:${inquiry.asker.key}`, () =>
        sendToPerson(deps, inquiry.asker, cardActivity(card, inquiry.number, inquiry.locale)),
      );
      return;
    }
  }
}

/**
 * The inquiry's thread in its work area's channel, when its triage card was posted there. An
 * inquiry moved from another work area keeps its old thread's card, which is not this one.
 */
function channelThread(inquiry: Inquiry, directory: Directory): PostedCard | undefined {
  const channel = directory.workArea(inquiry.workAreaId)?.triageChannel;
  if (!channel) return undefined;
  const threads = inquiry.teams.triageCards.filter((card) => card.recipientKey === undefined);
  const inChannel = threads.find((card) => card.conversationId.split(';')[0] === channel.channelId);
  // A connector that names threads otherwise (a local emulator): the thread of a never moved one.
  const moved = inquiry.history.some((event) => event.type === 'moved');
  return inChannel ?? (moved ? undefined : threads[0]);
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
  const thread = channelThread(inquiry, directory);
  if (!thread) return postTriage(deps, inquiry, directory, directory.timeZone);
  const people = targetsAt(inquiry.chain, intent.level);
  const data = pingCardData(inquiry, directory, directory.language, {
    reason: intent.reason,
    people: await mentionable(mentionDeps(deps), people),
    waited: waitedText(inquiry, directory),
  });
  await replyInThread(deps, inquiry, thread, data, directory.language);
  if (intent.level === 'system_responsible') {
    const noticeData = noticeCardData(inquiry, directory, directory.language, directory.timeZone, {
      reason: 'escalated',
    });
    const notice = renderNoticeCard(noticeData);
    await sendAlongChain(
      deps,
      inquiry,
      people,
      () => cardActivity(notice, inquiry.number, directory.language),
      {
        onSent: keepNotice(deps, inquiry, noticeData),
      },
    );
  }
}

/** Reminds whoever owes the response now: the holder, or the level's people. */
async function remind(deps: DeliveryDeps, inquiry: Inquiry, directory: Directory): Promise<void> {
  if (!isOpenForHandling(inquiry) || !inquiry.deadline) return;
  const people = inquiry.assignee ? [inquiry.assignee] : targetsAt(inquiry.chain, inquiry.level);
  const data = pingCardData(inquiry, directory, directory.language, {
    reason: 'reminder',
    people: await mentionable(mentionDeps(deps), people),
  });
  const card = renderNoticeCard(data);
  const thread = channelThread(inquiry, directory);
  if (thread) return replyInThread(deps, inquiry, thread, data, directory.language);
  await sendAlongChain(
    deps,
    inquiry,
    people,
    () => cardActivity(card, inquiry.number, directory.language),
    {
      onSent: keepNotice(deps, inquiry, data),
    },
  );
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

/** Replies in the inquiry's thread with a notice, kept to be updated with the inquiry. */
async function replyInThread(
  deps: DeliveryDeps,
  inquiry: Inquiry,
  thread: PostedCard,
  data: NoticeCardData,
  locale: Locale,
): Promise<void> {
  const activity = cardActivity(renderNoticeCard(data), inquiry.number, locale);
  const sent = await postInThread(deps, thread, activity);
  if (sent) await recordNotice(deps.store, inquiry.id, sent, noticeHeadOf(data));
}

/** Posts a reply in an inquiry's channel thread, once per notification. */
async function postInThread(deps: DeliveryDeps, thread: PostedCard, activity: Partial<Activity>) {
  const serviceUrl = await serviceUrlOf(deps, undefined);
  return sendOnce(deps.sent, `thread:${thread.conversationId}`, () =>
    deps.sender.reply(serviceUrl, thread.conversationId, activity),
  );
}

/** Keeps each 1:1 notice sent, to be updated with the inquiry. */
function keepNotice(deps: DeliveryDeps, inquiry: Inquiry, data: NoticeCardData) {
  return (person: PersonRef, sent: { conversationId: string; activityId: string }) =>
    recordNotice(deps.store, inquiry.id, sent, noticeHeadOf(data), person.key);
}

/**
 * Everyone in the chain, in order, without repeats: superusers, coordinators, system responsible,
 * each deputy in place of someone away.
 */
function chainOrder(inquiry: Inquiry): PersonRef[] {
  const seen = new Set<string>();
  return peopleLevels
    .flatMap((level) => targetsAt(inquiry.chain, level))
    .filter((person) => !seen.has(person.key) && (seen.add(person.key), true));
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
 * chat. Records every post so a retry only sends what is missing. A channel that refused the
 * inquiry's card for good is not tried again for it (its escalations go 1:1 to the next level);
 * the next inquiry tries it again, so a channel put right is used from then on.
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
  const activity = cardActivity(card, inquiry.number, directory.language);
  const channel = directory.workArea(inquiry.workAreaId)?.triageChannel;
  if (channel && !channelRefused(inquiry, channel.channelId)) {
    if (channelThread(inquiry, directory)) return;
    const endpoint = await endpointFor(deps);
    try {
      const posted = await attempted(deps.sent, `channel:${channel.channelId}`, () =>
        deps.sender.postToChannel(endpoint, channel.channelId, activity),
      );
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
        refusedChannelId: channel.channelId,
      });
    }
  }
  const posted = new Set(inquiry.teams.triageCards.flatMap((c) => c.recipientKey ?? []));
  const recipients = targetsAt(inquiry.chain, inquiry.level).filter((p) => !posted.has(p.key));
  if (recipients.length > 0) await postToPeople(deps, inquiry, recipients, posted, activity);
  if (channel) await tellChannelUnreachable(deps, directory, inquiry.workAreaId);
}

/** Whether Teams refused the inquiry's card in this channel for good before. */
function channelRefused(inquiry: Inquiry, channelId: string): boolean {
  return inquiry.history.some(
    (event) => event.type === 'delivery_failed' && event.refusedChannelId === channelId,
  );
}

/** The triage card in each person's 1:1 chat, recorded to update later. */
async function postToPeople(
  deps: DeliveryDeps,
  inquiry: Inquiry,
  recipients: PersonRef[],
  posted: ReadonlySet<string>,
  activity: Partial<Activity>,
): Promise<void> {
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
  // The asker's status card says whom it reached in chat.
  await deps.store.outbox.enqueue(
    [{ kind: 'asker.status', inquiryId: inquiry.id }],
    deps.clock.now(),
  );
}

/**
 * Tells the work area's coordinators and the admins, once each, that its triage channel cannot
 * be posted to, so someone fixes it; inquiries reach their people 1:1 meanwhile. A person is
 * marked told once Teams has taken the message (or refused it for good), so a message that
 * failed on the way is sent again when the notification is retried, and nobody twice.
 */
async function tellChannelUnreachable(
  deps: DeliveryDeps,
  directory: Directory,
  workAreaId: string,
): Promise<void> {
  const area = directory.workArea(workAreaId);
  const channel = area?.triageChannel;
  if (!area || !channel) return;
  const emails = [...new Set([...area.coordinators, ...directory.snapshot.structure.admins])];
  const people = emails.flatMap((email) => {
    const person = directory.staffMember(email);
    if (!person) return [];
    return personRef({
      name: person.name,
      email: person.email,
      ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
    });
  });
  const key = `teams-setup/channel-unreachable/${area.id}/${channel.channelId}`;
  const told = new Set(toldPeople((await deps.store.state.read([key]))[key]?.value));
  const text = messages(directory.language).teamsSetup.channelUnreachable(
    channel.name ?? channel.channelId,
    area.name,
  );
  for (const person of people.filter((p) => !told.has(p.key))) {
    try {
      await sendToPerson(deps, person, { type: 'message', text });
    } catch (error) {
      // Refused for good (not reachable 1:1): trying again with every inquiry would not help.
      if (!isPermanent(error)) throw error;
    }
    told.add(person.key);
    const written = await deps.store.state.write({ [key]: { value: { told: [...told] } } });
    if (!written.ok) throw new Error(`Could not record who was told (${written.reason})`);
  }
}

/** The people already told that a channel cannot be posted to, from the stored marker. */
function toldPeople(value: unknown): string[] {
  const told = (value as { told?: unknown } | undefined)?.told;
  return Array.isArray(told) ? told.filter((key): key is string => typeof key === 'string') : [];
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
  const members = chainMembers(inquiry.chain);
  return [
    ...members.map(({ away: _away, ...person }) => person),
    ...members.flatMap((m) => m.away?.deputy ?? []),
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
  const endpoint = await endpointFor(deps, person.key);
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

async function endpointFor(deps: DeliveryDeps, personKey?: string): Promise<TeamsEndpoint> {
  const serviceUrl =
    deps.localServiceUrl?.(personKey) ??
    (await deps.store.conversations.endpoint(deps.tenantId))?.serviceUrl ??
    deps.serviceUrl;
  if (!serviceUrl)
    throw new NotReadyError('No message from Teams has been seen yet, so its address is unknown');
  return { serviceUrl, tenantId: deps.tenantId };
}

/** The service URL of a person's 1:1 chat, or of the tenant for a channel (no person). */
async function serviceUrlOf(deps: DeliveryDeps, personKey: string | undefined): Promise<string> {
  const reference = personKey ? await deps.store.conversations.personal(personKey) : undefined;
  return referenceServiceUrl(reference) ?? (await endpointFor(deps, personKey)).serviceUrl;
}
