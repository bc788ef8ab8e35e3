import assert from 'node:assert/strict';
import fs from 'node:fs';
import { webhookSchemaFile } from '../../bot/webhook-schema';
import type { Inquiry } from '../../src/inquiries/inquiry';
import { webhookPayload, webhookTarget } from '../../src/webhook/payload';
import { webhookJsonSchemaText, webhookPayloadSchema } from '../../src/webhook/payload-schema';
import { signWebhook, verifyWebhook } from '../../src/webhook/signature';
import { testDirectory as directory } from '../support/domain-fixture';

const secret = 'a-shared-secret-of-at-least-32-characters';
const at = new Date('2026-09-07T07:00:00.000Z');

const inquiry = {
  id: 'inq-1',
  number: 'QM-2026-0042',
  requestKey: 'r1',
  status: 'claimed',
  level: 'superuser',
  asker: { key: 'kari.asker@fylke.example', name: 'Kari Asker' },
  locale: 'nb',
  unitId: 'hauge-vgs',
  workAreaId: 'skole',
  topicId: 'avvik',
  text: 'Hvordan melder jeg et avvik?',
  chain: {
    superuser: [],
    coordinator: [],
    system_responsible: [],
    vendor: { name: 'V', email: 'v@example.com' },
  },
  assignee: { key: 'sverre.lunde@fylke.example', name: 'Sverre Lunde' },
  createdAt: at.toISOString(),
  updatedAt: at.toISOString(),
  teams: { triageCards: [] },
  history: [
    { type: 'opened', at: at.toISOString() },
    {
      type: 'claimed',
      at: at.toISOString(),
      by: { key: 'sverre.lunde@fylke.example', name: 'Sverre Lunde' },
      note: 'Ser på den',
    },
  ],
} satisfies Inquiry;

describe('webhook payloads and signatures', () => {
  const target = webhookTarget('https://desk.example.com/hooks');

  it('carries no question, note or name unless personal data is switched on', () => {
    const plain = webhookPayload(inquiry, 1, target, directory(), false);
    assert.ok(plain);
    webhookPayloadSchema.parse(plain);
    assert.doesNotMatch(JSON.stringify(plain), /avvik\?|Ser på den|Sverre|Kari|fylke\.example/);
    const full = webhookPayload(inquiry, 1, target, directory(), true);
    webhookPayloadSchema.parse(full);
    assert.equal(full?.inquiry.text, inquiry.text);
    assert.equal(full?.event.by?.name, 'Sverre Lunde');
  });

  it('has no payload for an event the inquiry does not have', () => {
    assert.equal(webhookPayload(inquiry, 2, target, directory(), false), undefined);
  });

  it('publishes the JSON Schema it checks payloads with', () => {
    assert.equal(fs.readFileSync(webhookSchemaFile, 'utf8'), webhookJsonSchemaText());
  });

  it('verifies its own signature, and refuses a changed body, another key or an old timestamp', () => {
    const body = '{"a":1}';
    const { timestamp, signature } = signWebhook(secret, body, at);
    const check = (change: Partial<Parameters<typeof verifyWebhook>[0]>) =>
      verifyWebhook({ secret, body, timestamp, signature, now: at, ...change });
    assert.deepEqual(check({}), { ok: true });
    assert.deepEqual(check({ body: '{"a":2}' }), { ok: false, reason: 'bad_signature' });
    assert.deepEqual(check({ secret: `${secret}x` }), { ok: false, reason: 'bad_signature' });
    assert.deepEqual(check({ now: new Date(at.getTime() + 301_000) }), {
      ok: false,
      reason: 'stale',
    });
    assert.deepEqual(check({ signature: undefined }), { ok: false, reason: 'malformed' });
    assert.deepEqual(check({ signature: 'sha256=00' }), { ok: false, reason: 'bad_signature' });
  });
});
