import assert from 'node:assert/strict';
import { Periodic } from '../../src/periodic';

/** Work whose runs end only when the test ends them, and which says when a run begins. */
function controlledWork() {
  const runs: { end: () => void }[] = [];
  let onStart: (() => void) | undefined;
  return {
    runs,
    work: () =>
      new Promise<void>((resolve) => {
        runs.push({ end: resolve });
        onStart?.();
      }),
    nextStart: () => new Promise<void>((resolve) => (onStart = resolve)),
  };
}

describe('background work that runs periodically', () => {
  const hour = 60 * 60 * 1000;
  const unexpected = (error: unknown) => assert.fail(String(error));

  it('answers a request to run now only after a run that began after the request', async () => {
    const { runs, work, nextStart } = controlledWork();
    const loop = new Periodic(work, hour, unexpected);
    let started = nextStart();
    loop.start();
    await started;
    const asked = loop.runNow();
    let answered = false;
    void asked.then(() => (answered = true));
    started = nextStart();
    runs[0].end();
    await started;
    assert.equal(answered, false, 'not answered by the run that was under way');
    runs[1].end();
    await asked;
    assert.equal(runs.length, 2);
    await loop.stop();
  });

  it('never runs twice at a time, however often it is asked', async () => {
    let running = 0;
    let most = 0;
    const loop = new Periodic(
      async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setImmediate(resolve));
        running--;
      },
      hour,
      unexpected,
    );
    loop.start();
    await Promise.all([loop.runNow(), loop.runNow(), loop.runNow()]);
    assert.equal(most, 1);
    await loop.stop();
  });

  it('answers a request to run at once when it is stopped', async () => {
    const loop = new Periodic(() => Promise.resolve(), hour, unexpected);
    await loop.runNow();
  });
});
