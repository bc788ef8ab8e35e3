import { prepared } from './prepared';
import type Database from 'better-sqlite3';
import { snapshotOf, type OrgSnapshot } from '../../org/directory';
import type { Organisation, Person } from '../../org/schema';
import type { OrganisationRepository, WriteResult } from '../ports';

export class SqliteOrganisationRepository implements OrganisationRepository {
  constructor(private readonly db: Database.Database) {}

  current(): Promise<OrgSnapshot | undefined> {
    const row = prepared(this.db, 'SELECT snapshot FROM organisation WHERE id = 1').get() as
      { snapshot: string } | undefined;
    return Promise.resolve(row ? (JSON.parse(row.snapshot) as OrgSnapshot) : undefined);
  }

  version(): Promise<number | undefined> {
    const row = prepared(this.db, 'SELECT version FROM organisation WHERE id = 1').get() as
      { version: number } | undefined;
    return Promise.resolve(row?.version);
  }

  /** One file and one instance: reading now costs no more. */
  recentVersion(): Promise<number | undefined> {
    return this.version();
  }

  replace(org: Organisation, importedAt: Date): Promise<OrgSnapshot> {
    const replace = this.db.transaction(() => this.write(org, importedAt));
    return Promise.resolve(replace.immediate());
  }

  replaceIfVersion(
    org: Organisation,
    importedAt: Date,
    expectedVersion: number | undefined,
  ): Promise<WriteResult<OrgSnapshot>> {
    const replace = this.db.transaction((): WriteResult<OrgSnapshot> => {
      const previous = prepared(this.db, 'SELECT version FROM organisation WHERE id = 1').get() as
        { version: number } | undefined;
      if (previous?.version !== expectedVersion) return { ok: false, reason: 'conflict' };
      return { ok: true, value: this.write(org, importedAt) };
    });
    return Promise.resolve(replace.immediate());
  }

  allPeople(): Promise<Person[]> {
    const rows = prepared(this.db, 'SELECT doc FROM people').all() as { doc: string }[];
    return Promise.resolve(rows.map((row) => JSON.parse(row.doc) as Person));
  }

  /** Writes the organisation as the next version; run inside an immediate transaction. */
  private write(org: Organisation, importedAt: Date): OrgSnapshot {
    const previous = prepared(this.db, 'SELECT version FROM organisation WHERE id = 1').get() as
      { version: number } | undefined;
    const snapshot = snapshotOf(org, (previous?.version ?? 0) + 1, importedAt.toISOString());
    prepared(
      this.db,
      `INSERT INTO organisation (id, version, imported_at, snapshot) VALUES (1, @version, @at, @doc)
         ON CONFLICT (id) DO UPDATE SET version = @version, imported_at = @at, snapshot = @doc`,
    ).run({ version: snapshot.version, at: snapshot.importedAt, doc: JSON.stringify(snapshot) });
    prepared(this.db, 'DELETE FROM people').run();
    const insert = prepared(
      this.db,
      'INSERT INTO people (email, aad_object_id, doc) VALUES (?, ?, ?)',
    );
    for (const person of org.people) {
      insert.run(person.email, person.aadObjectId ?? null, JSON.stringify(person));
    }
    return snapshot;
  }

  personByEmail(email: string): Promise<Person | undefined> {
    return Promise.resolve(
      this.person('SELECT doc FROM people WHERE email = ?', email.toLowerCase()),
    );
  }

  personByAadObjectId(aadObjectId: string): Promise<Person | undefined> {
    return Promise.resolve(
      this.person('SELECT doc FROM people WHERE aad_object_id = ?', aadObjectId),
    );
  }

  searchPeople(words: readonly string[], limit: number): Promise<Person[]> {
    if (words.length === 0) return Promise.resolve([]);
    // Names are matched in JavaScript's lower case, which SQLite's own lower() is not for æ, ø, å.
    const rows = prepared(
      this.db,
      "SELECT doc FROM people ORDER BY json_extract(doc, '$.name'), email",
    ).iterate() as IterableIterator<{ doc: string }>;
    const found: Person[] = [];
    for (const row of rows) {
      const person = JSON.parse(row.doc) as Person;
      const text = `${person.name} ${person.email}`.toLowerCase();
      if (words.every((word) => text.includes(word))) found.push(person);
      if (found.length >= limit) break;
    }
    return Promise.resolve(found);
  }

  private person(sql: string, value: string): Person | undefined {
    const row = prepared(this.db, sql).get(value) as { doc: string } | undefined;
    return row ? (JSON.parse(row.doc) as Person) : undefined;
  }
}
