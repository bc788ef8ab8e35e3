import { Application, type TurnState } from '@microsoft/teams-ai';

/**
 * The teams-ai Application without its typing indicator. teams-ai 1.7 starts the indicator on
 * every message turn whatever `startTypingTimer` says: a turn that takes over a second (waiting on
 * the store or on Teams) then posts "typing" activities, one a second, before its answer, from a
 * timer the application shares between all turns at once. The bot answers without them.
 */
export class QuietApplication<TState extends TurnState = TurnState> extends Application<TState> {
  override startTypingTimer(): void {
    // No typing indicator: see the class.
  }
}
