import type Database from 'better-sqlite3';
import type { Absence } from '../../absence/absence';
import type { AbsenceRepository } from '../ports';
import { SqliteKeyedDocuments } from './keyed-documents';

/** Who is away until when, with their deputy, by person. */
export class SqliteAbsenceRepository
  extends SqliteKeyedDocuments<Absence>
  implements AbsenceRepository
{
  constructor(db: Database.Database) {
    super(db, 'absences');
  }

  async forRouting(keys: readonly string[]): Promise<Absence[]> {
    const found = await Promise.all(keys.map((key) => this.get(key)));
    return found.filter((absence): absence is Absence => absence !== undefined);
  }
}
