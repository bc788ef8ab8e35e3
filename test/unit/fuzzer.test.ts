import assert from 'node:assert/strict';
import { fuzzer, seededRandom } from '../support/fuzz';

describe('the fuzzer behind the fuzz suite', () => {
  it('makes a request from every seed, each pick a fresh value that no earlier mutation changed', () => {
    const outsiders = [
      { teamsId: '29:stranger', name: 'Ukjent Person', email: 'ukjent@example.org' },
    ];
    for (let seed = 0; seed < 200; seed++) {
      const next = fuzzer(seededRandom(seed), {
        serviceUrl: 'http://127.0.0.1:1/',
        inquiryId: 'QM-2026-0001',
        thread: '19:thread@thread.tacv2;messageid=1',
        outsiders,
      });
      for (let request = 0; request < 200; request++) {
        assert.doesNotThrow(next, `seed ${seed}, request ${request}`);
      }
    }
  });
});
