/**
 * Escalation benchmark: how fast the scheduler finds due work in a large store, and how fast
 * business-time deadlines are computed. Prints its figures and whether each target is met. A
 * scheduler step computes at most three deadlines, so a millisecond each keeps a step well under
 * the time its database write takes.
 *
 *   npm run bench                         # 100,000 inquiries
 *   BENCH_INQUIRIES=1000000 npm run bench # a million
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sampleOrgFile } from '../src/config';
import { BusinessCalendar } from '../src/escalation/business-calendar';
import type { Organisation } from '../src/org/schema';
import type { NewInquiry } from '../src/inquiries/inquiry';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store';

const inquiries = Number(process.env.BENCH_INQUIRIES ?? 100_000);
const targets = { dueMs: 5, listByAskerMs: 5, calendarAddUs: 1000 };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function inquiry(index: number, start: number): NewInquiry {
  const at = new Date(start + index * 1000).toISOString();
  // One in fifty is still open with a due time spread over the coming month; the rest are closed.
  const open = index % 50 === 0;
  return {
    id: `bench-${index}`,
    requestKey: `bench-${index}`,
    status: open ? 'new' : 'resolved',
    level: 'superuser',
    asker: { key: `person-${index % 50_000}@fylke.example`, name: `Person ${index % 50_000}` },
    locale: 'nb',
    unitId: 'hauge-vgs',
    workAreaId: 'skole',
    topicId: 'avvik',
    text: 'Hvordan melder jeg et avvik på en elevtur?',
    chain: {
      superuser: [{ key: 'sverre@fylke.example', name: 'Sverre Lunde' }],
      coordinator: [{ key: 'anne@fylke.example', name: 'Anne Winter' }],
      system_responsible: [{ key: 'arne@fylke.example', name: 'Arne Hope' }],
      vendor: { name: 'Leverandør AS', email: 'support@leverandor.example' },
    },
    ...(open
      ? { dueAt: new Date(start + ((index * 7919) % (30 * 86_400_000))).toISOString() }
      : {}),
    createdAt: at,
    updatedAt: at,
    teams: { triageCards: [] },
    history: [{ type: 'opened', at }],
  };
}

async function main(): Promise<void> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-bench-')), 'bench.sqlite');
  const store = openSqliteStore(file);
  const start = Date.parse('2026-01-05T08:00:00Z');

  const loadStarted = performance.now();
  for (let index = 0; index < inquiries; index++) {
    await store.inquiries.create(inquiry(index, start), []);
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  const now = new Date(start + 15 * 86_400_000);
  const dueTimes: number[] = [];
  let found = 0;
  for (let run = 0; run < 200; run++) {
    const began = performance.now();
    found = (await store.inquiries.due(now, 50)).length;
    dueTimes.push(performance.now() - began);
  }
  const askerTimes: number[] = [];
  for (let run = 0; run < 200; run++) {
    const began = performance.now();
    await store.inquiries.listByAsker(`person-${(run * 37) % 50_000}@fylke.example`, 20);
    askerTimes.push(performance.now() - began);
  }
  await store.close();

  // The sample organisation's calendar: Oslo working hours, Norwegian holidays.
  const sample = JSON.parse(fs.readFileSync(sampleOrgFile, 'utf8')) as Organisation;
  const calendar = BusinessCalendar.of(sample.calendar);

  const additions = 20_000;
  const calendarStarted = performance.now();
  for (let index = 0; index < additions; index++) {
    calendar.add(new Date(start + index * 3_600_000), index % 2 ? 'PT4H' : 'P2D');
  }
  const calendarUs = ((performance.now() - calendarStarted) * 1000) / additions;

  const rows: [string, string, string, boolean][] = [
    [
      'inquiries stored',
      `${inquiries.toLocaleString('en')} in ${loadSeconds.toFixed(1)} s`,
      '',
      true,
    ],
    [
      'due(now, 50), median',
      `${median(dueTimes).toFixed(2)} ms (${found} found)`,
      `< ${targets.dueMs} ms`,
      median(dueTimes) < targets.dueMs,
    ],
    [
      'listByAsker(20), median',
      `${median(askerTimes).toFixed(2)} ms`,
      `< ${targets.listByAskerMs} ms`,
      median(askerTimes) < targets.listByAskerMs,
    ],
    [
      'business-time deadline',
      `${calendarUs.toFixed(1)} µs each`,
      `< ${targets.calendarAddUs} µs`,
      calendarUs < targets.calendarAddUs,
    ],
  ];
  for (const [what, measured, target, met] of rows) {
    const verdict = target ? (met ? 'met' : 'MISSED') : '';
    process.stdout.write(
      `${what.padEnd(26)} ${measured.padEnd(32)} ${target.padEnd(10)} ${verdict}\n`,
    );
  }
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  if (rows.some(([, , target, met]) => target && !met)) process.exitCode = 1;
}

void main();
