import { cardAction, personalConversationId, personalMessage, type TestUser } from './activities';
import { allowStartUp, startBotUnderTest, type BotProcess, type BotUnderTest } from './bot-server';
import { FakeConnector, type RecordedRequest } from './fake-connector';
import { writeOrganisation } from './organisation';

/** A message from a person in their 1:1 chat with the bot. */
export function say(
  bot: BotProcess,
  connector: FakeConnector,
  user: TestUser,
  text: string,
  extra: { id?: string; locale?: string } = {},
): ReturnType<BotProcess['post']> {
  return bot.post(personalMessage({ from: user, text, serviceUrl: connector.url, ...extra }));
}

/**
 * Sends with `send`, which the bot must answer with 200, then waits for the first message in the
 * person's 1:1 chat after it in which `pick` finds something, and gives what it found.
 */
export async function nextInChat<T>(
  connector: FakeConnector,
  user: TestUser,
  send: () => Promise<{ status: number }>,
  pick: (request: RecordedRequest) => T | undefined,
  what: string,
): Promise<T> {
  const chat = personalConversationId(user);
  const before = connector.sent().filter((r) => r.conversationId === chat).length;
  const response = await send();
  if (response.status !== 200)
    throw new Error(`The bot answered ${response.status} before ${what}`);
  return connector.waitFor(() => {
    for (const request of connector
      .sent()
      .filter((r) => r.conversationId === chat)
      .slice(before)) {
      const found = pick(request);
      if (found !== undefined) return found;
    }
    return undefined;
  }, what);
}

/** A click on a card button, in a 1:1 chat or (with a `19:` conversation id) in a channel thread. */
export function click(
  bot: BotProcess,
  connector: FakeConnector,
  user: TestUser,
  verb: string,
  data: object,
  where: { conversationId?: string; replyToId?: string } = {},
): ReturnType<BotProcess['post']> {
  return bot.post(cardAction({ from: user, verb, data, serviceUrl: connector.url, ...where }));
}

export interface Conversation {
  connector: FakeConnector;
  bot: () => BotUnderTest;
  /** A message from a person in their 1:1 chat with the bot. */
  say: (
    user: TestUser,
    text: string,
    extra?: { id?: string; locale?: string },
  ) => ReturnType<BotUnderTest['post']>;
  /**
   * A message from a person in their 1:1 chat, with files if given, and the bot's answer: its next
   * message there (Teams may be sent other activities, such as typing, before it).
   */
  ask: (user: TestUser, text: string, attachments?: object[]) => Promise<RecordedRequest>;
  /** A click on a card button, in a 1:1 chat or (with a `19:` conversation id) in a channel thread. */
  click: (
    user: TestUser,
    verb: string,
    data: object,
    where?: { conversationId?: string; replyToId?: string },
  ) => ReturnType<BotUnderTest['post']>;
  /**
   * The 1:1 chat the bot started with a person (by the member id it gave Teams), in this test or
   * an earlier one of the file: the bot keeps a chat once it has one.
   */
  chatWith: (memberId: string) => string | undefined;
}

/**
 * Mocha hooks for conversation tests: one fake connector and one bot (with its own database and a
 * clock the test moves) for the whole file or `describe`. Each test starts with an empty record of
 * requests and ends when everything it queued has been sent, so the next test sees only its own;
 * tests tell their inquiries apart by number and thread, since the store is shared. The bot's log
 * of a failed test is printed.
 */
export function useConversation(
  options: {
    setUp?: (connector: FakeConnector) => void;
    /** The organisation file's content; the test organisation when absent. */
    organisation?: object;
    /** Extra environment for the bot. */
    env?: Record<string, string>;
    /** Where the bot's clock stands when each test begins, from where the last one left it. */
    eachTestAt?: (previous: Date) => Date;
  } = {},
): Conversation {
  const connector = new FakeConnector();
  let bot: BotUnderTest | undefined;
  let logFrom = 0;
  const earlier: RecordedRequest[] = [];

  before(async function () {
    allowStartUp(this);
    await connector.start();
    options.setUp?.(connector);
    bot = await startBotUnderTest({
      orgFile: writeOrganisation(options.organisation),
      ...(options.env ? { env: options.env } : {}),
    });
  });
  after(async function () {
    allowStartUp(this);
    await bot?.stop();
    await connector.stop();
  });
  beforeEach(async () => {
    if (options.eachTestAt && bot) await bot.setClock(options.eachTestAt(bot.now()));
    earlier.push(...connector.requests);
    connector.requests.length = 0;
    connector.recover();
    logFrom = bot?.output().length ?? 0;
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      process.stderr.write(
        `${bot?.output().slice(logFrom) ?? ''}The connector received:\n  ${connector.summary()}\n`,
      );
    await bot?.settle();
    const empty = connector.emptyMessages();
    if (empty.length && this.currentTest?.state !== 'failed')
      throw new Error(
        `The bot sent a message with nothing in it:\n  ${empty
          .map((r) => `${r.status} ${r.method} ${r.path} (${r.via}: ${r.carried})`)
          .join('\n  ')}`,
      );
  });

  const current = (): BotUnderTest => {
    if (!bot) throw new Error('The bot is not running');
    return bot;
  };
  return {
    connector,
    bot: current,
    say: (user, text, extra) => say(current(), connector, user, text, extra),
    ask: (user, text, attachments) =>
      nextInChat(
        connector,
        user,
        () =>
          current().post({
            ...personalMessage({ from: user, text, serviceUrl: connector.url }),
            ...(attachments ? { attachments } : {}),
          }),
        (request) => (request.body?.type === 'message' ? request : undefined),
        `the answer to "${text}"`,
      ),
    click: (user, verb, data, where) => click(current(), connector, user, verb, data, where),
    chatWith: (memberId) =>
      [...earlier, ...connector.requests].find(
        (r) =>
          r.method === 'POST' &&
          r.path === '/v3/conversations' &&
          r.status >= 200 &&
          r.status < 300 &&
          connector.userOf(r.body?.members?.[0]?.id) === connector.userOf(memberId),
      )?.resultId,
  };
}
