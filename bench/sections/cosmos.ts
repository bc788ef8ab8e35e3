import { performance } from 'node:perf_hooks';
import { startCosmosServer } from '../../test/support/cosmos-server';
import type { StrictCosmos } from '../../test/support/strict-cosmos';
import { docId } from '../../src/store/cosmos/ids';
import { entriesCounter } from '../../src/store/cosmos/knowledge';
import { BenchConnector } from '../support/connector';
import { askQuestions, questionActivity } from '../support/load';
import {
  generatedOrganisation,
  triageChannelIds,
  writeOrganisationFile,
} from '../support/organisation';
import { ms, type BenchOptions, type Row, type Section } from '../section';
import { startBot } from './turns';

const targets = { requestsPerTurn: 5 };
/** Questions asked one at a time, each counted. */
const counted = 20;

type Seen = StrictCosmos['seen'][number];

/**
 * Which part of a turn a request to the database belongs to. The client asks for a query's plan
 * beside the query itself: that request counts with its query.
 */
function partOf(
  request: Seen,
): 'organisation' | 'state' | 'knowledge' | 'query' | 'inquiry' | 'background' {
  const query = request.query ?? request.planFor ?? '';
  if (/c\.state = 'pending'|pendingSince/.test(query) || refreshing(request)) return 'background';
  if (request.path.includes('/colls/organisation/')) return 'organisation';
  if (request.path.includes('/colls/state/')) return 'state';
  if (request.path.includes('/colls/knowledge/')) return 'knowledge';
  // The asker's inquiries (is one waiting for this reply?): a query and any reads it leads to.
  if (query || request.method === 'GET') return 'query';
  return 'inquiry';
}

/**
 * What each instance reads on its own every few seconds, whatever the traffic, so that no turn
 * reads it (`Store.refreshRemembered`): the organisation's version, the knowledge entries' counter,
 * the absences. A turn reads them itself only when that refresh has fallen behind.
 */
function refreshing(request: Seen): boolean {
  return (
    (request.method === 'GET' &&
      (request.path.endsWith('/colls/organisation/docs/current') ||
        request.path.includes(`/colls/knowledge/docs/${docId('counter', entriesCounter)}`))) ||
    /c\.type = 'absence'/.test(request.query ?? request.planFor ?? '')
  );
}

/**
 * What follows an inquiry's write without the turn waiting: its number and asker lookups, its
 * notifications' items in the outbox, and the replace that takes them off the inquiry.
 */
function moving(request: Seen): boolean {
  return (
    (request.method === 'POST' && request.path.includes('/colls/outbox/docs') && !request.query) ||
    (request.method === 'POST' && ['number', 'asker-entry'].includes(request.docType ?? '')) ||
    (request.method === 'PUT' && request.path.includes('/colls/inquiries/docs/'))
  );
}

/**
 * The requests of one inquiry-opening turn, from the question's arrival: the turn's own, and the
 * move of the inquiry's notifications into the outbox, which runs after the inquiry's write without
 * the turn waiting for it. The outbox worker's lease waits for that move; what it does from its
 * query on (delivery) is neither.
 */
function turnRequests(window: Seen[]): { turn: Seen[]; moved: Seen[] } {
  const leased = window.findIndex((r) => /c\.state = 'pending'/.test(r.query ?? r.planFor ?? ''));
  const before = leased === -1 ? window : window.slice(0, leased);
  return {
    turn: before.filter((r) => partOf(r) !== 'background' && !moving(r)),
    moved: before.filter(moving),
  };
}

async function quiet(seen: Seen[], forMs: number, limitMs = 30_000): Promise<void> {
  const until = performance.now() + limitMs;
  let count = -1;
  while (count !== seen.length && performance.now() < until) {
    count = seen.length;
    await new Promise((resolve) => setTimeout(resolve, forMs));
  }
}

/**
 * The bot on Cosmos DB (cosmosdb-server behind the tests' strict layer, which also counts the
 * requests): the database requests of an inquiry-opening turn, by kind, for a person's first
 * question and for a later one, their request charge where the server reports one, and the turns
 * per second under load.
 */
export const cosmosSection: Section = {
  name: 'cosmos',
  title: 'Cosmos DB',
  async run(options: BenchOptions): Promise<Row[]> {
    const { org, askers } = generatedOrganisation(500);
    const cosmos = await startCosmosServer();
    const connector = new BenchConnector(triageChannelIds(org));
    await connector.start();
    const bot = await startBot(writeOrganisationFile(org), connector.url, {
      STORE: 'cosmos',
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      COSMOS_DATABASE: `bench-${Date.now().toString(36)}`,
      COSMOS_ALLOW_SELF_SIGNED: 'on',
      // Only the turns wake the workers, so little else runs beside a counted turn.
      OUTBOX_INTERVAL_MS: '3600000',
      SCHEDULER_INTERVAL_MS: '3600000',
    });
    const rows: Row[] = [];
    try {
      const seen = cosmos.strict.seen;
      const ask = async (asker: number, question: number) => {
        await quiet(seen, 300);
        const from = seen.length;
        const response = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(questionActivity(askers[asker], connector.url, question)),
        });
        if (response.status !== 200) throw new Error(`The bot answered ${response.status}`);
        await quiet(seen, 300);
        return turnRequests(seen.slice(from));
      };
      options.progress(`${counted} first questions and ${counted} second ones, one at a time`);
      const refreshFrom = { at: performance.now(), seen: seen.length };
      const first: ReturnType<typeof turnRequests>[] = [];
      const second: ReturnType<typeof turnRequests>[] = [];
      // A first turn for the tenant (its endpoint stored), not counted.
      await ask(askers.length - 1, 900_000);
      for (let index = 0; index < counted; index++) first.push(await ask(index, 900_001 + index));
      for (let index = 0; index < counted; index++) second.push(await ask(index, 901_001 + index));

      const describe = (counted: ReturnType<typeof turnRequests>[], who: string): Row[] => {
        const turns = counted.map((c) => c.turn);
        const average = (count: (turn: Seen[]) => number) =>
          turns.reduce((n, turn) => n + count(turn), 0) / turns.length;
        const per = (part: ReturnType<typeof partOf>) =>
          average((turn) => turn.filter((r) => partOf(r) === part).length);
        const all = average((turn) => turn.length);
        const moved = counted.reduce((n, c) => n + c.moved.length, 0) / counted.length;
        const charge = (requests: Seen[]) => {
          const charges = requests.map((r) => r.charge);
          return charges.every((c) => typeof c === 'number')
            ? `${(charges.reduce<number>((n, c) => n + (c ?? 0), 0) / counted.length).toFixed(1)} RU`
            : 'not reported by cosmosdb-server (a real account reports it)';
        };
        return [
          {
            measure: `requests per inquiry-opening turn, ${who}`,
            bot: `${all.toFixed(1)}: organisation ${per('organisation').toFixed(1)}, state ${per('state').toFixed(1)}, knowledge base ${per('knowledge').toFixed(1)}, the asker's inquiries ${per('query').toFixed(1)}, the inquiry's write ${per('inquiry').toFixed(1)}`,
            target: `≤ ${targets.requestsPerTurn}`,
            met: all <= targets.requestsPerTurn,
          },
          {
            measure: `then, not waited for by the turn: its notifications into the outbox, ${who}`,
            bot: `${moved.toFixed(1)} requests`,
          },
          { measure: `request charge per turn, ${who}`, bot: charge(turns.flat()) },
        ];
      };
      if (process.env.BENCH_DUMP)
        for (const turn of [first[3], second[3]])
          process.stderr.write(
            turn.turn
              .map(
                (r) =>
                  `${partOf(r)} ${r.method} ${r.path} ${r.docType ?? ''} ${(r.query ?? r.planFor ?? '').replace(/\s+/g, ' ').slice(0, 100)}`,
              )
              .join('\n') + '\n----\n',
          );
      rows.push(
        ...describe(first, "a person's first question"),
        ...describe(second, 'a later one'),
      );
      const refreshes = seen.slice(refreshFrom.seen).filter(refreshing).length;
      rows.push({
        measure: "read by the instance's own refresh, whatever the traffic (not on a turn)",
        bot: `${(refreshes / ((performance.now() - refreshFrom.at) / 1000)).toFixed(2)} requests/s`,
      });

      // cosmosdb-server keeps everything in one JavaScript process and scans for every query: a
      // turn takes seconds under load there, so the run is long enough for many turns to end.
      for (const connections of [10]) {
        options.progress(`${connections} asking at once`);
        const load = await askQuestions({
          url: bot.url,
          connectorUrl: connector.url,
          askers,
          connections,
          seconds: Math.max(options.seconds, 30),
        });
        rows.push({
          measure: `inquiry-opening turns/s and p50 / p95, ${connections} asking, on cosmosdb-server`,
          bot: `${load.throughput.toFixed(1)}/s, ${ms(load.p50)} / ${ms(load.p95)}${load.failed ? ` (${load.failed} failed)` : ''}`,
        });
      }
    } finally {
      await bot.stop();
      await connector.stop();
      await cosmos.stop();
    }
    return rows;
  },
};
