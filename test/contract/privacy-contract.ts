import assert from 'node:assert/strict';
import type { Inquiry, NewInquiry } from '../../src/inquiries/inquiry';
import { inquiryOf } from '../../src/notifications/intents';
import { pseudonymiser } from '../../src/privacy/pseudonym';
import { redactInquiry } from '../../src/privacy/redact';
import type { Store } from '../../src/store/ports';
import { newInquiry } from './store-contract';

const pseudonymise = pseudonymiser(Buffer.alloc(32, 7));

function finished(id: string, at: string, overrides: Partial<NewInquiry> = {}): NewInquiry {
  return newInquiry({
    id,
    status: 'resolved',
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: at,
    history: [
      { type: 'opened', at: '2026-01-05T09:00:00.000Z' },
      { type: 'resolved', at, by: { key: 'sverre@fylke.example', name: 'Sverre Lunde' } },
    ],
    ...overrides,
  });
}

/** What retention, export and erasure need of every store. */
export function privacyContract(store: () => Store): void {
  describe('retention, export and erasure', () => {
    it('finds finished inquiries by when they finished, earliest first, until they are redacted', async () => {
      const s = store();
      await s.inquiries.create(finished('r-late', '2026-03-01T09:00:00.000Z'), []);
      await s.inquiries.create(finished('r-early', '2026-02-01T09:00:00.000Z'), []);
      await s.inquiries.create(
        finished('r-withdrawn', '2026-02-15T09:00:00.000Z', {
          status: 'withdrawn',
          history: [{ type: 'withdrawn', at: '2026-02-15T09:00:00.000Z' }],
        }),
        [],
      );
      await s.inquiries.create(
        newInquiry({ id: 'r-open', createdAt: '2026-01-01T09:00:00.000Z' }),
        [],
      );
      const cutoff = new Date('2026-02-20T00:00:00.000Z');
      assert.deepEqual(
        (await s.inquiries.finishedBefore(cutoff, 10)).map((i) => i.id),
        ['r-early', 'r-withdrawn'],
      );
      assert.deepEqual(
        (await s.inquiries.finishedBefore(cutoff, 1)).map((i) => i.id),
        ['r-early'],
      );
      const [early] = await s.inquiries.finishedBefore(cutoff, 1);
      const redacted = redactInquiry(early, pseudonymise, '2026-04-01T00:00:00.000Z');
      const written = await s.inquiries.scrub(redacted);
      assert.ok(written.ok);
      assert.deepEqual(
        (await s.inquiries.finishedBefore(cutoff, 10)).map((i) => i.id),
        ['r-withdrawn'],
      );
      const stored = await s.inquiries.get('r-early');
      assert.equal(stored?.text, '');
      assert.equal(stored?.asker.key, pseudonymise('kari@fylke.example'));
      assert.equal(stored?.status, 'resolved', 'the figures stay');
      assert.deepEqual(
        (await s.inquiries.listByAsker('kari@fylke.example', 10)).map((i) => i.id).sort(),
        ['r-late', 'r-open', 'r-withdrawn'],
        'a redacted inquiry leaves its asker’s list',
      );
    });

    it('refuses a scrub over a stale etag, so a concurrent write wins', async () => {
      const s = store();
      const { inquiry } = await s.inquiries.create(finished('s-1', '2026-02-01T09:00:00.000Z'), []);
      const moved = await s.inquiries.update({ ...inquiry, topicId: 'tilgang' }, []);
      assert.ok(moved.ok);
      const stale = await s.inquiries.scrub(
        redactInquiry(inquiry, pseudonymise, inquiry.updatedAt),
      );
      assert.deepEqual(stale, { ok: false, reason: 'conflict' });
      assert.equal((await s.inquiries.get('s-1'))?.text, inquiry.text);
    });

    it('finds every inquiry a person asked or handled, not those that only mention them', async () => {
      const s = store();
      await s.inquiries.create(newInquiry({ id: 'p-asked' }), []);
      await s.inquiries.create(
        newInquiry({
          id: 'p-handled',
          asker: { key: 'ola@fylke.example', name: 'Ola', email: 'ola@fylke.example' },
          assignee: { key: 'kari@fylke.example', name: 'Kari Nordmann' },
        }),
        [],
      );
      await s.inquiries.create(
        newInquiry({
          id: 'p-mentioned',
          asker: { key: 'ola@fylke.example', name: 'Ola', email: 'ola@fylke.example' },
          text: 'Skal jeg spørre kari@fylke.example?',
        }),
        [],
      );
      const found: Inquiry[] = await s.inquiries.involving(['kari@fylke.example']);
      assert.deepEqual(found.map((i) => i.id).sort(), ['p-asked', 'p-handled']);
      assert.deepEqual(await s.inquiries.involving([]), []);
    });

    it('removes finished notifications by age or by whom they are about, never pending ones', async () => {
      const s = store();
      const at = new Date('2026-02-01T09:00:00.000Z');
      await s.outbox.enqueue(
        [
          { kind: 'thread.note', inquiryId: 'n-1', note: 'Ikke løst: fortsatt feil' },
          { kind: 'asker.status', inquiryId: 'n-2' },
          {
            kind: 'handler.notice',
            inquiryId: 'n-3',
            recipientKey: 'kari@fylke.example',
            reason: 'reopened',
          },
          { kind: 'asker.status', inquiryId: 'n-4' },
        ],
        at,
      );
      const leased = await s.outbox.lease(at, 'me', new Date(at.getTime() + 60_000), 10);
      assert.equal(leased.length, 4);
      const byInquiry = new Map(leased.map((item) => [inquiryOf(item.intent), item.id]));
      await s.outbox.complete(byInquiry.get('n-1')!, 'me', at);
      await s.outbox.fail(byInquiry.get('n-2')!, 'me', new Date('2026-03-01T00:00:00Z'), 'gone');
      await s.outbox.complete(byInquiry.get('n-3')!, 'me', new Date('2026-03-01T00:00:00Z'));
      await s.outbox.retry(byInquiry.get('n-4')!, 'me', at, 'busy');
      assert.equal(await s.outbox.removeFinishedBefore(new Date('2026-02-15T00:00:00Z'), 10), 1);
      assert.equal(await s.outbox.removeFinishedAbout(['n-2', 'n-4'], ['kari@fylke.example']), 2);
      assert.equal(await s.outbox.pendingCount(), 1, 'the pending item stays');
      assert.equal(await s.outbox.removeFinishedBefore(new Date('2027-01-01T00:00:00Z'), 10), 0);
    });

    it("removes old drafts, finds a person's drafts, and removes one", async () => {
      const s = store();
      const draft = (id: string, askerKey: string, createdAt: string) => ({
        id,
        askerKey,
        text: 'Hvor er rutinen?',
        locale: 'nb' as const,
        createdAt,
      });
      await s.drafts.add(draft('d-old', 'kari@fylke.example', '2026-01-01T09:00:00.000Z'));
      await s.drafts.add(draft('d-new', 'kari@fylke.example', '2026-03-01T09:00:00.000Z'));
      await s.drafts.add(draft('d-ola', 'ola@fylke.example', '2026-03-01T09:00:00.000Z'));
      assert.equal(await s.drafts.removeCreatedBefore(new Date('2026-02-01T00:00:00Z'), 10), 1);
      assert.equal(await s.drafts.get('d-old'), undefined);
      assert.deepEqual(
        (await s.drafts.byAsker('kari@fylke.example', 10)).map((d) => d.id),
        ['d-new'],
      );
      await s.drafts.erase('d-new');
      assert.deepEqual(await s.drafts.byAsker('kari@fylke.example', 10), []);
      assert.equal((await s.drafts.get('d-ola'))?.askerKey, 'ola@fylke.example');
    });

    it("removes a person's profile, absence and conversation, and re-keys their self-served questions", async () => {
      const s = store();
      const key = 'kari@fylke.example';
      assert.ok((await s.profiles.put({ key, name: 'Kari Nordmann', unitId: 'hauge-vgs' })).ok);
      assert.ok(
        (
          await s.absences.put({
            key,
            name: 'Kari Nordmann',
            until: '2026-12-12',
            endsAt: '2026-12-12T23:00:00.000Z',
            deputy: { key: 'ola@fylke.example', name: 'Ola' },
            setAt: '2026-12-01T09:00:00.000Z',
          })
        ).ok,
      );
      const now = new Date('2026-12-01T09:00:00.000Z');
      await s.conversations.savePersonal(key, { conversation: { id: 'a:1' } }, now);
      await s.conversations.saveTeamsUserId(key, '29:kari', now);
      await s.knowledge.recordSelfServed({
        id: 'q-1',
        entryId: 'melde-avvik',
        askerKey: key,
        at: '2026-12-01T09:00:00.000Z',
      });
      assert.deepEqual(
        (await s.knowledge.selfServedBy(key)).map((r) => r.id),
        ['q-1'],
      );
      await s.profiles.remove(key);
      await s.absences.remove(key);
      await s.conversations.forgetPerson(key);
      await s.profiles.remove('nobody@fylke.example');
      assert.equal(await s.profiles.get(key), undefined);
      assert.equal(await s.absences.get(key), undefined);
      assert.equal(await s.conversations.personal(key), undefined);
      assert.equal(await s.conversations.teamsUserId(key), undefined);
      assert.equal(await s.knowledge.reassignSelfServed(key, 'anon:x'), 1);
      assert.deepEqual(await s.knowledge.selfServedBy(key), []);
      assert.equal((await s.knowledge.selfServed('q-1'))?.askerKey, 'anon:x');
      await s.purgeRemoved();
    });
  });
}
