import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../unit/domain-fixture';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import { cardOf, type FakeConnector, type RecordedRequest } from '../support/fake-connector';
import { useConversation, type Conversation } from '../support/conversation';
import { openBotStore } from '../support/store-under-test';
import {
  cardText,
  coordinatorAad,
  messageText,
  fastOrganisation,
  inquiryIdOf,
  systemResponsibleAad,
} from '../support/organisation';

const channelId = '19:triage-skole@thread.tacv2';
const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);

const fastEnv = { SCHEDULER_INTERVAL_MS: '100', OUTBOX_RETRY_BASE_MS: '100' };

/** Helpers over one suite's connector: the thread, the asker's chat and the 1:1 chats it opened. */
function observe(connector: FakeConnector, conversation: Conversation) {
  const channelPost = () => connector.channelPost(channelId);
  const chatWith = (aadObjectId: string): string | undefined =>
    connector
      .conversationsCreated()
      .find((r) => connector.userOf(r.body?.members?.[0]?.id)?.aadObjectId === aadObjectId)
      ?.resultId;
  return {
    channelPost,
    async ask(text = 'Hvordan melder jeg et avvik på en elevtur?') {
      const response = await conversation.say(asker, text);
      assert.equal(response.status, 200);
      const post = await channelPost();
      return {
        inquiryId: inquiryIdOf(cardOf(post.body.activity)),
        thread: `${channelId};messageid=${post.resultId}`,
        rootId: post.resultId!,
      };
    },
    /** Replies posted in the inquiry's thread whose text matches. */
    inThread: (thread: string, pattern: RegExp) =>
      connector.sent().filter((r) => r.conversationId === thread && pattern.test(messageText(r))),
    /** Messages in a person's 1:1 chat whose text matches. */
    toPerson: (user: TestUser | { aadObjectId: string }, pattern: RegExp) => {
      // The chat the person opened with the bot, or the one the bot started with them.
      const chats = [
        'name' in user ? personalConversationId(user) : undefined,
        user.aadObjectId ? chatWith(user.aadObjectId) : undefined,
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

describe('escalation over real HTTP', function () {
  this.timeout(60000);

  describe('when nobody answers', () => {
    const conversation = useConversation({
      organisation: fastOrganisation({
        superuser: 'PT2S',
        coordinator: 'PT2S',
        systemResponsible: 'PT2S',
        claimTimeout: 'PT30S',
        reminderBefore: 'PT1S',
        vendorReminderInterval: 'PT1S',
        vendorReminders: 2,
      }),
      env: fastEnv,
    });
    const { connector } = conversation;
    const see = observe(connector, conversation);
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

    it('reminds, then mentions the coordinator, the system responsible, records a vendor case and stalls, each once', async () => {
      const { thread, rootId } = await see.ask();

      const reminder = await connector.waitFor(
        () => see.inThread(thread, /påminnelse – QM-\d{4}-0001 må besvares innen/)[0],
        'a reminder to the superusers in the thread',
      );
      assert.deepEqual(mentionedIds(reminder), [
        people.sverre.aadObjectId,
        people.hilde.aadObjectId,
      ]);

      const toCoordinator = await connector.waitFor(
        () =>
          see.inThread(
            thread,
            /Anne Winter<\/at>: QM-\d{4}-0001 fra Hauge vgs har ikke fått svar på 2 sekunder/,
          )[0],
        'the coordinator mentioned in the thread',
      );
      assert.deepEqual(mentionedIds(toCoordinator), [coordinatorAad]);
      await connector.waitFor(
        () => see.toPerson(asker, /Saken er sendt videre til koordinator for Skoler/)[0],
        'the asker told in plain words',
      );

      const toSystemResponsible = await connector.waitFor(
        () => see.inThread(thread, /Arne Hope<\/at>: QM-\d{4}-0001/)[0],
        'the system responsible mentioned in the thread',
      );
      assert.deepEqual(mentionedIds(toSystemResponsible), [systemResponsibleAad]);
      await connector.waitFor(
        () =>
          see.toPerson(
            { aadObjectId: systemResponsibleAad },
            /sendt videre til deg som systemansvarlig/,
          )[0],
        'the system responsible told in 1:1 chat too',
      );

      const vendorCase = await connector.waitFor(
        () =>
          see.toPerson(
            { aadObjectId: systemResponsibleAad },
            /registrert som leverandørsak hos Leverandør AS/,
          )[0],
        'the vendor case with a ready email, to the system responsible',
      );
      const mailto = (cardOf(vendorCase.body).actions as any[]).find(
        (a) => a.type === 'Action.OpenUrl',
      );
      assert.match(mailto.url, /^mailto:support@leverandor\.example\?subject=QM-\d{4}-0001/);
      assert.match(decodeURIComponent(mailto.url), /Hvordan melder jeg et avvik på en elevtur\?/);
      await connector.waitFor(
        () => see.toPerson(asker, /sendt videre til leverandøren \(Leverandør AS\)/)[0],
        'the asker told it went to the vendor',
      );

      await connector.waitFor(
        () => see.toPerson({ aadObjectId: coordinatorAad }, /QM-\d{4}-0001 er stanset/)[0],
        'the coordinator told the inquiry stalled',
      );
      await connector.waitFor(
        () => /Stanset/.test(see.triageNow(thread, rootId)) || undefined,
        'the triage card showing it stalled',
      );
      // Quiet from here on: a stalled inquiry is never closed or chased by the bot.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const system = { aadObjectId: systemResponsibleAad };
      assert.equal(see.inThread(thread, /påminnelse/).length, 3, 'one reminder per level');
      assert.equal(see.inThread(thread, /Anne Winter<\/at>: QM/).length, 1);
      assert.equal(see.inThread(thread, /Arne Hope<\/at>: QM/).length, 1);
      assert.equal(see.toPerson(system, /leverandørsak/).length, 1);
      assert.equal(see.toPerson(system, /venter fortsatt på svar fra Leverandør AS/).length, 2);
      assert.equal(see.toPerson({ aadObjectId: coordinatorAad }, /stanset/).length, 1);
      assert.equal(see.toPerson(asker, /Saken er sendt videre/).length, 3);
    });

    it('stops the chain when a superuser takes the inquiry', async () => {
      const { inquiryId, thread } = await see.ask();
      const claim = await conversation.click(
        sverre,
        Verbs.claim,
        { inquiryId },
        { conversationId: thread },
      );
      assert.match(cardText(claim.body.value), /Under behandling · Sverre Lunde/);
      await new Promise((resolve) => setTimeout(resolve, 3500));
      assert.deepEqual(see.inThread(thread, /Anne Winter<\/at>/), []);
      assert.deepEqual(see.toPerson(asker, /sendt videre/), []);
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
            /Sverre Lunde har sendt QM-\d{4}-0001 fra Hauge vgs videre til dere/,
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
      assert.deepEqual(see.inThread(thread, /Anne Winter|leverandør/), []);
    });
  });

  describe('while waiting for the asker', () => {
    const conversation = useConversation({
      organisation: fastOrganisation({
        superuser: 'PT30S',
        coordinator: 'PT30S',
        systemResponsible: 'PT30S',
        claimTimeout: 'PT3S',
      }),
      env: fastEnv,
    });
    const { connector } = conversation;
    const see = observe(connector, conversation);

    it('pauses the clock until the asker replies, then lets the claim timeout run out', async () => {
      const { inquiryId, thread } = await see.ask();
      await conversation.click(sverre, Verbs.claim, { inquiryId }, { conversationId: thread });
      const asked = await conversation.click(
        sverre,
        Verbs.askAsker,
        { inquiryId, askerQuestion: 'Hvilken elevtur gjelder det?' },
        { conversationId: thread },
      );
      assert.match(cardText(asked.body.value), /Venter på innsender/);
      await connector.waitFor(
        () => see.toPerson(asker, /Sverre Lunde har et spørsmål om QM-\d{4}-0001/)[0],
        'the question in the asker’s chat',
      );
      // Longer than the claim timeout: nothing moves while the clock stands still.
      await new Promise((resolve) => setTimeout(resolve, 4000));
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
      const lapsed = await connector.waitFor(
        () =>
          see.inThread(thread, /ble tatt av Sverre Lunde, men er ikke besvart innen fristen/)[0],
        'the coordinator mentioned when the resumed claim timeout runs out',
        10000,
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
    const conversation = useConversation({
      organisation: fastOrganisation({
        superuser: 'PT1S',
        coordinator: 'PT60S',
        systemResponsible: 'PT60S',
      }),
      env: fastEnv,
    });
    const { connector } = conversation;
    const see = observe(connector, conversation);

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
            /QM-\d{4}-0001 · Sola tannklinikk/,
          )[0],
        'the triage card with the coordinator instead',
      );
      assert.ok(cardOf(card.body).actions.length > 0, 'with the actions to handle it');
      assert.ok(connector.requests.some((r) => refused(r) && r.status === 403));
      // Read the inquiry as the bot stored it: the failure and who got the card instead.
      const store = await openBotStore(conversation.bot().sqlitePath);
      try {
        const recorded = async () => {
          const [inquiry] = await store.inquiries.listByAsker(people.dentalAsker.email, 1);
          return inquiry?.history ?? [];
        };
        let history = await recorded();
        for (let tries = 0; tries < 100 && !history.some((e) => e.note === 'Dag Koord'); tries++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          history = await recorded();
        }
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
      connector.failNext(
        (r) => r.method === 'POST' && /messageid=/.test(r.conversationId ?? ''),
        [
          ...Array.from({ length: 4 }, () => ({ status: 429, headers: { 'retry-after': '1' } })),
          ...Array.from({ length: 4 }, () => ({ status: 500 })),
        ],
      );
      const { thread } = await see.ask();
      const ping = await connector.waitFor(
        () => see.inThread(thread, /Anne Winter<\/at>: QM/)[0],
        'the coordinator ping after Teams recovers',
        20000,
      );
      const failures = connector.requests.filter(
        (r) => r.conversationId === thread && r.status >= 429,
      );
      assert.equal(failures.filter((r) => r.status === 429).length, 4);
      assert.equal(failures.filter((r) => r.status === 500).length, 4);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      assert.equal(see.inThread(thread, /Anne Winter<\/at>: QM/).length, 1, 'sent once');
      // A failed send is the outbox's to retry, not a failed turn for the adapter to report.
      assert.doesNotMatch(conversation.bot().output(), /turn failed/);
      assert.deepEqual(mentionedIds(ping), [coordinatorAad]);
    });
  });
});
