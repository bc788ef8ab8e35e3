import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Store } from '../ports';
import { migrations } from './schema';
import { SqliteOrganisationRepository } from './organisation';
import { SqliteInquiryRepository } from './inquiries';
import { SqliteOutboxRepository } from './outbox';
import {
  SqliteConversationRepository,
  SqliteDraftRepository,
  SqliteProfileRepository,
  SqliteStateRepository,
} from './small-repositories';

function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  migrations.slice(current).forEach((sql, offset) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${current + offset + 1}`);
    })();
  });
}

/** Opens (creating if needed) the SQLite file and returns the store over it. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const outbox = new SqliteOutboxRepository(db);
  return {
    organisation: new SqliteOrganisationRepository(db),
    inquiries: new SqliteInquiryRepository(db, outbox),
    outbox,
    profiles: new SqliteProfileRepository(db),
    drafts: new SqliteDraftRepository(db),
    conversations: new SqliteConversationRepository(db),
    state: new SqliteStateRepository(db),
    close: () => {
      db.close();
      return Promise.resolve();
    },
  };
}
