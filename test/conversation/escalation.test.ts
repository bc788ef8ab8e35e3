import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import { cardOf, type RecordedRequest } from '../support/fake-connector';
import { useConversation, type Conversation } from '../support/conversation';
import { nextMonday, officeWeek } from '../support/office-week';
import { openBotStore } from '../support/store-under-test';
import {
  cardText,
  coordinatorAad,
  escalatingOrganisation,
  messageText,
  systemResponsibleAad,
} from '../support/organisation';
import { askInChannel } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);

/** Helpers over the file's conversation: the thread, the asker's chat and the 1:1 chats it opened. */
function observe(conversation: Conversation) {
  const { connector } = conversation;
  return {
    ask: (text?: string) => askInChannel(conversation.bot(), connector, text),
    /** Replies posted in the inquiry's thread whose text matches. */
    inThread: (thread: string, pattern: RegExp) =>
      connector.sent().filter((r) => r.conversationId === thread && pattern.test(messageText(r))),
    /** Messages in a person's 1:1 chat whose text matches. */
    toPerson: (user: TestUser | { aadObjectId: string }, pattern: RegExp) => {
      // The chat the person opened with the bot, or the one the bot started with them.
      const chats = [
        'name' in user ? personalConversationId(user) : undefined,
        user.aadObjectId ? conversation.chatWith(user.aadObjectId) : undefined,
      ].filter(Boolean);
      return connector
        .sent()
        .filter((r) => chats.includes(r.conversationId) && pattern.test(messageText(r)));
    },
    /** The root triage card as everyone now sees it. */
    triageNow: (thread: string, rootId: string) =>
      cardText(connector.latestCard(thread, rootId) ?? {}),
  };
}

const mentionedIds = (request: RecordedRequest): string[] =>
  (cardOf(request.body)?.msteams?.entities ?? []).map((e: any) => e.mentioned.id);

/**
 * Escalation in business time: four working hours for the superusers, a working day for the
 * coordinator, two for the system responsible, then daily vendor reminders, on Oslo office hours.
 * Each test begins on a Monday at 09:00 and moves the bot's clock to the moments that matter.
 */
describe('escalation over real HTTP', function () {
  this.timeout(120_000);
  const conversation = useConversation({
    organisation: escalatingOrganisation(),
    eachTestAt: nextMonday,
  });
  const { connector } = conversation;
  const bot = () => conversation.bot();
  const see = observe(conversation);
  const thisWeek = () => officeWeek(bot().now());
  afterEach(function () {
    if (this.currentTest?.state === 'failed')
      process.stderr.write(
        JSON.stringify(
          connector.sent().map((r) => [r.conversationId, messageText(r)]),
          null,
          1,
        ),
      );
  });

  describe('when nobody answers', () => {
    it('reminds, then mentions the coordinator, the system responsible, records a vendor case and stalls, each once', async () => {
      const week = thisWeek();
      const { thread, rootId, number } = await see.ask();
      const about = (text: string) => new RegExp(`${number}${text}`);

      await bot().setClock(week.at('mon', '12:00'));
      const reminder = await connector.waitFor(
        () => see.inThread(thread, about(' må besvares innen'))[0],
        'a reminder to the superusers in the thread an hour before their deadline',
      );
      assert.match(messageText(reminder), /påminnelse – QM-\d{4}-\d{4} må besvares innen/);
      assert.deepEqual(mentionedIds(reminder), [
        people.sverre.aadObjectId,
        people.hilde.aadObjectId,
      ]);

      await bot().setClock(week.at('mon', '13:00'));
      const toCoordinator = await connector.waitFor(
        () => see.inThread(thread, about(' fra Hauge vgs har ikke fått svar på 4 arbeidstimer'))[0],
        'the coordinator mentioned in the thread after four working hours',
      );
      assert.match(messageText(toCoordinator), /Anne Winter<\/at>: QM/);
      assert.deepEqual(mentionedIds(toCoordinator), [coordinatorAad]);
      await connector.waitFor(
        () => see.toPerson(asker, about(': Saken er sendt videre til koordinator for Skoler'))[0],
        'the asker told in plain words',
      );

      await bot().setClock(week.at('tue', '12:00'));
      await bot().setClock(week.at('tue', '13:00'));
      const toSystemResponsible = await connector.waitFor(
        () =>
          see.inThread(thread, about('')).find((r) => /Arne Hope<\/at>: QM/.test(messageText(r))),
        'the system responsible mentioned in the thread a working day later',
      );
      assert.deepEqual(mentionedIds(toSystemResponsible), [systemResponsibleAad]);
      await connector.waitFor(
        () =>
          see.toPerson(
            { aadObjectId: systemResponsibleAad },
            about(' fra Hauge vgs er sendt videre til deg som systemansvarlig'),
          )[0],
        'the system responsible told in 1:1 chat too',
      );

      await bot().setClock(week.at('thu', '12:00'));
      await bot().setClock(week.at('thu', '13:00'));
      const vendorCase = await connector.waitFor(
        () =>
          see.toPerson(
            { aadObjectId: systemResponsibleAad },
            about(' er registrert som leverandørsak hos Leverandør AS'),
          )[0],
        'the vendor case with a ready email, to the system responsible, two working days later',
      );
      const mailto = (cardOf(vendorCase.body).actions as any[]).find(
        (a) => a.type === 'Action.OpenUrl',
      );
      assert.match(
        mailto.url,
        new RegExp(`^mailto:support@leverandor\\.example\\?subject=${number}`),
      );
      assert.match(decodeURIComponent(mailto.url), /Hvordan melder jeg et avvik på en elevtur\?/);
      await connector.waitFor(
        () =>
          see.toPerson(
            asker,
            about(': Saken er sendt videre til leverandøren \\(Leverandør AS\\)'),
          )[0],
        'the asker told it went to the vendor',
      );

      // A working day between vendor reminders; after the second, the inquiry stalls.
      for (const [day, weeksLater] of [
        ['fri', 0],
        ['mon', 1],
        ['tue', 1],
      ] as const)
        await bot().setClock(week.at(day, '13:00', weeksLater));
      await connector.waitFor(
        () => see.toPerson({ aadObjectId: coordinatorAad }, about(' er stanset'))[0],
        'the coordinator told the inquiry stalled',
      );
      await connector.waitFor(
        () => /Stanset/.test(see.triageNow(thread, rootId)) || undefined,
        'the triage card showing it stalled',
      );
      // Quiet from here on: a stalled inquiry is never closed or chased by the bot.
      for (const day of ['wed', 'thu', 'fri'] as const)
        await bot().setClock(week.at(day, '13:00', 1));
      await bot().setClock(week.at('mon', '13:00', 3));
      const system = { aadObjectId: systemResponsibleAad };
      assert.equal(see.inThread(thread, /påminnelse/).length, 3, 'one reminder per level');
      assert.equal(see.inThread(thread, /Anne Winter<\/at>: QM/).length, 1);
      assert.equal(see.inThread(thread, /Arne Hope<\/at>: QM/).length, 1);
      assert.equal(see.toPerson(system, about('.*leverandørsak')).length, 1);
      assert.equal(
        see.toPerson(system, about(' venter fortsatt på svar fra Leverandør AS')).length,
        2,
      );
      assert.equal(see.toPerson({ aadObjectId: coordinatorAad }, about(' er stanset')).length, 1);
      assert.equal(see.toPerson(asker, about(': Saken er sendt videre')).length, 3);
    });

    it('stops the chain when a superuser takes the inquiry', async () => {
      const week = thisWeek();
      const { inquiryId, thread, number } = await see.ask();
      const claim = await conversation.click(
        sverre,
        Verbs.claim,
        { inquiryId },
        { conversationId: thread },
      );
      assert.match(cardText(claim.body.value), /Under behandling · Sverre Lunde/);
      // Past the superusers' four hours, within the working day a claim may take.
      await bot().setClock(week.at('mon', '15:30'));
      assert.deepEqual(see.inThread(thread, /Anne Winter<\/at>/), []);
      assert.deepEqual(see.toPerson(asker, new RegExp(`${number}: Saken er sendt videre`)), []);
    });

    it('sends it on by hand with a note, and the coordinator is mentioned at once', async () => {
      const { inquiryId, thread } = await see.ask();
      await conversation.click(sverre, Verbs.claim, { inquiryId }, { conversationId: thread });
      const escalate = await conversation.click(
        sverre,
        Verbs.escalate,
        { inquiryId, escalateNote: 'Gjelder rutinen for turer, ikke min enhet.' },
        { conversationId: thread },
      );
      assert.equal(escalate.status, 200);
      assert.match(cardText(escalate.body.value), /Koordinator/);
      const ping = await connector.waitFor(
        () =>
          see.inThread(
            thread,
            /Sverre Lunde har sendt QM-\d{4}-\d{4} fra Hauge vgs videre til dere/,
          )[0],
        'the coordinator mentioned in the thread',
      );
      assert.deepEqual(mentionedIds(ping), [coordinatorAad]);
      assert.match(messageText(ping), /Gjelder rutinen for turer, ikke min enhet\./);
    });

    it('refuses a superuser who tries to skip to the vendor, and changes nothing', async () => {
      const { inquiryId, thread } = await see.ask();
      const refused = await conversation.click(
        sverre,
        Verbs.escalate,
        { inquiryId, toVendor: 'true' },
        { conversationId: thread },
      );
      assert.match(JSON.stringify(refused.body), /Bare koordinator eller systemansvarlig/);
      await bot().settle();
      assert.deepEqual(see.inThread(thread, /Anne Winter|leverandør/), []);
    });
  });

  describe('while waiting for the asker', () => {
    it('pauses the clock until the asker replies, then lets the claim timeout run out', async () => {
      const week = thisWeek();
      const { inquiryId, thread, number } = await see.ask();
      await conversation.click(sverre, Verbs.claim, { inquiryId }, { conversationId: thread });
      const asked = await conversation.click(
        sverre,
        Verbs.askAsker,
        { inquiryId, askerQuestion: 'Hvilken elevtur gjelder det?' },
        { conversationId: thread },
      );
      assert.match(cardText(asked.body.value), /Venter på innsender/);
      await connector.waitFor(
        () => see.toPerson(asker, new RegExp(`Sverre Lunde har et spørsmål om ${number}`))[0],
        'the question in the asker’s chat',
      );
      // Longer than the claim timeout: nothing moves while the clock stands still.
      await bot().setClock(week.at('wed', '09:00'));
      assert.deepEqual(see.inThread(thread, /Anne Winter<\/at>/), []);

      const reply = await conversation.say(asker, 'Turen til Bergen i mai.', { id: 'reply-1' });
      assert.equal(reply.status, 200);
      // Teams may deliver the same message twice; it is still one reply, not a new question.
      await conversation.say(asker, 'Turen til Bergen i mai.', { id: 'reply-1' });
      await connector.waitFor(
        () => see.toPerson(sverre, /Innsender har svart på spørsmålet ditt/)[0],
        'the reply passed to Sverre in 1:1 chat',
      );
      assert.match(
        messageText(see.toPerson(sverre, /Innsender har svart/)[0]),
        /Turen til Bergen i mai\./,
      );
      // The working day of the claim, less what had passed before the question, runs from here.
      await bot().setClock(week.at('thu', '12:00'));
      const lapsed = await connector.waitFor(
        () =>
          see.inThread(thread, /ble tatt av Sverre Lunde, men er ikke besvart innen fristen/)[0],
        'the coordinator mentioned when the resumed claim timeout runs out',
      );
      assert.deepEqual(mentionedIds(lapsed), [coordinatorAad]);
      // The reply became part of the inquiry, not a new question.
      assert.equal(
        connector.conversationsCreated().filter((r) => r.body?.channelData?.channel).length,
        1,
      );
      assert.equal(see.toPerson(sverre, /Innsender har svart/).length, 1, 'passed on once');
      assert.equal(see.toPerson(asker, /Hva gjelder spørsmålet/).length, 0, 'no topic card');
    });
  });

  describe('when Teams pushes back', () => {
    it('records a refusal for good (403) on the inquiry and tries the next person in the chain', async () => {
      const refused = (r: RecordedRequest) =>
        r.path === '/v3/conversations' &&
        connector.userOf(r.body?.members?.[0]?.id)?.aadObjectId === people.dentist.aadObjectId;
      connector.failNext(refused, [{ status: 403 }, { status: 403 }]);
      const lise = teamsUser(people.dentalAsker);
      connector.setMember({ id: lise.teamsId, name: lise.name, email: lise.email });
      const response = await conversation.say(lise, 'Hvordan melder jeg et avvik?');
      assert.equal(response.status, 200);
      const card = await connector.waitFor(
        () =>
          see.toPerson(
            { aadObjectId: people.dentalCoordinator.aadObjectId },
            /QM-\d{4}-\d{4} · Sola tannklinikk/,
          )[0],
        'the triage card with the coordinator instead',
      );
      assert.ok(cardOf(card.body).actions.length > 0, 'with the actions to handle it');
      assert.ok(connector.requests.some((r) => refused(r) && r.status === 403));
      // Read the inquiry as the bot stored it once it has sent everything: the failure and who
      // got the card instead.
      await bot().settle();
      const store = await openBotStore(bot().sqlitePath);
      try {
        const [inquiry] = await store.inquiries.listByAsker(people.dentalAsker.email, 1);
        const history = inquiry?.history ?? [];
        assert.ok(history.some((e) => e.type === 'notified' && e.note === 'Dag Koord'));
        assert.ok(
          history.some(
            (e) => e.type === 'delivery_failed' && /^Tone Tann: .*403/.test(e.note ?? ''),
          ),
          JSON.stringify(history),
        );
      } finally {
        await store.close();
      }
    });

    it('delivers the escalation ping once through 429 with Retry-After, then 500s', async () => {
      const week = thisWeek();
      const { thread, number } = await see.ask();
      connector.failNext(
        (r) => r.method === 'POST' && r.conversationId === thread,
        [
          ...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'retry-after': '1' } })),
          ...Array.from({ length: 4 }, () => ({ status: 500 })),
        ],
      );
      const pinged = () => see.inThread(thread, new RegExp(`Anne Winter</at>: ${number}`));
      await bot().setClock(week.at('mon', '13:00'));
      // Each try is one call to Teams: the outbox retries (waiting as Retry-After says, then with
      // backoff), not the connector client within the call.
      for (let tries = 1; tries < 20 && pinged().length === 0; tries++) await bot().advance('PT1M');
      const ping = await connector.waitFor(
        () => pinged()[0],
        'the coordinator ping after Teams recovers',
      );
      const failures = connector.requests.filter(
        (r) => r.conversationId === thread && r.status >= 429,
      );
      assert.equal(failures.filter((r) => r.status === 429).length, 4);
      assert.equal(failures.filter((r) => r.status === 500).length, 4);
      await bot().advance('PT1H');
      assert.equal(pinged().length, 1, 'sent once');
      // A failed send is the outbox's to retry, not a failed turn for the adapter to report.
      assert.doesNotMatch(bot().output(), /turn failed/);
      assert.deepEqual(mentionedIds(ping), [coordinatorAad]);
    });
  });
});
