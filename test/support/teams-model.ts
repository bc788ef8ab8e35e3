import { organisation, people } from './domain-fixture';
import { tenantId } from './activities';

/** A person as Teams knows them. */
export interface TeamsUserModel {
  /** The `29:` id Teams gives a user for this bot. */
  teamsId: string;
  /** Microsoft Entra object id. */
  aadObjectId: string;
  userPrincipalName: string;
  email?: string;
  name: string;
  tenantId: string;
  /** The app is installed in the person's personal scope, so the bot may start a chat by Entra id. */
  personalInstall: boolean;
  /** The person blocked the bot's chat. */
  blocked?: boolean;
}

/** A team: its members (Teams ids), its channels, and whether the bot was added to it. */
export interface TeamModel {
  /** The team id (the General channel's `19:…@thread.tacv2`). */
  id: string;
  name: string;
  tenantId: string;
  botInstalled: boolean;
  channels: { id: string; name: string }[];
  members: string[];
}

export interface TeamsModel {
  users: TeamsUserModel[];
  teams: TeamModel[];
}

/** The team of the test organisation's triage channel. */
export const triageTeamId = '19:team-skole@thread.tacv2';
export const triageChannelId = '19:triage-skole@thread.tacv2';

/** Entra ids of the coordinator and the system responsible, whom the organisation file lists by email. */
export const coordinatorAad = '20000000-0000-4000-8000-000000000001';
export const systemResponsibleAad = '20000000-0000-4000-8000-000000000002';

/** Entra ids Teams knows for the people the organisation file lists without one. */
const entraIds: Record<string, string> = {
  [people.coordinator.email]: coordinatorAad,
  [people.systemResponsible.email]: systemResponsibleAad,
  [people.dentalAsker.email]: '20000000-0000-4000-8000-000000000003',
  [people.admin.email]: '20000000-0000-4000-8000-000000000004',
};

/**
 * The test organisation as Teams sees it: one tenant; everyone has the app installed personally
 * and is a member of the triage team, to which the bot was added; each person's Teams id is the
 * one the test activities carry (`29:` and the email's local part).
 */
export function defaultTeamsModel(): TeamsModel {
  const users: TeamsUserModel[] = organisation.people.map((person) => ({
    teamsId: `29:${person.email.split('@')[0]}`,
    aadObjectId:
      ('aadObjectId' in person ? person.aadObjectId : undefined) ?? entraIds[person.email] ?? '',
    userPrincipalName: person.email,
    email: person.email,
    name: person.name,
    tenantId,
    personalInstall: true,
  }));
  return {
    users,
    teams: [
      {
        id: triageTeamId,
        name: 'Skoler',
        tenantId,
        botInstalled: true,
        channels: [
          { id: triageTeamId, name: 'General' },
          { id: triageChannelId, name: 'Qm+ triage skole' },
        ],
        members: users.map((user) => user.teamsId),
      },
    ],
  };
}
