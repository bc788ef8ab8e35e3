/** Why a triage channel cannot be posted to. */
export type ChannelProblem = 'bot_not_in_team' | 'channels_refused' | 'channel_not_in_team';

/** What the Teams setup check found: who cannot be reached 1:1, and which channels not posted to. */
export interface TeamsSetupReport {
  unreachable: {
    /** The person's key (their email). */
    key: string;
    reason: 'no_triage_team' | 'not_in_team';
    /** What would make them reachable all the same. */
    reachableIf: 'personal_install' | 'writes_first';
  }[];
  brokenChannels: {
    workAreaId: string;
    channelId: string;
    problem: ChannelProblem;
    /** The status Teams refused to list the team's channels with. */
    status?: number;
  }[];
}
