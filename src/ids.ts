import { randomUUID } from 'node:crypto';

/** Generates identifiers for stored items. Injected so tests can make them predictable. */
export interface IdGenerator {
  next(): string;
}

export const uuidGenerator: IdGenerator = { next: () => randomUUID() };
