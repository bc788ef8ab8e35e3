import assert from 'node:assert/strict';
import { people } from './domain-fixture';
import { teamsUser, type TestUser } from './activities';
import type { BotProcess } from './bot-server';
import { say } from './conversation';
import { cardOf, type FakeConnector, type RecordedRequest } from './fake-connector';
import { cardText, inquiryIdOf } from './organisation';

/** The triage channel of the schools' work area, where Hauge vgs' inquiries are posted. */
export const schoolTriageChannel = '19:triage-skole@thread.tacv2';

/** An inquiry as its triage card started a thread in the channel. */
export interface TriagePost {
  post: RecordedRequest;
  inquiryId: string;
  /** Its readable number, e.g. QM-2026-0007. */
  number: string;
  /** The thread's conversation id: replies and card actions in the thread go here. */
  thread: string;
  /** The id of the triage card, the thread's first message. */
  rootId: string;
}

/** Threads the bot has started in the schools' triage channel, oldest first. */
export function triageThreads(connector: FakeConnector): RecordedRequest[] {
  return connector
    .conversationsCreated()
    .filter((r) => r.body?.channelData?.channel?.id === schoolTriageChannel);
}

/**
 * Asks a question in the asker's 1:1 chat (Kari Asker at Hauge vgs unless told) and waits for
 * the triage card it starts in the channel.
 */
export async function askInChannel(
  bot: BotProcess,
  connector: FakeConnector,
  text = 'Hvordan melder jeg et avvik på en elevtur?',
  from: TestUser = teamsUser(people.asker),
): Promise<TriagePost> {
  const before = triageThreads(connector).length;
  const response = await say(bot, connector, from, text);
  assert.equal(response.status, 200);
  const post = await connector.waitFor(
    () => triageThreads(connector)[before],
    'the triage card in the channel',
  );
  const card = cardOf(post.body.activity);
  const number = /QM-\d{4}-\d{4}/.exec(cardText(card))?.[0];
  assert.ok(number, 'the triage card names the inquiry');
  return {
    post,
    inquiryId: inquiryIdOf(card),
    number,
    thread: `${schoolTriageChannel};messageid=${post.resultId}`,
    rootId: post.resultId!,
  };
}
