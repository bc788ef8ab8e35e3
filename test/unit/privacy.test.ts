import assert from 'node:assert/strict';
import { erasePersonCardData, renderErasePersonCard } from '../../cards/erase-person';
import type { Inquiry } from '../../src/inquiries/inquiry';
import {
  openSubject,
  sealSubject,
  signLink,
  verifyLink,
  type LinkClaims,
} from '../../src/links/signed-link';
import { erasePerson } from '../../src/privacy/erase-person';
import { identify } from '../../src/privacy/person-data';
import { pseudonymiser } from '../../src/privacy/pseudonym';
import { redactInquiry } from '../../src/privacy/redact';
import { applyRetention, retentionCutoff } from '../../src/privacy/retention';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store';
import type { Store } from '../../src/store/ports';
import { newInquiry } from '../contract/store-contract';
import { validationErrors } from '../support/card-validation';
import { people, testDirectory } from '../support/domain-fixture';

const key = Buffer.alloc(32, 1);
const pseudonymise = pseudonymiser(Buffer.alloc(32, 2));
const now = new Date('2026-06-01T08:00:00.000Z');

/** An inquiry that went through most of what can happen to one, full of text and names. */
function fullInquiry(): Inquiry {
  const kari = { key: 'kari@fylke.example', name: 'Kari Nordmann', email: 'kari@fylke.example' };
  const sverre = { key: 'sverre@fylke.example', name: 'Sverre Lunde' };
  const at = '2026-03-02T09:00:00.000Z';
  return {
    ...newInquiry({ id: 'full', asker: { ...kari, aadObjectId: 'aad-kari', teamsId: '29:kari' } }),
    number: 'QM-2026-0042',
    status: 'resolved',
    assignee: sverre,
    answer: { text: 'Svaret fra Sverre', by: sverre, at },
    closingNote: { text: 'Lukket etter telefon med Kari', by: sverre, at },
    vendorCase: {
      at,
      by: sverre,
      vendor: { name: 'Leverandør AS', email: 'support@leverandor.example' },
      subject: 'QM-2026-0042: Kari får ikke lagret',
      caseNumber: 'V-1',
      reply: { text: 'Leverandøren svarte', at, by: sverre },
    },
    attachments: [{ name: 'skjerm-kari.png', contentType: 'image/png', url: 'https://x/1', at }],
    rating: { rating: 'good', comment: 'Takk, Sverre!', at },
    teams: {
      triageCards: [{ conversationId: '19:c', activityId: '1' }],
      askerStatus: { conversationId: 'a:1', activityId: '2', recipientKey: kari.key },
      notices: [
        {
          conversationId: '19:c',
          activityId: '3',
          head: { line: 'Sverre Lunde ble bedt om å svare', comment: { label: 'K', text: 'hei' } },
        },
      ],
    },
    history: [
      { type: 'opened', at, by: kari },
      { type: 'noted', at, by: sverre, note: 'Internt om Kari' },
      { type: 'info_added', at, by: kari, note: 'Mer fra Kari', attachments: ['fil-kari.pdf'] },
      { type: 'escalated', at, level: 'coordinator', reason: 'deadline' },
      { type: 'resolved', at, by: sverre },
    ],
    etag: '1',
  };
}

describe('retention and privacy', () => {
  describe('signed links', () => {
    const claims: LinkClaims = { purpose: 'privacy-export', subject: 'abc', expiresAt: 2e12 };

    it('accepts a link as signed, for its purpose, until it expires', () => {
      const query = signLink(key, claims);
      assert.deepEqual(verifyLink(key, query, 'privacy-export', new Date(1e12)), {
        ok: true,
        claims,
      });
      assert.deepEqual(verifyLink(key, query, 'report-csv', new Date(1e12)), {
        ok: false,
        reason: 'wrong_purpose',
      });
      assert.deepEqual(verifyLink(key, query, 'privacy-export', new Date(2e12)), {
        ok: false,
        reason: 'expired',
      });
    });

    it('refuses a link whose subject, expiry or signature was changed, or that another key signed', () => {
      const query = signLink(key, claims);
      const at = new Date(1e12);
      for (const changed of [
        { ...query, s: 'abd' },
        { ...query, e: String(3e12) },
        { ...query, sig: query.sig.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) },
        signLink(Buffer.alloc(32, 9), claims),
      ])
        assert.deepEqual(verifyLink(key, changed, 'privacy-export', at), {
          ok: false,
          reason: 'bad_signature',
        });
      assert.equal(verifyLink(key, { p: 'privacy-export' }, 'privacy-export', at).ok, false);
      assert.equal(verifyLink(key, { ...query, e: '1e99' }, 'privacy-export', at).ok, false);
    });

    it('seals a subject so only the same key opens it', () => {
      const sealed = sealSubject(key, 'kari@fylke.example');
      assert.ok(!sealed.includes('kari'));
      assert.equal(openSubject(key, sealed), 'kari@fylke.example');
      assert.equal(openSubject(Buffer.alloc(32, 3), sealed), undefined);
      assert.equal(openSubject(key, `${sealed.slice(0, -2)}AA`), undefined);
      assert.equal(openSubject(key, 'short'), undefined);
    });
  });

  it('keeps of a redacted inquiry only the figures, with one placeholder per person', () => {
    const inquiry = fullInquiry();
    const redacted = redactInquiry(inquiry, pseudonymise, now.toISOString());
    const json = JSON.stringify(redacted);
    for (const mark of [
      'Kari',
      'Sverre',
      'kari@',
      'sverre@',
      'aad-kari',
      '29:kari',
      'Svaret',
      'Lukket',
      'Leverandør',
      'skjerm',
      'fil-kari',
      'Takk',
      'Internt',
      'Mer fra',
      'leverandor.example',
      'https://x',
    ])
      assert.ok(!json.includes(mark), `${mark} is left`);
    assert.deepEqual(
      [redacted.number, redacted.status, redacted.level, redacted.unitId, redacted.topicId],
      [inquiry.number, inquiry.status, inquiry.level, inquiry.unitId, inquiry.topicId],
    );
    assert.deepEqual(
      redacted.history.map((e) => [e.type, e.at, e.level, e.reason]),
      inquiry.history.map((e) => [e.type, e.at, e.level, e.reason]),
    );
    assert.equal(redacted.rating?.rating, 'good');
    assert.equal(redacted.attachments?.length, 1);
    assert.equal(redacted.asker.key, pseudonymise('kari@fylke.example'));
    assert.equal(redacted.history[0]?.by?.key, redacted.asker.key);
    assert.equal(redacted.answer?.by.key, redacted.assignee?.key);
    assert.equal(redacted.etag, '1', 'written with the etag that was read');
  });

  it('counts the retention period in calendar time, and never without one', () => {
    assert.equal(retentionCutoff(now, undefined), undefined);
    assert.equal(retentionCutoff(now, 'P30D')?.toISOString(), '2026-05-02T08:00:00.000Z');
    assert.equal(retentionCutoff(now, 'PT12H')?.toISOString(), '2026-05-31T20:00:00.000Z');
  });

  describe('on a store', () => {
    let store: Store;
    beforeEach(() => {
      store = openSqliteStore(':memory:');
    });
    afterEach(() => store.close());

    it('leaves an inquiry a concurrent write changed for the next run, which redacts it', async () => {
      const { etag: _etag, number: _number, ...fresh } = fullInquiry();
      await store.inquiries.create(fresh, []);
      const scrub = store.inquiries.scrub.bind(store.inquiries);
      let raced = false;
      store.inquiries.scrub = async (inquiry) => {
        if (!raced) {
          raced = true;
          const current = await store.inquiries.get(inquiry.id);
          await store.inquiries.update({ ...current!, topicId: 'tilgang' }, []);
        }
        return scrub(inquiry);
      };
      const options = { now, retainFor: 'P30D', pseudonymise };
      const first = await applyRetention(store, options);
      assert.deepEqual([first.inquiries, first.conflicts], [0, 1]);
      assert.equal((await store.inquiries.get('full'))?.topicId, 'tilgang', 'the other write won');
      const second = await applyRetention(store, options);
      assert.deepEqual([second.inquiries, second.conflicts], [1, 0]);
      const redacted = await store.inquiries.get('full');
      assert.equal(redacted?.text, '');
      assert.equal(redacted?.topicId, 'tilgang');
      assert.deepEqual(await applyRetention(store, options), {
        inquiries: 0,
        conflicts: 0,
        drafts: 0,
        notifications: 0,
      });
    });

    it('waits while the asker may still reopen, whatever the period', async () => {
      const { etag: _etag, number: _number, ...fresh } = fullInquiry();
      await store.inquiries.create({ ...fresh, reopenUntil: '2026-07-01T00:00:00.000Z' }, []);
      await applyRetention(store, { now, retainFor: 'P1D', pseudonymise });
      assert.equal((await store.inquiries.get('full'))?.text, fresh.text);
    });

    it('takes a handler out of the inquiries they handled, the asker’s text kept', async () => {
      const { etag: _etag, number: _number, ...fresh } = fullInquiry();
      await store.inquiries.create(fresh, []);
      const sverre = identify('sverre@fylke.example', testDirectory());
      const result = await erasePerson(store, sverre, pseudonymise, now);
      assert.deepEqual([result.asked, result.handled], [0, 1]);
      const after = await store.inquiries.get('full');
      const json = JSON.stringify(after);
      // Free text loses the full name; a first name alone is not recognised as theirs.
      assert.ok(!json.includes('Sverre Lunde'), json);
      assert.ok(!json.includes('sverre@'), json);
      assert.equal(after?.text, fresh.text);
      assert.equal(after?.asker.name, 'Kari Nordmann');
      assert.equal(after?.assignee?.key, pseudonymise('sverre@fylke.example'));
    });
  });

  it('shows the erasure confirmation as a valid Adaptive Card 1.5, with the organisation note', () => {
    for (const locale of ['nb', 'en'] as const) {
      const card = renderErasePersonCard(
        erasePersonCardData(
          {
            label: people.asker.email,
            name: people.asker.name,
            asked: 2,
            handled: 0,
            drafts: 1,
            profile: false,
            absence: false,
            inOrganisation: true,
          },
          { person: people.asker.email, e: '1', sig: 'x' },
          locale,
        ),
      );
      assert.deepEqual(validationErrors(card), []);
      assert.match(JSON.stringify(card), /organisa/);
    }
  });
});
