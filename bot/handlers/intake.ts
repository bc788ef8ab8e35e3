import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { intakeCardData, renderIntakeCard } from '../../cards/intake';
import { Inputs, Verbs } from '../../cards/verbs';
import { intakeChannels } from '../../src/inquiries/intake';
import { maxQuestionLength, openInquiry } from '../../src/inquiries/open-inquiry';
import { personRef } from '../../src/inquiries/person';
import { searchWords } from '../../src/inquiries/search-text';
import type { HandlerDeps, Turn } from './context';
import { validatedAction, type ActionReply } from './validated-action';

/** The most people a search of the employee field offers: Teams shows at most 15. */
const maxPeopleChoices = 15;

function isHelpdesk(turn: Turn): boolean {
  const email = turn.who.person.email;
  return !!email && turn.directory.isHelpdesk(email);
}

/** "registrer": the helpdesk's card to register an inquiry for an employee. */
export async function showIntake(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<void> {
  if (!isHelpdesk(turn)) {
    await context.sendActivity(turn.t.intake.notHelpdesk);
    return;
  }
  const card = renderIntakeCard(intakeCardData(turn.directory, turn.locale, deps.ids.next()));
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/**
 * The employee field's typeahead: people of the organisation whose name or email holds what the
 * helpdesk typed, for the helpdesk only.
 */
export async function searchPeopleChoices(
  deps: HandlerDeps,
  turn: Turn,
  queryText: string,
  count: number,
): Promise<{ title: string; value: string }[]> {
  if (!isHelpdesk(turn)) return [];
  const words = searchWords(queryText.slice(0, 200));
  const limit = Math.min(Math.max(1, count), maxPeopleChoices);
  const people = await deps.store.organisation.searchPeople(
    words,
    limit,
    turn.directory.snapshot.version,
  );
  return people.map((person) => ({
    title: `${person.name} · ${turn.directory.unit(person.unit)?.name ?? person.unit} · ${person.email}`,
    value: person.email,
  }));
}

const registerData = z.object({
  requestId: z.string().uuid(),
  [Inputs.intakeEmployee]: z.string().trim().min(3).max(254),
  [Inputs.intakeTopic]: z.string().trim().min(1).max(400),
  [Inputs.intakeQuestion]: z.string().max(maxQuestionLength),
  [Inputs.intakeChannel]: z.enum(intakeChannels),
});

/**
 * "Registrer": opens the inquiry for the employee as if they had asked, recording who at the
 * helpdesk registered it and how it came in. Refused, with nothing changed, for anyone but the
 * helpdesk, for a topic or employee the organisation does not have, and for an empty question.
 */
async function register(
  deps: HandlerDeps,
  turn: Turn,
  value: z.infer<typeof registerData>,
): Promise<ActionReply> {
  const { directory, t, who } = turn;
  if (!isHelpdesk(turn)) return t.intake.notHelpdesk;
  const topic = directory.topic(value[Inputs.intakeTopic]);
  if (!topic) return t.refusals.invalidAction;
  const employee = await deps.store.organisation.personByEmail(
    value[Inputs.intakeEmployee],
    directory.snapshot.version,
  );
  const unit = employee ? directory.unit(employee.unit) : undefined;
  if (!employee || !unit) return t.intake.unknownEmployee;
  const text = value[Inputs.intakeQuestion].trim();
  if (!text) return t.intake.empty;
  const { inquiry, created } = await openInquiry(
    { store: deps.store, clock: deps.clock, directory },
    {
      requestKey: `intake:${value.requestId}`,
      asker: personRef({
        name: employee.name,
        email: employee.email,
        ...(employee.aadObjectId ? { aadObjectId: employee.aadObjectId } : {}),
      }),
      unitId: unit.id,
      topicId: topic.id,
      text,
      locale: directory.language,
      intake: {
        by: { key: who.person.key, name: who.person.name },
        channel: value[Inputs.intakeChannel],
      },
    },
  );
  if (!created) return t.intake.already(inquiry.number);
  turn.log
    .child({ inquiry: inquiry.id })
    .info(
      { actor: who.person.key, channel: value[Inputs.intakeChannel] },
      'inquiry registered by the helpdesk',
    );
  deps.notify();
  return t.intake.registered(inquiry.number, employee.name);
}

/** The intake card's verb. */
export function intakeActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<ActionReply>> {
  return {
    [Verbs.register]: validatedAction(deps, registerData, (_context, turn, value) =>
      register(deps, turn, value),
    ),
  };
}
