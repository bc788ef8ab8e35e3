import type { Locale } from '../i18n';
import { formatInquiryNumber } from '../inquiries/inquiry';
import { editDistance } from './edit-distance';

// The chat commands: what a person can write to the bot that is never a question for the help
// chain. Each command is one entry; the help card and the app manifest list the ones marked
// `listed`, and bot/handlers/chat-commands.ts gives each its handler.

/** Where a command works and Teams offers it: the 1:1 chat, or a triage channel. */
export type CommandScope = 'personal' | 'team';

/**
 * Who the help card shows a command to: anyone, the people in the help chain, admins, or the
 * helpdesk; a list shows it to each.
 */
export type CommandAudience = 'everyone' | 'handlers' | 'admins' | 'helpdesk';

export interface ChatCommand {
  /** Phrases that call the command, per language; matched ignoring case, punctuation and typos. */
  readonly phrases: Readonly<Record<Locale, readonly string[]>>;
  /** Shown on the help card and in the app manifest's command list for these scopes. */
  readonly listed?: readonly CommandScope[];
  /** Where the command works; the 1:1 chat when not given. */
  readonly scopes?: readonly CommandScope[];
  /** Who the help card lists it for; everyone when not given. */
  readonly audience?: CommandAudience | readonly CommandAudience[];
  /** Followed by a person: an email address or an Entra object id (`slett person kari@fjordvik.no`). */
  readonly takesPerson?: boolean;
  /** The phrase may be followed by words the command works on ("søk avvik elevtur"). */
  readonly takesWords?: true;
}

/** Every chat command, in the order the help card and the manifest list them. */
export const chatCommands = {
  help: {
    phrases: {
      nb: ['hjelp', 'hjelp meg', 'hva kan du', 'meny', 'start'],
      en: ['help', 'help me', 'what can you do', 'menu'],
    },
    listed: ['personal'],
  },
  my_inquiries: {
    phrases: {
      nb: ['mine saker', 'mine henvendelser', 'saker', 'mine spørsmål'],
      en: ['my inquiries', 'my cases', 'my questions', 'inquiries'],
    },
    listed: ['personal'],
  },
  who_to_ask: {
    phrases: {
      nb: [
        'kontakt',
        'kontakter',
        'kontaktpunkter',
        'hvem er superbruker',
        'hvem er superbrukeren',
        'hvem er superbrukeren min',
        'hvem er min superbruker',
        'hvem kan jeg spørre',
        'hvem spør jeg',
      ],
      en: ['who to ask', 'who do i ask', 'who is my superuser', 'contact', 'contacts'],
    },
    listed: ['personal'],
  },
  queue: {
    phrases: { nb: ['kø', 'min kø'], en: ['queue', 'my queue'] },
    listed: ['personal', 'team'],
    scopes: ['personal', 'team'],
    audience: 'handlers',
  },
  board: {
    phrases: { nb: ['tavle', 'tavla', 'tavlen'], en: ['board'] },
    listed: ['personal', 'team'],
    scopes: ['personal', 'team'],
    audience: 'handlers',
  },
  report: {
    phrases: {
      nb: ['rapport', 'rapporter', 'statistikk'],
      en: ['report', 'reports', 'statistics'],
    },
    listed: ['personal'],
    audience: 'handlers',
  },
  away: {
    phrases: {
      nb: ['borte', 'fravær', 'stedfortreder'],
      en: ['away', 'deputy', 'out of office'],
    },
    listed: ['personal'],
    audience: 'handlers',
  },
  knowledge_base: {
    phrases: { nb: ['kunnskapsbase', 'kunnskapsbasen'], en: ['knowledge base', 'knowledgebase'] },
    listed: ['personal'],
    audience: 'handlers',
  },
  register: {
    phrases: {
      nb: ['registrer', 'registrer sak', 'registrer henvendelse'],
      en: ['register', 'register inquiry'],
    },
    listed: ['personal'],
    audience: 'helpdesk',
  },
  search: {
    phrases: { nb: ['søk'], en: ['search'] },
    listed: ['personal'],
    audience: ['handlers', 'helpdesk'],
    takesWords: true,
  },
  setup: {
    phrases: { nb: ['oppsett'], en: ['setup'] },
    listed: ['personal'],
    audience: 'admins',
  },
  privacy: {
    phrases: { nb: ['personvern', 'personopplysninger'], en: ['privacy', 'personal data'] },
    listed: ['personal'],
    audience: 'admins',
  },
  export_person: {
    phrases: { nb: ['eksporter person'], en: ['export person'] },
    audience: 'admins',
    takesPerson: true,
  },
  erase_person: {
    phrases: { nb: ['slett person'], en: ['erase person'] },
    audience: 'admins',
    takesPerson: true,
  },
  organisation: {
    phrases: {
      nb: ['organisasjon', 'organisasjonen', 'roller'],
      en: ['organisation', 'organization', 'roles'],
    },
    listed: ['personal'],
    audience: 'admins',
  },
  audit: {
    phrases: {
      nb: ['revisjonslogg', 'revisjonsloggen', 'endringslogg'],
      en: ['audit log', 'audit trail', 'audit'],
    },
    listed: ['personal'],
    audience: 'admins',
  },
  use_channel: {
    phrases: {
      nb: ['bruk denne kanalen', 'bruk kanalen', 'bruk denne kanalen til triage'],
      en: ['use this channel', 'use this channel for triage'],
    },
    listed: ['team'],
    scopes: ['personal', 'team'],
    audience: 'handlers',
  },
  thanks: {
    phrases: {
      nb: [
        'takk',
        'tusen takk',
        'takk for hjelpen',
        'takk skal du ha',
        'takker',
        'supert takk',
        'flott takk',
        'ok takk',
        'ok',
      ],
      en: ['thanks', 'thank you', 'thanks a lot', 'thank you very much', 'thx', 'cheers'],
    },
  },
  greeting: {
    phrases: {
      nb: ['hei', 'hallo', 'heisann', 'hei hei', 'halla', 'god morgen', 'god dag', 'morn'],
      en: ['hello', 'hi', 'hey', 'good morning', 'good afternoon'],
    },
  },
} satisfies Record<string, ChatCommand>;

/** A command by name; `inquiry_number` is the bare number of an inquiry, such as QM-2026-0042. */
export type ChatCommandId = keyof typeof chatCommands | 'inquiry_number';

/** What a chat message is, read as a command. */
export type CommandMatch =
  | {
      kind: 'command';
      id: Exclude<ChatCommandId, 'inquiry_number'>;
      /** The lower-case email address or Entra object id a person command names. */
      person?: string;
      /** What followed the phrase of a command that takes words. */
      words?: string;
    }
  | { kind: 'command'; id: 'inquiry_number'; number: string }
  /** It looks like a command but is none: suggest the nearest one instead of opening an inquiry. */
  | { kind: 'suggestion'; id: ChatCommandId; phrase: string };

/** Lower case, without punctuation or repeated spaces: "Mine saker!!" reads "mine saker". */
export function normaliseCommand(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** How many typos a phrase of this length tolerates: none in short words, where they collide. */
function tolerance(phrase: string): number {
  if (phrase.length <= 4) return 0;
  return phrase.length <= 8 ? 1 : 2;
}

const inquiryNumber = /^qm\s*(\d{4})\s*(\d{1,6})$/;
const looksLikeNumber = /^qm\s*\d/;

/** At most this long, a message may be a mistyped command; longer ones are questions. */
const maxCommandLength = 30;

function phrasesOf(id: keyof typeof chatCommands): string[] {
  const { phrases } = chatCommands[id] as ChatCommand;
  return [...phrases.nb, ...phrases.en];
}

const commandIds = Object.keys(chatCommands) as (keyof typeof chatCommands)[];

/**
 * Reads a 1:1 message as a chat command: a command, a suggestion for something that looks like
 * one, or undefined for a question. "QM 2026 42" is inquiry QM-2026-0042.
 */
export function recogniseCommand(text: string, locale: Locale): CommandMatch | undefined {
  const withPerson = commandWithPerson(text);
  if (withPerson) return withPerson;
  const words = normaliseCommand(text);
  const number = inquiryNumber.exec(words);
  if (number) {
    return {
      kind: 'command',
      id: 'inquiry_number',
      number: formatInquiryNumber(Number(number[1]), Number(number[2])),
    };
  }
  // A question mark makes a question of anything but a command itself ("hjelp?").
  const question = text.includes('?');
  const withWords = question ? undefined : commandWithWords(text);
  if (withWords) return withWords;
  if (!words || words.length > maxCommandLength) return undefined;
  if (looksLikeNumber.test(words) && !question) {
    return { kind: 'suggestion', id: 'inquiry_number', phrase: 'QM-2026-0042' };
  }
  const exact = commandIds.find((id) => phrasesOf(id).includes(words));
  if (exact) return { kind: 'command', id: exact };
  let nearest: { id: keyof typeof chatCommands; phrase: string; distance: number } | undefined;
  for (const id of commandIds) {
    for (const phrase of phrasesOf(id)) {
      const distance = editDistance(words, phrase);
      if (distance <= tolerance(phrase)) return { kind: 'command', id };
      if (!nearest || distance < nearest.distance) nearest = { id, phrase, distance };
    }
  }
  return nearest && !question ? suggestion(words, nearest, locale) : undefined;
}

const trailingPerson =
  /^(.*\S)\s+(?:mailto:)?([^\s@<>]+@[^\s@<>]+\.[^\s@<>]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/iu;

/**
 * A command that names a person, with the person: "slett person kari@fjordvik.no", or by Entra
 * object id for someone the organisation does not list.
 */
function commandWithPerson(text: string): CommandMatch | undefined {
  // Teams may send an address as a link; only its text counts.
  const plain = text.replace(/<[^>]*>/g, ' ').trim();
  const match = trailingPerson.exec(plain);
  if (!match?.[1] || !match[2]) return undefined;
  const words = normaliseCommand(match[1]);
  const id = commandIds.find(
    (candidate) =>
      (chatCommands[candidate] as ChatCommand).takesPerson && phrasesOf(candidate).includes(words),
  );
  return id ? { kind: 'command', id, person: match[2].toLowerCase() } : undefined;
}

/** "søk avvik elevtur": a command that takes words, its one-word phrase first, then the words. */
function commandWithWords(text: string): CommandMatch | undefined {
  const [first = '', ...rest] = text.trim().split(/\s+/);
  if (rest.length === 0) return undefined;
  const phrase = normaliseCommand(first);
  const id = commandIds.find(
    (candidate) =>
      (chatCommands[candidate] as ChatCommand).takesWords && phrasesOf(candidate).includes(phrase),
  );
  return id ? { kind: 'command', id, words: rest.join(' ') } : undefined;
}

/**
 * A suggestion when the message is near a listed command, or the start of one ("mine",
 * "kunnskap").
 */
function suggestion(
  words: string,
  nearest: { id: keyof typeof chatCommands; phrase: string; distance: number },
  locale: Locale,
): CommandMatch | undefined {
  const listed = commandIds.filter((id) => (chatCommands[id] as ChatCommand).listed);
  const prefixOf = listed.find((id) =>
    phrasesOf(id).some(
      (p) =>
        (words.length >= 2 && p.startsWith(`${words} `)) ||
        (words.length >= 5 && p.startsWith(words)),
    ),
  );
  const id = prefixOf ?? (listed.includes(nearest.id) ? nearest.id : undefined);
  if (!id) return undefined;
  const near = prefixOf !== undefined || nearest.distance <= Math.ceil(nearest.phrase.length / 3);
  if (!near) return undefined;
  return { kind: 'suggestion', id, phrase: chatCommands[id].phrases[locale][0] ?? nearest.phrase };
}

/** A command the help card and the manifest list; each needs a description in the catalogue. */
export type ListedCommandId = {
  [K in keyof typeof chatCommands]: (typeof chatCommands)[K] extends {
    listed: readonly CommandScope[];
  }
    ? K
    : never;
}[keyof typeof chatCommands];

/**
 * Who is reading: whether they are in the help chain, whether they are an admin, and whether they
 * register inquiries for others at the helpdesk.
 */
export interface CommandReader {
  handler: boolean;
  admin: boolean;
  helpdesk?: boolean;
}

function shownTo(id: keyof typeof chatCommands, reader: CommandReader | undefined): boolean {
  const audience = (chatCommands[id] as ChatCommand).audience ?? 'everyone';
  const audiences: readonly CommandAudience[] =
    typeof audience === 'string' ? [audience] : audience;
  if (!reader) return true;
  return audiences.some((one) => {
    switch (one) {
      case 'everyone':
        return true;
      case 'handlers':
        return reader.handler;
      case 'admins':
        return reader.admin;
      case 'helpdesk':
        return reader.helpdesk === true;
    }
  });
}

/**
 * The commands listed on the help card and in the manifest, for a scope; with a reader, only the
 * ones the help card shows them. The manifest, read by everyone, lists them all.
 */
export function listedCommands(scope: CommandScope, reader?: CommandReader): ListedCommandId[] {
  return commandIds.filter(
    (id): id is ListedCommandId =>
      ((chatCommands[id] as ChatCommand).listed ?? []).includes(scope) && shownTo(id, reader),
  );
}

/** Whether a command works where it was written: the 1:1 chat or a triage channel. */
export function worksIn(id: ChatCommandId, scope: CommandScope): boolean {
  if (id === 'inquiry_number') return scope === 'personal';
  return ((chatCommands[id] as ChatCommand).scopes ?? ['personal']).includes(scope);
}
