import path from 'node:path';
import { z } from 'zod/v4';

const flag = z
  .enum(['on', 'off', 'true', 'false', '1', '0'])
  .transform((value) => value === 'on' || value === 'true' || value === '1');
const positiveInt = z.coerce.number().int().positive();
const tenantIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A comma-separated list of Microsoft Entra tenant ids (GUIDs). */
const tenantList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((id) => id.trim().toLowerCase())
      .filter((id) => id !== ''),
  )
  .pipe(
    z
      .array(z.string().regex(tenantIdPattern, 'tenant ids are GUIDs, separated by commas'))
      .min(1, 'name at least one tenant id'),
  );

/** A comma-separated list of http(s) URLs that receive every inquiry event. */
const webhookUrls = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((url) => url.trim())
      .filter((url) => url !== ''),
  )
  .pipe(
    z
      .array(z.url({ protocol: /^https?$/, error: 'http(s) URLs, separated by commas' }))
      .min(1, 'name at least one URL'),
  );

/** The tenant the Agents Playground gives its users in local mode. */
export const playgroundTenantId = '00000000-0000-4000-8000-000000000001';

export const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  HOST: z.string().min(1).optional(),
  MicrosoftAppId: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      'the Microsoft App ID of the Azure Bot registration, a GUID such as 00000000-0000-0000-0000-000000000000',
    )
    .optional(),
  MicrosoftAppPassword: z.string().default(''),
  MicrosoftAppType: z
    .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])
    .default('MultiTenant'),
  MicrosoftAppTenantId: z.string().regex(tenantIdPattern, 'a tenant id (GUID)').optional(),
  ToBotFromChannelOpenIdMetadataUrl: z.url({ protocol: /^https?$/ }).optional(),
  ToBotFromEmulatorOpenIdMetadataUrl: z.url({ protocol: /^https?$/ }).optional(),
  REQUEST_BODY_TIMEOUT_MS: positiveInt.default(15000),
  ALLOWED_TENANTS: tenantList.optional(),
  TEAMS_SERVICE_URL: z.url({ protocol: /^https?$/ }).optional(),
  STORE: z.enum(['sqlite', 'cosmos']).default('sqlite'),
  SQLITE_PATH: z.string().min(1).default('./data/qm-hjelp.sqlite'),
  COSMOS_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  COSMOS_KEY: z.string().min(1).optional(),
  COSMOS_DATABASE: z
    .string()
    .regex(/^[^/\\?#]{1,255}$/, 'a database id without / \\ ? or #')
    .default('qm-hjelp'),
  COSMOS_ALLOW_SELF_SIGNED: flag.default(false),
  ORG_FILE: z.string().min(1).optional(),
  KNOWLEDGE_FILE: z.string().min(1).optional(),
  KNOWLEDGE_REFRESH_MS: positiveInt.default(30000),
  PLAYGROUND: flag.default(true),
  // The employee's Playground; the superuser's and the coordinator's take the next two ports.
  PLAYGROUND_PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65533, 'at most 65533: the next two ports are for the other Playgrounds')
    .default(56150),
  PLAYGROUND_LOCALE: z
    .string()
    .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'a Teams locale such as nb-NO or en-US')
    .default('nb-NO'),
  OUTBOX_INTERVAL_MS: positiveInt.default(2000),
  OUTBOX_LEASE_MS: positiveInt.default(10000),
  OUTBOX_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(8),
  OUTBOX_RETRY_BASE_MS: positiveInt.default(1000),
  TEAMS_CALL_TIMEOUT_MS: positiveInt.default(15000),
  READY_OUTBOX_MAX_AGE_MS: positiveInt.default(900000),
  SHUTDOWN_DEADLINE_MS: positiveInt.default(20000),
  SCHEDULER_INTERVAL_MS: positiveInt.default(30000),
  // The host name the bot's server is reached by from outside (the same BOT_DOMAIN the Teams app
  // package lists): signed links to the bot's own server point there.
  BOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name such as qm-hjelp.example.com')
    .optional(),
  WEBHOOK_URLS: webhookUrls.optional(),
  WEBHOOK_SECRET: z
    .string()
    .min(32, 'at least 32 characters, shared with the receivers (openssl rand -hex 32 makes one)')
    .optional(),
  WEBHOOK_TIMEOUT_MS: positiveInt.default(10000),
  WEBHOOK_INCLUDE_PERSONAL_DATA: flag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  // The Teams app package (`npm run package`): who publishes the app, as Teams shows it. Checked
  // against the Teams manifest schema when the package is built.
  APP_DEVELOPER_NAME: z.string().min(1).default('Fjordvik fylkeskommune'),
  APP_WEBSITE_URL: z.string().min(1).default('https://qm-hjelp.example.com'),
  APP_PRIVACY_URL: z.string().min(1).default('https://qm-hjelp.example.com/personvern'),
  APP_TERMS_URL: z.string().min(1).default('https://qm-hjelp.example.com/vilkar'),
  // The one secret signed links to the bot's own server (report downloads, a person's data export)
  // and the placeholders of people in redacted inquiries are keyed with, a key derived per use.
  SIGNING_SECRET: z
    .string()
    .min(32, 'at least 32 characters, such as 64 random hex digits')
    .optional(),
});

/** The settings `npm run package` writes into the Teams app manifest. */
export const appPackageSettings = environmentSchema.pick({
  APP_DEVELOPER_NAME: true,
  APP_WEBSITE_URL: true,
  APP_PRIVACY_URL: true,
  APP_TERMS_URL: true,
});

/** Where the Cosmos DB store lives and how the bot signs in to it. */
export interface CosmosSettings {
  endpoint: string;
  /** Account key; when absent the bot signs in with its Microsoft Entra identity. */
  key?: string;
  database: string;
  /** Accept a self-signed TLS certificate (a local emulator); never on by default. */
  allowSelfSigned: boolean;
}

export type StoreConfig =
  | { kind: 'sqlite'; sqlitePath: string }
  | { kind: 'cosmos'; sqlitePath: string; cosmos: CosmosSettings };

export interface Config {
  port: number;
  /** Interface to listen on: loopback in local mode, all interfaces when authenticated. */
  host: string;
  /** Local mode: no Bot Framework credentials, requests are not authenticated. */
  localMode: boolean;
  bot: {
    appId: string;
    appPassword: string;
    appType: string;
    tenantId: string;
    /** Where the Bot Framework publishes the keys that sign its tokens; the SDK's default if unset. */
    openIdMetadata: { channel?: string; emulator?: string };
  };
  /** Longest time a request body may take to arrive. */
  requestBodyTimeoutMs: number;
  /**
   * The Microsoft Entra tenants whose activities the bot serves; others are refused before
   * anything is stored. The first is the organisation's own: channel posts and new 1:1 chats go
   * through its Teams endpoint.
   */
  tenants: [string, ...string[]];
  /** Where to reach Teams before any activity has brought its service URL; none by default. */
  teamsServiceUrl?: string;
  /** The storage adapter; `sqlitePath` also names the local data folder (Playground settings). */
  store: StoreConfig;
  /**
   * The organisation file read at every start: ORG_FILE, or in local mode the sample organisation.
   * None outside local mode without ORG_FILE: the store's organisation (`npm run org:import`) is
   * used as it is.
   */
  orgFile?: string;
  /**
   * The knowledge-base file: KNOWLEDGE_FILE (then it must exist), or `knowledge-base.json` beside
   * the organisation file when there is one (it may be missing). None without either.
   */
  knowledgeFile?: { path: string; required: boolean };
  /** How often each instance checks whether the knowledge base changed in the store. */
  knowledgeRefreshMs: number;
  /** Local mode: the Agents Playground, its port, and the locale its activities are read in. */
  playground: { enabled: boolean; port: number; locale: string };
  outboxIntervalMs: number;
  /**
   * How long an instance owns a notification it has leased before another may take it over; the
   * lease is renewed while the notification is worked on, so a crashed instance's is taken over
   * within this time.
   */
  outboxLeaseMs: number;
  /** How many notifications are sent at a time (each into a different conversation). */
  outboxConcurrency: number;
  /** First backoff after a failed send; it doubles with each attempt, with jitter. */
  outboxRetryBaseMs: number;
  /** The longest one call to the Bot Framework connector may take before it counts as failed. */
  teamsCallTimeoutMs: number;
  /** `/readyz` answers 503 when a queued notification has waited longer than this. */
  readyOutboxMaxAgeMs: number;
  /** On SIGTERM, the longest the bot waits for turns and sends under way before it exits. */
  shutdownDeadlineMs: number;
  /** How often each instance looks for reminders and deadlines that have come. */
  schedulerIntervalMs: number;
  /** Where every inquiry event is sent as signed JSON (docs/webhook.md); absent when none is set. */
  webhook?: WebhookConfig;
  logLevel: string;
  /** Readable lines in local mode, JSON lines otherwise, unless LOG_FORMAT says which. */
  logFormat: 'json' | 'pretty';
  /**
   * Signed links: the address people's browsers reach the bot's server at (`https://BOT_DOMAIN`;
   * in local mode its own listening address when unset), and the secret links and placeholders are
   * keyed with (SIGNING_SECRET; a new random one at each start when unset: links then end with the
   * process, and placeholders differ).
   */
  links: { publicUrl?: string; signingSecret?: string };
}

export interface WebhookConfig {
  urls: [string, ...string[]];
  /** The HMAC-SHA256 key the signature header is made with. */
  secret: string;
  /** The longest one call to a receiver may take before it counts as failed. */
  timeoutMs: number;
  /** Whether payloads carry the question, answers, notes and names (off by default). */
  includePersonalData: boolean;
}

export const sampleOrgFile = path.join(__dirname, '..', '..', 'org', 'sample-organisation.json');

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

function storeConfig(e: z.infer<typeof environmentSchema>): StoreConfig {
  if (e.STORE === 'sqlite') return { kind: 'sqlite', sqlitePath: e.SQLITE_PATH };
  if (!e.COSMOS_ENDPOINT) {
    throw new ConfigError(
      'Invalid configuration: COSMOS_ENDPOINT: required when STORE=cosmos; set it to the account (https://<account>.documents.azure.com:443/)',
    );
  }
  return {
    kind: 'cosmos',
    sqlitePath: e.SQLITE_PATH,
    cosmos: {
      endpoint: e.COSMOS_ENDPOINT,
      ...(e.COSMOS_KEY ? { key: e.COSMOS_KEY } : {}),
      database: e.COSMOS_DATABASE,
      allowSelfSigned: e.COSMOS_ALLOW_SELF_SIGNED,
    },
  };
}

/** WEBHOOK_URLS with its secret; a URL without a secret is a mistake to fix before start. */
function webhookConfig(e: z.infer<typeof environmentSchema>): WebhookConfig | undefined {
  const [first, ...rest] = e.WEBHOOK_URLS ?? [];
  if (!first) return undefined;
  if (!e.WEBHOOK_SECRET) {
    throw new ConfigError(
      'Invalid configuration: WEBHOOK_SECRET: required when WEBHOOK_URLS is set; set it to a random key of at least 32 characters that the receivers share (openssl rand -hex 32)',
    );
  }
  return {
    urls: [first, ...rest],
    secret: e.WEBHOOK_SECRET,
    timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    includePersonalData: e.WEBHOOK_INCLUDE_PERSONAL_DATA,
  };
}

/**
 * ALLOWED_TENANTS; without it, a single-tenant app's own tenant, or in local mode the Playground's.
 * A multi-tenant app must name the organisation's tenant: Teams lets anyone install it.
 */
function allowedTenants(
  e: z.infer<typeof environmentSchema>,
  localMode: boolean,
): [string, ...string[]] {
  const [first, ...rest] = e.ALLOWED_TENANTS ?? [];
  if (first) return [first, ...rest];
  if (e.MicrosoftAppTenantId && tenantIdPattern.test(e.MicrosoftAppTenantId))
    return [e.MicrosoftAppTenantId.toLowerCase()];
  if (localMode) return [playgroundTenantId];
  throw new ConfigError(
    'Invalid configuration: ALLOWED_TENANTS: required when MicrosoftAppId is set; set it to the Microsoft Entra tenant id of the organisation',
  );
}

/** An address only this machine reaches: 127.0.0.0/8, ::1 or localhost. */
function isLoopback(host: string): boolean {
  return /^127(\.\d{1,3}){3}$/.test(host) || host === '::1' || host.toLowerCase() === 'localhost';
}

/** Reads and validates the environment once; every setting is documented in `.env.example`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(defined);
  if (!parsed.success) {
    // One line, whatever is wrong: each setting with what it should be.
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  const appId = e.MicrosoftAppId ?? '';
  const localMode = appId === '';
  if (!localMode && e.MicrosoftAppType !== 'UserAssignedMSI' && e.MicrosoftAppPassword === '') {
    throw new ConfigError(
      'Invalid configuration: MicrosoftAppPassword: required when MicrosoftAppId is set; set it to the client secret of the app registration, or use MicrosoftAppType=UserAssignedMSI',
    );
  }
  const webhook = webhookConfig(e);
  const host = e.HOST ?? (localMode ? '127.0.0.1' : '0.0.0.0');
  if (localMode && !isLoopback(host)) {
    throw new ConfigError(
      `Invalid configuration: HOST: ${host} is not a loopback address; local mode (no MicrosoftAppId) checks no token and takes every activity at its word, so it listens on this machine only: leave HOST unset (127.0.0.1) or set it to 127.0.0.1, ::1 or localhost`,
    );
  }
  // The sample organisation only where it is tried out: a deployment keeps the organisation it
  // imported.
  const orgFile = e.ORG_FILE ?? (localMode ? sampleOrgFile : undefined);
  return {
    tenants: allowedTenants(e, localMode),
    ...(e.TEAMS_SERVICE_URL ? { teamsServiceUrl: e.TEAMS_SERVICE_URL } : {}),
    port: e.PORT,
    host,
    localMode,
    bot: {
      appId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId ?? '',
      openIdMetadata: {
        ...(e.ToBotFromChannelOpenIdMetadataUrl
          ? { channel: e.ToBotFromChannelOpenIdMetadataUrl }
          : {}),
        ...(e.ToBotFromEmulatorOpenIdMetadataUrl
          ? { emulator: e.ToBotFromEmulatorOpenIdMetadataUrl }
          : {}),
      },
    },
    requestBodyTimeoutMs: e.REQUEST_BODY_TIMEOUT_MS,
    store: storeConfig(e),
    ...(orgFile ? { orgFile } : {}),
    ...(e.KNOWLEDGE_FILE
      ? { knowledgeFile: { path: e.KNOWLEDGE_FILE, required: true } }
      : orgFile
        ? {
            knowledgeFile: {
              path: path.join(path.dirname(orgFile), 'knowledge-base.json'),
              required: false,
            },
          }
        : {}),
    knowledgeRefreshMs: e.KNOWLEDGE_REFRESH_MS,
    playground: {
      enabled: localMode && e.PLAYGROUND,
      port: e.PLAYGROUND_PORT,
      locale: e.PLAYGROUND_LOCALE,
    },
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    outboxLeaseMs: e.OUTBOX_LEASE_MS,
    outboxConcurrency: e.OUTBOX_CONCURRENCY,
    outboxRetryBaseMs: e.OUTBOX_RETRY_BASE_MS,
    teamsCallTimeoutMs: e.TEAMS_CALL_TIMEOUT_MS,
    readyOutboxMaxAgeMs: e.READY_OUTBOX_MAX_AGE_MS,
    shutdownDeadlineMs: e.SHUTDOWN_DEADLINE_MS,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    ...(webhook ? { webhook } : {}),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT ?? (localMode ? 'pretty' : 'json'),
    links: {
      ...(e.BOT_DOMAIN ? { publicUrl: `https://${e.BOT_DOMAIN}` } : {}),
      ...(e.SIGNING_SECRET ? { signingSecret: e.SIGNING_SECRET } : {}),
    },
  };
}
