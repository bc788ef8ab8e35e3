import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { organisationCardData, renderOrganisationCard } from '../../cards/organisation';
import type { AdaptiveCardJson, StatusColor } from '../../cards/render';
import { Verbs } from '../../cards/verbs';
import type { AuditActor } from '../../src/audit/audit-event';
import { changeOrganisation, type ChangeOutcome } from '../../src/org/change-organisation';
import type { Directory } from '../../src/org/directory';
import { formatOrgErrors } from '../../src/org/import';
import { editableRoles, orgEditor, roleTable, type EditableRole } from '../../src/org/roles';
import { setDeputyFor } from '../../src/org/set-deputy';
import type { HandlerDeps, Turn } from './context';
import { validatedAction, type ActionReply } from './validated-action';

/** Who is acting, as the audit trail names them. */
export function actorOf(turn: Turn): AuditActor {
  return { key: turn.who.person.key, name: turn.who.person.name };
}

/** The organisation card as it is now, on a page, with a line saying what just happened. */
async function organisationCard(
  deps: HandlerDeps,
  turn: Turn,
  page: number,
  filter: string,
  notice?: { text: string; color: StatusColor },
): Promise<AdaptiveCardJson> {
  const directory = await deps.directories.current();
  const peopleCount = (await deps.store.organisation.allPeople()).length;
  return renderOrganisationCard(
    organisationCardData(
      directory,
      turn.locale,
      { page, filter, peopleCount, ...(notice ? { notice } : {}) },
      deps.clock.now(),
    ),
  );
}

/** "organisasjon" / "organisation": the card, for admins and system responsibles. */
export async function showOrganisation(
  context: TurnContext,
  deps: HandlerDeps,
  turn: Turn,
): Promise<void> {
  if (!orgEditor(turn.directory, turn.who.person.email)) {
    await context.sendActivity(turn.t.organisation.refusals.notAllowed);
    return;
  }
  const card = await organisationCard(deps, turn, 0, '');
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

const page = z.coerce.number().int().min(0).max(10_000).default(0);
const email = z
  .string()
  .trim()
  .toLowerCase()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/);
const schemas = {
  page: z.object({ page, orgFilter: z.string().max(100).optional() }),
  role: z.object({
    op: z.enum(['add', 'remove']),
    page,
    orgFilter: z.string().max(100).optional(),
    orgRolePlace: z
      .string()
      .regex(new RegExp(`^(${editableRoles.join('|')}):([a-z0-9][a-z0-9-]*|-)$`)),
    orgEmail: email,
  }),
  deputy: z.object({
    page,
    orgFilter: z.string().max(100).optional(),
    orgAwayPerson: email,
    orgAwayUntil: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    orgDeputy: email,
  }),
};

/** The place a role lives, in words: a unit's, work area's or topic's name, or the organisation's. */
function placeName(directory: Directory, role: EditableRole, placeId: string, turn: Turn): string {
  switch (roleTable[role].place) {
    case 'unit':
      return directory.unit(placeId)?.name ?? placeId;
    case 'workArea':
      return directory.workArea(placeId)?.name ?? placeId;
    case 'topic':
      return directory.topic(placeId)?.name[turn.locale] ?? placeId;
    case 'organisation':
      return directory.snapshot.structure.name;
  }
}

function changeRefusal(outcome: Exclude<ChangeOutcome, { ok: true }>, turn: Turn, who: string) {
  const r = turn.t.organisation.refusals;
  switch (outcome.reason) {
    case 'not_allowed':
      return r.notAllowed;
    case 'unknown_place':
      return r.unknown_place;
    case 'unknown_person':
      return r.unknown_person(who);
    case 'already_holds':
      return r.already_holds(who);
    case 'not_holder':
      return r.not_holder(who);
    case 'unchanged':
      return r.unchanged;
    case 'busy':
      return r.busy;
    case 'invalid':
      return r.invalid(formatOrgErrors(outcome.errors));
  }
}

/** The organisation card's verbs: every value checked on the server; a refusal changes nothing. */
export function organisationActions(
  deps: HandlerDeps,
): Record<string, (context: TurnContext, data: unknown) => Promise<ActionReply>> {
  const editorOnly =
    <T>(handle: (turn: Turn, value: T) => Promise<ActionReply>) =>
    (_context: TurnContext, turn: Turn, value: T): Promise<ActionReply> => {
      if (!orgEditor(turn.directory, turn.who.person.email)) {
        turn.log.info({ actor: turn.who.person.key }, 'organisation action refused');
        return Promise.resolve(turn.t.organisation.refusals.notAllowed);
      }
      return handle(turn, value);
    };
  return {
    [Verbs.orgPage]: validatedAction(
      deps,
      schemas.page,
      editorOnly((turn, value) => organisationCard(deps, turn, value.page, value.orgFilter ?? '')),
    ),
    [Verbs.orgRole]: validatedAction(
      deps,
      schemas.role,
      editorOnly(async (turn, value) => {
        const [role, placeId] = value.orgRolePlace.split(':') as [EditableRole, string];
        const outcome = await changeOrganisation(deps, turn.directory, actorOf(turn), {
          kind: 'role',
          op: value.op,
          role,
          placeId,
          email: value.orgEmail,
        });
        const filter = value.orgFilter ?? '';
        if (!outcome.ok) {
          turn.log.info({ reason: outcome.reason }, 'organisation change refused');
          const text = changeRefusal(outcome, turn, value.orgEmail);
          return organisationCard(deps, turn, value.page, filter, { text, color: 'Attention' });
        }
        const directory = await deps.directories.current();
        const person =
          directory.staffMember(value.orgEmail)?.name ??
          (await deps.store.organisation.personByEmail(value.orgEmail))?.name ??
          value.orgEmail;
        const t = turn.t.organisation;
        const words = value.op === 'add' ? t.changed.role_added : t.changed.role_removed;
        const text = words(t.roleNames[role], person, placeName(directory, role, placeId, turn));
        return organisationCard(deps, turn, value.page, filter, { text, color: 'Good' });
      }),
    ),
    [Verbs.orgDeputy]: validatedAction(
      deps,
      schemas.deputy,
      editorOnly(async (turn, value) => {
        const outcome = await setDeputyFor(deps, turn.directory, actorOf(turn), {
          personEmail: value.orgAwayPerson,
          until: value.orgAwayUntil,
          deputyEmail: value.orgDeputy,
          locale: turn.locale,
        });
        const filter = value.orgFilter ?? '';
        const t = turn.t.organisation;
        if (!outcome.ok) {
          const text =
            outcome.reason === 'not_allowed'
              ? t.refusals.notAllowed
              : outcome.reason === 'not_handler'
                ? t.refusals.notHandler(value.orgAwayPerson)
                : outcome.reason === 'busy'
                  ? t.refusals.busy
                  : t.refusals.badDeputy;
          return organisationCard(deps, turn, value.page, filter, { text, color: 'Attention' });
        }
        const { absence } = outcome;
        const text = t.changed.deputy(absence.name, absence.until, absence.deputy.name);
        return organisationCard(deps, turn, value.page, filter, { text, color: 'Good' });
      }),
    ),
  };
}
