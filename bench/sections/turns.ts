import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BenchConnector } from '../support/connector';
import { askQuestions, percentile, type LoadResult } from '../support/load';
import {
  generatedOrganisation,
  triageChannelIds,
  writeOrganisationFile,
} from '../support/organisation';
import { startServerProcess, type ServerProcess } from '../support/processes';
import { ms, times, type BenchOptions, type Row, type Section } from '../section';

const concurrencies = [1, 10, 50];
const targets = { throughputRatio: 0.7, p95Ratio: 1.5 };
/** How long the triage cards of a run may take to arrive after its last answer. */
const drainLimitMs = 120_000;

/** The bot as `npm start` starts it (dist/bot/main.js → bot/start.ts), on a new SQLite file. */
export function startBot(
  orgFile: string,
  connectorUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-bench-bot-'));
  return startServerProcess(
    'bot/main.js',
    {
      PORT: '0',
      HOST: '127.0.0.1',
      SQLITE_PATH: path.join(dir, 'qm-hjelp.sqlite'),
      ORG_FILE: orgFile,
      PLAYGROUND: 'off',
      TEAMS_SERVICE_URL: connectorUrl,
      LOG_FORMAT: 'json',
      ...env,
    },
    'Qm+ Hjelp is listening',
  );
}

async function triageTimes(
  connector: BenchConnector,
  load: LoadResult,
): Promise<{ p95: number; missing: number }> {
  const waitUntil = performance.now() + drainLimitMs;
  const arrived = () => [...load.sentAt.keys()].filter((q) => connector.triageArrivals.has(q));
  while (arrived().length < load.answered && performance.now() < waitUntil)
    await new Promise((resolve) => setTimeout(resolve, 200));
  // The rest of the run's delivery (the askers' status cards) ends too before the next run.
  let requests = -1;
  while (requests !== connector.requests && performance.now() < waitUntil) {
    requests = connector.requests;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const durations = arrived()
    .map((q) => (connector.triageArrivals.get(q) ?? 0) - (load.sentAt.get(q) ?? 0))
    .sort((a, b) => a - b);
  return {
    p95: percentile(durations, 0.95),
    missing: Math.max(0, load.answered - durations.length),
  };
}

/**
 * Inquiry-opening turns against the bot on SQLite and against the echo bot, by the same load
 * generator over HTTP, at 1, 10 and 50 people asking at once; the question → triage card time at
 * the connector; the bot's start-up time and memory after the runs.
 */
export const turnsSection: Section = {
  name: 'turns',
  title: 'Turns on SQLite',
  async run(options: BenchOptions): Promise<Row[]> {
    const { org, askers } = generatedOrganisation(2000);
    const orgFile = writeOrganisationFile(org);
    const connector = new BenchConnector(triageChannelIds(org));
    await connector.start();
    const bot = await startBot(orgFile, connector.url);
    const echo = await startServerProcess(
      'bench/echo-bot.js',
      { PORT: '0' },
      'echo bot is listening',
    );
    const rows: Row[] = [];
    try {
      const warm = { connectorUrl: connector.url, askers, connections: 10, seconds: 2 };
      await triageTimes(connector, await askQuestions({ ...warm, url: bot.url }));
      await askQuestions({ ...warm, url: echo.url });
      for (const connections of concurrencies) {
        const run = { connectorUrl: connector.url, askers, connections, seconds: options.seconds };
        options.progress(`${connections} asking at once: echo bot`);
        const echoed = await askQuestions({ ...run, url: echo.url });
        options.progress(`${connections} asking at once: bot`);
        const asked = await askQuestions({ ...run, url: bot.url });
        const triage = await triageTimes(connector, asked);
        const ratio = asked.throughput / echoed.throughput;
        const p95Ratio = asked.p95 / echoed.p95;
        const atTarget = connections === 50;
        rows.push(
          {
            measure: `inquiry-opening turns/s, ${connections} asking`,
            bot: `${asked.throughput.toFixed(1)}/s${asked.failed ? ` (${asked.failed} failed)` : ''}`,
            echo: `${echoed.throughput.toFixed(1)}/s${echoed.failed ? ` (${echoed.failed} failed)` : ''}`,
            ratio: times(ratio),
            ...(atTarget
              ? { target: `≥ ${targets.throughputRatio}×`, met: ratio >= targets.throughputRatio }
              : {}),
          },
          {
            measure: `turn p50 / p95, ${connections} asking`,
            bot: `${ms(asked.p50)} / ${ms(asked.p95)}`,
            echo: `${ms(echoed.p50)} / ${ms(echoed.p95)}`,
            ratio: `p95 ${times(p95Ratio)}`,
            ...(atTarget
              ? { target: `p95 ≤ ${targets.p95Ratio}×`, met: p95Ratio <= targets.p95Ratio }
              : {}),
          },
          {
            measure: `question → triage card p95, ${connections} asking`,
            bot: `${ms(triage.p95)}${triage.missing ? ` (${triage.missing} cards missing)` : ''}`,
            ...(triage.missing ? { met: false, target: 'every card' } : {}),
          },
        );
      }
      rows.push(
        {
          measure: 'start-up to listening, new SQLite file',
          bot: ms(bot.startMs),
          echo: ms(echo.startMs),
        },
        {
          measure: 'server RSS after the runs',
          bot: `${bot.rssMb().toFixed(0)} MB`,
          echo: `${echo.rssMb().toFixed(0)} MB`,
        },
      );
    } finally {
      await bot.stop();
      await echo.stop();
      await connector.stop();
    }
    return rows;
  },
};
