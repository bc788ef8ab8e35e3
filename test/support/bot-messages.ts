/** The test process's commands to a bot under test: move its clock, then run what is due. */
export interface BotCommand {
  id: number;
  /** Set the clock to this instant first. */
  at?: string;
  /** Then move it forward this far. */
  advanceMs?: number;
}

/** What a bot under test tells the test process. */
export type BotReport =
  { type: 'ready'; url: string; now: string } | { type: 'done'; id: number; now: string };
