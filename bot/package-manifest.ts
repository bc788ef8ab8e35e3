import fs from 'node:fs';
import { runCli } from './cli';
import path from 'node:path';
import type { AppManifest } from '@microsoft/app-manifest';
import AdmZip from 'adm-zip';
import { z } from 'zod/v4';
import {
  chatCommands,
  listedCommands,
  type ChatCommand,
  type CommandAudience,
  type CommandScope,
} from '../src/chat/commands';
import { localeFrom, messages, type Locale } from '../src/i18n';
import { appPackageSettings } from '../src/config';
import { sendToHelpCommand } from './handlers/send-to-help';
import { validateLocalisation, validateManifest } from './manifest-schemas';

export { validateManifest };

const root = path.join(__dirname, '..', '..');
export const manifestDir = path.join(root, 'manifest');
export const manifestTemplateFile = path.join(manifestDir, 'manifest.template.json');
export const appPackageFile = path.join(root, 'appPackage', 'qm-hjelp.zip');
const icons = ['color.png', 'outline.png'] as const;

/** The values a `${{NAME}}` placeholder in the template can stand for. */
export interface ManifestValues {
  /** The Teams app id (a GUID); by default the bot's app id. */
  TEAMS_APP_ID: string;
  /** The Microsoft App ID of the Azure Bot registration. */
  BOT_ID: string;
  APP_VERSION: string;
  /** Host name of the bot's endpoint, listed in validDomains; may be empty. */
  BOT_DOMAIN: string;
  /** The publisher and its pages, as Teams shows them (APP_DEVELOPER_NAME, APP_*_URL). */
  DEVELOPER_NAME: string;
  WEBSITE_URL: string;
  PRIVACY_URL: string;
  TERMS_URL: string;
}

const guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const packageEnvironment = appPackageSettings.extend({
  MicrosoftAppId: guid,
  TEAMS_APP_ID: guid.optional(),
  BOT_DOMAIN: z
    .string()
    .regex(/^[a-z0-9.-]+(:\d+)?$/i, 'a host name such as qm-hjelp.example.com')
    .optional(),
});

/** Reads the placeholder values from the environment; MicrosoftAppId is required. */
export function manifestValuesFromEnv(
  env: NodeJS.ProcessEnv,
  version: string,
): { ok: true; values: ManifestValues } | { ok: false; errors: string[] } {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = packageEnvironment.safeParse(defined);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((issue) =>
        issue.path[0] === 'MicrosoftAppId' && issue.code === 'invalid_type'
          ? 'MicrosoftAppId: required; set it to the Microsoft App ID of the Azure Bot registration'
          : `${issue.path.join('.')}: ${issue.message}`,
      ),
    };
  }
  const e = parsed.data;
  return {
    ok: true,
    values: {
      TEAMS_APP_ID: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
      BOT_ID: e.MicrosoftAppId,
      APP_VERSION: version,
      BOT_DOMAIN: e.BOT_DOMAIN ?? '',
      DEVELOPER_NAME: e.APP_DEVELOPER_NAME,
      WEBSITE_URL: e.APP_WEBSITE_URL,
      PRIVACY_URL: e.APP_PRIVACY_URL,
      TERMS_URL: e.APP_TERMS_URL,
    },
  };
}

function fill(value: unknown, values: ManifestValues): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{\{(\w+)\}\}/g, (_match, name: string) => {
      if (!(name in values))
        throw new Error(`Unknown placeholder \${{${name}}} in the manifest template`);
      return values[name as keyof ManifestValues];
    });
  }
  if (Array.isArray(value)) {
    return value.map((item) => fill(item, values)).filter((item) => item !== '');
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)]));
  }
  return value;
}

/**
 * Fills the `${{NAME}}` placeholders of the template's string values; array entries that end up
 * empty (validDomains without BOT_DOMAIN) are dropped.
 */
export function fillManifest(templateText: string, values: ManifestValues): AppManifest {
  return withCommandLists(fill(JSON.parse(templateText), values) as AppManifest);
}

const scopes: CommandScope[] = ['personal', 'team'];

/** The most commands one command list of a Teams app manifest may hold. */
const teamsCommandListLimit = 10;

const audienceRank: Record<CommandAudience, number> = {
  everyone: 0,
  handlers: 1,
  helpdesk: 2,
  admins: 3,
};

/**
 * The commands Teams' menu shows, in their listed order: those for the most people first when
 * there are more than a list may hold. The help card lists every command; admins find theirs there.
 */
function menuCommands<Id extends keyof typeof chatCommands>(ids: readonly Id[]): Id[] {
  if (ids.length <= teamsCommandListLimit) return [...ids];
  const rank = (id: Id): number => {
    const audience = (chatCommands[id] as ChatCommand).audience ?? 'everyone';
    return Math.min(
      ...(typeof audience === 'string' ? [audience] : audience).map((a) => audienceRank[a]),
    );
  };
  const kept = new Set([...ids].sort((a, b) => rank(a) - rank(b)).slice(0, teamsCommandListLimit));
  return ids.filter((id) => kept.has(id));
}

/** The bot's command lists, per scope, in a language: the chat commands marked as listed. */
export function commandLists(
  locale: Locale,
): { scopes: CommandScope[]; commands: { title: string; description: string }[] }[] {
  const t = messages(locale);
  return scopes.flatMap((scope) => {
    const ids = menuCommands(listedCommands(scope));
    if (ids.length === 0) return [];
    return [
      {
        scopes: [scope],
        commands: ids.map((id) => ({
          title: chatCommands[id].phrases[locale][0] ?? id,
          description: t.commands.descriptions[id],
        })),
      },
    ];
  });
}

/**
 * The manifest with its bot's command lists and its message action's texts taken from the
 * catalogues (Norwegian, the default language). The message action is the first command of the
 * first messaging extension, where the localisation files name it.
 */
function withCommandLists(manifest: AppManifest): AppManifest {
  const { bots, composeExtensions } = manifest as {
    bots?: Record<string, unknown>[];
    composeExtensions?: { commands?: { id?: string }[] }[];
  };
  const [extension, ...otherExtensions] = composeExtensions ?? [];
  const [action, ...otherCommands] = extension?.commands ?? [];
  if (action && action.id !== sendToHelpCommand)
    throw new Error(`The manifest template's first message action is not ${sendToHelpCommand}`);
  return {
    ...manifest,
    ...(bots ? { bots: bots.map((bot) => ({ ...bot, commandLists: commandLists('nb') })) } : {}),
    ...(extension && action
      ? {
          composeExtensions: [
            {
              ...extension,
              commands: [{ ...action, ...messageAction('nb') }, ...otherCommands],
            },
            ...otherExtensions,
          ],
        }
      : {}),
  } as AppManifest;
}

/** The message action's title and description in a language, from the catalogue. */
function messageAction(locale: Locale): { title: string; description: string } {
  const t = messages(locale);
  return { title: t.sendToHelp.title, description: t.sendToHelp.actionDescription };
}

/** Strings of the manifest the catalogues hold: the command lists and the message action. */
const fromCatalogues = /^(bots\[\d+\]\.commandLists|composeExtensions\[\d+\]\.commands)/;

/**
 * A localisation file with the command lists and the message action in its language, replacing
 * any written there.
 */
export function localisedStrings(fileText: string, languageTag: string): string {
  const entries = JSON.parse(fileText) as Record<string, unknown>;
  const kept = Object.entries(entries).filter(([key]) => !fromCatalogues.test(key));
  const locale = localeFrom(languageTag);
  const lists = commandLists(locale);
  const commands = lists.flatMap((list, i) =>
    list.commands.flatMap((command, j) => [
      [`bots[0].commandLists[${i}].commands[${j}].title`, command.title],
      [`bots[0].commandLists[${i}].commands[${j}].description`, command.description],
    ]),
  );
  const action = messageAction(locale);
  const actionStrings = [
    [`composeExtensions[0].commands[0].title`, action.title],
    [`composeExtensions[0].commands[0].description`, action.description],
  ];
  return `${JSON.stringify(Object.fromEntries([...kept, ...commands, ...actionStrings]), null, 2)}\n`;
}

/**
 * The manifest's localisation files as they go into the package: each as written in `sourceDir`,
 * with the bot's command lists and the message action in its language from the catalogues.
 */
export function localisationTexts(
  manifest: AppManifest,
  sourceDir: string,
): { file: string; text: string }[] {
  return localisationFiles(manifest).map(({ file, languageTag }) => ({
    file,
    text: localisedStrings(fs.readFileSync(path.join(sourceDir, file), 'utf8'), languageTag),
  }));
}

/**
 * Builds the Teams app package: manifest.json, the two icons and the manifest's localisation files
 * (English beside the Norwegian default) at the root of a zip.
 */
export function zipAppPackage(manifest: AppManifest, sourceDir: string): Buffer {
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  for (const icon of icons) zip.addFile(icon, fs.readFileSync(path.join(sourceDir, icon)));
  for (const { file, text } of localisationTexts(manifest, sourceDir))
    zip.addFile(file, Buffer.from(text, 'utf8'));
  return zip.toBuffer();
}

/** The manifest's localisation files: the default language's and each additional language's. */
function localisationFiles(manifest: AppManifest): { file: string; languageTag: string }[] {
  const { localizationInfo } = manifest as {
    localizationInfo?: {
      defaultLanguageTag?: string;
      defaultLanguageFile?: string;
      additionalLanguages?: { file: string; languageTag: string }[];
    };
  };
  const { defaultLanguageTag, defaultLanguageFile } = localizationInfo ?? {};
  return [
    ...(defaultLanguageFile && defaultLanguageTag
      ? [{ file: defaultLanguageFile, languageTag: defaultLanguageTag }]
      : []),
    ...(localizationInfo?.additionalLanguages ?? []),
  ];
}

/**
 * `npm run package`: fills the manifest, validates it and its localisation files, and zips them.
 * Returns the process exit code. `sourceDir`: where the template, icons and localisation files
 * are (the project's `manifest/`).
 */
export async function packageApp(options: {
  env: NodeJS.ProcessEnv;
  outFile: string;
  sourceDir?: string;
  out: (line: string) => void;
  err: (line: string) => void;
}): Promise<number> {
  const sourceDir = options.sourceDir ?? manifestDir;
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const values = manifestValuesFromEnv(options.env, version);
  if (!values.ok) {
    options.err(`Cannot build the Teams app package:\n  ${values.errors.join('\n  ')}`);
    return 1;
  }
  const manifest = fillManifest(
    fs.readFileSync(path.join(sourceDir, path.basename(manifestTemplateFile)), 'utf8'),
    values.values,
  );
  const manifestVersion = (manifest as { manifestVersion?: unknown }).manifestVersion;
  const failures = await validateManifest(manifest);
  // Without a manifest version there is no localisation schema to check against; that is
  // reported above.
  if (typeof manifestVersion === 'string') {
    for (const { file, text } of localisationTexts(manifest, sourceDir)) {
      const strings = JSON.parse(text) as Record<string, unknown>;
      failures.push(...(await validateLocalisation(manifestVersion, file, strings)));
    }
  }
  if (failures.length > 0) {
    options.err(`The Teams app manifest is not valid:\n  ${failures.join('\n  ')}`);
    return 1;
  }
  fs.mkdirSync(path.dirname(options.outFile), { recursive: true });
  fs.writeFileSync(options.outFile, zipAppPackage(manifest, sourceDir));
  options.out(
    `Wrote ${path.relative(process.cwd(), options.outFile)} (manifest ${values.values.APP_VERSION}, ` +
      `bot ${values.values.BOT_ID}); upload it in Teams admin center or Developer Portal.`,
  );
  return 0;
}

if (require.main === module) {
  runCli('Packaging', (io) => packageApp({ env: process.env, outFile: appPackageFile, ...io }));
}
