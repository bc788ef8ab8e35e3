import type { Clock } from '../src/clock';
import type { Store } from '../src/store/ports';
import type { OutboxHealth } from './delivery/outbox-worker';

export interface ReadinessDeps {
  store: Store;
  clock: Clock;
  scheduler: { isRunning(): boolean };
  outbox: { health(): OutboxHealth };
  /** A notification waiting longer than this (ms since queued) means the outbox is stuck. */
  maxOutboxAgeMs: number;
  /** The connector's call timeout: a call still under way well past it means a stuck send. */
  callTimeoutMs: number;
  /** How long the store may take to answer before it counts as unreachable. */
  storeTimeoutMs: number;
}

export interface Readiness {
  status: 'ready' | 'not ready';
  /** Why not, one line each; empty when ready. */
  reasons: string[];
  store: 'reachable' | 'unreachable';
  scheduler: 'running' | 'stopped';
  outbox: 'running' | 'stopped';
  /** Age of the oldest notification still waiting, as the outbox last looked; null for none. */
  oldestPendingSeconds: number | null;
}

/** A call still under way this long after its timeout has not been given up as it should. */
const stuckCallGraceMs = 5000;

/**
 * Whether this instance can do its work: the store answers, the scheduler and the outbox run, and
 * the outbox moves. The outbox figures are what the worker last saw; nothing is counted here.
 */
export async function readiness(deps: ReadinessDeps): Promise<Readiness> {
  const reasons: string[] = [];
  const store = await storeAnswers(deps);
  if (!store) reasons.push(`the store did not answer within ${deps.storeTimeoutMs} ms`);
  const scheduler = deps.scheduler.isRunning();
  if (!scheduler) reasons.push('the escalation scheduler is not running');
  const outbox = deps.outbox.health();
  if (!outbox.running) reasons.push('the outbox is not running');
  const ageMs = outbox.oldestPendingAt
    ? Math.max(0, deps.clock.now().getTime() - outbox.oldestPendingAt.getTime())
    : undefined;
  if (ageMs !== undefined && ageMs > deps.maxOutboxAgeMs)
    reasons.push(
      `the outbox is stuck: a notification has waited ${Math.round(ageMs / 1000)} s (at most ${Math.round(deps.maxOutboxAgeMs / 1000)} s allowed)`,
    );
  if (
    outbox.longestCallMs !== undefined &&
    outbox.longestCallMs > deps.callTimeoutMs + stuckCallGraceMs
  )
    reasons.push(
      `the outbox is stuck: a call to Teams has run ${Math.round(outbox.longestCallMs / 1000)} s, past its timeout of ${Math.round(deps.callTimeoutMs / 1000)} s`,
    );
  return {
    status: reasons.length === 0 ? 'ready' : 'not ready',
    reasons,
    store: store ? 'reachable' : 'unreachable',
    scheduler: scheduler ? 'running' : 'stopped',
    outbox: outbox.running ? 'running' : 'stopped',
    oldestPendingSeconds: ageMs === undefined ? null : Math.round(ageMs / 1000),
  };
}

/** One cheap read (the organisation's version), within the time allowed. */
async function storeAnswers(deps: ReadinessDeps): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      deps.store.organisation.version().then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), deps.storeTimeoutMs);
      }),
    ]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
