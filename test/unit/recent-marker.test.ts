import assert from 'node:assert/strict';
import { RecentMarker } from '../../src/store/cosmos/recent-marker';

describe('a marker read at most once per period', () => {
  let now = 0;
  let stored: number | undefined = 1;
  let reads = 0;
  let release: (() => void) | undefined;
  const marker = () =>
    new RecentMarker(
      async () => {
        reads++;
        if (release === undefined) return stored;
        await new Promise<void>((resolve) => (release = resolve));
        return stored;
      },
      1000,
      () => now,
    );

  beforeEach(() => {
    now = 0;
    stored = 1;
    reads = 0;
    release = undefined;
  });

  it('shares one read among callers that ask while it runs', async () => {
    const recent = marker();
    release = () => undefined;
    const asked = [recent.get(), recent.get(), recent.get()];
    release();
    assert.deepEqual(await Promise.all(asked), [1, 1, 1]);
    assert.equal(reads, 1);
  });

  it('keeps its own newer write over an older value a read under way brings back', async () => {
    const recent = marker();
    release = () => undefined;
    const reading = recent.get();
    recent.wrote(5);
    release();
    assert.equal(await reading, 5);
    assert.equal(await recent.get(), 5);
    assert.equal(reads, 1);
  });

  it('never keeps "nothing written yet", so the first write elsewhere is seen on the next ask', async () => {
    const recent = marker();
    stored = undefined;
    assert.equal(await recent.get(), undefined);
    stored = 3;
    assert.equal(await recent.get(), 3);
    assert.equal(reads, 2);
  });
});
