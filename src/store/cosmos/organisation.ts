import { createHash } from 'node:crypto';
import { BulkOperationType, type Container, type JSONObject } from '@azure/cosmos';
import type { Logger } from '../../logger';
import { snapshotOf, type OrgSnapshot } from '../../org/directory';
import type { Organisation, Person } from '../../org/schema';
import { sharedMarkerReadAgeMs, type OrganisationRepository, type WriteResult } from '../ports';
import { runBulk, type BulkPace, type Operation } from './bulk';
import type { Counters } from './counters';
import { call, createOnce, queryPages, readDoc, replaceIf } from './documents';
import { docId } from './ids';
import { RecentMarker } from './recent-marker';

const currentId = 'current';

/** Which generation of the organisation readers use. Flipping it is the atomic step of an import. */
interface CurrentDoc {
  id: string;
  pk: string;
  type: 'current';
  generation: number;
  /** A conditional write under way holds the organisation until then (an ISO instant). */
  claimedUntil?: string;
}

/** The claim of the first import, so that instances starting together on an empty store import once. */
interface ClaimDoc {
  id: string;
  pk: string;
  type: 'claim';
  claimedUntil: string;
}

const firstImportId = 'first-import';

/** How long a conditional write may hold the organisation before another may take it. */
const claimMs = 120_000;

/** One generation's snapshot: the structure and the role holders. */
interface SnapshotDoc {
  id: string;
  pk: string;
  type: 'snapshot';
  generation: number;
  snapshot: OrgSnapshot;
}

/**
 * One person, by email or by Entra object id, in the versions readers may need: the one of the
 * generation they read and, during an import, the one of the generation being written. `null`
 * marks a person the newer generation no longer has.
 */
interface PersonDoc {
  id: string;
  pk: string;
  type: 'person';
  /** What the newest version holds, to tell whether an import changes it. */
  hash: string;
  versions: { from: number; person: Person | null }[];
}

const removed = 'removed';

/**
 * People already read, for one generation. A person's version in a generation never changes once
 * that generation is current (a change writes the next generation), so what was read for it holds;
 * a newer generation starts afresh, and the memory is bounded.
 */
class PeopleSeen {
  private generation = -1;
  private readonly seen = new Map<string, { person: Person | undefined }>();

  get(generation: number, id: string): { person: Person | undefined } | undefined {
    return generation === this.generation ? this.seen.get(id) : undefined;
  }

  set(generation: number, id: string, person: Person | undefined): void {
    if (generation < this.generation) return;
    if (generation > this.generation || this.seen.size >= 20_000) {
      this.seen.clear();
      this.generation = generation;
    }
    this.seen.set(id, { person });
  }
}
const emptyPersonDoc: PersonDoc = { id: '', pk: '', type: 'person', hash: '', versions: [] };

/**
 * The organisation in Cosmos DB. An import writes only the people it changes, adds or removes:
 * each person document keeps the version readers use beside the new one, so until `current` is
 * flipped (one conditional write) readers see the old organisation, and after it the new one,
 * never a mix. Writes go in bulk at a bounded pace; removed people are deleted after the flip.
 */
export class CosmosOrganisationRepository implements OrganisationRepository {
  private readonly people = new PeopleSeen();
  /** The version as a message turn reads it. */
  private readonly recent: RecentMarker;

  constructor(
    private readonly container: Container,
    private readonly counters: Counters,
    private readonly pageSize: number,
    private readonly pace: BulkPace,
    private readonly logger: Logger,
    monotonicMs: () => number,
  ) {
    this.recent = new RecentMarker(() => this.version(), sharedMarkerReadAgeMs, monotonicMs);
  }

  async current(): Promise<OrgSnapshot | undefined> {
    const generation = await this.version();
    if (generation === undefined) return undefined;
    const id = snapshotId(generation);
    return (await readDoc<SnapshotDoc>(this.container, id, id))?.snapshot;
  }

  async version(): Promise<number | undefined> {
    return (await readDoc<CurrentDoc>(this.container, currentId, currentId))?.generation;
  }

  recentVersion(): Promise<number | undefined> {
    return this.recent.get();
  }

  /** Reads the version again now, for `recentVersion`. */
  async refreshRecentVersion(): Promise<void> {
    await this.recent.refresh();
  }

  async replace(org: Organisation, importedAt: Date): Promise<OrgSnapshot> {
    const readersUse = await this.version();
    return this.write(org, importedAt, readersUse, async (generation) => {
      await this.makeCurrent(generation);
      return true;
    });
  }

  /**
   * Claims the `current` document with its etag first, so that of two conditional writers one
   * goes on and the other is told of the conflict before it writes anything readers could see;
   * the claim's etag then guards the flip.
   */
  async replaceIfVersion(
    org: Organisation,
    importedAt: Date,
    expectedVersion: number | undefined,
  ): Promise<WriteResult<OrgSnapshot>> {
    const current = await readDoc<CurrentDoc>(this.container, currentId, currentId);
    if (current?.generation !== expectedVersion) return { ok: false, reason: 'conflict' };
    const now = importedAt.getTime();
    if (!current) {
      // The first organisation: one writer claims it, so instances starting together import once.
      if (!(await this.claimFirst(now))) return { ok: false, reason: 'conflict' };
      return { ok: true, value: await this.replace(org, importedAt) };
    }
    if (current.claimedUntil && new Date(current.claimedUntil).getTime() > now)
      return { ok: false, reason: 'conflict' };
    const claim: CurrentDoc = {
      id: currentId,
      pk: currentId,
      type: 'current',
      generation: current.generation,
      claimedUntil: new Date(now + claimMs).toISOString(),
    };
    const claimed = await replaceIf(this.container, claim, current._etag);
    if (!claimed.ok) return { ok: false, reason: 'conflict' };
    let flipped = false;
    const snapshot = await this.write(org, importedAt, current.generation, async (generation) => {
      const doc: CurrentDoc = { id: currentId, pk: currentId, type: 'current', generation };
      flipped = (await replaceIf(this.container, doc, claimed.value._etag)).ok;
      return flipped;
    });
    return flipped ? { ok: true, value: snapshot } : { ok: false, reason: 'conflict' };
  }

  /** Claims the first import, unless another writer holds an unexpired claim on it. */
  private async claimFirst(now: number): Promise<boolean> {
    const doc: ClaimDoc = {
      id: firstImportId,
      pk: firstImportId,
      type: 'claim',
      claimedUntil: new Date(now + claimMs).toISOString(),
    };
    const found = await readDoc<ClaimDoc>(this.container, firstImportId, firstImportId);
    if (!found) return createOnce(this.container, doc);
    if (new Date(found.claimedUntil).getTime() > now) return false;
    return (await replaceIf(this.container, doc, found._etag)).ok;
  }

  async allPeople(): Promise<Person[]> {
    const generation = await this.version();
    if (generation === undefined) return [];
    const people = new Map<string, Person>();
    await queryPages<PersonDoc>(
      this.container,
      'query of the people',
      { query: "SELECT * FROM c WHERE c.type = 'person'", parameters: [] },
      { pageSize: Math.max(this.pageSize, 1000) },
      (page) => {
        for (const doc of page) {
          const person = versionAt(doc, generation)?.person;
          if (person) people.set(person.email, person);
        }
        return true;
      },
    );
    return [...people.values()];
  }

  /**
   * Writes a new generation's snapshot and changed people beside the one readers use, has `flip`
   * point readers at it, then deletes what it replaced.
   */
  private async write(
    org: Organisation,
    importedAt: Date,
    readersUse: number | undefined,
    /** Points readers at the new generation; false when it could not, and nothing is deleted. */
    flip: (generation: number) => Promise<boolean>,
  ): Promise<OrgSnapshot> {
    const generation = await this.counters.next('organisation-generation');
    const snapshot = snapshotOf(org, generation, importedAt.toISOString());
    const snapshotDocId = snapshotId(generation);
    await call(`write of ${snapshotDocId}`, () =>
      this.container.items.upsert<SnapshotDoc>({
        id: snapshotDocId,
        pk: snapshotDocId,
        type: 'snapshot',
        generation,
        snapshot,
      }),
    );

    const wanted = new Map<string, Person>();
    for (const person of org.people) {
      wanted.set(personId('email', person.email.toLowerCase()), person);
      if (person.aadObjectId) wanted.set(personId('aad', person.aadObjectId), person);
    }
    const stored = await this.storedHashes();
    const changes = new Map<string, Person | null>();
    for (const [id, person] of wanted)
      if (stored.get(id) !== hashOf(person)) changes.set(id, person);
    for (const [id, hash] of stored) if (!wanted.has(id) && hash !== removed) changes.set(id, null);

    const before = await this.readPeople([...changes.keys()].filter((id) => stored.has(id)));
    const written = await runBulk(
      this.container,
      'write of changed people',
      [...changes].map(([id, person]): Operation => {
        const kept = versionAt(before.get(id), readersUse);
        const doc: PersonDoc = {
          id,
          pk: id,
          type: 'person',
          hash: person ? hashOf(person) : removed,
          versions: [...(kept ? [kept] : []), { from: generation, person }],
        };
        return {
          operationType: BulkOperationType.Upsert,
          partitionKey: id,
          resourceBody: doc as unknown as JSONObject,
        };
      }),
      this.pace,
    );
    if (!(await flip(generation))) return snapshot;
    this.recent.wrote(generation);
    const deleted = await this.deleteReplaced(generation, [
      ...[...stored].filter(([id, hash]) => hash === removed && !wanted.has(id)).map(([id]) => id),
      ...[...changes].filter(([, person]) => person === null).map(([id]) => id),
    ]);
    this.logger.info(
      {
        generation,
        people: org.people.length,
        written: changes.size,
        deleted,
        requestCharge: Math.round(written.requestCharge),
      },
      'organisation imported into Cosmos DB',
    );
    return snapshot;
  }

  personByEmail(email: string, generation?: number): Promise<Person | undefined> {
    return this.person('email', email.toLowerCase(), generation);
  }

  personByAadObjectId(aadObjectId: string, generation?: number): Promise<Person | undefined> {
    return this.person('aad', aadObjectId, generation);
  }

  async searchPeople(
    words: readonly string[],
    limit: number,
    readerGeneration?: number,
  ): Promise<Person[]> {
    if (words.length === 0) return [];
    const generation = readerGeneration ?? (await this.version());
    if (generation === undefined) return [];
    // Each person is read by their email document; the name lives in its versions, matched here.
    const found: Person[] = [];
    await queryPages<{ versions: PersonDoc['versions'] }>(
      this.container,
      'search of people',
      {
        query: "SELECT c.versions FROM c WHERE c.type = 'person' AND STARTSWITH(c.id, @prefix)",
        parameters: [{ name: '@prefix', value: `${docId('person', 'email')}.` }],
      },
      { pageSize: Math.max(this.pageSize, 1000) },
      (page) => {
        for (const doc of page) {
          const person = versionAt(
            { ...emptyPersonDoc, versions: doc.versions },
            generation,
          )?.person;
          if (!person) continue;
          const text = `${person.name} ${person.email}`.toLowerCase();
          if (words.every((word) => text.includes(word))) found.push(person);
        }
        return true;
      },
    );
    return found
      .sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.email.localeCompare(b.email))
      .slice(0, limit);
  }

  private async person(
    by: 'email' | 'aad',
    value: string,
    readerGeneration: number | undefined,
  ): Promise<Person | undefined> {
    const generation = readerGeneration ?? (await this.version());
    if (generation === undefined) return undefined;
    const id = personId(by, value);
    const known = this.people.get(generation, id);
    if (known) return known.person;
    const person =
      versionAt(await readDoc<PersonDoc>(this.container, id, id), generation)?.person ?? undefined;
    this.people.set(generation, id, person);
    return person;
  }

  /** Every stored person document's id and what its newest version holds. */
  private async storedHashes(): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    await queryPages<{ id: string; hash: string }>(
      this.container,
      'query of stored people',
      { query: "SELECT c.id, c.hash FROM c WHERE c.type = 'person'", parameters: [] },
      { pageSize: Math.max(this.pageSize, 1000) },
      (page) => {
        for (const doc of page) hashes.set(doc.id, doc.hash);
        return true;
      },
    );
    return hashes;
  }

  private async readPeople(ids: string[]): Promise<Map<string, PersonDoc>> {
    const { results } = await runBulk(
      this.container,
      'read of changed people',
      ids.map((id) => ({ operationType: BulkOperationType.Read, id, partitionKey: id })),
      this.pace,
    );
    const docs = new Map<string, PersonDoc>();
    for (const result of results) {
      const doc = result.body as PersonDoc | undefined;
      if (doc) docs.set(doc.id, doc);
    }
    return docs;
  }

  /** Points readers at `generation` unless a later import got there first. */
  private async makeCurrent(generation: number): Promise<void> {
    for (;;) {
      const current = await readDoc<CurrentDoc>(this.container, currentId, currentId);
      const doc: CurrentDoc = { id: currentId, pk: currentId, type: 'current', generation };
      if (!current) {
        if (await createOnce(this.container, doc)) return;
        continue;
      }
      if (current.generation >= generation) return;
      if ((await replaceIf(this.container, doc, current._etag)).ok) return;
    }
  }

  /** Deletes the people no longer in the organisation and the snapshots before `generation`. */
  private async deleteReplaced(generation: number, people: string[]): Promise<number> {
    const snapshots: string[] = [];
    await queryPages<{ id: string }>(
      this.container,
      'query of replaced organisation snapshots',
      {
        query: "SELECT c.id FROM c WHERE c.type = 'snapshot' AND c.generation < @generation",
        parameters: [{ name: '@generation', value: generation }],
      },
      { pageSize: this.pageSize },
      (page) => {
        snapshots.push(...page.map((doc) => doc.id));
        return true;
      },
    );
    const ids = [...new Set([...people, ...snapshots])];
    await runBulk(
      this.container,
      'delete of replaced organisation documents',
      ids.map((id) => ({ operationType: BulkOperationType.Delete, id, partitionKey: id })),
      this.pace,
    );
    return ids.length;
  }
}

/** The version of a person readers of `generation` see: the newest from that generation or before. */
function versionAt(
  doc: PersonDoc | undefined,
  generation: number | undefined,
): PersonDoc['versions'][number] | undefined {
  if (!doc || generation === undefined) return undefined;
  return doc.versions
    .filter((version) => version.from <= generation)
    .sort((a, b) => b.from - a.from)[0];
}

function hashOf(person: Person): string {
  return createHash('sha256').update(JSON.stringify(person)).digest('base64url');
}

function snapshotId(generation: number): string {
  return docId('snapshot', String(generation));
}

function personId(by: 'email' | 'aad', value: string): string {
  return docId('person', by, value);
}
