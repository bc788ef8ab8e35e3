import { inquiryIdFor } from '../../src/inquiries/inquiry-id';
import assert from 'node:assert/strict';
import type { Inquiry, NewInquiry } from '../../src/inquiries/inquiry';
import { validateOrganisation } from '../../src/org/validate';
import { queueItemOf } from '../../src/inquiries/queue-item';
import type { QueueQuery, Store } from '../../src/store/ports';
import { auditContract } from './audit-contract';
import { knowledgeContract } from './knowledge-contract';
import { privacyContract } from './privacy-contract';

/** A store adapter under test: a fresh, empty store per test. */
export interface StoreFactory {
  name: string;
  open(): Promise<Store>;
  /** Reopens the same data, as a restarted process would. */
  reopen?(store: Store): Promise<Store>;
}

const at = '2026-11-28T09:00:00.000Z';

export function newInquiry(overrides: Partial<NewInquiry> = {}): NewInquiry {
  const id = overrides.id ?? `inq-${Math.random().toString(36).slice(2)}`;
  return {
    id,
    requestKey: `req-${id}`,
    status: 'new',
    level: 'superuser',
    asker: { key: 'kari@fylke.example', name: 'Kari Nordmann', email: 'kari@fylke.example' },
    locale: 'nb',
    unitId: 'hauge-vgs',
    workAreaId: 'skole',
    topicId: 'avvik',
    text: 'Hvordan melder jeg et avvik?',
    chain: {
      superuser: [{ key: 'sverre@fylke.example', name: 'Sverre Lunde' }],
      coordinator: [],
      system_responsible: [],
      vendor: { name: 'Leverandør', email: 'support@leverandor.example' },
    },
    createdAt: at,
    updatedAt: at,
    teams: { triageCards: [] },
    history: [{ type: 'opened', at }],
    ...overrides,
  };
}

export const organisation = {
  name: 'Test',
  units: [
    { id: 'hauge-vgs', name: 'Hauge vgs', workArea: 'skole', superusers: ['sverre@fylke.example'] },
  ],
  workAreas: [{ id: 'skole', name: 'Skoler', coordinators: ['tor@fylke.example'] }],
  people: [
    {
      email: 'Sverre@Fylke.example',
      name: 'Sverre Lunde',
      unit: 'hauge-vgs',
      aadObjectId: '11111111-1111-4111-8111-111111111111',
    },
    { email: 'tor@fylke.example', name: 'Tor Aas', unit: 'hauge-vgs' },
    { email: 'kari@fylke.example', name: 'Kari Nordmann', unit: 'hauge-vgs' },
  ],
  topics: [
    {
      id: 'avvik',
      name: { nb: 'Avvik', en: 'Deviations' },
      systemResponsible: ['tor@fylke.example'],
    },
  ],
  escalation: { superuser: 'PT4H', coordinator: 'PT8H', systemResponsible: 'P2D' },
  calendar: '24/7',
  vendor: { name: 'Leverandør', email: 'support@leverandor.example' },
};

export function validOrganisation(patch: Partial<typeof organisation> = {}) {
  const result = validateOrganisation({ ...organisation, ...patch });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.org;
}

/**
 * The behaviour every store adapter must have. Run against each adapter, so the bot behaves the
 * same on the embedded store and in production.
 */
export function storeContract(factory: StoreFactory): void {
  describe(`store contract: ${factory.name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory.open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('inquiries', () => {
      it('numbers inquiries sequentially per year from QM-YYYY-0001', async () => {
        const first = await store.inquiries.create(newInquiry(), []);
        const second = await store.inquiries.create(newInquiry(), []);
        const nextYear = await store.inquiries.create(
          newInquiry({ createdAt: '2027-01-02T08:00:00.000Z' }),
          [],
        );
        assert.equal(first.inquiry.number, 'QM-2026-0001');
        assert.equal(second.inquiry.number, 'QM-2026-0002');
        assert.equal(nextYear.inquiry.number, 'QM-2027-0001');
      });

      it('gives unique numbers to inquiries created concurrently', async () => {
        const created = await Promise.all(
          Array.from({ length: 25 }, () => store.inquiries.create(newInquiry(), [])),
        );
        const numbers = new Set(created.map((c) => c.inquiry.number));
        assert.equal(numbers.size, 25);
      });

      it('returns the first inquiry when the same request comes twice', async () => {
        const id = inquiryIdFor('same');
        const first = await store.inquiries.create(newInquiry({ id, requestKey: 'same' }), [
          { kind: 'triage.post', inquiryId: id },
        ]);
        const again = await store.inquiries.create(
          newInquiry({ id, requestKey: 'same', text: 'Noe annet' }),
          [{ kind: 'triage.post', inquiryId: id }],
        );
        assert.equal(first.created, true);
        assert.equal(again.created, false);
        assert.equal(again.inquiry.number, first.inquiry.number);
        assert.equal(again.inquiry.text, first.inquiry.text);
        assert.equal(await store.outbox.pendingCount(), 1);
      });

      it('finds inquiries by id and by number, and reports a missing one as undefined', async () => {
        const { inquiry } = await store.inquiries.create(newInquiry(), []);
        assert.equal((await store.inquiries.get(inquiry.id))?.number, inquiry.number);
        assert.equal(
          (await store.inquiries.byNumber(inquiry.number.toLowerCase()))?.id,
          inquiry.id,
        );
        assert.equal(await store.inquiries.get('missing'), undefined);
      });

      it('rejects an update made with a stale etag and keeps the winner', async () => {
        const { inquiry } = await store.inquiries.create(newInquiry(), []);
        const winner = await store.inquiries.update({ ...inquiry, status: 'claimed' }, []);
        const loser = await store.inquiries.update({ ...inquiry, status: 'resolved' }, [
          { kind: 'asker.status', inquiryId: inquiry.id },
        ]);
        assert.equal(winner.ok, true);
        assert.deepEqual(loser, { ok: false, reason: 'conflict' });
        assert.equal((await store.inquiries.get(inquiry.id))?.status, 'claimed');
        assert.equal(await store.outbox.pendingCount(), 0, 'a rejected update queues nothing');
      });

      it('reports an update of an unknown inquiry as not found', async () => {
        const result = await store.inquiries.update(
          { ...newInquiry(), number: 'QM-2026-9999', etag: '1' },
          [],
        );
        assert.deepEqual(result, { ok: false, reason: 'not_found' });
      });

      it("keeps the asker's files, the closing note, the reopening period and the rating through updates", async () => {
        const created = await store.inquiries.create(
          newInquiry({
            attachments: [
              { name: 'skjerm.png', contentType: 'image/png', url: 'https://t.example/1', at },
            ],
          }),
          [],
        );
        const changed = {
          ...created.inquiry,
          status: 'resolved' as const,
          attachments: [
            ...(created.inquiry.attachments ?? []),
            {
              name: 'avvik æøå.docx',
              contentType: 'application/vnd.microsoft.teams.file.download.info;docx',
              size: 20480,
              url: 'https://t.example/2?a=1&b=2',
              at,
            },
          ],
          closingNote: { text: 'Ordnet på telefon.', by: { key: 'sverre', name: 'Sverre' }, at },
          reopenUntil: '2026-12-14T10:00:00.000Z',
          rating: { rating: 'ok' as const, comment: 'Greit', at },
        };
        const saved = await store.inquiries.update(changed, [
          { kind: 'thread.note', inquiryId: created.inquiry.id, note: 'Ikke løst' },
        ]);
        assert.equal(saved.ok, true);
        const { etag: _etag, ...stored } = (await store.inquiries.get(created.inquiry.id))!;
        const { etag: _changedEtag, ...expected } = changed;
        assert.deepEqual(stored, expected);
        const [queued] = await store.outbox.lease(new Date(at), 'me', new Date('2099-01-01'), 10);
        assert.deepEqual(queued?.intent, {
          kind: 'thread.note',
          inquiryId: created.inquiry.id,
          note: 'Ikke løst',
        });
      });

      it('records posted cards and events without losing the inquiry state', async () => {
        const { inquiry } = await store.inquiries.create(newInquiry(), []);
        await store.inquiries.update({ ...inquiry, status: 'claimed' }, []);
        const recorded = await store.inquiries.recordCard(
          inquiry.id,
          { triage: { conversationId: 'c1', activityId: 'a1' } },
          { type: 'notified', at, note: 'Triage' },
        );
        assert.equal(recorded.ok, true);
        const stored = await store.inquiries.get(inquiry.id);
        assert.equal(stored?.status, 'claimed');
        assert.deepEqual(stored?.teams.triageCards, [{ conversationId: 'c1', activityId: 'a1' }]);
        assert.equal(stored?.history.at(-1)?.type, 'notified');
      });

      it('records the notices posted about an inquiry, each once, the latest kept', async () => {
        const { inquiry } = await store.inquiries.create(newInquiry(), []);
        const head = { line: 'Sverre Lunde har gitt saken videre til deg.' };
        for (let i = 0; i < 22; i++) {
          await store.inquiries.recordCard(inquiry.id, {
            notice: { conversationId: 'c1', activityId: `a${i}`, recipientKey: 'p1', head },
          });
        }
        await store.inquiries.recordCard(inquiry.id, {
          notice: { conversationId: 'c1', activityId: 'a21', recipientKey: 'p1', head },
        });
        const stored = await store.inquiries.get(inquiry.id);
        const notices = stored?.teams.notices ?? [];
        assert.equal(notices.length, 20);
        assert.deepEqual(notices.at(-1), {
          conversationId: 'c1',
          activityId: 'a21',
          recipientKey: 'p1',
          head,
        });
        assert.equal(notices[0]?.activityId, 'a2');
      });

      it('records a failed delivery on the history alone, leaving the cards and the state', async () => {
        const { inquiry } = await store.inquiries.create(newInquiry(), []);
        await store.inquiries.recordCard(inquiry.id, {
          triage: { conversationId: 'c1', activityId: 'a1' },
        });
        const recorded = await store.inquiries.recordDeliveryFailure(inquiry.id, {
          at,
          note: 'escalation.ping: 403 Forbidden',
        });
        assert.equal(recorded.ok, true);
        const stored = await store.inquiries.get(inquiry.id);
        assert.equal(stored?.status, inquiry.status);
        assert.deepEqual(stored?.teams.triageCards, [{ conversationId: 'c1', activityId: 'a1' }]);
        assert.deepEqual(stored?.history.at(-1), {
          type: 'delivery_failed',
          at,
          note: 'escalation.ping: 403 Forbidden',
        });
        const channelId = '19:triage-skole@thread.tacv2';
        await store.inquiries.recordDeliveryFailure(inquiry.id, {
          at,
          note: 'Qm+ triage skole: 403 BotNotInConversationRoster',
          refusedChannelId: channelId,
        });
        const refused = await store.inquiries.get(inquiry.id);
        assert.equal(refused?.history.at(-1)?.refusedChannelId, channelId);
        assert.deepEqual(
          await store.inquiries.recordDeliveryFailure('missing', { at, note: 'x' }),
          { ok: false, reason: 'not_found' },
        );
      });

      it("lists an asker's inquiries newest first", async () => {
        await store.inquiries.create(
          newInquiry({ id: 'old', createdAt: '2026-11-01T08:00:00.000Z' }),
          [],
        );
        await store.inquiries.create(
          newInquiry({ id: 'new', createdAt: '2026-11-20T08:00:00.000Z' }),
          [],
        );
        await store.inquiries.create(
          newInquiry({ id: 'other', asker: { key: 'ola@fylke.example', name: 'Ola' } }),
          [],
        );
        const listed = await store.inquiries.listByAsker('kari@fylke.example', 10);
        assert.deepEqual(
          listed.map((i) => i.id),
          ['new', 'old'],
        );
      });

      describe("the inquiries an asker's message may be about", () => {
        const kari = 'kari@fylke.example';
        /** Kari's inquiries, one per way a message can be about one, and some it is not about. */
        async function seed(): Promise<Record<string, Inquiry>> {
          const made: Record<string, Inquiry> = {};
          const open = async (
            id: string,
            day: number,
            change: Partial<Inquiry> = {},
            waitedFirst = false,
          ) => {
            const createdAt = `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
            let { inquiry } = await store.inquiries.create(newInquiry({ id, createdAt }), []);
            if (waitedFirst) {
              const waited = await store.inquiries.update(
                { ...inquiry, status: 'waiting_for_asker' },
                [],
              );
              assert.ok(waited.ok);
              inquiry = waited.value;
            }
            const written = await store.inquiries.update({ ...inquiry, ...change }, []);
            assert.ok(written.ok);
            made[id] = written.value;
          };
          await open('waiting', 2, { status: 'waiting_for_asker' });
          // It waited for Kari, who replied, and it took the reply.
          await open(
            'replied',
            3,
            {
              status: 'claimed',
              history: [
                { type: 'opened', at },
                { type: 'asker_replied', at, requestKey: 'chat|reply-1' },
              ],
            },
            true,
          );
          await open('carded', 4, {
            teams: {
              triageCards: [],
              askerStatus: { conversationId: 'chat', activityId: 'card-1' },
            },
          });
          await open('numbered', 5);
          await open('closed', 6, { status: 'resolved' });
          await open('claimed', 7, { status: 'claimed' });
          // Another asker's inquiry that waits, with the same request key in its history.
          const { inquiry: other } = await store.inquiries.create(
            newInquiry({ id: 'other', asker: { key: 'ola@fylke.example', name: 'Ola' } }),
            [],
          );
          const written = await store.inquiries.update(
            {
              ...other,
              status: 'waiting_for_asker',
              history: [{ type: 'asker_replied', at, requestKey: 'chat|reply-1' }],
            },
            [],
          );
          assert.ok(written.ok);
          return made;
        }

        it('finds the ones waiting for the asker, and none of another asker', async () => {
          await seed();
          const found = await store.inquiries.meantByAskerMessage(kari, { requestKey: 'chat|new' });
          assert.deepEqual(
            found.map((i) => i.id),
            ['waiting'],
          );
        });

        it('finds the one that already took the same message, newest first beside the waiting one', async () => {
          await seed();
          const found = await store.inquiries.meantByAskerMessage(kari, {
            requestKey: 'chat|reply-1',
          });
          assert.deepEqual(
            found.map((i) => i.id),
            ['replied', 'waiting'],
          );
        });

        it('finds the one whose status card a reply quotes, by its activity id or by its number', async () => {
          const made = await seed();
          const byCard = await store.inquiries.meantByAskerMessage(kari, {
            requestKey: 'chat|quote-1',
            quotedActivityId: 'card-1',
          });
          assert.deepEqual(
            byCard.map((i) => i.id),
            ['carded', 'waiting'],
          );
          const byNumber = await store.inquiries.meantByAskerMessage(kari, {
            requestKey: 'chat|quote-2',
            quotedActivityId: 'a-card-not-recorded',
            quotedNumber: made.numbered.number.toLowerCase(),
          });
          assert.deepEqual(
            byNumber.map((i) => i.id),
            ['numbered', 'waiting'],
          );
        });

        it('finds nothing for an asker without inquiries', async () => {
          await seed();
          assert.deepEqual(
            await store.inquiries.meantByAskerMessage('nobody@fylke.example', {
              requestKey: 'chat|reply-1',
              quotedActivityId: 'card-1',
            }),
            [],
          );
        });
      });
    });

    describe('inquiries under concurrency and at scale', () => {
      it('opens one inquiry when the same request arrives twice at once', async () => {
        const id = inquiryIdFor('twice');
        const results = await Promise.all(
          ['first', 'second'].map((text) =>
            store.inquiries.create(newInquiry({ id, requestKey: 'twice', text }), [
              { kind: 'triage.post', inquiryId: id },
            ]),
          ),
        );
        assert.equal(results.filter((r) => r.created).length, 1);
        assert.equal(results[0].inquiry.id, results[1].inquiry.id);
        assert.equal(results[0].inquiry.number, results[1].inquiry.number);
        assert.equal(await store.outbox.pendingCount(), 1);
      });

      it('lets exactly one of two writers with the same etag win', async () => {
        const { inquiry } = await store.inquiries.create(newInquiry(), []);
        const results = await Promise.all([
          store.inquiries.update({ ...inquiry, status: 'claimed' }, [
            { kind: 'triage.update', inquiryId: inquiry.id },
          ]),
          store.inquiries.update({ ...inquiry, status: 'withdrawn' }, [
            { kind: 'triage.update', inquiryId: inquiry.id },
          ]),
        ]);
        assert.deepEqual(results.map((r) => r.ok).sort(), [false, true]);
        assert.equal(await store.outbox.pendingCount(), 1, 'only the winner queues');
      });

      it('gives back an etag the writer can write with again, notifications and all', async () => {
        const created = await store.inquiries.create(newInquiry(), [
          { kind: 'triage.post', inquiryId: 'x' },
        ]);
        const claimed = await store.inquiries.update({ ...created.inquiry, status: 'claimed' }, [
          { kind: 'triage.update', inquiryId: 'x' },
        ]);
        assert.ok(claimed.ok);
        const answered = await store.inquiries.update({ ...claimed.value, status: 'answered' }, []);
        assert.ok(answered.ok);
        assert.equal((await store.inquiries.get(created.inquiry.id))?.status, 'answered');
        assert.equal(await store.outbox.pendingCount(), 2);
      });

      it('reports cards recorded on an unknown inquiry as not found, and unknown numbers as undefined', async () => {
        assert.deepEqual(
          await store.inquiries.recordCard('missing', {
            triage: { conversationId: 'c', activityId: 'a' },
          }),
          { ok: false, reason: 'not_found' },
        );
        assert.equal(await store.inquiries.byNumber('QM-2026-0404'), undefined);
        assert.deepEqual(await store.inquiries.listByAsker('nobody@fylke.example', 10), []);
      });

      it("lists an asker's inquiries newest first across many pages, up to the limit", async () => {
        for (let day = 1; day <= 30; day++) {
          const createdAt = `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;
          await store.inquiries.create(newInquiry({ id: `day-${day}`, createdAt }), []);
        }
        const listed = await store.inquiries.listByAsker('kari@fylke.example', 25);
        assert.deepEqual(
          listed.map((i) => i.id),
          Array.from({ length: 25 }, (_, i) => `day-${30 - i}`),
        );
      });
    });

    describe('due inquiries', () => {
      it('returns inquiries whose due time has come, earliest first, up to the limit', async () => {
        await store.inquiries.create(
          newInquiry({ id: 'late', dueAt: '2026-11-28T10:00:00.000Z' }),
          [],
        );
        await store.inquiries.create(
          newInquiry({ id: 'early', dueAt: '2026-11-28T08:00:00.000Z' }),
          [],
        );
        await store.inquiries.create(
          newInquiry({ id: 'future', dueAt: '2026-11-28T12:00:00.000Z' }),
          [],
        );
        await store.inquiries.create(newInquiry({ id: 'none' }), []);
        const due = await store.inquiries.due(new Date('2026-11-28T10:00:00.000Z'), 10);
        assert.deepEqual(
          due.map((inquiry) => inquiry.id),
          ['early', 'late'],
        );
        const first = await store.inquiries.due(new Date('2026-11-28T11:00:00.000Z'), 1);
        assert.deepEqual(
          first.map((inquiry) => inquiry.id),
          ['early'],
        );
      });

      it('returns due inquiries in due order across many pages, up to the limit', async () => {
        for (let minute = 0; minute < 30; minute++) {
          // Created in an order unlike their due order.
          const m = (minute * 7) % 30;
          await store.inquiries.create(
            newInquiry({
              id: `due-${m}`,
              dueAt: `2026-11-28T08:${String(m).padStart(2, '0')}:00.000Z`,
            }),
            [],
          );
        }
        const due = await store.inquiries.due(new Date('2026-11-28T09:00:00.000Z'), 25);
        assert.deepEqual(
          due.map((i) => i.id),
          Array.from({ length: 25 }, (_, m) => `due-${m}`),
        );
      });

      it('follows the due time as updates move or clear it', async () => {
        const { inquiry } = await store.inquiries.create(
          newInquiry({ id: 'moving', dueAt: '2026-11-28T08:00:00.000Z' }),
          [],
        );
        const moved = await store.inquiries.update(
          { ...inquiry, dueAt: '2026-11-29T08:00:00.000Z' },
          [],
        );
        assert.ok(moved.ok);
        const now = new Date('2026-11-28T12:00:00.000Z');
        assert.deepEqual(await store.inquiries.due(now, 10), []);
        const later = new Date('2026-11-29T09:00:00.000Z');
        assert.deepEqual(
          (await store.inquiries.due(later, 10)).map((i) => i.id),
          ['moving'],
        );
        const { dueAt: _dueAt, ...cleared } = moved.value;
        assert.ok((await store.inquiries.update(cleared, [])).ok);
        assert.deepEqual(await store.inquiries.due(later, 10), []);
      });
    });

    describe("handlers' queue", () => {
      const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T08:00:00.000Z`;
      const ids = (inquiries: { id: string }[]) => inquiries.map((i) => i.id);

      it('lists the open inquiries of the asked units, work areas or topics, oldest first', async () => {
        const place = (unitId: string, workAreaId: string, topicId: string) => ({
          unitId,
          workAreaId,
          topicId,
        });
        await store.inquiries.create(
          newInquiry({
            id: 'hauge-avvik',
            createdAt: day(3),
            ...place('hauge-vgs', 'skole', 'avvik'),
          }),
          [],
        );
        await store.inquiries.create(
          newInquiry({
            id: 'bryne-ehb',
            createdAt: day(1),
            ...place('bryne-vgs', 'skole', 'ehandbok'),
          }),
          [],
        );
        await store.inquiries.create(
          newInquiry({
            id: 'sola-avvik',
            createdAt: day(2),
            ...place('sola-klinikk', 'tannhelse', 'avvik'),
          }),
          [],
        );
        assert.deepEqual(ids(await store.inquiries.handlersQueue({}, 10)), [
          'bryne-ehb',
          'sola-avvik',
          'hauge-avvik',
        ]);
        assert.deepEqual(ids(await store.inquiries.handlersQueue({ workAreaIds: ['skole'] }, 10)), [
          'bryne-ehb',
          'hauge-avvik',
        ]);
        assert.deepEqual(
          ids(await store.inquiries.handlersQueue({ unitIds: ['hauge-vgs', 'sola-klinikk'] }, 10)),
          ['sola-avvik', 'hauge-avvik'],
        );
        assert.deepEqual(
          ids(
            await store.inquiries.handlersQueue(
              { topicIds: ['avvik'], workAreaIds: ['skole'] },
              10,
            ),
          ),
          ['hauge-avvik'],
        );
        assert.deepEqual(await store.inquiries.handlersQueue({ unitIds: [] }, 10), []);
        assert.deepEqual(ids(await store.inquiries.handlersQueue({}, 2)), [
          'bryne-ehb',
          'sola-avvik',
        ]);
      });

      it('follows status and place as updates change them, leaving answered and closed ones out', async () => {
        const statuses = [
          'new',
          'claimed',
          'waiting_for_asker',
          'stalled',
          'answered',
          'resolved',
          'withdrawn',
        ] as const;
        for (const [index, status] of statuses.entries())
          await store.inquiries.create(
            newInquiry({ id: status, status, createdAt: day(index + 1) }),
            [],
          );
        assert.deepEqual(ids(await store.inquiries.handlersQueue({ workAreaIds: ['skole'] }, 10)), [
          'new',
          'claimed',
          'waiting_for_asker',
          'stalled',
        ]);
        const claimed = await store.inquiries.get('claimed');
        assert.ok(claimed);
        await store.inquiries.update({ ...claimed, status: 'answered' }, []);
        const moved = await store.inquiries.get('new');
        assert.ok(moved);
        await store.inquiries.update(
          { ...moved, unitId: 'sola-klinikk', workAreaId: 'tannhelse', topicId: 'ehandbok' },
          [],
        );
        assert.deepEqual(ids(await store.inquiries.handlersQueue({ workAreaIds: ['skole'] }, 10)), [
          'waiting_for_asker',
          'stalled',
        ]);
        assert.deepEqual(
          ids(await store.inquiries.handlersQueue({ unitIds: ['sola-klinikk'] }, 10)),
          ['new'],
        );
        assert.deepEqual(ids(await store.inquiries.handlersQueue({ topicIds: ['ehandbok'] }, 10)), [
          'new',
        ]);
      });

      it("reads a work area's inquiries written since an instant, closed ones too, latest first", async () => {
        const written = [
          ['old-open', 'new', 'skole', 2],
          ['resolved-this-week', 'resolved', 'skole', 24],
          ['open-this-week', 'claimed', 'skole', 25],
          ['other-area', 'new', 'tannhelse', 26],
          ['withdrawn-this-week', 'withdrawn', 'skole', 27],
        ] as const;
        for (const [id, status, workAreaId, n] of written)
          await store.inquiries.create(
            newInquiry({ id, status, workAreaId, createdAt: day(1), updatedAt: day(n) }),
            [],
          );
        const since = new Date(day(23));
        assert.deepEqual(ids(await store.inquiries.writtenSince(['skole'], since, 10)), [
          'withdrawn-this-week',
          'open-this-week',
          'resolved-this-week',
        ]);
        assert.deepEqual(ids(await store.inquiries.writtenSince(['skole'], since, 2)), [
          'withdrawn-this-week',
          'open-this-week',
        ]);
        assert.deepEqual(
          ids(await store.inquiries.writtenSince(['skole', 'tannhelse'], since, 10)).sort(),
          ['open-this-week', 'other-area', 'resolved-this-week', 'withdrawn-this-week'],
        );
        assert.deepEqual(await store.inquiries.writtenSince([], since, 10), []);
        const old = await store.inquiries.get('old-open');
        assert.ok(old);
        await store.inquiries.update({ ...old, status: 'resolved', updatedAt: day(28) }, []);
        assert.deepEqual(ids(await store.inquiries.writtenSince(['skole'], since, 1)), [
          'old-open',
        ]);
      });

      it("reads the queue's items, the same inquiries as the queue, as each write leaves them", async () => {
        const sverre = { key: 'sverre@fylke.example', name: 'Sverre Lunde' };
        await store.inquiries.create(newInquiry({ id: 'unclaimed', createdAt: day(1) }), []);
        await store.inquiries.create(
          newInquiry({ id: 'held', status: 'claimed', assignee: sverre, createdAt: day(2) }),
          [],
        );
        await store.inquiries.create(
          newInquiry({ id: 'at-vendor', status: 'stalled', level: 'vendor', createdAt: day(3) }),
          [],
        );
        await store.inquiries.create(
          newInquiry({
            id: 'elsewhere',
            unitId: 'sola-klinikk',
            workAreaId: 'tannhelse',
            topicId: 'ehandbok',
            createdAt: day(4),
          }),
          [],
        );
        await store.inquiries.create(
          newInquiry({ id: 'done', status: 'resolved', assignee: sverre, createdAt: day(5) }),
          [],
        );
        const sameAsQueue = async (query: QueueQuery, limit: number) => {
          const items = await store.inquiries.handlersQueueItems(query, limit);
          const inquiries = await store.inquiries.handlersQueue(query, limit);
          assert.deepEqual(items, inquiries.map(queueItemOf));
          return items;
        };
        assert.deepEqual(await sameAsQueue({}, 10), [
          {
            id: 'unclaimed',
            status: 'new',
            level: 'superuser',
            unitId: 'hauge-vgs',
            topicId: 'avvik',
            createdAt: day(1),
          },
          {
            id: 'held',
            status: 'claimed',
            level: 'superuser',
            assigneeKey: 'sverre@fylke.example',
            unitId: 'hauge-vgs',
            topicId: 'avvik',
            createdAt: day(2),
          },
          {
            id: 'at-vendor',
            status: 'stalled',
            level: 'vendor',
            unitId: 'hauge-vgs',
            topicId: 'avvik',
            createdAt: day(3),
          },
          {
            id: 'elsewhere',
            status: 'new',
            level: 'superuser',
            unitId: 'sola-klinikk',
            topicId: 'ehandbok',
            createdAt: day(4),
          },
        ]);
        assert.deepEqual(ids(await sameAsQueue({ workAreaIds: ['tannhelse'] }, 10)), ['elsewhere']);
        assert.deepEqual(ids(await sameAsQueue({ unitIds: ['hauge-vgs'] }, 2)), [
          'unclaimed',
          'held',
        ]);
        assert.deepEqual(await sameAsQueue({ topicIds: [] }, 10), []);

        const held = await store.inquiries.get('held');
        const unclaimed = await store.inquiries.get('unclaimed');
        assert.ok(held && unclaimed);
        const { assignee: _assignee, ...released } = held;
        await store.inquiries.update({ ...released, status: 'new', level: 'coordinator' }, []);
        await store.inquiries.update({ ...unclaimed, status: 'claimed', assignee: sverre }, []);
        assert.deepEqual(
          (await sameAsQueue({ workAreaIds: ['skole'] }, 10)).map((item) => [
            item.id,
            item.status,
            item.level,
            item.assigneeKey,
          ]),
          [
            ['unclaimed', 'claimed', 'superuser', 'sverre@fylke.example'],
            ['held', 'new', 'coordinator', undefined],
            ['at-vendor', 'stalled', 'vendor', undefined],
          ],
        );
      });

      it('reads the queue across many pages, oldest first, up to the limit', async () => {
        for (let n = 1; n <= 30; n++)
          await store.inquiries.create(newInquiry({ id: `open-${n}`, createdAt: day(n) }), []);
        assert.deepEqual(
          ids(await store.inquiries.handlersQueue({ workAreaIds: ['skole'] }, 25)),
          Array.from({ length: 25 }, (_, i) => `open-${i + 1}`),
        );
        assert.deepEqual(
          ids(await store.inquiries.handlersQueueItems({ workAreaIds: ['skole'] }, 25)),
          Array.from({ length: 25 }, (_, i) => `open-${i + 1}`),
        );
      });
    });

    describe('search by words', () => {
      const day = (n: number) => `2026-11-${String(n).padStart(2, '0')}T08:00:00.000Z`;
      const ids = (inquiries: { id: string }[]) => inquiries.map((i) => i.id);
      const words = (...list: string[]) => list;

      async function seed(): Promise<void> {
        await store.inquiries.create(
          newInquiry({ id: 'elevtur', text: 'Avvik på elevtur til Bergen', createdAt: day(1) }),
          [],
        );
        await store.inquiries.create(
          newInquiry({
            id: 'elevtur-closed',
            status: 'resolved',
            text: 'Hvordan melder jeg AVVIK etter en ELEVTUR?',
            createdAt: day(2),
          }),
          [],
        );
        await store.inquiries.create(
          newInquiry({
            id: 'other-area',
            unitId: 'sola-klinikk',
            workAreaId: 'tannhelse',
            topicId: 'ehandbok',
            text: 'Avvik om elevtur i tannhelsen',
            createdAt: day(3),
          }),
          [],
        );
        await store.inquiries.create(
          newInquiry({
            id: 'registered',
            text: 'Får ikke logget inn i Qm+',
            intake: { by: { key: 'hanne@fylke.example', name: 'Hanne' }, channel: 'phone' },
            createdAt: day(4),
          }),
          [],
        );
      }

      it('finds the inquiries of a scope holding every word, open or closed, newest first', async () => {
        await seed();
        assert.deepEqual(
          ids(
            await store.inquiries.search(
              { words: words('avvik', 'elevtur'), scope: { workAreaIds: ['skole'] } },
              10,
            ),
          ),
          ['elevtur-closed', 'elevtur'],
        );
        assert.deepEqual(
          ids(await store.inquiries.search({ words: words('avvik', 'elevtur'), scope: {} }, 10)),
          ['other-area', 'elevtur-closed', 'elevtur'],
        );
        assert.deepEqual(
          ids(
            await store.inquiries.search(
              { words: words('avvik', 'elevtur'), scope: { unitIds: ['sola-klinikk'] } },
              10,
            ),
          ),
          ['other-area'],
        );
        assert.deepEqual(
          ids(await store.inquiries.search({ words: words('avvik', 'elevtur'), scope: {} }, 1)),
          ['other-area'],
        );
        assert.deepEqual(
          await store.inquiries.search({ words: words('avvik', 'oslo'), scope: {} }, 10),
          [],
        );
        assert.deepEqual(await store.inquiries.search({ words: [], scope: {} }, 10), []);
        assert.deepEqual(
          await store.inquiries.search({ words: words('avvik'), scope: { unitIds: [] } }, 10),
          [],
        );
      });

      it('finds by number, answer and internal notes as updates add them', async () => {
        await seed();
        const found = await store.inquiries.get('elevtur');
        assert.ok(found);
        assert.deepEqual(
          ids(
            await store.inquiries.search(
              { words: words(found.number.toLowerCase()), scope: {} },
              10,
            ),
          ),
          ['elevtur'],
        );
        const updated = await store.inquiries.update(
          {
            ...found,
            answer: { text: 'Bruk skjemaet for reiser', by: found.asker, at: day(5) },
            history: [...found.history, { type: 'noted', at: day(5), note: 'Ringte rektor' }],
            updatedAt: day(5),
          },
          [],
        );
        assert.ok(updated.ok);
        for (const word of ['skjemaet', 'rektor'])
          assert.deepEqual(
            ids(await store.inquiries.search({ words: words(word), scope: {} }, 10)),
            ['elevtur'],
            word,
          );
      });

      it('finds what a helpdesk person registered, and nothing they did not', async () => {
        await seed();
        const scope = { registeredBy: 'hanne@fylke.example' };
        assert.deepEqual(ids(await store.inquiries.search({ words: words('logget'), scope }, 10)), [
          'registered',
        ]);
        assert.deepEqual(await store.inquiries.search({ words: words('avvik'), scope }, 10), []);
        assert.deepEqual(
          await store.inquiries.search(
            { words: words('logget'), scope: { registeredBy: 'other@fylke.example' } },
            10,
          ),
          [],
        );
      });

      it('reads matches across many pages, newest first, up to the limit', async () => {
        for (let n = 1; n <= 30; n++)
          await store.inquiries.create(
            newInquiry({ id: `match-${n}`, text: `Elevtur nummer ${n}`, createdAt: day(n) }),
            [],
          );
        assert.deepEqual(
          ids(await store.inquiries.search({ words: words('elevtur'), scope: {} }, 25)),
          Array.from({ length: 25 }, (_, i) => `match-${30 - i}`),
        );
      });
    });

    describe('outbox', () => {
      it('leases each due item to one owner until it is completed', async () => {
        const now = new Date(at);
        await store.outbox.enqueue([{ kind: 'triage.post', inquiryId: 'x' }], now);
        const later = new Date(now.getTime() + 60_000);
        const [a, b] = await Promise.all([
          store.outbox.lease(now, 'one', later, 10),
          store.outbox.lease(now, 'two', later, 10),
        ]);
        assert.equal(a.length + b.length, 1);
        const item = a[0] ?? b[0];
        await store.outbox.complete(item.id, a.length ? 'one' : 'two', now);
        assert.equal(await store.outbox.pendingCount(), 0);
        assert.deepEqual(await store.outbox.lease(later, 'three', later, 10), []);
      });

      it('leases each of many items to exactly one of several owners leasing at once', async () => {
        const now = new Date(at);
        await store.outbox.enqueue(
          Array.from({ length: 12 }, (_, i) => ({
            kind: 'asker.status' as const,
            inquiryId: `i${i}`,
          })),
          now,
        );
        const later = new Date(now.getTime() + 60_000);
        const leased = (
          await Promise.all(
            ['one', 'two', 'three'].map((owner) => store.outbox.lease(now, owner, later, 20)),
          )
        ).flat();
        assert.equal(leased.length, 12);
        assert.equal(new Set(leased.map((item) => item.id)).size, 12);
      });

      it('ignores completion by an owner that does not hold the item', async () => {
        const now = new Date(at);
        await store.outbox.enqueue([{ kind: 'triage.post', inquiryId: 'x' }], now);
        const [item] = await store.outbox.lease(now, 'me', new Date(now.getTime() + 1000), 10);
        await store.outbox.complete(item.id, 'someone else', now);
        assert.equal(await store.outbox.pendingCount(), 1);
        await store.outbox.complete(item.id, 'me', now);
        assert.equal(await store.outbox.pendingCount(), 0);
      });

      it('does not hand out a failed item again', async () => {
        const now = new Date(at);
        await store.outbox.enqueue([{ kind: 'triage.post', inquiryId: 'x' }], now);
        const [item] = await store.outbox.lease(now, 'me', new Date(now.getTime() + 1000), 10);
        await store.outbox.fail(item.id, 'me', now, '403 Forbidden');
        assert.equal(await store.outbox.pendingCount(), 0);
        assert.deepEqual(
          await store.outbox.lease(
            new Date(now.getTime() + 5000),
            'me',
            new Date(now.getTime() + 9000),
            10,
          ),
          [],
        );
      });

      it('hands an item left by a crashed owner to another when the lease runs out', async () => {
        const now = new Date(at);
        await store.outbox.enqueue([{ kind: 'asker.status', inquiryId: 'x' }], now);
        await store.outbox.lease(now, 'crashed', new Date(now.getTime() + 1000), 10);
        assert.deepEqual(
          await store.outbox.lease(now, 'other', new Date(now.getTime() + 1000), 10),
          [],
        );
        const taken = await store.outbox.lease(
          new Date(now.getTime() + 1001),
          'other',
          new Date(now.getTime() + 5000),
          10,
        );
        assert.equal(taken.length, 1);
        assert.equal(taken[0]?.attempts, 2);
      });

      it('does not hand out an item before its retry time', async () => {
        const now = new Date(at);
        await store.outbox.enqueue([{ kind: 'asker.status', inquiryId: 'x' }], now);
        const [item] = await store.outbox.lease(now, 'me', new Date(now.getTime() + 1000), 10);
        await store.outbox.retry(
          item.id,
          'me',
          new Date(now.getTime() + 30_000),
          '429 Too Many Requests',
        );
        assert.deepEqual(
          await store.outbox.lease(
            new Date(now.getTime() + 29_000),
            'me',
            new Date(now.getTime() + 40_000),
            10,
          ),
          [],
        );
        const [again] = await store.outbox.lease(
          new Date(now.getTime() + 30_000),
          'me',
          new Date(now.getTime() + 40_000),
          10,
        );
        assert.equal(again?.lastError, '429 Too Many Requests');
      });

      it('keeps an item with its owner while the owner renews the lease, and only the owner can', async () => {
        const now = new Date(at);
        const t = (ms: number) => new Date(now.getTime() + ms);
        await store.outbox.enqueue([{ kind: 'asker.status', inquiryId: 'x' }], now);
        const [item] = await store.outbox.lease(now, 'me', t(1000), 10);
        await store.outbox.renew([item.id], 'someone else', t(60_000));
        await store.outbox.renew([item.id], 'me', t(3000));
        assert.deepEqual(await store.outbox.lease(t(2000), 'other', t(9000), 10), []);
        const [taken] = await store.outbox.lease(t(3001), 'other', t(9000), 10);
        assert.equal(taken?.id, item.id);
      });

      it('tells when the oldest item still waiting to be sent was queued', async () => {
        const now = new Date(at);
        const t = (ms: number) => new Date(now.getTime() + ms);
        assert.equal(await store.outbox.oldestPending(), undefined);
        await store.outbox.enqueue([{ kind: 'asker.status', inquiryId: 'old' }], now);
        await store.outbox.enqueue([{ kind: 'asker.status', inquiryId: 'new' }], t(5000));
        assert.equal((await store.outbox.oldestPending())?.toISOString(), now.toISOString());
        const [first] = await store.outbox.lease(t(5000), 'me', t(9000), 1);
        await store.outbox.complete(first.id, 'me', t(5000));
        assert.equal((await store.outbox.oldestPending())?.toISOString(), t(5000).toISOString());
      });
    });

    describe('organisation', () => {
      it('is empty before the first import', async () => {
        assert.equal(await store.organisation.version(), undefined);
        assert.equal(await store.organisation.current(), undefined);
      });

      it('replaces the organisation and its people as a whole, with a new version', async () => {
        await store.organisation.replace(validOrganisation(), new Date(at));
        const second = await store.organisation.replace(
          validOrganisation({ people: organisation.people.slice(0, 2) }),
          new Date(at),
        );
        assert.equal(second.version, 2);
        assert.equal(await store.organisation.personByEmail('kari@fylke.example'), undefined);
        assert.equal(
          (await store.organisation.personByAadObjectId('11111111-1111-4111-8111-111111111111'))
            ?.name,
          'Sverre Lunde',
        );
        assert.equal(
          (await store.organisation.personByEmail('SVERRE@fylke.example'))?.unit,
          'hauge-vgs',
        );
        assert.deepEqual((await store.organisation.current())?.staff.map((p) => p.email).sort(), [
          'sverre@fylke.example',
          'tor@fylke.example',
        ]);
      });

      it('finds people in the version the caller reads, as without one', async () => {
        await store.organisation.replace(validOrganisation(), new Date(at));
        const { version } = await store.organisation.replace(
          validOrganisation({ people: organisation.people.slice(0, 2) }),
          new Date(at),
        );
        assert.equal(
          await store.organisation.personByEmail('kari@fylke.example', version),
          undefined,
        );
        assert.equal(
          (
            await store.organisation.personByAadObjectId(
              '11111111-1111-4111-8111-111111111111',
              version,
            )
          )?.name,
          'Sverre Lunde',
        );
        assert.equal(
          (await store.organisation.personByEmail('SVERRE@fylke.example', version))?.unit,
          'hauge-vgs',
        );
      });
      it('finds people by words of their name or email, in the version the caller reads', async () => {
        await store.organisation.replace(validOrganisation(), new Date(at));
        const names = (people: { name: string }[]) => people.map((p) => p.name);
        assert.deepEqual(names(await store.organisation.searchPeople(['kari'], 10)), [
          'Kari Nordmann',
        ]);
        assert.deepEqual(names(await store.organisation.searchPeople(['fylke'], 2)), [
          'Kari Nordmann',
          'Sverre Lunde',
        ]);
        assert.deepEqual(names(await store.organisation.searchPeople(['lunde', 'sverre'], 10)), [
          'Sverre Lunde',
        ]);
        assert.deepEqual(await store.organisation.searchPeople(['nobody'], 10), []);
        assert.deepEqual(await store.organisation.searchPeople([], 10), []);
        const { version } = await store.organisation.replace(
          validOrganisation({ people: organisation.people.slice(0, 2) }),
          new Date(at),
        );
        assert.deepEqual(await store.organisation.searchPeople(['kari'], 10, version), []);
      });
    });

    describe('organisation written on condition', () => {
      it('replaces the organisation only when its version is the one the writer read', async () => {
        const first = await store.organisation.replaceIfVersion(
          validOrganisation(),
          new Date(at),
          undefined,
        );
        assert.ok(first.ok);
        const again = await store.organisation.replaceIfVersion(
          validOrganisation(),
          new Date(at),
          undefined,
        );
        assert.deepEqual(again, { ok: false, reason: 'conflict' });
        const fewer = validOrganisation({ people: organisation.people.slice(0, 2) });
        const stale = await store.organisation.replaceIfVersion(
          fewer,
          new Date(at),
          first.value.version + 1,
        );
        assert.deepEqual(stale, { ok: false, reason: 'conflict' });
        assert.equal((await store.organisation.allPeople()).length, 3, 'nothing changed');
        const second = await store.organisation.replaceIfVersion(
          fewer,
          new Date(at),
          first.value.version,
        );
        assert.ok(second.ok);
        assert.equal(await store.organisation.version(), second.value.version);
        assert.equal(await store.organisation.personByEmail('kari@fylke.example'), undefined);
        assert.deepEqual((await store.organisation.allPeople()).map((p) => p.email).sort(), [
          'sverre@fylke.example',
          'tor@fylke.example',
        ]);
      });

      it('lets one of two writers of the same version through and tells the other of the conflict', async () => {
        const first = await store.organisation.replaceIfVersion(
          validOrganisation(),
          new Date(at),
          undefined,
        );
        assert.ok(first.ok);
        const renamed = (name: string) => validOrganisation({ name });
        const results = await Promise.all([
          store.organisation.replaceIfVersion(renamed('A'), new Date(at), first.value.version),
          store.organisation.replaceIfVersion(renamed('B'), new Date(at), first.value.version),
        ]);
        const won = results.filter((r) => r.ok);
        assert.equal(won.length, 1, JSON.stringify(results));
        const current = await store.organisation.current();
        assert.equal(current?.structure.name, won[0].ok ? won[0].value.structure.name : '');
        assert.equal(current?.version, won[0].ok ? won[0].value.version : 0);
      });
    });

    describe('profiles, drafts, conversations and turn state', () => {
      it('writes a profile once and then only with its current etag', async () => {
        const created = await store.profiles.put({
          key: 'aad:1',
          name: 'Ola',
          unitId: 'hauge-vgs',
        });
        assert.equal(created.ok, true);
        const duplicate = await store.profiles.put({ key: 'aad:1', name: 'Ola', unitId: 'other' });
        assert.deepEqual(duplicate, { ok: false, reason: 'conflict' });
        const current = await store.profiles.get('aad:1');
        const updated = await store.profiles.put({ ...current!, unitId: 'other' });
        assert.equal(updated.ok, true);
        const stale = await store.profiles.put({ ...current!, unitId: 'third' });
        assert.equal(stale.ok, false);
        assert.equal((await store.profiles.get('aad:1'))?.unitId, 'other');
      });

      it("stores a person's absence once, then replaces it only with its current etag", async () => {
        const absence = {
          key: 'kari@fylke.example',
          name: 'Kari Nordmann',
          until: '2026-12-12',
          endsAt: '2026-12-12T23:00:00.000Z',
          deputy: { key: 'ola@fylke.example', name: 'Ola Hansen', email: 'ola@fylke.example' },
          setAt: at,
        };
        assert.equal(await store.absences.get(absence.key), undefined);
        const created = await store.absences.put(absence);
        assert.ok(created.ok);
        assert.deepEqual(await store.absences.put(absence), { ok: false, reason: 'conflict' });
        const current = await store.absences.get(absence.key);
        assert.deepEqual({ ...current, etag: undefined }, { ...absence, etag: undefined });
        const ended = await store.absences.put({ ...current!, endsAt: at });
        assert.ok(ended.ok);
        const stale = await store.absences.put({ ...current!, until: '2027-01-01' });
        assert.deepEqual(stale, { ok: false, reason: 'conflict' });
        assert.equal((await store.absences.get(absence.key))?.endsAt, at);
        for (const key of ['with space', 'slash/and\\backslash', 'hash#and?question æøå']) {
          assert.equal((await store.absences.put({ ...absence, key })).ok, true);
          assert.equal((await store.absences.get(key))?.key, key);
        }
      });

      it("reads the absences of a chain for routing, seeing this instance's own writes at once", async () => {
        const away = (key: string) => ({
          key,
          name: key,
          until: '2026-12-12',
          endsAt: '2026-12-12T23:00:00.000Z',
          deputy: { key: 'ola@fylke.example', name: 'Ola Hansen', email: 'ola@fylke.example' },
          setAt: at,
        });
        const keys = ['routing-a@fylke.example', 'routing-b@fylke.example'];
        assert.deepEqual(await store.absences.forRouting(keys), []);
        const written = await store.absences.put(away(keys[1]));
        assert.ok(written.ok);
        assert.deepEqual(
          (await store.absences.forRouting(keys)).map((a) => a.key),
          [keys[1]],
          'an absence written after a routing read is seen by the next one',
        );
        const ended = await store.absences.put({ ...written.value, endsAt: at });
        assert.ok(ended.ok);
        assert.equal((await store.absences.forRouting(keys))[0]?.endsAt, at);
        await store.absences.remove(keys[1]);
        assert.deepEqual(await store.absences.forRouting(keys), []);
      });

      it('keeps the first draft with an id and remembers its unit', async () => {
        const draft = {
          id: 'd1',
          askerKey: 'aad:1',
          text: 'Hjelp?',
          locale: 'nb' as const,
          createdAt: at,
        };
        assert.equal(await store.drafts.add(draft), true);
        assert.equal(await store.drafts.add({ ...draft, text: 'Other' }), false);
        await store.drafts.setUnit('d1', 'hauge-vgs');
        assert.deepEqual(await store.drafts.get('d1'), { ...draft, unitId: 'hauge-vgs' });
      });

      it('finds drafts whose follow-up has come, and lets one writer take each follow-up', async () => {
        const base = { askerKey: 'aad:2', text: 'Uferdig', locale: 'nb' as const, createdAt: at };
        const later = '2030-01-03T00:00:00.000Z';
        await store.drafts.add({ ...base, id: 'd-due-2', followUpAt: '2030-01-01T00:00:02.000Z' });
        await store.drafts.add({ ...base, id: 'd-due-1', followUpAt: '2030-01-01T00:00:01.000Z' });
        await store.drafts.add({ ...base, id: 'd-later', followUpAt: '2030-01-02T00:00:00.000Z' });
        await store.drafts.add({ ...base, id: 'd-never' });
        const noon = new Date('2030-01-01T12:00:00.000Z');
        const ids = async (now: Date, limit = 10) =>
          (await store.drafts.due(now, limit)).map((d) => d.draft.id);
        assert.deepEqual(await ids(noon), ['d-due-1', 'd-due-2']);
        assert.deepEqual(await ids(noon, 1), ['d-due-1']);

        const [first] = await store.drafts.due(noon, 1);
        const taken = await store.drafts.followUp('d-due-1', first.etag, {
          followUpAt: later,
          reminded: true,
        });
        assert.equal(taken.ok, true);
        const again = await store.drafts.followUp('d-due-1', first.etag, { reminded: true });
        assert.deepEqual(again, { ok: false, reason: 'conflict' }, 'the second instance loses');
        assert.deepEqual(await store.drafts.get('d-due-1'), {
          ...base,
          id: 'd-due-1',
          followUpAt: later,
          reminded: true,
        });
        assert.deepEqual(await ids(noon), ['d-due-2']);

        await store.drafts.finish('d-due-2');
        assert.deepEqual(await ids(noon), []);
        assert.equal((await store.drafts.get('d-due-2'))?.followUpAt, undefined);

        const due = (await store.drafts.due(new Date(later), 10)).find(
          (d) => d.draft.id === 'd-due-1',
        );
        assert.ok(due, 'due again at its new time');
        assert.deepEqual(await store.drafts.remove('d-due-1', first.etag), {
          ok: false,
          reason: 'conflict',
        });
        assert.equal((await store.drafts.remove('d-due-1', due.etag)).ok, true);
        assert.equal(await store.drafts.get('d-due-1'), undefined);
        assert.deepEqual(await store.drafts.remove('d-due-1', due.etag), {
          ok: false,
          reason: 'not_found',
        });
        assert.deepEqual(await ids(new Date(later)), ['d-later']);
      });

      it('keeps the files sent with a draft question', async () => {
        const draft = {
          id: 'd-files',
          askerKey: 'aad:1',
          text: 'Se skjermbildet',
          locale: 'nb' as const,
          createdAt: at,
          attachments: [
            { name: 'skjerm.png', contentType: 'image/png', url: 'https://t.example/1' },
          ],
        };
        assert.equal(await store.drafts.add(draft), true);
        assert.deepEqual(await store.drafts.get('d-files'), draft);
      });

      it('stores conversation references and the latest Teams endpoint of each tenant', async () => {
        await store.conversations.savePersonal(
          'kari@fylke.example',
          { conversation: { id: 'a:1' } },
          new Date(at),
        );
        await store.conversations.saveEndpoint(
          { serviceUrl: 'https://one', tenantId: 't' },
          new Date(at),
        );
        await store.conversations.saveEndpoint(
          { serviceUrl: 'https://two', tenantId: 't' },
          new Date(at),
        );
        assert.deepEqual(await store.conversations.personal('kari@fylke.example'), {
          conversation: { id: 'a:1' },
        });
        await store.conversations.saveEndpoint(
          { serviceUrl: 'https://other', tenantId: 'u' },
          new Date(at),
        );
        assert.deepEqual(await store.conversations.endpoint('t'), {
          serviceUrl: 'https://two',
          tenantId: 't',
        });
        assert.equal(await store.conversations.endpoint('v'), undefined);
        await store.conversations.saveTeamsUserId('kari@fylke.example', '29:kari', new Date(at));
        assert.equal(await store.conversations.teamsUserId('kari@fylke.example'), '29:kari');
        assert.equal(await store.conversations.teamsUserId('nobody'), undefined);
        assert.equal(await store.conversations.personal('nobody'), undefined);
      });

      it('rejects a turn-state write with a stale etag', async () => {
        await store.state.write({ k: { value: { n: 1 } } });
        const read = await store.state.read(['k', 'missing']);
        assert.deepEqual(Object.keys(read), ['k']);
        const etag = read.k.etag;
        assert.equal((await store.state.write({ k: { value: { n: 2 }, etag } })).ok, true);
        assert.deepEqual(await store.state.write({ k: { value: { n: 3 }, etag } }), {
          ok: false,
          reason: 'conflict',
        });
        assert.deepEqual((await store.state.read(['k'])).k?.value, { n: 2 });
        await store.state.delete(['k']);
        assert.deepEqual(await store.state.read(['k']), {});
      });
    });

    describe('keys with awkward characters and unconditional writes', () => {
      const awkward = [
        'with space',
        'slash/and\\backslash',
        'percent%40and%2F',
        'hash#and?question',
        'pipe|and.dot',
        'unicode æøå 🚀 中文',
        'kari.nordmann+test@fylke.example',
        'msteams/a:1Zx-y_AbC%3D%3D',
        'x'.repeat(1500),
      ];

      it('keeps turn state under any key, reads it back and deletes it', async () => {
        for (const key of awkward) {
          assert.equal((await store.state.write({ [key]: { value: { key } } })).ok, true, key);
        }
        const read = await store.state.read(awkward);
        assert.deepEqual(Object.keys(read).sort(), [...awkward].sort());
        for (const key of awkward) assert.deepEqual(read[key]?.value, { key });
        const etag = read[awkward[2]].etag;
        assert.equal(
          (await store.state.write({ [awkward[2]]: { value: { n: 2 }, etag } })).ok,
          true,
        );
        assert.deepEqual(await store.state.write({ [awkward[2]]: { value: { n: 3 }, etag } }), {
          ok: false,
          reason: 'conflict',
        });
        await store.state.delete(awkward);
        assert.deepEqual(await store.state.read(awkward), {});
      });

      it("writes turn state with '*' as etag over whatever is stored, and creates it when missing", async () => {
        assert.equal((await store.state.write({ k: { value: { n: 1 }, etag: '*' } })).ok, true);
        assert.equal((await store.state.write({ k: { value: { n: 2 }, etag: '*' } })).ok, true);
        assert.deepEqual((await store.state.read(['k'])).k?.value, { n: 2 });
        assert.equal((await store.state.write({ k: { value: { n: 3 } } })).ok, true);
        assert.deepEqual((await store.state.read(['k'])).k?.value, { n: 3 });
      });

      it('keeps profiles, drafts and conversation references under awkward keys', async () => {
        for (const key of awkward) {
          assert.equal((await store.profiles.put({ key, name: 'Ola', unitId: 'u' })).ok, true);
          assert.equal((await store.profiles.get(key))?.key, key);
          const draft = {
            id: key,
            askerKey: key,
            text: 'Hjelp?',
            locale: 'nb' as const,
            createdAt: at,
          };
          assert.equal(await store.drafts.add(draft), true);
          await store.drafts.setUnit(key, 'hauge-vgs');
          assert.equal((await store.drafts.get(key))?.unitId, 'hauge-vgs');
          await store.conversations.savePersonal(key, { conversation: { id: key } }, new Date(at));
          assert.deepEqual(await store.conversations.personal(key), { conversation: { id: key } });
        }
      });

      it('opens, finds and lists inquiries whose request and asker keys have awkward characters', async () => {
        for (const [index, key] of awkward.entries()) {
          const { inquiry } = await store.inquiries.create(
            newInquiry({ id: inquiryIdFor(key), requestKey: key, asker: { key, name: 'Kari' } }),
            [],
          );
          const again = await store.inquiries.create(
            newInquiry({
              id: inquiryIdFor(key),
              requestKey: key,
              asker: { key, name: 'Kari' },
              text: `again ${index}`,
            }),
            [],
          );
          assert.equal(again.created, false, key);
          assert.equal(again.inquiry.id, inquiry.id);
          assert.deepEqual(
            (await store.inquiries.listByAsker(key, 10)).map((i) => i.id),
            [inquiry.id],
          );
        }
      });

      it('finds people by emails with awkward characters', async () => {
        const people = [
          { email: 'kari.nordmann+qm@fylke.example', name: 'Kari', unit: 'hauge-vgs' },
          { email: "o'brien%test@fylke.example", name: 'Ola', unit: 'hauge-vgs' },
          {
            email: 'sverre@fylke.example',
            name: 'Sverre Lunde',
            unit: 'hauge-vgs',
            aadObjectId: '11111111-1111-4111-8111-111111111111',
          },
          { email: 'tor@fylke.example', name: 'Tor Aas', unit: 'hauge-vgs' },
        ];
        await store.organisation.replace(validOrganisation({ people }), new Date(at));
        assert.equal(
          (await store.organisation.personByEmail('Kari.Nordmann+qm@fylke.example'))?.name,
          'Kari',
        );
        assert.equal(
          (await store.organisation.personByEmail("o'brien%test@fylke.example"))?.name,
          'Ola',
        );
      });
    });

    knowledgeContract(() => store);
    privacyContract(() => store);
    auditContract(() => store);

    if (factory.reopen) {
      it('keeps everything across a restart', async () => {
        const { inquiry } = await store.inquiries.create(newInquiry(), [
          { kind: 'triage.post', inquiryId: 'x' },
        ]);
        store = await factory.reopen!(store);
        assert.equal((await store.inquiries.get(inquiry.id))?.number, inquiry.number);
        assert.equal(await store.outbox.pendingCount(), 1);
      });
    }
  });
}
