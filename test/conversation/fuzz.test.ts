import assert from 'node:assert/strict';
import fs from 'node:fs';
import { randomInt } from 'node:crypto';
import { people } from '../support/domain-fixture';
import { teamsUser } from '../support/activities';
import { useConversation } from '../support/conversation';
import { fuzzer, seededRandom } from '../support/fuzz';
import { openBotStore, testStore } from '../support/store-under-test';
import { askInChannel } from '../support/triage';

/**
 * How many fuzzed requests: 10,000 on SQLite (each run takes a new seed, and FUZZ_COUNT asks for
 * another number); on cosmosdb-server, which keeps everything in one JavaScript process and scans
 * for every query, a few hundred keep the run to a minute, since the SQLite run already covers
 * every kind of request the fuzzer makes many times over.
 */
const count = Number(process.env.FUZZ_COUNT ?? (testStore === 'cosmos' ? 250 : 10_000));
const seed = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
/** Requests in flight at once; a batch answered only with refusals must have changed nothing. */
const parallel = 4;

function rssMb(pid: number | undefined): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

describe(`fuzzed activities and card actions (${testStore})`, function () {
  // Bounded by the number of requests; this limit only stops a run that hangs.
  this.timeout(1_800_000);
  const conversation = useConversation();

  it('answers every fuzzed request with 2xx or 4xx, keeps serving, gives its memory back, and a refused or forged request changes nothing', async () => {
    process.stdout.write(
      `      fuzz seed ${seed}, ${count} requests (FUZZ_SEED=${seed} repeats the run)\n`,
    );
    const { connector } = conversation;
    const bot = conversation.bot();
    const watched = await askInChannel(bot, connector);
    await bot.settle();
    const store = await openBotStore(bot.sqlitePath);
    const outsiders = [people.dentist, people.dentalAsker].map(teamsUser);
    const stranger = { teamsId: '29:stranger', name: 'Ukjent Person', email: 'ukjent@example.org' };
    // Unknown to the organisation, not to Teams: the bot's answers reach their chat.
    connector.addPerson(stranger);
    outsiders.push(stranger);
    const next = fuzzer(seededRandom(seed), {
      serviceUrl: connector.url,
      inquiryId: watched.inquiryId,
      thread: watched.thread,
      outsiders,
    });
    const state = async () => ({
      watched: (await store.inquiries.get(watched.inquiryId))?.etag,
      pending: await store.outbox.pendingCount(),
      asked: (
        await Promise.all(
          outsiders.map(async (o) => (await store.inquiries.listByAsker(o.email, 50)).length),
        )
      ).join(','),
    });

    try {
      const watchedEtag = (await state()).watched;
      const rssStart = rssMb(bot.pid);
      let before = await state();
      const statuses = new Map<number, number>();
      for (let sent = 0; sent < count; sent += parallel) {
        const batch = Array.from({ length: Math.min(parallel, count - sent) }, next);
        const answers = await Promise.all(
          batch.map((request) => bot.postRaw(request.body, request.contentType)),
        );
        answers.forEach(({ status }, index) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          assert.ok(
            status >= 200 && status < 500,
            `request ${sent + index} (seed ${seed}) was answered ${status}: ${batch[index].body.slice(0, 300)}`,
          );
        });
        if (answers.every(({ status }) => status >= 400)) {
          const after = await state();
          assert.deepEqual(
            after,
            before,
            `refused requests ${sent}–${sent + batch.length - 1} (seed ${seed}) changed the store`,
          );
        } else {
          await bot.settle();
          before = await state();
        }
        assert.equal(
          before.watched,
          watchedEtag,
          `a forged card action (seed ${seed}) changed the inquiry under watch`,
        );
      }
      await bot.settle();
      const health = await fetch(`${bot.url}/healthz`);
      assert.equal(health.status, 200, 'the bot still serves');
      assert.equal((await state()).watched, watchedEtag, 'the inquiry under watch is as it was');
      const rssEnd = rssMb(bot.pid);
      process.stdout.write(
        `      answers: ${[...statuses].map(([s, n]) => `${s}×${n}`).join(', ')}; RSS ${rssStart.toFixed(0)} → ${rssEnd.toFixed(0)} MB\n`,
      );
      assert.ok(
        rssEnd < rssStart * 1.5 + 100,
        `memory held: RSS ${rssStart.toFixed(0)} → ${rssEnd.toFixed(0)} MB`,
      );
    } finally {
      await store.close();
    }
  });
});
