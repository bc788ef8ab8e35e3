import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../../src/clock';
import { sampleOrgFile } from '../../src/config';
import { BusinessCalendar } from '../../src/escalation/business-calendar';
import { EscalationScheduler } from '../../src/escalation/scheduler';
import type { NewInquiry } from '../../src/inquiries/inquiry';
import { createLogger } from '../../src/logger';
import { importIfEmpty } from '../../src/org/import';
import { DirectoryProvider } from '../../src/org/provider';
import type { Organisation } from '../../src/org/schema';
import type { Store } from '../../src/store/ports';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { BenchConnector } from '../support/connector';
import { askQuestions } from '../support/load';
import {
  generatedOrganisation,
  triageChannelIds,
  writeOrganisationFile,
} from '../support/organisation';
import { ms, type BenchOptions, type Row, type Section } from '../section';
import { startBot } from './turns';

/** Inquiries whose step is due at each size: the sweep's work, the same whatever the total. */
const dueWork = 100;
const targets = {
  emptySweepMs: 5,
  sweepPerStepMs: 5,
  listByAskerMs: 5,
  calendarAddUs: 1000,
  rssMb: 300,
};
const start = Date.parse('2026-01-05T08:00:00Z');
const now = new Date(start + 400 * 86_400_000);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The `index`th stored inquiry: most are resolved; one in fifty is open with its deadline in the
 * coming month after `now`, so it is indexed but not due. `due` ones are open and overdue.
 */
function inquiry(index: number, org: Organisation, due = false): NewInquiry {
  const at = new Date(start + index * 1000).toISOString();
  const open = due || index % 50 === 0;
  const asker = org.people[index % org.people.length];
  const dueAt = due
    ? new Date(now.getTime() - 60_000)
    : new Date(now.getTime() + 3_600_000 + ((index * 7919) % (30 * 86_400_000)));
  return {
    id: `bench-${due ? 'due-' : ''}${index}`,
    requestKey: `bench-${due ? 'due-' : ''}${index}`,
    status: open ? 'new' : 'resolved',
    level: 'superuser',
    asker: { key: asker.email, name: asker.name, email: asker.email },
    locale: 'nb',
    unitId: asker.unit,
    workAreaId: 'skole',
    topicId: 'avvik',
    text: 'Hvordan melder jeg et avvik på en elevtur?',
    chain: {
      superuser: [{ key: 'sverre.lunde@fylke.example', name: 'Sverre Lunde' }],
      coordinator: [{ key: 'torbjorn.aas@fylke.example', name: 'Torbjørn Aas' }],
      system_responsible: [{ key: 'silje.eikeland@fylke.example', name: 'Silje Eikeland' }],
      vendor: { name: 'Leverandør AS', email: 'support@leverandor.example' },
    },
    ...(open ? { dueAt: dueAt.toISOString() } : {}),
    createdAt: at,
    updatedAt: at,
    teams: { triageCards: [] },
    history: [{ type: 'opened', at }],
  };
}

async function fill(store: Store, org: Organisation, from: number, to: number): Promise<void> {
  for (let index = from; index < to; index++) await store.inquiries.create(inquiry(index, org), []);
}

/**
 * The escalation sweep on a store of 1,000, 100,000 (and with `--large` 1,000,000) inquiries with
 * the same due work in each: its time should follow the due work, not the total. Then the bot is
 * started on the largest store: its start-up time and its memory after some turns.
 */
export const escalationSection: Section = {
  name: 'escalation',
  title: 'Escalation sweep',
  async run(options: BenchOptions): Promise<Row[]> {
    const sizes = options.large ? [1_000, 100_000, 1_000_000] : [1_000, 100_000];
    const { org, askers } = generatedOrganisation(200);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-bench-')), 'bench.sqlite');
    const store = openSqliteStore(file);
    const clock = new ManualClock(now.toISOString());
    const imported = await importIfEmpty(store, JSON.stringify(org), clock);
    if (!imported?.ok) throw new Error('The benchmark organisation did not import');
    const scheduler = new EscalationScheduler({
      store,
      directories: new DirectoryProvider(store.organisation),
      clock,
      logger: createLogger('silent'),
      intervalMs: 3_600_000,
    });
    const rows: Row[] = [];
    const addDue = async (count: number, from: number): Promise<void> => {
      for (let index = 0; index < count; index++)
        await store.inquiries.create(inquiry(from + index, org, true), []);
    };
    // A sweep before any is measured, so the first size does not pay for compiling the code.
    await addDue(dueWork, 100_000_000);
    await scheduler.runDue();
    let stored = dueWork;
    for (const size of sizes) {
      options.progress(`storing ${size.toLocaleString('en')} inquiries`);
      const began = performance.now();
      await fill(store, org, stored, size - dueWork);
      await addDue(dueWork, size * 10);
      const loadSeconds = (performance.now() - began) / 1000;
      stored = size;

      const sweepBegan = performance.now();
      const taken = await scheduler.runDue();
      const sweepMs = performance.now() - sweepBegan;
      const empty: number[] = [];
      for (let run = 0; run < 50; run++) {
        const emptyBegan = performance.now();
        await scheduler.runDue();
        empty.push(performance.now() - emptyBegan);
      }
      const askerTimes: number[] = [];
      for (let run = 0; run < 100; run++) {
        const askerBegan = performance.now();
        await store.inquiries.listByAsker(org.people[(run * 37) % org.people.length].email, 20);
        askerTimes.push(performance.now() - askerBegan);
      }
      const count = size.toLocaleString('en');
      rows.push(
        {
          measure: `sweep with ${dueWork} due, ${count} stored`,
          bot: `${ms(sweepMs)} (${taken} steps; stored in ${loadSeconds.toFixed(0)} s)`,
          ratio: `${(sweepMs / Math.max(taken, 1)).toFixed(2)} ms/step`,
          target: `< ${targets.sweepPerStepMs} ms/step`,
          met: taken === dueWork && sweepMs / taken < targets.sweepPerStepMs,
        },
        {
          measure: `sweep with nothing due, ${count} stored, median`,
          bot: ms(median(empty)),
          target: `< ${targets.emptySweepMs} ms`,
          met: median(empty) < targets.emptySweepMs,
        },
        {
          measure: `an asker's 20 latest, ${count} stored, median`,
          bot: ms(median(askerTimes)),
          target: `< ${targets.listByAskerMs} ms`,
          met: median(askerTimes) < targets.listByAskerMs,
        },
      );
    }
    // Ten times the due work on the largest store: the sweep's time follows it.
    await addDue(dueWork * 10, 200_000_000);
    const moreBegan = performance.now();
    const moreTaken = await scheduler.runDue();
    const moreMs = performance.now() - moreBegan;
    rows.push({
      measure: `sweep with ${dueWork * 10} due, ${stored.toLocaleString('en')} stored`,
      bot: `${ms(moreMs)} (${moreTaken} steps)`,
      ratio: `${(moreMs / Math.max(moreTaken, 1)).toFixed(2)} ms/step`,
      target: `< ${targets.sweepPerStepMs} ms/step`,
      met: moreTaken === dueWork * 10 && moreMs / moreTaken < targets.sweepPerStepMs,
    });
    await store.close();

    const calendar = BusinessCalendar.of(
      (JSON.parse(fs.readFileSync(sampleOrgFile, 'utf8')) as Organisation).calendar,
    );
    const additions = 20_000;
    const calendarBegan = performance.now();
    for (let index = 0; index < additions; index++)
      calendar.add(new Date(start + index * 3_600_000), index % 2 ? 'PT4H' : 'P2D');
    const calendarUs = ((performance.now() - calendarBegan) * 1000) / additions;
    rows.push({
      measure: 'business-time deadline (Oslo office hours, holidays)',
      bot: `${calendarUs.toFixed(1)} µs`,
      target: `< ${targets.calendarAddUs} µs`,
      met: calendarUs < targets.calendarAddUs,
    });

    options.progress(`the bot on ${stored.toLocaleString('en')} stored inquiries`);
    const connector = new BenchConnector(triageChannelIds(org));
    await connector.start();
    const bot = await startBot(writeOrganisationFile(org), connector.url, { SQLITE_PATH: file });
    try {
      await askQuestions({
        url: bot.url,
        connectorUrl: connector.url,
        askers,
        connections: 10,
        seconds: 5,
      });
      const count = stored.toLocaleString('en');
      const rss = bot.rssMb();
      rows.push(
        { measure: `start-up to listening, ${count} stored`, bot: ms(bot.startMs) },
        {
          measure: `server RSS after turns, ${count} stored`,
          bot: `${rss.toFixed(0)} MB`,
          target: `< ${targets.rssMb} MB`,
          met: rss < targets.rssMb,
        },
      );
    } finally {
      await bot.stop();
      await connector.stop();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
    return rows;
  },
};
