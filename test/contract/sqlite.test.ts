import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import {
  queueItemColumns,
  queueStatement,
  writtenSinceSql,
} from '../../src/store/sqlite/inquiries';
import { migrations } from '../../src/store/sqlite/schema';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import { storeContract } from './store-contract';

const files = new Map<object, string>();

storeContract({
  name: 'SQLite',
  open: () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-store-')), 'store.sqlite');
    const store = openSqliteStore(file);
    files.set(store, file);
    return Promise.resolve(store);
  },
  reopen: async (store) => {
    const file = files.get(store)!;
    await store.close();
    const reopened = openSqliteStore(file);
    files.set(reopened, file);
    return reopened;
  },
});

describe("the SQLite handlers' queue", () => {
  it('reads open inquiries from a partial index, never scanning the table, and their items from the index alone', () => {
    const db = new Database(':memory:');
    migrations.forEach((sql) => db.exec(sql));
    const plan = (statement: { sql: string; values: string[] }) =>
      (
        db.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.values, 10) as {
          detail: string;
        }[]
      )
        .map((row) => row.detail)
        .join(' | ');
    const queries = [
      {},
      { workAreaIds: ['skole'] },
      { unitIds: ['hauge-vgs', 'bryne-vgs'] },
      { topicIds: ['avvik'], workAreaIds: ['skole'] },
    ];
    const inquiries = queries.map((query) => plan(queueStatement(query)!));
    const items = queries.map((query) => plan(queueStatement(query, queueItemColumns)!));
    db.close();
    for (const read of [...inquiries, ...items]) {
      assert.match(read, /USING (COVERING )?INDEX inquiries_queue/, read);
      assert.doesNotMatch(read, /SCAN inquiries( |$)(?!USING)/, read);
    }
    for (const read of items) assert.match(read, /USING COVERING INDEX inquiries_queue/, read);
  });

  it("reads a work area's inquiries written since an instant from its index, never scanning the table", () => {
    const db = new Database(':memory:');
    migrations.forEach((sql) => db.exec(sql));
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN ${writtenSinceSql(2)}`)
        .all('skole', 'tannhelse', '2026-11-30T00:00:00.000Z', 10) as { detail: string }[]
    )
      .map((row) => row.detail)
      .join(' | ');
    db.close();
    assert.match(plan, /USING INDEX inquiries_written_by_work_area/, plan);
    assert.doesNotMatch(plan, /SCAN inquiries( |$)(?!USING)/, plan);
  });

  it('fills the queue columns of inquiries stored before them', () => {
    const db = new Database(':memory:');
    migrations.slice(0, 2).forEach((sql) => db.exec(sql));
    const doc = { unitId: 'hauge-vgs', workAreaId: 'skole', topicId: 'avvik' };
    db.prepare(
      `INSERT INTO inquiries (id, number, request_key, asker_key, status, created_at, version, doc)
       VALUES ('a', 'QM-2026-0001', 'r', 'k', 'new', '2026-11-30T08:00:00.000Z', 1, ?)`,
    ).run(JSON.stringify(doc));
    migrations.slice(2).forEach((sql) => db.exec(sql));
    assert.deepEqual(db.prepare('SELECT unit_id, work_area_id, topic_id FROM inquiries').get(), {
      unit_id: 'hauge-vgs',
      work_area_id: 'skole',
      topic_id: 'avvik',
    });
    db.close();
  });

  it('fills the level and holder of inquiries stored before the queue read them from columns', () => {
    const db = new Database(':memory:');
    const before = migrations.length - 1;
    migrations.slice(0, before).forEach((sql) => db.exec(sql));
    const insert = db.prepare(
      `INSERT INTO inquiries (id, number, request_key, asker_key, status, created_at, version, doc)
       VALUES (?, ?, ?, 'k', ?, '2026-11-30T08:00:00.000Z', 1, ?)`,
    );
    insert.run(
      'held',
      'QM-2026-0001',
      'r1',
      'claimed',
      JSON.stringify({ level: 'coordinator', assignee: { key: 'sverre@fylke.example' } }),
    );
    insert.run('free', 'QM-2026-0002', 'r2', 'new', JSON.stringify({ level: 'superuser' }));
    migrations.slice(before).forEach((sql) => db.exec(sql));
    assert.deepEqual(
      db.prepare('SELECT id, level, assignee_key FROM inquiries ORDER BY id').all(),
      [
        { id: 'free', level: 'superuser', assignee_key: null },
        { id: 'held', level: 'coordinator', assignee_key: 'sverre@fylke.example' },
      ],
    );
    db.close();
  });
});
