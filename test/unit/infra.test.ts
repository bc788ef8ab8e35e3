import assert from 'node:assert/strict';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { environmentSchema, loadConfig } from '../../src/config';
import { containers } from '../../src/store/cosmos/containers';

// No Bicep compiler and no container engine run here, so these tests read the template and the
// Dockerfile as text and hold them to what the code needs.

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

const mainBicep = (): string => read('infra/main.bicep');
const appBicep = (): string => read('infra/modules/bot-app.bicep');
const cosmosBicep = (): string => read('infra/modules/cosmos.bicep');

/** Settings the bot reads that the template leaves unset on purpose, and why. */
const unsetInProduction: Record<string, string> = {
  MicrosoftAppPassword: 'the bot signs in as its user-assigned managed identity: no password',
  COSMOS_KEY: 'the Cosmos DB account has keys switched off; the bot uses its managed identity',
  SQLITE_PATH: 'the store is Cosmos DB',
  KNOWLEDGE_FILE:
    'none without ORG_FILE: set it (or ORG_FILE, beside which knowledge-base.json is read) to a file in the image',
  KNOWLEDGE_REFRESH_MS:
    'the default fits: a change made on one instance reaches the others in 30 s',
  PLAYGROUND: 'local mode only: never started when MicrosoftAppId is set',
  PLAYGROUND_PORT: 'local mode only',
  PLAYGROUND_LOCALE: 'local mode only',
  ToBotFromChannelOpenIdMetadataUrl: "the Bot Framework's own signing keys (an override for tests)",
  ToBotFromEmulatorOpenIdMetadataUrl:
    "the Bot Framework's own signing keys (an override for tests)",
  APP_DEVELOPER_NAME:
    'read by `npm run package` when the Teams app package is built, not by the bot',
  APP_WEBSITE_URL: 'read by `npm run package`, not by the bot',
  APP_PRIVACY_URL: 'read by `npm run package`, not by the bot',
  APP_TERMS_URL: 'read by `npm run package`, not by the bot',
  WEBHOOK_URLS: 'set per deployment when a service desk takes the events (docs/webhook.md)',
  WEBHOOK_SECRET: 'set with WEBHOOK_URLS, as a Container Apps secret',
  WEBHOOK_TIMEOUT_MS: 'the default fits unless a receiver is known to be slow',
  WEBHOOK_INCLUDE_PERSONAL_DATA: 'off: the events carry no personal data unless decided otherwise',
};

/** For each expression the template sets from a parameter, a value a deployment could give it. */
const sampleValues: Record<string, string> = {
  'string(port)': '3978',
  identityClientId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  tenantId: '0d8f3f4e-3b7a-4d2a-9b0e-6a1c2f0e9a11',
  allowedTenants: '0d8f3f4e-3b7a-4d2a-9b0e-6a1c2f0e9a11',
  teamsServiceUrl: 'https://smba.trafficmanager.net/teams/',
  cosmosEndpoint: 'https://qmhjelp-abc.documents.azure.com:443/',
  cosmosDatabase: 'qm-hjelp',
  // The default: no organisation file at start; the store's organisation (npm run org:import).
  orgFile: '',
  logLevel: 'info',
  "'https://${appName}.${environment.properties.defaultDomain}'":
    'https://qmhjelp-bot.example.westeurope.azurecontainerapps.io',
  "'signing-secret'": '0123456789abcdef0123456789abcdef0123456789abcdef',
  "'${appName}.${environment.properties.defaultDomain}'":
    'qmhjelp-bot.example.azurecontainerapps.io',
};

/** The text from an opening bracket to its partner, past strings and comments. */
function bracketed(text: string, open: number): string {
  const partner: Record<string, string> = { '[': ']', '{': '}', '(': ')' };
  const stack: string[] = [];
  for (let i = open; i < text.length; i += 1) {
    const c = text[i];
    if (c === "'") {
      for (i += 1; i < text.length && text[i] !== "'"; i += 1) if (text[i] === '\\') i += 1;
    } else if (c === '/' && text[i + 1] === '/') {
      i = text.indexOf('\n', i);
      if (i < 0) break;
    } else if (partner[c]) {
      stack.push(partner[c]);
    } else if (c === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return text.slice(open, i + 1);
    }
  }
  throw new Error(`no closing bracket for the one at ${open}`);
}

/** The block that follows `key: ` (an object or array) the first time it appears. */
function block(text: string, key: string): string {
  const at = text.indexOf(`${key}: `);
  assert.ok(at >= 0, `${key} is in the template`);
  return bracketed(text, at + key.length + 2);
}

/** The container's environment variables in the template: name → Bicep expression. */
function templateSettings(): Map<string, string> {
  const env = block(appBicep(), 'env');
  const settings = new Map<string, string>();
  for (const match of env.matchAll(/name: '([^']+)'\s+(?:value|secretRef): ([^\n]+)/g)) {
    settings.set(match[1], match[2].trim());
  }
  return settings;
}

/** The value an expression gives: a literal as it stands, a parameter as a deployment sets it. */
function valueOf(expression: string): string {
  // A secret reference, or a literal the deployment fills in, has its sample.
  const sample = sampleValues[expression];
  if (sample !== undefined) return sample;
  const literal = /^'([^']*)'$/.exec(expression);
  assert.ok(literal, `a sample value for ${expression}`);
  return literal[1] ?? '';
}

/** Each stage of a Dockerfile: its name and its instructions (continuation lines joined). */
function dockerStages(): { name: string; lines: string[] }[] {
  const lines = read('Dockerfile')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: { name: string; lines: string[] }[] = [];
  for (const line of lines) {
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) stages.push({ name: from[1] ?? String(stages.length), lines: [] });
    else stages[stages.length - 1]?.lines.push(line);
  }
  return stages;
}

/** Every file `node file` loads through `require` with a literal name, and the packages it needs. */
function requireGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    // Both quote styles: TypeScript writes a dynamic import() as require('…').
    for (const [, , name] of fs
      .readFileSync(file, 'utf8')
      .matchAll(/\brequire\((["'])([^"']+)\1\)/g)) {
      if (name.startsWith('.')) {
        const base = path.resolve(path.dirname(file), name);
        const found = [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')].find(
          (candidate) => fs.existsSync(candidate) && fs.statSync(candidate).isFile(),
        );
        assert.ok(found, `${name} required by ${file} exists`);
        pending.push(found);
      } else {
        const parts = name.replace(/^node:/, '').split('/');
        packages.add(name.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]);
      }
    }
  }
  return { files, packages };
}

/** The parameters a Bicep file declares, with whether each has a default. */
function declaredParams(bicep: string): Map<string, boolean> {
  const params = new Map<string, boolean>();
  for (const match of bicep.matchAll(/^param (\w+) \w+( = )?/gm)) params.set(match[1], !!match[2]);
  return params;
}

describe('Azure template (infra/)', () => {
  it('passes each module the parameters it declares, and reads only outputs it has', () => {
    const main = mainBicep();
    const modules = [...main.matchAll(/^module (\w+) '([^']+)'/gm)];
    assert.ok(modules.length >= 5);
    for (const [, symbol, file] of modules) {
      const moduleText = read(path.join('infra', file));
      const declared = declaredParams(moduleText);
      const at = main.indexOf(`module ${symbol} `);
      const params = block(main.slice(at), 'params');
      const passed = [...params.matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]);
      assert.deepEqual(
        passed.filter((name) => !declared.has(name)),
        [],
        `${file} declares every parameter passed`,
      );
      assert.deepEqual(
        [...declared].filter(([name, hasDefault]) => !hasDefault && !passed.includes(name)),
        [],
        `${file} gets every parameter it needs`,
      );
      const outputs = new Set([...moduleText.matchAll(/^output (\w+) /gm)].map((m) => m[1]));
      for (const [, name] of main.matchAll(new RegExp(`\\b${symbol}\\.outputs\\.(\\w+)`, 'g')))
        assert.ok(outputs.has(name), `${file} has output ${name}`);
    }
    for (const file of ['infra/main.bicep', ...modules.map(([, , f]) => `infra/${f}`)]) {
      const text = read(file);
      const whole = `{${text}\n}`;
      assert.equal(bracketed(whole, 0).length, whole.length, `${file} has balanced brackets`);
    }
  });

  it('sets every setting the bot reads in production in the container app', () => {
    const set = templateSettings();
    const missing = Object.keys(environmentSchema.shape).filter(
      (key) => !set.has(key) && !(key in unsetInProduction),
    );
    assert.deepEqual(missing, [], 'settings neither set by the template nor left unset on purpose');
    const setAnyway = Object.keys(unsetInProduction).filter((key) => set.has(key));
    assert.deepEqual(setAnyway, [], 'settings the template sets although they are meant unset');
  });

  it('gives the bot a configuration it starts with: Cosmos DB, the managed identity, no local mode', () => {
    const env = Object.fromEntries(
      [...templateSettings()].map(([name, expression]) => [name, valueOf(expression)]),
    );
    const config = loadConfig(env);
    assert.equal(config.localMode, false);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.bot.appType, 'UserAssignedMSI');
    assert.equal(
      config.bot.appId,
      env.AZURE_CLIENT_ID,
      'the bot id is the identity Cosmos DB knows',
    );
    assert.equal(config.playground.enabled, false);
    assert.equal(config.orgFile, undefined, 'no organisation file read at start by default');
    assert.equal(config.store.kind, 'cosmos');
    if (config.store.kind === 'cosmos') {
      assert.equal(config.store.cosmos.key, undefined, 'no account key');
      assert.equal(config.store.cosmos.allowSelfSigned, false);
    }
  });

  it('sets ORG_FILE only when a deployment names a file: by default the organisation imported with npm run org:import stays', () => {
    assert.match(mainBicep(), /param orgFile string = ''\n/);
    assert.match(
      block(appBicep(), 'env'),
      /^concat\(\s*\[[\s\S]*\],\s*empty\(orgFile\)\s*\? \[\]\s*: \[\s*\{\s*name: 'ORG_FILE'\s+value: orgFile\s*\}\s*\]\s*\)$/,
    );
    assert.doesNotMatch(mainBicep() + appBicep(), /sample-organisation/);
  });

  it('leaves logging to stdout: no setting for an SDK the bot does not load', () => {
    const set = templateSettings();
    assert.equal(set.has('APPLICATIONINSIGHTS_CONNECTION_STRING'), false);
    const { dependencies } = JSON.parse(read('package.json')) as {
      dependencies: Record<string, string>;
    };
    assert.ok(
      !Object.keys(dependencies).some((name) => /applicationinsights|opentelemetry/i.test(name)),
    );
    // Container Apps sends the containers' stdout to the Log Analytics workspace.
    assert.match(
      block(appBicep(), 'appLogsConfiguration'),
      /destination: 'log-analytics'[\s\S]*customerId: workspace\.properties\.customerId/,
    );
  });

  it('offers exactly the log levels the bot accepts', () => {
    const allowed = /@allowed\((\[[^\]]*\])\)\s*param logLevel string = '(\w+)'/.exec(mainBicep());
    assert.ok(allowed, 'logLevel has @allowed values and a default');
    const levels = [...allowed[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
    assert.deepEqual(levels, environmentSchema.shape.LOG_LEVEL.unwrap().options);
    assert.equal(allowed[2], 'info');
  });

  it('runs at least two replicas with a liveness probe on the /healthz the server answers', () => {
    const main = mainBicep();
    const min = /@minValue\((\d+)\)\s*param minReplicas int = (\d+)/.exec(main);
    assert.ok(min, 'minReplicas has a lower bound and a default');
    assert.ok(Number(min[1]) >= 2 && Number(min[2]) >= 2, 'two replicas or more');
    const app = appBicep();
    assert.match(block(app, 'scale'), /minReplicas: minReplicas\s/);
    const probes = block(app, 'probes');
    assert.match(
      probes,
      /type: 'Liveness'\s+httpGet: \{\s+path: '\/healthz'\s+port: port\s/,
      'liveness on GET /healthz',
    );
    // Container Apps refuses probes outside these bounds.
    for (const [, threshold] of probes.matchAll(/failureThreshold: (\d+)/g))
      assert.ok(Number(threshold) >= 1 && Number(threshold) <= 10, 'failureThreshold 1 to 10');
    for (const [, delay] of probes.matchAll(/initialDelaySeconds: (\d+)/g))
      assert.ok(Number(delay) <= 60, 'initialDelaySeconds at most 60');
    assert.match(block(app, 'ingress'), /targetPort: port\s/);
    assert.match(app, /var port = 3978\n/);
    assert.match(read('bot/server.ts'), /server\.get\('\/healthz'/);
  });

  it('creates the containers the Cosmos DB store defines: names, partition keys, TTL and indexes', () => {
    const bicep = cosmosBicep();
    const file = /loadJsonContent\('([^']+)'\)/.exec(bicep)?.[1];
    assert.ok(file, 'the container definitions are loaded from a JSON file');
    assert.match(
      bicep,
      /for container in containers: \{[^}]*properties: \{\s+resource: container\s/,
      'each container is created from its definition as it stands',
    );
    const inTemplate = JSON.parse(read(path.join('infra/modules', file))) as {
      id: string;
      partitionKey: { paths: string[]; kind: string; version: number };
      defaultTtl?: number;
      indexingPolicy: unknown;
    }[];
    const wanted = Object.values(containers);
    assert.deepEqual(
      inTemplate.map((c) => c.id),
      wanted.map((c) => c.id),
    );
    for (const definition of wanted) {
      const container = inTemplate.find((c) => c.id === definition.id)!;
      const key = definition.partitionKey as { paths: string[]; kind?: string; version?: number };
      assert.deepEqual(container.partitionKey.paths, key.paths, `${definition.id} partition key`);
      assert.equal(container.partitionKey.kind, key.kind ?? 'Hash');
      // The SDK creates version 2 when none is named; the store refuses version 1.
      assert.equal(
        container.partitionKey.version,
        key.version ?? 2,
        `${definition.id} key version`,
      );
      assert.equal(
        container.defaultTtl,
        (definition as { defaultTtl?: number }).defaultTtl,
        `${definition.id} TTL`,
      );
      assert.deepEqual(
        container.indexingPolicy,
        JSON.parse(JSON.stringify(definition.indexingPolicy)),
        `${definition.id} indexing policy, composite indexes included`,
      );
    }
  });

  it('lets the bot into Cosmos DB only by its identity: data-plane role, keys off, Session, one write region', () => {
    const bicep = cosmosBicep();
    assert.match(bicep, /var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'/);
    assert.match(bicep, /disableLocalAuth: true/);
    assert.match(bicep, /defaultConsistencyLevel: 'Session'/);
    assert.match(bicep, /enableMultipleWriteLocations: false/);
    assert.equal(block(bicep, 'locations').match(/locationName/g)?.length, 1);
    assert.match(mainBicep(), /param cosmosServerless bool = true\n/);
    assert.match(
      mainBicep(),
      /dataContributorPrincipalIds: concat\(\[identity\.properties\.principalId\]/,
    );
  });
});

describe('Dockerfile', () => {
  it('copies from the repository only files that exist and that .dockerignore lets through', () => {
    const admitted = read('.dockerignore')
      .split('\n')
      .filter((line) => line.startsWith('!'))
      .map((line) => line.slice(1));
    const sources = dockerStages()
      .flatMap((stage) => stage.lines)
      .filter((line) => /^COPY\s/i.test(line) && !/--from=/i.test(line))
      .flatMap((line) =>
        line
          .split(/\s+/)
          .slice(1, -1)
          .filter((word) => !word.startsWith('--')),
      );
    assert.ok(sources.includes('.npmrc'), '.npmrc (yes=true for the install scripts) is copied');
    for (const source of sources) {
      assert.ok(fs.existsSync(path.join(root, source)), `${source} exists`);
      assert.ok(admitted.includes(source), `${source} is in the build context`);
    }
  });

  it('runs the runtime stage as a non-root user, in production, on production dependencies only', () => {
    const stages = dockerStages();
    const runtime = stages[stages.length - 1];
    const user = runtime.lines.filter((line) => /^USER\s/i.test(line)).pop();
    assert.ok(user, 'the runtime stage names a user');
    assert.doesNotMatch(user, /^USER\s+(root|0)(:|\s|$)/i);
    assert.ok(runtime.lines.some((line) => /^ENV\s.*NODE_ENV=production/.test(line)));
    assert.ok(!runtime.lines.some((line) => /npm (ci|install)/.test(line)), 'nothing installed');
    const modules = runtime.lines.find((line) =>
      /^COPY --from=\S+ \/app\/node_modules /.test(line),
    );
    assert.ok(modules, 'node_modules come from a dependencies stage');
    const from = /--from=(\S+)/.exec(modules)![1];
    const dependencies = stages.find((stage) => stage.name === from)!;
    assert.ok(dependencies.lines.some((line) => /^RUN npm ci --omit=dev$/.test(line)));
    assert.deepEqual(runtime.lines[runtime.lines.length - 1], 'CMD ["node", "dist/bot/main.js"]');
  });

  it('puts into the image everything dist/bot/main.js loads, and no development dependency', () => {
    const stages = dockerStages();
    const runtime = stages[stages.length - 1];
    const copied = runtime.lines
      .map((line) => /^COPY --from=build \/app\/(\S+) /.exec(line)?.[1])
      .filter((dir): dir is string => dir !== undefined);
    const { files, packages } = requireGraph(path.join(root, 'dist', 'bot', 'main.js'));
    for (const file of files) {
      const relative = path.relative(root, file);
      assert.ok(
        copied.some((dir) => relative.startsWith(`${dir}/`)),
        `${relative} is copied into the image`,
      );
    }
    const { dependencies } = JSON.parse(read('package.json')) as {
      dependencies: Record<string, string>;
    };
    for (const name of packages) {
      assert.ok(
        name in dependencies || builtinModules.includes(name),
        `${name} is a production dependency`,
      );
    }
    // The card templates are JSON modules the code requires; the organisation file is read by path.
    assert.ok([...files].some((file) => file.endsWith(path.join('cards', 'triage.json'))));
    // The knowledge base's default file sits beside the sample organisation in org/.
    assert.ok(fs.existsSync(path.join(root, 'org', 'knowledge-base.json')));
    assert.ok(runtime.lines.includes('COPY org ./org'));
  });
});
