import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../ports';
import { migrations } from './schema';
import { SqliteOrganisationRepository } from './organisation';
import { SqliteInquiryRepository } from './inquiries';
import { SqliteKnowledgeRepository } from './knowledge';
import { SqliteOutboxRepository } from './outbox';
import { SqliteAbsenceRepository } from './absences';
import { SqliteAuditRepository } from './audit';
import {
  SqliteConversationRepository,
  SqliteDraftRepository,
  SqliteProfileRepository,
  SqliteStateRepository,
} from './small-repositories';

/**
 * Applies the migrations the file lacks. Each runs in an immediate transaction that reads the
 * version again, so processes opening one new file at once apply each migration once.
 */
function migrate(db: Database.Database): void {
  migrations.forEach((sql, index) => {
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) > index) return;
      db.exec(sql);
      db.pragma(`user_version = ${index + 1}`);
    }).immediate();
  });
}

/** Opens (creating if needed) the SQLite file and returns the store over it. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  // First, so that another process opening the file at the same time is waited for.
  db.pragma('busy_timeout = 5000');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // What is deleted or overwritten (a redacted inquiry's text) is zeroed in the file, not left in
  // free space; `purgeRemoved` then clears the write-ahead log of the old versions.
  db.pragma('secure_delete = ON');
  migrate(db);
  const outbox = new SqliteOutboxRepository(db);
  return {
    organisation: new SqliteOrganisationRepository(db),
    audit: new SqliteAuditRepository(db),
    inquiries: new SqliteInquiryRepository(db, outbox),
    outbox,
    profiles: new SqliteProfileRepository(db),
    drafts: new SqliteDraftRepository(db),
    absences: new SqliteAbsenceRepository(db),
    conversations: new SqliteConversationRepository(db),
    state: new SqliteStateRepository(db),
    knowledge: new SqliteKnowledgeRepository(db),
    purgeRemoved: () => {
      db.pragma('wal_checkpoint(TRUNCATE)');
      return Promise.resolve();
    },
    // One instance holds the file: it remembers nothing another could change.
    refreshRemembered: () => Promise.resolve(),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}
