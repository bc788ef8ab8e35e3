import type { Container } from '@azure/cosmos';
import { createOnce, patchContended } from './documents';
import { docId } from './ids';

interface CounterDoc {
  id: string;
  pk: string;
  type: 'counter';
  value: number;
}

/**
 * Named counters, one small document each. Cosmos DB applies a patch `incr` atomically, so
 * concurrent callers always get distinct values; a value whose caller then fails is a gap.
 */
export class Counters {
  constructor(private readonly container: Container) {}

  /** Adds `by` to the counter and returns its new value (the first call on a new name gives `by`). */
  async next(name: string, by = 1): Promise<number> {
    const id = docId('counter', name);
    for (;;) {
      const patched = await patchContended(`increment of counter ${name}`, () =>
        this.container.item(id, id).patch<CounterDoc>([{ op: 'incr', path: '/value', value: by }]),
      );
      if (patched.ok) {
        const value = patched.value.resource?.value;
        if (typeof value !== 'number') throw new Error(`Counter ${name} has no value`);
        return value;
      }
      if (patched.status !== 404) throw new Error(`Counter ${name}: unexpected ${patched.status}`);
      if (await createOnce<CounterDoc>(this.container, { id, pk: id, type: 'counter', value: by }))
        return by;
    }
  }
}

/**
 * Numbers taken from a counter in blocks, one request for every `size` numbers, as a database
 * sequence with a cache takes them. Every number is given once across instances; an instance hands
 * out its block in order, so on several instances numbers are not in the order they were taken,
 * and what an instance had not handed out when it stopped is a gap.
 */
export class NumberBlocks {
  private readonly blocks = new Map<string, { next: number; last: number }>();
  private readonly taking = new Map<string, Promise<void>>();

  constructor(
    private readonly counters: Counters,
    private readonly size: number,
  ) {}

  async next(name: string): Promise<number> {
    for (;;) {
      const block = this.blocks.get(name);
      if (block && block.next <= block.last) return block.next++;
      let taking = this.taking.get(name);
      if (!taking) {
        taking = this.counters
          .next(name, this.size)
          .then((last) => {
            this.blocks.set(name, { next: last - this.size + 1, last });
          })
          .finally(() => this.taking.delete(name));
        this.taking.set(name, taking);
      }
      await taking;
    }
  }
}
