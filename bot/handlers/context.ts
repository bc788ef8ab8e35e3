import { TeamsInfo, TurnContext } from 'botbuilder';
import type { Clock } from '../../src/clock';
import { localeFrom, messages, type Locale, type Messages } from '../../src/i18n';
import type { IdGenerator } from '../../src/ids';
import type { KnowledgeIndex } from '../../src/knowledge/knowledge-index';
import type { Logger } from '../../src/logger';
import { turnLogger } from '../turn-logger';
import type { Directory } from '../../src/org/directory';
import { identify, type Identification } from '../../src/org/identify';
import type { DirectoryProvider } from '../../src/org/provider';
import type { TeamsSetupReport } from '../../src/org/teams-setup';
import type { PrivacyKeys } from '../../src/privacy/keys';
import type { Store } from '../../src/store/ports';
import { tenantOf } from '../tenants';
import type { StoredReferences } from './stored-references';
import type { ReportLinks } from './report';

/** What every handler gets: the store, time, ids, the organisation, and a way to wake the sender. */
export interface HandlerDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  directories: DirectoryProvider;
  /** The search index of the knowledge base and of solved inquiries. */
  knowledge: KnowledgeIndex;
  logger: Logger;
  /** Tells the outbox worker that new notifications are waiting. */
  notify: () => void;
  /** Where Teams and each person's chat were last stored from, to skip writes that change nothing. */
  stored: StoredReferences;
  /** Checks the organisation's Teams setup now; undefined while Teams cannot be reached. */
  teamsSetup?: () => Promise<TeamsSetupReport | undefined>;
  /** What signs report download links and where they point; undefined when none can be made. */
  reportLinks?: () => ReportLinks | undefined;
  /** Signing and pseudonymising for exports, erasures and retention. */
  privacy: PrivacyKeys;
  /** Local mode (no app id): files sent to the bot may then be fetched from loopback. */
  localMode?: boolean;
}

/** One turn's view of who is acting, in which language, in which organisation. */
export interface Turn {
  /** The turn's logger: its lines carry the turn's id. */
  log: Logger;
  directory: Directory;
  locale: Locale;
  t: Messages;
  who: Identification;
}

async function emailsOf(context: TurnContext, logger: Logger): Promise<string[]> {
  try {
    const member = await TeamsInfo.getMember(context, context.activity.from.id);
    return [member.email, member.userPrincipalName]
      .filter((v): v is string => typeof v === 'string' && v.includes('@'))
      .map((v) => v.toLowerCase());
  } catch (error) {
    logger.debug({ error: (error as Error).message }, 'member lookup failed');
    return [];
  }
}

export async function readTurn(context: TurnContext, deps: HandlerDeps): Promise<Turn> {
  const log = turnLogger(context, deps.logger);
  // A card action changes something and is checked against the organisation as it is now; a
  // message is answered by it as this instance last saw it (within seconds of another's change).
  const directory =
    context.activity.type === 'invoke'
      ? await deps.directories.latest()
      : await deps.directories.current();
  const locale = localeFrom(context.activity.locale, directory.language);
  const { from } = context.activity;
  const who = await identify(
    deps.store,
    directory,
    {
      name: from.name ?? '',
      teamsId: from.id,
      ...(from.aadObjectId ? { aadObjectId: from.aadObjectId } : {}),
    },
    () => emailsOf(context, log),
  );
  if (context.activity.conversation.conversationType === 'personal') {
    const reference = TurnContext.getConversationReference(context.activity);
    // The activity id changes with every message; the rest says where the chat is.
    const { activityId: _activityId, ...where } = reference;
    await deps.stored.saveIfChanged(`person:${who.person.key}`, JSON.stringify(where), () =>
      deps.store.conversations.savePersonal(who.person.key, reference, deps.clock.now()),
    );
  }
  return { log, directory, locale, t: messages(locale), who };
}

/** Remembers where Teams can be reached for the activity's tenant; refreshed from every incoming activity. */
export async function rememberEndpoint(context: TurnContext, deps: HandlerDeps): Promise<void> {
  const { serviceUrl } = context.activity;
  const tenantId = tenantOf(context.activity);
  if (!serviceUrl || !tenantId) return;
  await deps.stored.saveIfChanged(`endpoint:${tenantId}`, serviceUrl, () =>
    deps.store.conversations.saveEndpoint({ serviceUrl, tenantId }, deps.clock.now()),
  );
}
