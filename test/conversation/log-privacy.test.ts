import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { organisation, people } from '../support/domain-fixture';
import { personalConversationId, teamsUser } from '../support/activities';
import { useConversation } from '../support/conversation';
import { cardOf, teamsFailures } from '../support/fake-connector';
import { cardText, messageText } from '../support/organisation';
import { askInChannel } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);

/** Words that may only ever be in Teams, never in the log: what people wrote, and who they are. */
const question = 'Hvordan melder jeg et avvik etter brannøvelsen i gymsalen?';
const answer = 'Skjemaet ligger i e-håndboken under Beredskap.';
const comment = 'Lenken til beredskapsmappen virker ikke hos meg';
const names = [people.asker.name, people.sverre.name, people.hilde.name];
/** Who the test people are to the bot: their keys (email addresses) and Entra object ids. */
const identities = Object.values(people).flatMap((person) => [
  person.email,
  ...('aadObjectId' in person ? [person.aadObjectId] : []),
]);

/** The lines of the output that hold an address of the organisation or a test person's id. */
function linesNamingPeople(output: string): string[] {
  return output
    .split('\n')
    .filter(
      (line) =>
        /@fylke\.example/i.test(line) ||
        identities.some((id) => line.toLowerCase().includes(id.toLowerCase())),
    );
}

/** JSON log lines as the bot writes them at the default level (info). */
function logLines(output: string): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the log at the default level', function () {
  this.timeout(120_000);
  const { connector, bot, click, say } = useConversation({
    organisation: { ...organisation, retainFinishedFor: 'P30D' },
    env: { LOG_LEVEL: 'info' },
  });

  it('holds no question, answer or comment text and no name through the help chain, a retried "Ikke løst" included', async () => {
    const { inquiryId, thread, number } = await askInChannel(bot(), connector, question);
    await click(sverre, Verbs.claim, { inquiryId }, { conversationId: thread });
    await click(
      sverre,
      Verbs.answer,
      { inquiryId, answerText: answer },
      { conversationId: thread },
    );
    await connector.waitFor(
      () =>
        connector
          .sent()
          .find(
            (r) =>
              r.conversationId === personalConversationId(asker) &&
              /Svar fra/.test(cardText(cardOf(r.body))),
          ),
      'the answer to the asker',
    );

    // Teams fails the notice to the holder once, so it is logged and sent again.
    const notice = (r: { method: string; body?: unknown }) =>
      r.method === 'POST' && /Innsender svarte «Ikke løst»/.test(cardText(cardOf(r.body)));
    connector.failNext(notice, [teamsFailures.preconditionFailed()]);
    await click(asker, Verbs.notResolved, { inquiryId, comment });
    await connector.waitFor(
      () => connector.requests.find((r) => notice(r) && r.status === 412),
      'the notice Teams fails',
    );
    await bot().settle();
    await bot().advance('PT10M');
    await connector.waitFor(
      () => connector.requests.find((r) => notice(r) && r.status !== 412),
      'the notice sent again',
    );

    await click(
      sverre,
      Verbs.answer,
      { inquiryId, answerText: `${answer} Prøv igjen nå.` },
      { conversationId: thread },
    );
    await click(asker, Verbs.confirmResolved, { inquiryId });
    // A handler searches, and someone asks to see an inquiry they may not see.
    await say(sverre, 'søk avvik');
    await say(teamsUser(people.dentist), number);
    await bot().settle();

    const output = bot().output();
    const lines = logLines(output);
    assert.ok(
      lines.some((line) => line.msg === 'send failed, will retry'),
      'the failed send was logged, so the log was read',
    );
    assert.ok(
      lines.some((line) => line.msg === 'inquiries searched'),
      'the search was logged, so the log was read',
    );
    const notShown = lines.find((line) => line.msg === 'inquiry number not shown');
    assert.ok(notShown, 'the refusal to show was logged');
    assert.equal(typeof notShown.turn, 'string', 'in its turn');
    assert.match(String(notShown.actor), /^anon:/, 'who asked, as a pseudonym');
    for (const text of [question, answer, comment, ...names]) {
      const found = output.split('\n').filter((line) => line.includes(text));
      assert.deepEqual(found, [], `"${text}" is in the log`);
    }
    assert.deepEqual(linesNamingPeople(output), [], 'a person key or address is in the log');
    assert.deepEqual(
      lines.filter((line) => 'inquiryId' in line),
      [],
      'an inquiry is logged under one name, inquiry',
    );
  });

  it('marks each line of a turn with its turn id, and each line about an inquiry with its id', async () => {
    const asked = bot().output().length;
    const { inquiryId, thread } = await askInChannel(bot(), connector, question);
    const opened = logLines(bot().output().slice(asked)).find(
      (line) => line.msg === 'inquiry opened',
    );
    assert.equal(opened?.inquiry, inquiryId, 'opening from the 1:1 chat is logged with its id');
    assert.equal(typeof opened?.turn, 'string');
    const from = bot().output().length;
    // Someone outside the chain tries to claim: the refusal is logged, in that turn.
    await click(
      teamsUser(people.otherSuperuser),
      Verbs.claim,
      { inquiryId },
      { conversationId: thread },
    );
    const malformed = await bot().post({ type: 'message' });
    assert.equal(malformed.status, 400);
    await bot().logged(/"msg":"malformed activity"/);

    const lines = logLines(bot().output().slice(from));
    const refused = lines.find((line) => line.msg === 'card action refused');
    assert.ok(refused, 'the refusal is logged');
    assert.equal(refused.inquiry, inquiryId);
    assert.equal(typeof refused.turn, 'string');
    const request = lines.find((line) => line.msg === 'malformed activity');
    assert.equal(typeof request?.turn, 'string');
    assert.notEqual(request?.turn, refused.turn, 'each turn its own id');
    assert.ok(
      lines.every((line) => !('actor' in line)),
      'who acted is not logged, only what and why',
    );
  });

  it('holds no text, no name and no address of the person through an export, an erasure and the retention run', async () => {
    const admin = teamsUser(people.admin);
    const from = bot().output().length;
    const { inquiryId, thread } = await askInChannel(bot(), connector, question);
    await click(sverre, Verbs.claim, { inquiryId }, { conversationId: thread });
    await click(
      sverre,
      Verbs.answer,
      { inquiryId, answerText: answer },
      { conversationId: thread },
    );
    await click(asker, Verbs.confirmResolved, { inquiryId });
    await click(asker, Verbs.rate, { inquiryId, rating: 'poor', ratingComment: comment });

    const sentTo = (user: typeof admin, pattern: RegExp) =>
      connector.waitFor(
        () =>
          connector
            .sent()
            .find(
              (r) =>
                r.conversationId === personalConversationId(user) && pattern.test(messageText(r)),
            ),
        `${String(pattern)} to ${user.name}`,
      );
    await say(admin, `eksporter person ${people.asker.email}`);
    const link = /\((http:\/\/[^)]+)\)/.exec(messageText(await sentTo(admin, /Eksporten/)))?.[1];
    assert.ok(link);
    assert.equal((await fetch(link)).status, 200);
    await say(admin, `slett person ${people.asker.email}`);
    const confirmation = cardOf((await sentTo(admin, /Slette en person/)).body);
    const erased = await click(admin, Verbs.erasePerson, confirmation.actions[0].data);
    assert.match(String(erased.body.value), /er slettet/);

    const second = await askInChannel(bot(), connector, `${question} Gjelder også kantina.`);
    await click(
      sverre,
      Verbs.claim,
      { inquiryId: second.inquiryId },
      { conversationId: second.thread },
    );
    await click(
      sverre,
      Verbs.resolve,
      { inquiryId: second.inquiryId, closingNote: answer },
      { conversationId: second.thread },
    );
    await bot().advance('P31D');
    await bot().logged(/"msg":"retention applied"/);

    const output = bot().output().slice(from);
    const lines = logLines(output);
    assert.deepEqual(
      lines.filter((line) => line.msg === 'privacy action completed').map((line) => line.action),
      ['export_link', 'export_download', 'erase'],
      'each admin action is logged once, so the log was read',
    );
    const url = new URL(link);
    for (const text of [
      question,
      answer,
      comment,
      ...names,
      people.asker.email,
      people.admin.name,
      url.searchParams.get('s')!,
      url.searchParams.get('sig')!,
    ]) {
      const found = output.split('\n').filter((line) => line.includes(text));
      assert.deepEqual(found, [], `"${text}" is in the log`);
    }
  });
});
