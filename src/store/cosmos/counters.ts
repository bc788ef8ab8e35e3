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
