import autocannon from 'autocannon';
import { performance } from 'node:perf_hooks';
import { playgroundTenantId } from '../../src/config';
import { questionMarker } from './connector';
import type { Asker } from './organisation';

/** A question a person asks in their 1:1 chat, as Teams posts it: one Bot Framework activity. */
export function questionActivity(
  asker: Asker,
  serviceUrl: string,
  question: number,
): Record<string, unknown> {
  const conversation = {
    id: `a:bench-${asker.teamsId.slice(3)}`,
    conversationType: 'personal',
    tenantId: playgroundTenantId,
  };
  return {
    type: 'message',
    id: `bench-question-${question}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'nb-NO',
    from: { id: asker.teamsId, name: asker.name, aadObjectId: asker.aadObjectId },
    recipient: { id: '28:qm-hjelp', name: 'Qm+ Hjelp' },
    conversation,
    channelData: { tenant: { id: playgroundTenantId } },
    text: `Hvordan melder jeg et avvik etter en elevtur? ${questionMarker(question)}`,
  };
}

export interface LoadResult {
  /** Answers with a 2xx status per second of the run. */
  throughput: number;
  p50: number;
  p95: number;
  answered: number;
  failed: number;
  /** When each question was sent (performance.now()), by its number. */
  sentAt: Map<number, number>;
}

/** Numbers questions across runs, so no two are the same message. */
let questions = 0;
/** Takes turns through the askers, so concurrent questions come from different people. */
let nextAsker = 0;

/**
 * `connections` people asking at once for `seconds`, each asking again as soon as answered: every
 * request a new question from the next asker of the organisation.
 */
export async function askQuestions(options: {
  url: string;
  connectorUrl: string;
  askers: Asker[];
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const sentAt = new Map<number, number>();
  const times: number[] = [];
  let failed = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${options.url}/api/messages`,
        connections: options.connections,
        duration: options.seconds,
        timeout: 60,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => {
              const number = ++questions;
              const asker = options.askers[nextAsker++ % options.askers.length];
              sentAt.set(number, performance.now());
              return {
                ...request,
                body: JSON.stringify(questionActivity(asker, options.connectorUrl, number)),
              };
            },
          },
        ],
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status >= 200 && status < 300) times.push(responseTime);
      else failed++;
    });
  });
  times.sort((a, b) => a - b);
  return {
    throughput: times.length / result.duration,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    answered: times.length,
    failed: failed + result.errors + result.timeouts,
    sentAt,
  };
}

export function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}
