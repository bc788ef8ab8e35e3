import type { Container } from '@azure/cosmos';
import type { Absence } from '../../absence/absence';
import { absenceReadAgeMs } from '../ports';
import type {
  AbsenceRepository,
  ConversationRepository,
  Draft,
  DraftRepository,
  DueDraft,
  Profile,
  ProfileRepository,
  StateRepository,
  StoredReference,
  TeamsEndpoint,
  WriteResult,
} from '../ports';
import { attempt, call, patchContended, queryPages, readDoc, replaceIf } from './documents';
import { readWithin } from './recent-marker';
import { docId } from './ids';

/**
 * Small per-person and per-conversation documents share one container; each is its own partition
 * (`pk` = id) and is only ever read by id.
 */
interface ValueDoc<T> {
  id: string;
  pk: string;
  type: 'profile' | 'draft' | 'absence' | 'conversation' | 'endpoint' | 'member' | 'turn-state';
  key: string;
  value: T;
  updatedAt?: string;
  /** A draft's next follow-up, indexed: the scheduler's query finds due drafts by it. */
  followUpAt?: string;
}

function doc<T>(type: ValueDoc<T>['type'], key: string, value: T, at?: Date): ValueDoc<T> {
  const id = docId(type, key);
  return { id, pk: id, type, key, value, ...(at ? { updatedAt: at.toISOString() } : {}) };
}

/** Deletes a document by type and key; a missing one is already gone. */
async function remove(
  container: Container,
  type: ValueDoc<unknown>['type'],
  key: string,
): Promise<void> {
  const id = docId(type, key);
  await attempt(`delete of ${type} document`, () => container.item(id, id).delete());
}

async function read<T>(
  container: Container,
  type: ValueDoc<T>['type'],
  key: string,
): Promise<(ValueDoc<T> & { _etag: string }) | undefined> {
  const id = docId(type, key);
  return readDoc<ValueDoc<T>>(container, id, id);
}

export class CosmosProfileRepository implements ProfileRepository {
  constructor(private readonly container: Container) {}

  async get(key: string): Promise<Profile | undefined> {
    const found = await read<Profile>(this.container, 'profile', key);
    return found ? { ...found.value, etag: found._etag } : undefined;
  }

  async put(profile: Profile): Promise<WriteResult<Profile>> {
    const { etag, ...value } = profile;
    const next = doc('profile', profile.key, value);
    const written =
      etag === undefined
        ? await attempt(`create of profile ${profile.key}`, () =>
            this.container.items.create(next).then((r) => r.resource),
          )
        : await replaceIf(this.container, next, etag);
    if (!written.ok || !written.value) return { ok: false, reason: 'conflict' };
    return { ok: true, value: { ...profile, etag: written.value._etag } };
  }

  remove(key: string): Promise<void> {
    return remove(this.container, 'profile', key);
  }
}

/**
 * Absences, one document per person. Routing reads them all at once and keeps them for
 * `absenceReadAgeMs` (one query per period, however many questions and people), with this
 * instance's own writes applied at once; a write must come from `get`, which always reads.
 */
export class CosmosAbsenceRepository implements AbsenceRepository {
  private known?: { byKey: Map<string, Absence>; readAt: number };
  private reading?: Promise<Map<string, Absence>>;
  /** This instance's writes while a read of all absences is under way, laid over its result. */
  private readonly writtenMeanwhile = new Map<string, Absence | undefined>();

  constructor(
    private readonly container: Container,
    private readonly monotonicMs: () => number,
  ) {}

  async get(key: string): Promise<Absence | undefined> {
    const found = await read<Absence>(this.container, 'absence', key);
    return found ? { ...found.value, etag: found._etag } : undefined;
  }

  async forRouting(keys: readonly string[]): Promise<Absence[]> {
    const byKey =
      this.known && this.youngerThan(absenceReadAgeMs) ? this.known.byKey : await this.readAll();
    return keys.flatMap((key) => {
      const absence = byKey.get(key);
      return absence ? [absence] : [];
    });
  }

  async put(absence: Absence): Promise<WriteResult<Absence>> {
    const { etag, ...value } = absence;
    const next = doc('absence', absence.key, value);
    const written =
      etag === undefined
        ? await attempt(`create of absence ${absence.key}`, () =>
            this.container.items.create(next).then((r) => r.resource),
          )
        : await replaceIf(this.container, next, etag);
    if (!written.ok || !written.value) return { ok: false, reason: 'conflict' };
    const stored = { ...absence, etag: written.value._etag };
    this.known?.byKey.set(absence.key, stored);
    if (this.reading) this.writtenMeanwhile.set(absence.key, stored);
    return { ok: true, value: stored };
  }

  async remove(key: string): Promise<void> {
    await remove(this.container, 'absence', key);
    this.known?.byKey.delete(key);
    if (this.reading) this.writtenMeanwhile.set(key, undefined);
  }

  /**
   * Reads every absence again once the last read is half as old as routing allows: what the
   * store's periodic refresh does, so that routing a question need not read them itself.
   */
  async refreshForRouting(): Promise<void> {
    if (!this.youngerThan(absenceReadAgeMs / 2)) await this.readAll();
  }

  private youngerThan(ms: number): boolean {
    return this.known !== undefined && readWithin(this.known.readAt, this.monotonicMs(), ms);
  }

  /** Every absence, in one query that concurrent callers share. */
  private readAll(): Promise<Map<string, Absence>> {
    this.reading ??= (async () => {
      const readAt = this.monotonicMs();
      const byKey = new Map<string, Absence>();
      this.writtenMeanwhile.clear();
      try {
        await queryPages<ValueDoc<Absence> & { _etag: string }>(
          this.container,
          'query of absences',
          { query: "SELECT * FROM c WHERE c.type = 'absence'", parameters: [] },
          { pageSize: 1000 },
          (page) => {
            for (const found of page) byKey.set(found.key, { ...found.value, etag: found._etag });
            return true;
          },
        );
        // A write of this instance's own that the query may have read before it was made.
        for (const [key, absence] of this.writtenMeanwhile)
          if (absence) byKey.set(key, absence);
          else byKey.delete(key);
        this.known = { byKey, readAt };
        return byKey;
      } finally {
        this.writtenMeanwhile.clear();
        this.reading = undefined;
      }
    })();
    return this.reading;
  }
}

export class CosmosDraftRepository implements DraftRepository {
  constructor(private readonly container: Container) {}

  async add(draft: Draft): Promise<boolean> {
    const created = await attempt(`create of draft ${draft.id}`, () =>
      this.container.items.create(draftDoc(draft)),
    );
    if (created.ok) return true;
    if (created.status === 409) return false;
    throw new Error(`Cosmos DB create of draft ${draft.id} failed (${created.status})`);
  }

  async get(id: string): Promise<Draft | undefined> {
    return (await read<Draft>(this.container, 'draft', id))?.value;
  }

  async removeCreatedBefore(cutoff: Date, limit: number): Promise<number> {
    const drafts = await this.query(
      'query of drafts past their retention',
      `SELECT * FROM c WHERE c.type = 'draft' AND c["value"].createdAt <= @at`,
      cutoff.toISOString(),
      limit,
    );
    for (const draft of drafts) await this.erase(draft.id);
    return drafts.length;
  }

  byAsker(askerKey: string, limit: number): Promise<Draft[]> {
    return this.query(
      "query of a person's drafts",
      `SELECT * FROM c WHERE c.type = 'draft' AND c["value"].askerKey = @at`,
      askerKey,
      limit,
    );
  }

  erase(id: string): Promise<void> {
    return remove(this.container, 'draft', id);
  }

  private async query(what: string, query: string, at: string, limit: number): Promise<Draft[]> {
    const found: Draft[] = [];
    await queryPages<ValueDoc<Draft>>(
      this.container,
      what,
      { query, parameters: [{ name: '@at', value: at }] },
      { pageSize: Math.min(limit, 100) },
      (page) => {
        for (const doc of page) if (found.length < limit) found.push(doc.value);
        return found.length < limit;
      },
    );
    return found;
  }

  async setUnit(id: string, unitId: string): Promise<void> {
    const docIdOfDraft = docId('draft', id);
    // A missing draft stays missing, as in every store.
    await patchContended(`update of draft ${id}`, () =>
      this.container
        .item(docIdOfDraft, docIdOfDraft)
        .patch([{ op: 'set', path: '/value/unitId', value: unitId }]),
    );
  }

  async due(now: Date, limit: number): Promise<DueDraft[]> {
    const found: DueDraft[] = [];
    await queryPages<ValueDoc<Draft> & { _etag: string }>(
      this.container,
      'query of due drafts',
      {
        query: 'SELECT * FROM c WHERE c.followUpAt <= @now ORDER BY c.followUpAt',
        parameters: [{ name: '@now', value: now.toISOString() }],
      },
      { pageSize: Math.min(limit, 100) },
      (page) => {
        for (const item of page)
          if (found.length < limit) found.push({ draft: item.value, etag: item._etag });
        return found.length < limit;
      },
    );
    return found;
  }

  async followUp(
    id: string,
    etag: string,
    next: { followUpAt?: string; reminded: boolean },
  ): Promise<WriteResult<void>> {
    const found = await read<Draft>(this.container, 'draft', id);
    if (!found) return { ok: false, reason: 'not_found' };
    if (found._etag !== etag) return { ok: false, reason: 'conflict' };
    const { followUpAt: _before, ...value } = found.value;
    const draft: Draft = {
      ...value,
      reminded: next.reminded,
      ...(next.followUpAt ? { followUpAt: next.followUpAt } : {}),
    };
    return writeOutcome(await replaceIf(this.container, draftDoc(draft), etag));
  }

  async finish(id: string): Promise<void> {
    for (let round = 0; round < 5; round++) {
      const found = await read<Draft>(this.container, 'draft', id);
      if (!found?.value.followUpAt) return;
      const { followUpAt: _due, ...value } = found.value;
      const written = await replaceIf(this.container, draftDoc(value), found._etag);
      if (written.ok || written.status === 404) return;
    }
  }

  async remove(id: string, etag: string): Promise<WriteResult<void>> {
    const docIdOfDraft = docId('draft', id);
    return writeOutcome(
      await attempt(`delete of draft ${id}`, () =>
        this.container
          .item(docIdOfDraft, docIdOfDraft)
          .delete({ accessCondition: { type: 'IfMatch', condition: etag } }),
      ),
    );
  }
}

/** A draft's document: its follow-up time beside the value, where the index is. */
function draftDoc(draft: Draft): ValueDoc<Draft> {
  return {
    ...doc('draft', draft.id, draft),
    ...(draft.followUpAt ? { followUpAt: draft.followUpAt } : {}),
  };
}

function writeOutcome(written: { ok: boolean; status?: number }): WriteResult<void> {
  if (written.ok) return { ok: true, value: undefined };
  return { ok: false, reason: written.status === 404 ? 'not_found' : 'conflict' };
}

export class CosmosConversationRepository implements ConversationRepository {
  constructor(private readonly container: Container) {}

  async personal(key: string): Promise<StoredReference | undefined> {
    return (await read<StoredReference>(this.container, 'conversation', key))?.value;
  }

  async savePersonal(key: string, reference: StoredReference, at: Date): Promise<void> {
    await this.save(doc('conversation', key, reference, at));
  }

  async endpoint(tenantId: string): Promise<TeamsEndpoint | undefined> {
    return (await read<TeamsEndpoint>(this.container, 'endpoint', tenantId))?.value;
  }

  async saveEndpoint(endpoint: TeamsEndpoint & { tenantId: string }, at: Date): Promise<void> {
    await this.save(doc('endpoint', endpoint.tenantId, endpoint, at));
  }

  async teamsUserId(key: string): Promise<string | undefined> {
    return (await read<string>(this.container, 'member', key))?.value;
  }

  async saveTeamsUserId(key: string, teamsUserId: string, at: Date): Promise<void> {
    await this.save(doc('member', key, teamsUserId, at));
  }

  async forgetPerson(key: string): Promise<void> {
    await remove(this.container, 'conversation', key);
    await remove(this.container, 'member', key);
  }

  private async save<T>(next: ValueDoc<T>): Promise<void> {
    await call(`write of ${next.id}`, () => this.container.items.upsert(next));
  }
}

/**
 * The bot framework's turn state. Each key is written on its own with its etag; a write of
 * several keys is not atomic (Cosmos DB has no transactions across partitions), so a conflict on
 * a later key leaves earlier keys written. Turn state is per conversation and per user, and one
 * turn writes it, so this does not arise in practice.
 */
export class CosmosStateRepository implements StateRepository {
  constructor(private readonly container: Container) {}

  async read(keys: string[]): Promise<Record<string, { value: unknown; etag: string }>> {
    const found: Record<string, { value: unknown; etag: string }> = {};
    const docs = await Promise.all(
      keys.map((key) => read<unknown>(this.container, 'turn-state', key)),
    );
    docs.forEach((stored, index) => {
      if (stored) found[keys[index]] = { value: stored.value, etag: stored._etag };
    });
    return found;
  }

  async write(
    changes: Record<string, { value: unknown; etag?: string }>,
  ): Promise<WriteResult<void>> {
    for (const [key, { value, etag }] of Object.entries(changes)) {
      const next = doc('turn-state', key, value);
      if (etag === undefined || etag === '*') {
        await call(`write of turn state ${key}`, () => this.container.items.upsert(next));
        continue;
      }
      const written = await replaceIf(this.container, next, etag);
      if (!written.ok) return { ok: false, reason: 'conflict' };
    }
    return { ok: true, value: undefined };
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      const id = docId('turn-state', key);
      await attempt(`delete of turn state ${key}`, () => this.container.item(id, id).delete());
    }
  }
}
