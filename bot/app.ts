import { ActivityTypes, type TurnContext } from 'botbuilder';
import {
  AdaptiveCardActionExecuteResponseType,
  type Application,
  type TeamsAdapter,
} from '@microsoft/teams-ai';
import { cardMessage, onMessage } from './handlers/ask';
import { cardActions } from './handlers/card-actions';
import { helpCard } from './handlers/chat-commands';
import { handlerToolActions } from './handlers/handler-tools';
import { queueActions } from './handlers/queue';
import { boardActions } from './handlers/board';
import { reportActions } from './handlers/report';
import { awayActions } from './handlers/role-commands';
import { suggestionActions } from './handlers/suggestions';
import { knowledgeActions } from './handlers/knowledge-actions';
import { privacyActions } from './handlers/privacy-commands';
import { intakeActions, searchPeopleChoices } from './handlers/intake';
import { searchActions } from './handlers/search';
import { peopleDataset } from '../cards/verbs';
import { auditActions } from './handlers/audit-log';
import { orgImportActions } from './handlers/org-file-upload';
import { organisationActions } from './handlers/organisation-admin';
import { useChannelActions } from './handlers/use-channel';
import { QuietApplication } from './quiet-application';
import { fetchSendToHelp, sendToHelpCommand, submitSendToHelp } from './handlers/send-to-help';
import { reportTurnError } from './handlers/turn-error';
import { readTurn, rememberEndpoint, type HandlerDeps } from './handlers/context';
import { StoredReferences } from './handlers/stored-references';

export interface AppOptions extends Omit<HandlerDeps, 'stored'> {
  adapter: TeamsAdapter;
  botAppId: string;
}

/** The Teams application: which activity goes to which handler. */
export function createApp(options: AppOptions): Application {
  const { adapter, botAppId, ...rest } = options;
  const deps: HandlerDeps = { ...rest, stored: new StoredReferences() };
  const app = new QuietApplication({
    adapter,
    ...(botAppId ? { botAppId } : {}),
    // No turn state: every handler reads what it needs from the store, so nothing is read or
    // written for it (with a storage, teams-ai reads conversation and user state on every turn and
    // writes them when new). A handler that comes to need it passes
    // `storage: new StoreStorage(deps.store.state)`, so it lives in the store, not in one process.
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
    // The clicker sees the response card; everyone else sees the base message the outbox updates.
    adaptiveCards: {
      actionExecuteResponseType: AdaptiveCardActionExecuteResponseType.REPLACE_FOR_INTERACTOR,
    },
  });

  app.turn('beforeTurn', async (context) => {
    await rememberEndpoint(context, deps);
    return true;
  });

  app.activity(ActivityTypes.Message, (context) => onMessage(context, deps));

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient.id;
    const botAdded = context.activity.membersAdded?.some((m) => m.id === botId);
    if (!botAdded || context.activity.conversation.conversationType !== 'personal') return;
    const turn = await readTurn(context, deps);
    await context.sendActivity(cardMessage(helpCard(turn)));
  });

  for (const [verb, handler] of Object.entries({
    ...cardActions(deps),
    ...queueActions(deps),
    ...boardActions(deps),
    ...reportActions(deps),
    ...handlerToolActions(deps),
    ...awayActions(deps),
    ...suggestionActions(deps),
    ...knowledgeActions(deps),
    ...privacyActions(deps),
    ...intakeActions(deps),
    ...searchActions(deps),
    ...organisationActions(deps),
    ...useChannelActions(deps),
    ...orgImportActions(deps),
    ...auditActions(deps),
  })) {
    app.adaptiveCards.actionExecute(verb, (context, _state, data) => handler(context, data));
  }
  // Anything else that claims to be a card action is stale or forged.
  app.adaptiveCards.actionExecute(/.*/, async (context: TurnContext) => {
    const turn = await readTurn(context, deps);
    turn.log.warn(
      { verb: (context.activity.value as { action?: { verb?: unknown } })?.action?.verb },
      'unknown card verb',
    );
    return turn.t.refusals.invalidAction;
  });

  // The intake card's employee field: Teams asks for the people matching what the helpdesk types.
  app.adaptiveCards.search(peopleDataset, async (context, _state, query) =>
    searchPeopleChoices(
      deps,
      await readTurn(context, deps),
      query.parameters.queryText,
      query.count,
    ),
  );

  // The message action "Send til Qm+ Hjelp": a dialog with the message's text, sent as an inquiry.
  app.messageExtensions.fetchTask(sendToHelpCommand, (context) => fetchSendToHelp(context, deps));
  app.messageExtensions.submitAction(sendToHelpCommand, (context, _state, data) =>
    submitSendToHelp(context, deps, data),
  );

  app.error((context, error) => reportTurnError(context, error, deps.logger));
  return app;
}
