import assert from 'node:assert/strict';
import { defaultRetryPolicy, nextRetry } from '../../bot/delivery/retry-policy';

function httpError(statusCode: number, retryAfter?: string): Error {
  return Object.assign(new Error(`HTTP ${statusCode}`), {
    statusCode,
    response: {
      headers: { get: (name: string) => (name === 'retry-after' ? retryAfter : undefined) },
    },
  });
}

const now = new Date('2026-11-30T09:00:00.000Z');

describe('retrying a send', () => {
  it('waits as long as Teams says on 429', () => {
    assert.deepEqual(nextRetry(defaultRetryPolicy, httpError(429, '7'), 1, now), {
      retry: true,
      delayMs: 7000,
    });
    assert.deepEqual(
      nextRetry(defaultRetryPolicy, httpError(429, 'Mon, 30 Nov 2026 09:00:03 GMT'), 1, now),
      { retry: true, delayMs: 3000 },
    );
  });

  it('backs off exponentially with jitter on 5xx and network faults', () => {
    const low = () => 0;
    const high = () => 1;
    assert.deepEqual(nextRetry(defaultRetryPolicy, httpError(503), 1, now, low), {
      retry: true,
      delayMs: 500,
    });
    assert.deepEqual(nextRetry(defaultRetryPolicy, httpError(500), 3, now, high), {
      retry: true,
      delayMs: 4000,
    });
    assert.deepEqual(nextRetry(defaultRetryPolicy, new Error('ECONNRESET'), 2, now, high), {
      retry: true,
      delayMs: 2000,
    });
  });

  it('tries again after 412, 502 and 504, as Teams documents', () => {
    for (const status of [412, 502, 504])
      assert.equal(
        nextRetry(defaultRetryPolicy, httpError(status), 1, now).retry,
        true,
        `${status}`,
      );
  });

  it('gives up at once when Teams refuses the request, and after the last attempt', () => {
    assert.deepEqual(nextRetry(defaultRetryPolicy, httpError(403), 1, now), { retry: false });
    assert.deepEqual(nextRetry(defaultRetryPolicy, httpError(404), 1, now), { retry: false });
    assert.deepEqual(
      nextRetry(defaultRetryPolicy, httpError(500), defaultRetryPolicy.maxAttempts, now),
      { retry: false },
    );
  });
});
