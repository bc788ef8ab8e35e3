import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { queueCardData, queuePageSize, renderQueueCard } from '../../cards/queue';
import { ManualClock } from '../../src/clock';
import { sampleOrgFile } from '../../src/config';
import { escalationTiming } from '../../src/escalation/policy';
import { formatInquiryNumber, type Inquiry, type InquiryStatus } from '../../src/inquiries/inquiry';
import { loadQueue } from '../../src/inquiries/queue';
import { searchInquiries } from '../../src/inquiries/search';
import { searchTextOf } from '../../src/inquiries/search-text';
import { Directory } from '../../src/org/directory';
import { importIfEmpty } from '../../src/org/import';
import type { Organisation } from '../../src/org/schema';
import { handlerScope } from '../../src/routing/handler-scope';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { ms, type BenchOptions, type Row, type Section } from '../section';

/** Open inquiries in the coordinator's work area: the queue's own work. */
const openInScope = 2_000;
/** Open inquiries elsewhere, which the coordinator's queue must not read. */
const openElsewhere = 1_000;
const targetP95Ms = 50;
const runs = 100;
const start = Date.parse('2025-01-06T08:00:00Z');
const now = new Date(start + 700 * 86_400_000);
const openStatuses: InquiryStatus[] = ['new', 'claimed', 'waiting_for_asker', 'stalled'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

/**
 * The `index`th stored inquiry, numbered by year and sequence as the store numbers them. Open ones
 * come last (the newest), the first `openInScope` of them in the schools' work area; one in a
 * thousand mentions a trip to Bergen, for the search.
 */
function storedInquiry(index: number, total: number, org: Organisation): Inquiry {
  const firstOpen = total - openInScope - openElsewhere;
  const open = index >= firstOpen;
  const inScope = open && index < firstOpen + openInScope;
  const units = org.units.filter((unit) =>
    inScope ? unit.workArea === 'skole' : !open || unit.workArea !== 'skole',
  );
  const unit = units[index % units.length];
  const created = new Date(start + Math.floor((index * 600 * 86_400_000) / total));
  const at = created.toISOString();
  const asker = { key: `ansatt.${index % 5000}@fylke.example`, name: `Ansatt ${index % 5000}` };
  const status = open ? openStatuses[index % openStatuses.length] : 'resolved';
  return {
    id: `bench-${index}`,
    number: formatInquiryNumber(created.getUTCFullYear(), index + 1),
    requestKey: `bench-${index}`,
    status,
    level: 'superuser',
    asker: { ...asker, email: asker.key },
    locale: 'nb',
    unitId: unit.id,
    workAreaId: unit.workArea,
    topicId: org.topics[index % org.topics.length].id,
    text:
      index % 1000 === 0
        ? 'Hvordan melder jeg et avvik på elevturen til Bergen?'
        : 'Hvordan melder jeg et avvik på en elevtur?',
    chain: {
      superuser: unit.superusers.map((key) => ({ key, name: key })),
      coordinator: [{ key: 'torbjorn.aas@fylke.example', name: 'Torbjørn Aas' }],
      system_responsible: [{ key: 'silje.eikeland@fylke.example', name: 'Silje Eikeland' }],
      vendor: { name: 'Leverandør AS', email: 'support@leverandor.example' },
    },
    ...(status === 'claimed'
      ? { assignee: { key: 'sverre.lunde@fylke.example', name: 'Sverre Lunde' } }
      : {}),
    ...(open ? { deadline: new Date(now.getTime() + 3_600_000).toISOString() } : {}),
    createdAt: at,
    updatedAt: at,
    teams: { triageCards: [] },
    history: [{ type: 'opened', at }],
  };
}

/**
 * Writes `total` inquiries straight into the store's own tables, in one transaction per 50,000:
 * the store made the schema (every migration), the rows carry the columns its writes set.
 */
function bulkInsert(
  file: string,
  total: number,
  org: Organisation,
  progress: (line: string) => void,
): void {
  const db = new Database(file);
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    `INSERT INTO inquiries (id, number, request_key, asker_key, status, due_at, created_at,
       level, assignee_key, unit_id, work_area_id, topic_id, updated_at, search_text,
       registered_by, version, doc)
     VALUES (@id, @number, @requestKey, @askerKey, @status, NULL, @createdAt,
       @level, @assigneeKey, @unitId, @workAreaId, @topicId, @updatedAt, @searchText,
       NULL, 1, @doc)`,
  );
  const chunk = db.transaction((from: number, to: number) => {
    for (let index = from; index < to; index++) {
      const inquiry = storedInquiry(index, total, org);
      insert.run({
        id: inquiry.id,
        number: inquiry.number,
        requestKey: inquiry.requestKey,
        askerKey: inquiry.asker.key,
        status: inquiry.status,
        createdAt: inquiry.createdAt,
        level: inquiry.level,
        assigneeKey: inquiry.assignee?.key ?? null,
        unitId: inquiry.unitId,
        workAreaId: inquiry.workAreaId,
        topicId: inquiry.topicId,
        updatedAt: inquiry.updatedAt,
        searchText: searchTextOf(inquiry),
        doc: JSON.stringify(inquiry),
      });
    }
  });
  for (let from = 0; from < total; from += 50_000) {
    chunk(from, Math.min(total, from + 50_000));
    if (from % 250_000 === 0) progress(`  ${from.toLocaleString('en')} stored`);
  }
  db.pragma('optimize');
  db.close();
}

/**
 * "Min kø" for the schools' coordinator: 2,000 open inquiries in their work area, 1,000 open
 * elsewhere, the rest resolved, 1,000,000 stored (BENCH_QUEUE_STORED for a quicker run). Each run
 * reads the queue from the store and renders its first page as the bot sends it. Beside it, the
 * coordinator's search by words on the same store, for a word in one inquiry of a thousand.
 */
export const queueSection: Section = {
  name: 'queue',
  title: 'Min kø',
  async run(options: BenchOptions): Promise<Row[]> {
    const total = Number(process.env.BENCH_QUEUE_STORED ?? 1_000_000);
    if (!(total >= openInScope + openElsewhere)) throw new Error('BENCH_QUEUE_STORED is too small');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-bench-queue-'));
    const file = path.join(dir, 'queue.sqlite');
    try {
      const org = JSON.parse(fs.readFileSync(sampleOrgFile, 'utf8')) as Organisation;
      await openSqliteStore(file).close();
      options.progress(`storing ${total.toLocaleString('en')} inquiries`);
      const began = performance.now();
      bulkInsert(file, total, org, (line) => options.progress(line));
      const loadSeconds = (performance.now() - began) / 1000;

      const store = openSqliteStore(file);
      const clock = new ManualClock(now.toISOString());
      const imported = await importIfEmpty(store, JSON.stringify(org), clock);
      if (!imported?.ok) throw new Error('The benchmark organisation did not import');
      const snapshot = await store.organisation.current();
      if (!snapshot) throw new Error('No organisation');
      const directory = new Directory(snapshot);
      const coordinator = org.workAreas.find((area) => area.id === 'skole')?.coordinators[0];
      const person = org.people.find((p) => p.email === coordinator);
      if (!person) throw new Error('The schools have no coordinator');
      const reader = { key: person.email, name: person.name, email: person.email };
      const scope = handlerScope(directory, reader.email) ?? [];
      const timing = escalationTiming(directory);

      let listed = 0;
      let bytes = 0;
      const queueTimes: number[] = [];
      for (let run = 0; run < runs + 5; run++) {
        const runBegan = performance.now();
        const queue = await loadQueue(store, scope, {}, reader.key, {
          page: 0,
          pageSize: queuePageSize,
        });
        const card = renderQueueCard(
          queueCardData({ queue, filter: {}, reader, now, timing }, directory, 'nb'),
        );
        bytes = JSON.stringify(card).length;
        listed = queue.entries.length;
        if (run >= 5) queueTimes.push(performance.now() - runBegan);
      }
      const searchTimes: number[] = [];
      let matches = 0;
      for (let run = 0; run < 20; run++) {
        const runBegan = performance.now();
        const found = await searchInquiries(store, directory, reader, 'elevturen bergen');
        matches = found.ok ? found.inquiries.length : 0;
        searchTimes.push(performance.now() - runBegan);
      }
      await store.close();
      const p95 = percentile(queueTimes, 95);
      const count = total.toLocaleString('en');
      return [
        {
          measure: `«kø» for a coordinator, ${listed.toLocaleString('en')} open in scope, ${count} stored, p95`,
          bot: `${ms(p95)} (median ${ms(percentile(queueTimes, 50))}; card ${(bytes / 1024).toFixed(1)} KB; stored in ${loadSeconds.toFixed(0)} s)`,
          target: `< ${targetP95Ms} ms`,
          met: listed === openInScope && p95 < targetP95Ms,
        },
        {
          measure: `«søk» by a coordinator, ${matches} matches, ${count} stored, p95`,
          bot: `${ms(percentile(searchTimes, 95))} (median ${ms(percentile(searchTimes, 50))})`,
        },
      ];
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
