import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import AdmZip from 'adm-zip';
import {
  fillManifest,
  manifestDir,
  manifestTemplateFile,
  manifestValuesFromEnv,
  packageApp,
  validateManifest,
  type ManifestValues,
} from '../../bot/package-manifest';
import { sendToHelpCommand } from '../../bot/handlers/send-to-help';

const botId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const values: ManifestValues = {
  TEAMS_APP_ID: botId,
  BOT_ID: botId,
  APP_VERSION: '1.2.3',
  BOT_DOMAIN: 'qm-hjelp.example.com',
  DEVELOPER_NAME: 'Fjordvik fylkeskommune',
  WEBSITE_URL: 'https://qm-hjelp.example.com',
  PRIVACY_URL: 'https://qm-hjelp.example.com/personvern',
  TERMS_URL: 'https://qm-hjelp.example.com/vilkar',
};

/** The paths of a manifest's strings that Teams' localisation schema lets a language file set. */
function localisableStrings(manifest: unknown): string[] {
  const version = (manifest as { manifestVersion: string }).manifestVersion;
  const schema = JSON.parse(
    fs.readFileSync(
      path.join(
        path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
        'build/json-schemas/teams',
        `v${version}`,
        'MicrosoftTeams.Localization.schema.json',
      ),
      'utf8',
    ),
  ) as { properties: Record<string, unknown>; patternProperties: Record<string, unknown> };
  const patterns = Object.keys(schema.patternProperties).map((p) => new RegExp(p));
  const paths: string[] = [];
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'string') paths.push(at);
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${at}[${i}]`));
    else if (value !== null && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) walk(item, at ? `${at}.${key}` : key);
  };
  walk(manifest, '');
  return paths.filter(
    (p) => (p !== '$schema' && p in schema.properties) || patterns.some((r) => r.test(p)),
  );
}

function template(): string {
  return fs.readFileSync(manifestTemplateFile, 'utf8');
}

/** Width, height and RGBA pixels of a PNG written with filter type 0 on every row. */
function readPng(png: Buffer): {
  width: number;
  height: number;
  pixel(x: number, y: number): number[];
} {
  assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  assert.deepEqual([png[24], png[25]], [8, 6], '8-bit RGBA');
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.subarray(at + 4, at + 8).toString('ascii') === 'IDAT') {
      idat.push(png.subarray(at + 8, at + 8 + length));
    }
    at += length + 12;
  }
  const rows = zlib.inflateSync(Buffer.concat(idat));
  return {
    width,
    height,
    pixel: (x, y) => [...rows.subarray(y * (width * 4 + 1) + 1 + x * 4).subarray(0, 4)],
  };
}

describe('Teams app package', () => {
  let realFetch: typeof globalThis.fetch;
  beforeEach(() => {
    realFetch = globalThis.fetch;
    globalThis.fetch = () => Promise.reject(new Error('no network in tests'));
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('fills the template into a manifest that the bundled Teams schema accepts, offline', async () => {
    const manifest = fillManifest(template(), values) as unknown as Record<string, unknown>;

    assert.deepEqual(await validateManifest(manifest as never), []);
    assert.equal(manifest.id, botId);
    assert.equal(manifest.version, '1.2.3');
    assert.deepEqual(manifest.validDomains, ['qm-hjelp.example.com']);
    const [bot] = manifest.bots as { botId: string; scopes: string[]; supportsFiles: boolean }[];
    assert.equal(bot?.botId, botId);
    assert.deepEqual(bot?.scopes, ['personal', 'team']);
    assert.equal(bot?.supportsFiles, true, 'askers can send files and screenshots');
    assert.equal((manifest.name as { short: string }).short, 'Qm+ Hjelp');
    assert.doesNotMatch(JSON.stringify(manifest), /\$\{\{/);
  });

  it('lists the chat commands in the manifest, in Norwegian, and in English in its localisation, at most ten a list with the admins’ left to the help card', async () => {
    const manifest = fillManifest(template(), values) as unknown as {
      bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    assert.deepEqual(
      manifest.bots[0]?.commandLists.map((l) => [l.scopes, l.commands.map((c) => c.title)]),
      [
        [
          ['personal'],
          [
            'hjelp',
            'mine saker',
            'kontakt',
            'kø',
            'tavle',
            'rapport',
            'borte',
            'kunnskapsbase',
            'registrer',
            'søk',
          ],
        ],
        [['team'], ['kø', 'tavle', 'bruk denne kanalen']],
      ],
    );
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-pkg-')), 'app.zip');
    await packageApp({ env: { MicrosoftAppId: botId }, outFile, out: () => {}, err: assert.fail });
    const english = JSON.parse(new AdmZip(outFile).readAsText('en-us.json')) as Record<
      string,
      string
    >;
    assert.equal(english['bots[0].commandLists[0].commands[0].title'], 'help');
    assert.equal(english['bots[0].commandLists[0].commands[1].title'], 'my inquiries');
    assert.equal(english['bots[0].commandLists[1].commands[0].title'], 'queue');
    assert.equal(english['name.short'], 'Qm+ Hjelp', 'the rest of the localisation is kept');
  });

  it('declares the message action "Send til Qm+ Hjelp" on messages, opening a dialog from the bot', () => {
    const manifest = fillManifest(template(), values) as unknown as {
      composeExtensions: { botId: string; commands: Record<string, unknown>[] }[];
    };
    const [extension] = manifest.composeExtensions;
    assert.equal(extension?.botId, botId);
    const command = extension?.commands.find((c) => c.id === sendToHelpCommand);
    assert.deepEqual(
      {
        type: command?.type,
        context: command?.context,
        fetchTask: command?.fetchTask,
        title: command?.title,
      },
      { type: 'action', context: ['message'], fetchTask: true, title: 'Send til Qm+ Hjelp' },
    );
  });

  it('leaves validDomains empty when no BOT_DOMAIN is given', async () => {
    const manifest = fillManifest(template(), { ...values, BOT_DOMAIN: '' });
    assert.deepEqual((manifest as { validDomains?: string[] }).validDomains, []);
    assert.deepEqual(await validateManifest(manifest), []);
  });

  it('reports what the schema refuses', async () => {
    const manifest = fillManifest(template(), { ...values, BOT_ID: 'not-a-guid' }) as unknown as {
      name: { short: string };
    };
    manifest.name.short = 'Qm+ Hjelp med et altfor langt kortnavn';

    const failures = await validateManifest(manifest as never);

    assert.ok(
      failures.some((f) => f.startsWith('/name/short')),
      failures.join('\n'),
    );
    assert.ok(
      failures.some((f) => f.startsWith('/bots/0/botId')),
      failures.join('\n'),
    );
  });

  it('refuses to build a package without MicrosoftAppId, saying what to set', async () => {
    assert.deepEqual(manifestValuesFromEnv({ MicrosoftAppId: '' }, '0.1.0'), {
      ok: false,
      errors: [
        'MicrosoftAppId: required; set it to the Microsoft App ID of the Azure Bot registration',
      ],
    });
    const err: string[] = [];
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-pkg-')), 'app.zip');
    const code = await packageApp({
      env: {},
      outFile,
      out: () => undefined,
      err: (l) => err.push(l),
    });
    assert.equal(code, 1);
    assert.match(err.join('\n'), /MicrosoftAppId: required/);
    assert.equal(fs.existsSync(outFile), false);
  });

  it('writes a zip with manifest.json and both icons at its root', async () => {
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-pkg-')), 'app.zip');
    const out: string[] = [];

    const code = await packageApp({
      env: { MicrosoftAppId: botId },
      outFile,
      out: (l) => out.push(l),
      err: (l) => assert.fail(l),
    });

    assert.equal(code, 0);
    const zip = new AdmZip(outFile);
    assert.deepEqual(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
      ['color.png', 'en-us.json', 'manifest.json', 'nb-no.json', 'outline.png'],
    );
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as { bots: { botId: string }[] };
    assert.equal(manifest.bots[0]?.botId, botId);
    const color = readPng(zip.readFile('color.png')!);
    assert.deepEqual([color.width, color.height], [192, 192]);
    assert.equal(color.pixel(0, 0)[3], 255, 'the colour icon is opaque');
    const outline = readPng(zip.readFile('outline.png')!);
    assert.deepEqual([outline.width, outline.height], [32, 32]);
    assert.equal(outline.pixel(0, 0)[3], 0, 'the outline icon is transparent around the mark');
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const [r, g, b, a] = outline.pixel(x, y);
        if (a > 0) assert.deepEqual([r, g, b], [255, 255, 255], 'the outline icon is white');
      }
    }
  });

  it('takes the developer name, website, privacy and terms addresses from the configuration', async () => {
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-pkg-')), 'app.zip');
    const code = await packageApp({
      env: {
        MicrosoftAppId: botId,
        APP_DEVELOPER_NAME: 'Nordvik kommune',
        APP_WEBSITE_URL: 'https://intranett.nordvik.example/qm',
        APP_PRIVACY_URL: 'https://intranett.nordvik.example/personvern',
        APP_TERMS_URL: 'https://intranett.nordvik.example/vilkar',
      },
      outFile,
      out: () => undefined,
      err: (l) => assert.fail(l),
    });
    assert.equal(code, 0);
    const manifest = JSON.parse(new AdmZip(outFile).readAsText('manifest.json')) as {
      developer: Record<string, string>;
    };
    assert.deepEqual(manifest.developer, {
      name: 'Nordvik kommune',
      websiteUrl: 'https://intranett.nordvik.example/qm',
      privacyUrl: 'https://intranett.nordvik.example/personvern',
      termsOfUseUrl: 'https://intranett.nordvik.example/vilkar',
    });
  });

  it('fails `npm run package` with every schema error when a setting is wrong, and writes nothing', async () => {
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-pkg-')), 'app.zip');
    const err: string[] = [];
    const code = await packageApp({
      env: {
        MicrosoftAppId: botId,
        APP_DEVELOPER_NAME: 'Fjordvik fylkeskommune, seksjon for kvalitet',
        APP_PRIVACY_URL: 'intranett/personvern',
      },
      outFile,
      out: () => undefined,
      err: (l) => err.push(l),
    });
    assert.equal(code, 1);
    assert.match(err.join('\n'), /\/developer\/name .*32/);
    assert.match(err.join('\n'), /\/developer\/privacyUrl .*pattern/);
    assert.equal(fs.existsSync(outFile), false);
  });

  it('ships a Norwegian bokmål localisation file beside the English one, both valid', async () => {
    const manifest = fillManifest(template(), values) as unknown as {
      localizationInfo: {
        defaultLanguageTag: string;
        defaultLanguageFile: string;
        additionalLanguages: { languageTag: string; file: string }[];
      };
    };
    assert.equal(manifest.localizationInfo.defaultLanguageTag, 'nb-no');
    assert.equal(manifest.localizationInfo.defaultLanguageFile, 'nb-no.json');
    assert.deepEqual(manifest.localizationInfo.additionalLanguages, [
      { languageTag: 'en-us', file: 'en-us.json' },
    ]);
    assert.deepEqual(await validateManifest(manifest as never), []);
    const nb = JSON.parse(fs.readFileSync(path.join(manifestDir, 'nb-no.json'), 'utf8')) as Record<
      string,
      string
    >;
    const en = JSON.parse(fs.readFileSync(path.join(manifestDir, 'en-us.json'), 'utf8')) as Record<
      string,
      string
    >;
    assert.deepEqual(Object.keys(nb).sort(), Object.keys(en).sort(), 'the same strings in both');
    assert.equal(nb['name.short'], 'Qm+ Hjelp');
  });

  it('localises every string of the manifest that Teams lets a language file change, in English as in Norwegian', async () => {
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-pkg-')), 'app.zip');
    await packageApp({ env: { MicrosoftAppId: botId }, outFile, out: () => {}, err: assert.fail });
    const zip = new AdmZip(outFile);
    const manifest = JSON.parse(zip.readAsText('manifest.json')) as unknown;
    const localisable = localisableStrings(manifest);
    assert.ok(localisable.includes('composeExtensions[0].commands[0].title'));
    for (const file of ['nb-no.json', 'en-us.json']) {
      const strings = JSON.parse(zip.readAsText(file)) as Record<string, string>;
      assert.deepEqual(
        localisable.filter((key) => strings[key] === undefined),
        [],
        `${file} has every localisable string`,
      );
    }
    const english = JSON.parse(zip.readAsText('en-us.json')) as Record<string, string>;
    assert.equal(english['composeExtensions[0].commands[0].title'], 'Send to Qm+ Hjelp');
    assert.match(
      english['composeExtensions[0].commands[0].description'] ?? '',
      /^Send the message/,
    );
    const norwegian = JSON.parse(zip.readAsText('nb-no.json')) as Record<string, string>;
    assert.equal(norwegian['composeExtensions[0].commands[0].title'], 'Send til Qm+ Hjelp');
  });

  it('fails `npm run package` with every error of a localisation file its schema refuses, and writes nothing', async () => {
    const sourceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qm-manifest-'));
    fs.cpSync(manifestDir, sourceDir, { recursive: true });
    const englishFile = path.join(sourceDir, 'en-us.json');
    const english = JSON.parse(fs.readFileSync(englishFile, 'utf8')) as Record<string, string>;
    english['name.short'] = 'Qm+ Help for the quality system';
    english['bots[0].commandList[0].title'] = 'help';
    delete english['description.short'];
    fs.writeFileSync(englishFile, JSON.stringify(english));
    const outFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qm-pkg-')), 'app.zip');
    const err: string[] = [];

    const code = await packageApp({
      env: { MicrosoftAppId: botId },
      outFile,
      sourceDir,
      out: () => undefined,
      err: (l) => err.push(l),
    });

    assert.equal(code, 1);
    const said = err.join('\n');
    assert.match(said, /en-us\.json: \/name\.short must NOT have more than 30 characters/);
    assert.match(said, /en-us\.json: .*additional propert.*bots\[0\]\.commandList\[0\]\.title/);
    assert.match(said, /en-us\.json: .*required property 'description\.short'/);
    assert.doesNotMatch(said, /nb-no\.json/);
    assert.equal(fs.existsSync(outFile), false);
  });

  it('treats an unknown placeholder in the template as a mistake', () => {
    assert.throws(
      () => fillManifest('{"id": "${{NO_SUCH_VALUE}}"}', values),
      /Unknown placeholder \$\{\{NO_SUCH_VALUE\}\}/,
    );
  });
});
