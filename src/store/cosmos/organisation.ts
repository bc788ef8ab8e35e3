import type { Container } from '@azure/cosmos';
import { snapshotOf, type OrgSnapshot } from '../../org/directory';
import type { Organisation, Person } from '../../org/schema';
import type { OrganisationRepository } from '../ports';
import type { Counters } from './counters';
import { attempt, call, createOnce, queryPages, readDoc, replaceIf } from './documents';
import { docId } from './ids';

const currentId = 'current';

/** Which generation of the organisation readers use. Flipping it is the atomic step of an import. */
interface CurrentDoc {
  id: string;
  pk: string;
  type: 'current';
  generation: number;
}

/** One generation's snapshot (structure and role holders), or one person by email or Entra id. */
interface GenerationDoc {
  id: string;
  pk: string;
  type: 'snapshot' | 'person';
  generation: number;
  snapshot?: OrgSnapshot;
  person?: Person;
}

const writeConcurrency = 16;

/**
 * The organisation in Cosmos DB. Each import writes a new generation (its snapshot and every
 * person twice: by email and by Entra object id, each its own partition, for point reads) and
 * then flips `current` to it with a conditional write, so readers see the old or the new
 * organisation, never a mix. Older generations are deleted afterwards.
 */
export class CosmosOrganisationRepository implements OrganisationRepository {
  constructor(
    private readonly container: Container,
    private readonly counters: Counters,
    private readonly pageSize: number,
  ) {}

  async current(): Promise<OrgSnapshot | undefined> {
    const generation = await this.version();
    if (generation === undefined) return undefined;
    const id = snapshotId(generation);
    return (await readDoc<GenerationDoc>(this.container, id, id))?.snapshot;
  }

  async version(): Promise<number | undefined> {
    return (await readDoc<CurrentDoc>(this.container, currentId, currentId))?.generation;
  }

  async replace(org: Organisation, importedAt: Date): Promise<OrgSnapshot> {
    const generation = await this.counters.next('organisation-generation');
    const snapshot = snapshotOf(org, generation, importedAt.toISOString());
    const docs: GenerationDoc[] = [
      {
        id: snapshotId(generation),
        pk: snapshotId(generation),
        type: 'snapshot',
        generation,
        snapshot,
      },
    ];
    for (const person of org.people) {
      const byEmail = personId(generation, 'email', person.email.toLowerCase());
      docs.push({ id: byEmail, pk: byEmail, type: 'person', generation, person });
      if (person.aadObjectId) {
        const byAad = personId(generation, 'aad', person.aadObjectId);
        docs.push({ id: byAad, pk: byAad, type: 'person', generation, person });
      }
    }
    await inBatches(docs, writeConcurrency, (doc) =>
      call(`write of ${doc.id}`, () => this.container.items.upsert(doc)).then(() => undefined),
    );
    await this.makeCurrent(generation);
    await this.deleteGenerationsBefore(generation);
    return snapshot;
  }

  personByEmail(email: string): Promise<Person | undefined> {
    return this.person('email', email.toLowerCase());
  }

  personByAadObjectId(aadObjectId: string): Promise<Person | undefined> {
    return this.person('aad', aadObjectId);
  }

  private async person(by: 'email' | 'aad', value: string): Promise<Person | undefined> {
    const generation = await this.version();
    if (generation === undefined) return undefined;
    const id = personId(generation, by, value);
    return (await readDoc<GenerationDoc>(this.container, id, id))?.person;
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

  private async deleteGenerationsBefore(generation: number): Promise<void> {
    const old: { id: string; pk: string }[] = [];
    await queryPages<{ id: string; pk: string }>(
      this.container,
      'query of replaced organisation documents',
      {
        query: 'SELECT c.id, c.pk FROM c WHERE c.generation < @generation AND c.type != @current',
        parameters: [
          { name: '@generation', value: generation },
          { name: '@current', value: 'current' },
        ],
      },
      { pageSize: this.pageSize },
      (page) => {
        old.push(...page);
        return true;
      },
    );
    await inBatches(old, writeConcurrency, (doc) =>
      attempt(`delete of ${doc.id}`, () => this.container.item(doc.id, doc.pk).delete()).then(
        () => undefined,
      ),
    );
  }
}

function snapshotId(generation: number): string {
  return docId('snapshot', String(generation));
}

function personId(generation: number, by: 'email' | 'aad', value: string): string {
  return docId('person', String(generation), by, value);
}

async function inBatches<T>(
  items: T[],
  size: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(run));
  }
}
