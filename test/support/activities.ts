import { randomUUID } from 'node:crypto';
import { playgroundTenantId } from '../../src/config';

/** The organisation's tenant: in local mode, as the tests run the bot, the Playground's. */
export const tenantId = playgroundTenantId;
/** Another organisation's tenant, whose people must not be served. */
export const otherTenantId = '9a0c7d1e-0000-4000-8000-000000000002';
export const bot = { id: '28:qm-hjelp', name: 'Qm+ Hjelp' };

export interface TestUser {
  teamsId: string;
  aadObjectId?: string;
  name: string;
  email: string;
}

/** A person in the test organisation as Teams identifies them. */
export function teamsUser(person: { name: string; email: string; aadObjectId?: string }): TestUser {
  return {
    teamsId: `29:${person.email.split('@')[0]}`,
    name: person.name,
    email: person.email,
    ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
  };
}

function from(user: TestUser) {
  return {
    id: user.teamsId,
    name: user.name,
    ...(user.aadObjectId ? { aadObjectId: user.aadObjectId } : {}),
  };
}

export function personalConversationId(user: TestUser): string {
  return `a:chat-${user.teamsId.slice(3)}`;
}

function base(
  user: TestUser,
  serviceUrl: string,
  conversation: object,
  locale = 'nb-NO',
  tenant = tenantId,
) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale,
    from: from(user),
    recipient: bot,
    conversation,
    channelData: { tenant: { id: tenant } },
  };
}

/** A message in the 1:1 chat with the bot. */
export function personalMessage(options: {
  from: TestUser;
  text: string;
  serviceUrl: string;
  id?: string;
  locale?: string;
  /** The tenant the person belongs to; the test organisation's when absent. */
  tenantId?: string;
}) {
  const tenant = options.tenantId ?? tenantId;
  const conversation = {
    id: personalConversationId(options.from),
    conversationType: 'personal',
    tenantId: tenant,
  };
  return {
    ...base(options.from, options.serviceUrl, conversation, options.locale, tenant),
    ...(options.id ? { id: options.id } : {}),
    type: 'message',
    text: options.text,
  };
}

/** A click on an Action.Execute button (Universal Actions). */
export function cardAction(options: {
  from: TestUser;
  verb: string;
  data: object;
  serviceUrl: string;
  conversationId?: string;
  replyToId?: string;
  locale?: string;
  tenantId?: string;
}) {
  const tenant = options.tenantId ?? tenantId;
  const conversationId = options.conversationId ?? personalConversationId(options.from);
  const conversation = conversationId.startsWith('19:')
    ? { id: conversationId, conversationType: 'channel', isGroup: true, tenantId: tenant }
    : { id: conversationId, conversationType: 'personal', tenantId: tenant };
  return {
    ...base(options.from, options.serviceUrl, conversation, options.locale, tenant),
    type: 'invoke',
    name: 'adaptiveCard/action',
    ...(options.replyToId ? { replyToId: options.replyToId } : {}),
    value: {
      action: { type: 'Action.Execute', verb: options.verb, data: options.data },
      trigger: 'manual',
    },
  };
}

/**
 * What Teams sends as a person types in a card's dynamic typeahead (an Input.ChoiceSet whose
 * `choices.data` is a Data.Query): an `application/search` invoke with the text and the dataset.
 */
export function typeaheadSearch(options: {
  from: TestUser;
  serviceUrl: string;
  dataset: string;
  queryText: string;
  top?: number;
}) {
  const conversation = {
    id: personalConversationId(options.from),
    conversationType: 'personal',
    tenantId,
  };
  return {
    ...base(options.from, options.serviceUrl, conversation),
    type: 'invoke',
    name: 'application/search',
    value: {
      queryText: options.queryText,
      queryOptions: { skip: 0, top: options.top ?? 15 },
      dataset: options.dataset,
    },
  };
}

/** The bot installed in a person's 1:1 chat. */
export function installUpdate(options: { from: TestUser; serviceUrl: string; tenantId?: string }) {
  const tenant = options.tenantId ?? tenantId;
  const conversation = {
    id: personalConversationId(options.from),
    conversationType: 'personal',
    tenantId: tenant,
  };
  return {
    ...base(options.from, options.serviceUrl, conversation, undefined, tenant),
    type: 'conversationUpdate',
    membersAdded: [bot],
  };
}

/** The message a message action is started on, as Teams describes it in the invoke. */
export interface ActionMessage {
  /** The message's body as Teams sends it: HTML. */
  html: string;
  author?: TestUser;
  linkToMessage?: string;
}

/** Who starts a message action, on which channel message, and where Teams sends it. */
interface MessageActionOptions {
  from: TestUser;
  commandId: string;
  message: ActionMessage;
  serviceUrl: string;
  channelId: string;
  locale?: string;
}

function messageActionInvoke(name: string, options: MessageActionOptions) {
  const messageId = '1700000000000';
  const conversation = {
    id: `${options.channelId};messageid=${messageId}`,
    conversationType: 'channel',
    isGroup: true,
    tenantId,
  };
  const author = options.message.author ?? options.from;
  return {
    ...base(options.from, options.serviceUrl, conversation, options.locale),
    channelData: {
      tenant: { id: tenantId },
      channel: { id: options.channelId },
      team: { id: options.channelId },
      source: { name: 'message' },
    },
    type: 'invoke',
    name,
    value: {
      commandId: options.commandId,
      commandContext: 'message',
      context: { theme: 'default' },
      messagePayload: {
        id: messageId,
        messageType: 'message',
        createdDateTime: new Date().toISOString(),
        importance: 'normal',
        locale: 'nb-no',
        from: {
          user: { id: author.teamsId, displayName: author.name, userIdentityType: 'aadUser' },
        },
        body: { contentType: 'html', content: options.message.html },
        attachments: [],
        mentions: [],
        reactions: [],
        ...(options.message.linkToMessage ? { linkToMessage: options.message.linkToMessage } : {}),
      },
    },
  };
}

/** A message action started on a channel message: Teams asks the bot for the dialog to show. */
export function messageActionFetch(options: MessageActionOptions) {
  return messageActionInvoke('composeExtension/fetchTask', options);
}

/** The message action's dialog sent: its Action.Submit data merged with the inputs' values. */
export function messageActionSubmit(options: MessageActionOptions & { data: object }) {
  const invoke = messageActionInvoke('composeExtension/submitAction', options);
  return { ...invoke, value: { ...invoke.value, data: options.data } };
}
