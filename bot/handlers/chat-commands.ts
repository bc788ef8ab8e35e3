import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { helpCardData, renderHelpCard } from '../../cards/help';
import { myInquiriesCardData, renderMyInquiriesCard } from '../../cards/my-inquiries';
import type { AdaptiveCardJson } from '../../cards/render';
import { renderTriageCard, triageCardData } from '../../cards/triage';
import {
  recogniseCommand,
  worksIn,
  type ChatCommandId,
  type CommandMatch,
} from '../../src/chat/commands';
import { myInquiries } from '../../src/inquiries/my-inquiries';
import { handlerScope } from '../../src/routing/handler-scope';
import { maySeeInquiry } from '../../src/routing/visibility';
import type { HandlerDeps, Turn } from './context';
import { showIntake } from './intake';
import { showKnowledgeBase } from './knowledge-base-command';
import { showSearch } from './search';
import { showBoard } from './board';
import { showReport } from './report';
import { showQueue } from './queue';
import { showAway, showWhoToAsk } from './role-commands';
import { answerSetupCommand } from './setup-command';
import { erasePersonCommand, exportPersonCommand, showPrivacy } from './privacy-commands';
import { showAuditLog } from './audit-log';
import { showOrganisation } from './organisation-admin';
import { useThisChannel } from './use-channel';

type Command = Extract<CommandMatch, { kind: 'command' }>;

/** What a command's handler gets: the turn, and what the message said. */
interface CommandTurn {
  context: TurnContext;
  deps: HandlerDeps;
  turn: Turn;
  match: Command;
}

function card(json: AdaptiveCardJson) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(json));
}

/** The help card for the person writing: the commands they can use, their unit's superusers. */
export function helpCard(turn: Turn): AdaptiveCardJson {
  const { directory, who, locale } = turn;
  const email = who.person.email;
  const reader = {
    handler: handlerScope(directory, email) !== undefined,
    admin: !!email && directory.isAdmin(email),
    helpdesk: !!email && directory.isHelpdesk(email),
  };
  const unitId = who.known ? who.unitId : undefined;
  return renderHelpCard(helpCardData(directory, unitId, locale, reader));
}

/** The card "mine saker" shows: a page of the asker's inquiries, with an optional notice. */
export async function myInquiriesCard(
  deps: HandlerDeps,
  turn: Turn,
  page: number,
  notice?: string,
): Promise<AdaptiveCardJson> {
  const now = deps.clock.now();
  const inquiries = await myInquiries(deps.store, turn.who.person.key, now);
  return renderMyInquiriesCard(
    myInquiriesCardData(inquiries, turn.directory, turn.locale, now, page, notice),
  );
}

/**
 * A bare inquiry number: its current card with its actions, for its asker (the "mine saker" view
 * of it) and its handlers (the triage card). Anyone else hears the same words whether or not it
 * exists.
 */
async function showInquiry({ context, deps, turn, match }: CommandTurn): Promise<void> {
  if (match.id !== 'inquiry_number') return;
  const { directory, who, t, locale } = turn;
  const inquiry = await deps.store.inquiries.byNumber(match.number);
  if (inquiry && inquiry.asker.key === who.person.key) {
    const now = deps.clock.now();
    await context.sendActivity(
      card(renderMyInquiriesCard(myInquiriesCardData([inquiry], directory, locale, now, 0))),
    );
    return;
  }
  if (inquiry && maySeeInquiry(directory, inquiry, who.person)) {
    const timeZone = directory.timeZone;
    await context.sendActivity(
      card(
        renderTriageCard(
          triageCardData(inquiry, directory, directory.language, { timeZone, mention: false }),
        ),
      ),
    );
    return;
  }
  turn.log.info({ actor: who.person.key }, 'inquiry number not shown');
  await context.sendActivity(t.commands.notVisible(match.number));
}

/** What each chat command does; one entry per command in src/chat/commands.ts. */
const handlers: Record<ChatCommandId, (command: CommandTurn) => Promise<void>> = {
  help: async ({ context, turn }) => {
    await context.sendActivity(card(helpCard(turn)));
  },
  my_inquiries: async ({ context, deps, turn }) => {
    await context.sendActivity(card(await myInquiriesCard(deps, turn, 0)));
  },
  inquiry_number: showInquiry,
  who_to_ask: ({ context, deps, turn }) => showWhoToAsk(context, deps, turn),
  queue: ({ context, deps, turn }) => showQueue(context, deps, turn),
  board: ({ context, deps, turn }) => showBoard(context, deps, turn),
  report: ({ context, deps, turn }) => showReport(context, deps, turn),
  away: ({ context, deps, turn }) => showAway(context, deps, turn),
  knowledge_base: ({ context, deps, turn }) => showKnowledgeBase(context, deps, turn),
  register: ({ context, deps, turn }) => showIntake(context, deps, turn),
  search: ({ context, deps, turn, match }) =>
    showSearch(context, deps, turn, 'words' in match ? match.words : undefined),
  setup: ({ context, deps, turn }) => answerSetupCommand(context, deps, turn),
  privacy: ({ context, turn }) => showPrivacy(context, turn),
  export_person: ({ context, deps, turn, match }) =>
    exportPersonCommand(context, deps, turn, 'person' in match ? match.person : undefined),
  erase_person: ({ context, deps, turn, match }) =>
    erasePersonCommand(context, deps, turn, 'person' in match ? match.person : undefined),
  organisation: ({ context, deps, turn }) => showOrganisation(context, deps, turn),
  audit: ({ context, deps, turn }) => showAuditLog(context, deps, turn),
  use_channel: ({ context, deps, turn }) => useThisChannel(context, deps, turn),
  thanks: async ({ context, turn }) => {
    await context.sendActivity(turn.t.commands.thanks);
  },
  greeting: async ({ context, turn }) => {
    const first = turn.who.person.name.split(' ')[0] ?? '';
    await context.sendActivity(turn.t.commands.greeting(first));
  },
};

/**
 * Runs the chat command a message is, where it works (the 1:1 chat or a triage channel), or in the
 * 1:1 chat suggests the one it looks like. Returns false for a message that is neither: a question,
 * or anything in a channel that is not a command for channels.
 */
export async function runChatCommand(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
  text: string,
): Promise<boolean> {
  const match = recogniseCommand(text, turn.locale);
  if (!match) return false;
  const scope = context.activity.conversation.conversationType === 'personal' ? 'personal' : 'team';
  if (scope === 'team') {
    if (match.kind !== 'command' || !worksIn(match.id, scope)) return false;
    await handlers[match.id]({ context, deps, turn, match });
    return true;
  }
  if (match.kind === 'suggestion') {
    await context.sendActivity(
      match.id === 'inquiry_number'
        ? turn.t.commands.numberSuggestion(match.phrase)
        : turn.t.commands.suggestion(match.phrase),
    );
    return true;
  }
  await handlers[match.id]({ context, deps, turn, match });
  return true;
}
