import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer of tokens that Teams (the Bot Framework channel service) sends to a bot. */
export const channelIssuer = 'https://api.botframework.com';

function base64url(value: Buffer | string): string {
  return Buffer.from(value).toString('base64url');
}

/**
 * The Bot Framework's OpenID metadata on localhost: the configuration document and a key set with
 * one RSA signing key endorsed for Teams, so a test can sign tokens the bot must accept and forge
 * the ones it must refuse, without leaving the machine. `down()` makes it answer 503.
 */
export class OpenIdMetadata {
  readonly keyId = 'test-signing-key';
  /** Requests for the configuration document so far. */
  configurationFetches = 0;
  /** Requests answered 503 while down. */
  failedRequests = 0;
  private server?: http.Server;
  private failing = false;
  private readonly privateKey: KeyObject;
  private readonly publicJwk: Record<string, unknown>;

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey;
    this.publicJwk = publicKey.export({ format: 'jwk' });
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('The OpenID metadata server is not started');
    return `http://127.0.0.1:${address.port}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const base = this.url.replace('/v1/.well-known/openidconfiguration', '');
      if (this.failing) {
        this.failedRequests++;
        res.writeHead(503).end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        this.configurationFetches++;
        res.end(JSON.stringify({ issuer: channelIssuer, jwks_uri: `${base}/v1/keys` }));
        return;
      }
      if (req.url === '/v1/keys') {
        res.end(
          JSON.stringify({
            keys: [{ ...this.publicJwk, kid: this.keyId, use: 'sig', endorsements: ['msteams'] }],
          }),
        );
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  down(): void {
    this.failing = true;
  }

  /** A token signed with the published key: the Bot Framework's own, unless the claims say otherwise. */
  sign(claims: Record<string, unknown>, header: Record<string, unknown> = {}): string {
    const head = base64url(
      JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: this.keyId, ...header }),
    );
    const body = base64url(JSON.stringify(claims));
    const signer = createSign('RSA-SHA256');
    signer.update(`${head}.${body}`);
    return `${head}.${body}.${base64url(signer.sign(this.privateKey))}`;
  }

  /** The claims Teams puts in a token for the bot with this app id, valid for an hour from now. */
  claims(appId: string, serviceUrl: string): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: channelIssuer,
      aud: appId,
      serviceurl: serviceUrl,
      nbf: now - 60,
      exp: now + 3600,
    };
  }
}

/** A token signed with HMAC and a shared secret instead of the published key. */
export function hmacToken(claims: Record<string, unknown>, secret: string, kid?: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', ...(kid ? { kid } : {}) }));
  const body = base64url(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  return `${head}.${body}.${base64url(signature)}`;
}

/** A token that claims to need no signature at all. */
export function unsignedToken(claims: Record<string, unknown>, kid?: string): string {
  const head = base64url(JSON.stringify({ alg: 'none', typ: 'JWT', ...(kid ? { kid } : {}) }));
  return `${head}.${base64url(JSON.stringify(claims))}.`;
}
