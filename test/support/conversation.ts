import { cardAction, personalMessage, type TestUser } from './activities';
import { startBot, type BotProcess } from './bot-server';
import { FakeConnector } from './fake-connector';
import { writeOrganisation } from './organisation';

export interface Conversation {
  connector: FakeConnector;
  bot: () => BotProcess;
  /** A message from a person in their 1:1 chat with the bot. */
  say: (
    user: TestUser,
    text: string,
    extra?: { id?: string; locale?: string },
  ) => ReturnType<BotProcess['post']>;
  /** A click on a card button, in a 1:1 chat or (with a `19:` conversation id) in a channel thread. */
  click: (
    user: TestUser,
    verb: string,
    data: object,
    where?: { conversationId?: string; replyToId?: string },
  ) => ReturnType<BotProcess['post']>;
}

/**
 * Mocha hooks for conversation tests: one fake connector for the suite, a fresh bot server with a
 * fresh database for each test, and the server's log printed when a test fails.
 */
export function useConversation(
  options: {
    setUp?: (connector: FakeConnector) => void;
    /** The organisation file's content; the test organisation when absent. */
    organisation?: object;
    /** Extra environment for the bot server. */
    env?: Record<string, string>;
  } = {},
): Conversation {
  const connector = new FakeConnector();
  let bot: BotProcess | undefined;
  let orgFile = '';

  before(async () => {
    await connector.start();
    orgFile = writeOrganisation(options.organisation);
    options.setUp?.(connector);
  });
  after(() => connector.stop());
  beforeEach(async () => {
    connector.requests.length = 0;
    bot = await startBot({ orgFile, ...(options.env ? { env: options.env } : {}) });
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed') process.stderr.write(bot?.output() ?? '');
    await bot?.stop();
  });

  const current = (): BotProcess => {
    if (!bot) throw new Error('The bot is not running');
    return bot;
  };
  return {
    connector,
    bot: current,
    say: (user, text, extra = {}) =>
      current().post(personalMessage({ from: user, text, serviceUrl: connector.url, ...extra })),
    click: (user, verb, data, where = {}) =>
      current().post(cardAction({ from: user, verb, data, serviceUrl: connector.url, ...where })),
  };
}
