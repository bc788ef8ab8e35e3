import assert from 'node:assert/strict';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { people } from '../support/domain-fixture';
import { personalMessage, teamsUser, tenantId } from '../support/activities';
import { startBotProcess, type BotProcess } from '../support/bot-server';
import { FakeConnector } from '../support/fake-connector';
import { writeOrganisation } from '../support/organisation';
import { OpenIdMetadata, hmacToken, unsignedToken } from '../support/openid-metadata';

/** Sends a request by hand, so a test can declare one length and send less, or stop half-way. */
function rawRequest(
  url: string,
  headers: Record<string, string>,
  send: (req: http.ClientRequest) => void,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/api/messages`, { method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may close the connection while the client is still sending: that is the point.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    send(req);
  });
}

describe('requests the bot refuses before doing any work', function () {
  this.timeout(30000);
  const connector = new FakeConnector();
  let bot: BotProcess;
  before(async () => {
    await connector.start();
    bot = await startBotProcess({
      orgFile: writeOrganisation(),
      env: { REQUEST_BODY_TIMEOUT_MS: '1000' },
    });
  });
  after(async () => {
    await bot.stop();
    await connector.stop();
  });

  const question = () =>
    personalMessage({
      from: teamsUser(people.asker),
      text: 'Hvordan melder jeg avvik?',
      serviceUrl: connector.url,
    });

  it('refuses a compressed body that inflates beyond the size limit, and goes on serving', async () => {
    const inflated = JSON.stringify({ ...question(), text: 'a'.repeat(8 * 1024 * 1024) });
    const compressed = gzipSync(inflated);
    assert.ok(compressed.length < 64 * 1024, 'the compressed body itself is small');
    const answer = await rawRequest(
      bot.url,
      { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      (req) => req.end(compressed),
    );
    assert.equal(answer.status, 413);
    assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
    assert.equal(connector.requests.length, 0);
  });

  it('refuses a body declared larger than the limit without waiting for it', async () => {
    const answer = await rawRequest(
      bot.url,
      { 'content-type': 'application/json', 'content-length': String(10 * 1024 * 1024) },
      (req) => req.write('{"type":"message",'),
    );
    assert.equal(answer.status, 413);
  });

  it('refuses a content encoding it does not know', async () => {
    const answer = await rawRequest(
      bot.url,
      { 'content-type': 'application/json', 'content-encoding': 'br' },
      (req) => req.end(JSON.stringify(question())),
    );
    assert.equal(answer.status, 415);
  });

  it('answers 408 when a body stops arriving half-way', async () => {
    const answer = await rawRequest(
      bot.url,
      { 'content-type': 'application/json', 'content-length': '200' },
      (req) => req.write('{"type":"message",'),
    );
    assert.equal(answer.status, 408);
  });

  it('answers 400, not 500, to an activity whose locale is not text, and stores nothing', async () => {
    const answer = await bot.post({ ...question(), locale: 42 });
    assert.equal(answer.status, 400);
    const accepted = await bot.post(question());
    assert.equal(accepted.status, 200, 'the same activity with a proper locale is served');
  });
});

describe('Bot Framework tokens', function () {
  this.timeout(30000);
  const appId = '11111111-2222-4333-8444-555555555555';
  const password = 'not-a-real-secret';
  const connector = new FakeConnector();
  const metadata = new OpenIdMetadata();
  const unreachableKeys = new OpenIdMetadata();
  let bot: BotProcess;
  before(async () => {
    await connector.start();
    await metadata.start();
    await unreachableKeys.start();
    unreachableKeys.down();
    bot = await startBotProcess({
      orgFile: writeOrganisation(),
      env: {
        MicrosoftAppId: appId,
        MicrosoftAppPassword: password,
        ALLOWED_TENANTS: tenantId,
        HOST: '127.0.0.1',
        ToBotFromChannelOpenIdMetadataUrl: metadata.url,
        ToBotFromEmulatorOpenIdMetadataUrl: unreachableKeys.url,
      },
    });
  });
  after(async () => {
    await bot.stop();
    await Promise.all([connector.stop(), metadata.stop(), unreachableKeys.stop()]);
  });

  /** An activity the bot takes without answering, so an accepted one needs no reply to Teams. */
  const typing = () => ({
    ...personalMessage({ from: teamsUser(people.asker), text: '', serviceUrl: connector.url }),
    type: 'typing',
  });
  const postWith = (token: string, activity: object = typing()) =>
    fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    });

  it('accepts a token signed with the published key for this bot', async () => {
    const response = await postWith(metadata.sign(metadata.claims(appId, connector.url)));
    assert.equal(response.status, 200, bot.output());
  });

  it('refuses every forged or unusable token with a bare 401', async () => {
    const claims = metadata.claims(appId, connector.url);
    const now = Math.floor(Date.now() / 1000);
    // Another key pair under the same key id: the signature cannot match the published key.
    const impostor = new OpenIdMetadata();
    const forged: Record<string, string> = {
      'signed with another key': impostor.sign(claims),
      'no signature (alg none)': unsignedToken(claims, metadata.keyId),
      'HS256 signed with the app password': hmacToken(claims, password, metadata.keyId),
      'not valid yet': metadata.sign({ ...claims, nbf: now + 3600, exp: now + 7200 }),
      expired: metadata.sign({ ...claims, nbf: now - 7200, exp: now - 3600 }),
      'for another bot': metadata.sign({ ...claims, aud: '99999999-2222-4333-8444-555555555555' }),
      'from another issuer': metadata.sign({ ...claims, iss: 'https://attacker.example' }),
      'not a token': 'not.a.token',
    };
    for (const [what, token] of Object.entries(forged)) {
      const response = await postWith(token);
      assert.equal(response.status, 401, what);
      assert.deepEqual(await response.json(), { error: 'Unauthorized' }, what);
    }
    assert.equal(connector.requests.length, 0);
  });

  it('logs a refused token in one line, without a stack trace', async () => {
    // A request refused before its token is read: once its line is out, all that came before is.
    const mark = bot.output().length;
    assert.equal((await bot.postRaw('{"type":"message"}')).status, 400);
    await bot.logged(/malformed activity/, mark);
    const from = bot.output().length;
    const claims = metadata.claims(appId, connector.url);
    const now = Math.floor(Date.now() / 1000);
    const refused = [
      new OpenIdMetadata().sign(claims),
      metadata.sign({ ...claims, nbf: now - 7200, exp: now - 3600 }),
    ];
    for (const token of refused) assert.equal((await postWith(token)).status, 401);
    assert.equal((await bot.postRaw('{"type":"message"}')).status, 400);
    await bot.logged(/malformed activity/, from);

    const lines = bot
      .output()
      .slice(from)
      .split('\n')
      .filter((line) => line.trim() !== '');
    assert.deepEqual(
      lines.filter((line) => !line.startsWith('{')),
      [],
      'nothing but JSON log lines: no stack trace',
    );
    const refusals = lines.filter((line) => line.includes('request refused'));
    assert.equal(refusals.length, refused.length, 'one line each');
    for (const text of refusals) {
      const line = JSON.parse(text) as Record<string, unknown>;
      assert.equal(line.msg, 'request refused: invalid token');
      assert.equal(typeof line.turn, 'string', 'in its request');
      assert.ok(!('stack' in line) && !('err' in line), 'no stack trace');
      assert.doesNotMatch(String(line.reason), /\n|\bat /);
    }
  });

  it('refuses requests while the signing keys cannot be fetched, fetching them once and logging it once', async () => {
    const emulatorClaims = {
      ...metadata.claims(appId, connector.url),
      iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/',
      appid: appId,
      ver: '1.0',
    };
    for (let i = 0; i < 3; i++) {
      const response = await postWith(unreachableKeys.sign(emulatorClaims));
      assert.equal(response.status, 401);
      assert.deepEqual(await response.json(), { error: 'Unauthorized' });
    }
    assert.equal(unreachableKeys.failedRequests, 1);
    await bot.logged(/signing keys could not be fetched/);
    const logged = bot.output().match(/signing keys could not be fetched/g) ?? [];
    assert.equal(logged.length, 1);
  });
});
