import assert from 'node:assert/strict';
import { listInputs, Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import {
  personalConversationId,
  personalMessage,
  teamsUser,
  type TestUser,
} from '../support/activities';
import type { RecordedRequest } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { nextMonday } from '../support/office-week';
import { cardText, escalatingOrganisation, messageText } from '../support/organisation';
import { askInChannel, triageThreads, type TriagePost } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
const outsider = teamsUser(people.otherSuperuser);
const lise = teamsUser(people.dentalAsker);

const invalid = 'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.';

/** What the person reads in a reply to a click: its text, or its card's text. */
function replyOf(response: { body: any }): string {
  const { value } = response.body;
  return typeof value === 'string' ? value : cardText(value);
}

/**
 * The employee's side over real HTTP: chat commands that never open an inquiry, "mine saker" and
 * its actions, files sent to the bot, reopening within the organisation's period, the closing
 * note and the rating. Each test begins on a Monday at 09:00 in Oslo.
 */
describe("the asker's side over real HTTP", function () {
  this.timeout(180_000);
  const conversation = useConversation({
    organisation: { ...escalatingOrganisation(), reopenWithin: 'P7D' },
    eachTestAt: nextMonday,
  });
  const { connector, say, click } = conversation;
  const bot = () => conversation.bot();
  const ask = (text?: string) => askInChannel(bot(), connector, text);
  const repliesTo = (user: TestUser): RecordedRequest[] =>
    connector.sent().filter((r) => r.conversationId === personalConversationId(user));
  /** The first message to the person that reads `pattern` (status cards come in between). */
  const replyMatching = async (user: TestUser, pattern: RegExp, what: string) =>
    messageText(
      await connector.waitFor(
        () => repliesTo(user).find((r) => pattern.test(messageText(r))),
        what,
      ),
    );
  const triageNow = (thread: string, rootId: string) =>
    cardText(connector.latestCard(thread, rootId) ?? {});
  /** Sends a message with files or images, as Teams does. */
  const send = (user: TestUser, text: string, attachments: object[]) =>
    bot().post({
      ...personalMessage({ from: user, text, serviceUrl: connector.url }),
      attachments,
    });

  describe('chat commands', () => {
    const commands: [string, RegExp][] = [
      ['hjelp', /Dette kan du skrive:[\s\S]*mine saker/],
      ['Help!', /Dette kan du skrive:/],
      ['mine saker', /Mine saker/],
      ['My inquiries', /Mine saker/],
      ['Takk for hjelpen!', /Bare hyggelig!/],
      ['thanks', /Bare hyggelig!/],
      ['Hei!', /Hei, Kari! Skriv spørsmålet ditt/],
      ['hello', /Hei, Kari!/],
      ['min sak', /Mente du «mine saker»\?/],
      ['QM-2026', /Mente du et saksnummer\?/],
    ];
    for (const [text, expected] of commands) {
      it(`answers «${text}» without opening an inquiry`, async () => {
        const threads = triageThreads(connector).length;
        await say(asker, text);
        const reply = await replyMatching(asker, expected, `the reply to «${text}»`);
        await bot().settle();
        assert.doesNotMatch(reply, /Hva gjelder spørsmålet\?/, 'no topic card');
        assert.equal(triageThreads(connector).length, threads, 'no inquiry');
      });
    }

    it('answers in English when Teams asks for English', async () => {
      await say(asker, 'my inquiries', { locale: 'en-US' });
      await replyMatching(asker, /My inquiries/, 'the list');
      await say(asker, 'thank you', { locale: 'en-US' });
      await replyMatching(asker, /You're welcome!/, 'the thanks');
    });

    it('shows an inquiry by its number to its asker and its handlers, and to nobody else', async () => {
      const { number } = await ask();
      await say(asker, number.toLowerCase());
      await replyMatching(asker, new RegExp(`${number} · Avvik\n`), 'the asker’s view');
      await say(sverre, number);
      await replyMatching(
        sverre,
        new RegExp(`${number}[\\s\\S]*Jeg tar den`),
        'the handler’s view',
      );
      await say(outsider, number);
      const refused = await replyMatching(outsider, new RegExp(number), 'the refusal');
      await say(outsider, 'QM-2099-0001');
      const missing = await replyMatching(outsider, /QM-2099-0001/, 'the refusal of a missing one');
      assert.equal(
        refused,
        `Du kan ikke se ${number}. Bare den som sendte inn saken og de som behandler den, kan se den.\n`,
      );
      assert.equal(
        missing.replace('QM-2099-0001', number),
        refused,
        'the same words whether it exists or not',
      );
    });
  });

  describe('"mine saker"', () => {
    it('lists the newest first, five to a page, and pages on', async () => {
      const opened: TriagePost[] = [];
      for (let i = 0; i < 6; i++) {
        opened.push(await ask(`Hvordan melder jeg avvik nummer ${i}?`));
        await bot().advance('PT1M');
      }
      await say(asker, 'mine saker');
      const text = await replyMatching(asker, /Mine saker/, 'the list');
      assert.match(text, /Side 1 av \d+/);
      assert.ok(text.indexOf(opened[5].number) < text.indexOf(opened[4].number), 'newest first');
      assert.ok(!text.includes(opened[0].number), 'the sixth newest is on the next page');
      const next = await click(asker, Verbs.myInquiries, { page: 1 });
      assert.match(replyOf(next), /Side 2 av \d+/);
      assert.match(replyOf(next), new RegExp(opened[0].number));
      assert.equal(replyOf(await click(asker, Verbs.myInquiries, { page: 'x' })), invalid);
    });

    it('withdraws an open inquiry with a reason: the card shows it, handlers are told, and no ping follows', async () => {
      const { inquiryId, number, thread, rootId } = await ask();
      const done = await click(asker, Verbs.withdraw, {
        inquiryId,
        page: 0,
        [listInputs.reason(inquiryId)]: 'Fant svaret selv',
      });
      assert.match(replyOf(done), new RegExp(`${number} er trukket tilbake`));
      await connector.waitFor(
        () => /Trukket tilbake/.test(triageNow(thread, rootId)) || undefined,
        'the triage card showing it withdrawn',
      );
      await connector.waitFor(
        () =>
          connector
            .sent()
            .find((r) =>
              new RegExp(`Innsender har trukket tilbake ${number}`).test(messageText(r)),
            ),
        'a handler told',
      );
      await bot().advance('PT6H');
      await bot().settle();
      assert.deepEqual(
        connector
          .sent()
          .filter(
            (r) =>
              r.conversationId === thread && /har ikke fått svar|påminnelse/.test(messageText(r)),
          ),
        [],
        'no reminder or ping after withdrawal',
      );
      const again = await click(asker, Verbs.withdraw, { inquiryId, page: 0 });
      assert.equal(replyOf(again), 'Saken kan ikke endres nå (status: trukket tilbake).');
    });

    it('adds information from the list, and the handlers see it', async () => {
      const { inquiryId, number, thread, rootId } = await ask();
      const done = await click(asker, Verbs.addInfo, {
        inquiryId,
        page: 0,
        [listInputs.info(inquiryId)]: 'Det gjelder turen til Bergen.',
      });
      assert.match(replyOf(done), new RegExp(`Lagt til i ${number}`));
      await connector.waitFor(
        () => /Innsender la til informasjon/.test(triageNow(thread, rootId)) || undefined,
        'the triage card’s last step',
      );
      const notice = await connector.waitFor(
        () =>
          connector
            .sent()
            .find((r) =>
              new RegExp(`Innsender har lagt til informasjon i ${number}`).test(messageText(r)),
            ),
        'a handler told',
      );
      assert.match(messageText(notice), /Det gjelder turen til Bergen\./);
    });

    it('refuses forged or stale actions and changes nothing', async () => {
      const { inquiryId, thread, rootId } = await ask();
      const before = triageNow(thread, rootId);
      const notAsker = 'Bare den som sendte inn saken kan svare på dette.';
      assert.equal(replyOf(await click(sverre, Verbs.withdraw, { inquiryId, page: 0 })), notAsker);
      assert.equal(
        replyOf(
          await click(outsider, Verbs.addInfo, {
            inquiryId,
            page: 0,
            [listInputs.info(inquiryId)]: 'x',
          }),
        ),
        notAsker,
      );
      assert.equal(
        replyOf(await click(asker, Verbs.reopen, { inquiryId, page: 0 })),
        'Saken kan ikke endres nå (status: ny).',
      );
      assert.equal(
        replyOf(await click(asker, Verbs.rate, { inquiryId, rating: 'good' })),
        'Saken kan ikke endres nå (status: ny).',
      );
      for (const [verb, data] of [
        [Verbs.withdraw, { inquiryId: 'not-an-id', page: 0 }],
        [Verbs.addInfo, { inquiryId, page: 0, [listInputs.info(inquiryId)]: 42 }],
        [Verbs.reopen, { page: 0 }],
        [Verbs.rate, { inquiryId, rating: 'excellent' }],
        [Verbs.myInquiries, { page: -1 }],
      ] as const) {
        assert.equal(
          replyOf(await click(asker, verb, data)),
          invalid,
          `${verb} ${JSON.stringify(data)}`,
        );
      }
      assert.equal(
        replyOf(
          await click(asker, Verbs.withdraw, {
            inquiryId: '6f1c1e1e-0000-4000-8000-000000000099',
            page: 0,
          }),
        ),
        'Fant ikke saken.',
      );
      await bot().settle();
      assert.equal(triageNow(thread, rootId), before, 'the triage card is as it was');
    });
  });

  describe('files and images', () => {
    it('records what the asker sends after asking on the inquiry, and the handler sees it', async () => {
      const { number, thread, rootId } = await ask();
      await send(asker, '', [
        {
          contentType: 'image/png',
          contentUrl: 'https://smba.example/v3/attachments/1/views/original',
        },
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'avvik.docx',
          contentUrl: 'https://fylke.sharepoint.example/avvik.docx',
          content: {
            downloadUrl: 'https://fylke.sharepoint.example/download/avvik.docx',
            uniqueId: 'f1',
            fileType: 'docx',
          },
        },
      ]);
      await replyMatching(
        asker,
        new RegExp(`Lagt til i ${number}: image-1\\.png, avvik\\.docx`),
        'the confirmation',
      );
      await connector.waitFor(
        () =>
          /Vedlegg fra innsender[\s\S]*image-1\.png[\s\S]*avvik\.docx/.test(
            triageNow(thread, rootId),
          ) || undefined,
        'the files on the triage card',
      );
      const card = connector.latestCard(thread, rootId);
      assert.ok(
        JSON.stringify(card).includes('https://fylke.sharepoint.example/download/avvik.docx'),
        'the handler can open the file',
      );
    });

    it('adds a Teams reply to the inquiry whose status card it quotes', async () => {
      const { number, thread, rootId } = await ask();
      const status = await connector.waitFor(
        () => repliesTo(asker).find((r) => new RegExp(number).test(messageText(r))),
        'the status card',
      );
      await send(asker, 'Kari Asker: QM Det gjelder turen til Bergen.', [
        {
          contentType: 'text/html',
          content: `<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="${status.resultId}"><strong>Qm+ Hjelp</strong><p>${number}</p></blockquote><p>Det gjelder turen til Bergen.</p>`,
        },
      ]);
      await replyMatching(asker, new RegExp(`Lagt til i ${number}\\.`), 'the confirmation');
      await connector.waitFor(
        () => /Innsender la til informasjon/.test(triageNow(thread, rootId)) || undefined,
        'the triage card’s last step',
      );
      const told = await connector.waitFor(
        () =>
          connector
            .sent()
            .find((r) =>
              new RegExp(`Innsender har lagt til informasjon i ${number}`).test(messageText(r)),
            ),
        'a handler told',
      );
      assert.match(messageText(told), /Lagt til\n[\s\S]*Det gjelder turen til Bergen\./);
      assert.doesNotMatch(messageText(told), /Kari Asker: QM/, 'without the quoted message');
    });

    it('knows the inquiry by the number the quote shows when the card’s id is not recorded', async () => {
      const { number } = await ask();
      await send(asker, 'Kari Asker: QM Jeg glemte datoen: 12. mars.', [
        {
          contentType: 'text/html',
          content: `<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1700000000000"><strong>Qm+ Hjelp</strong><p>${number} · Mottatt</p></blockquote><p>Jeg glemte datoen: 12. mars.</p>`,
        },
      ]);
      await replyMatching(asker, new RegExp(`Lagt til i ${number}\\.`), 'the confirmation');
    });

    it('never drops a file it cannot place, and says what to do', async () => {
      await send(lise, '', [
        { contentType: 'image/jpeg', contentUrl: 'https://smba.example/v3/attachments/2' },
      ]);
      await replyMatching(lise, /Jeg vet ikke hvilken sak filen hører til/, 'the explanation');
    });
  });

  describe('closing the loop', () => {
    it('needs a closing note to resolve an unanswered inquiry, shows it to the asker, and takes a rating', async () => {
      const { inquiryId, number, thread, rootId } = await ask();
      const refused = await click(sverre, Verbs.resolve, { inquiryId }, { conversationId: thread });
      assert.equal(
        replyOf(refused),
        'Saken er ikke besvart. Skriv en kort merknad om hvordan den ble løst.',
      );
      const resolved = await click(
        sverre,
        Verbs.resolve,
        { inquiryId, closingNote: 'Ordnet på telefon.' },
        { conversationId: thread },
      );
      assert.match(replyOf(resolved), /Løst/);
      await say(asker, number);
      await replyMatching(
        asker,
        /Merknad ved avslutning[\s\S]*Ordnet på telefon\./,
        'the inquiry with its closing note',
      );
      const rated = await click(asker, Verbs.rate, {
        inquiryId,
        rating: 'good',
        ratingComment: 'Raskt og greit',
      });
      assert.doesNotMatch(replyOf(rated), /Hvordan var hjelpen\?/, 'rated once');
      await connector.waitFor(
        () =>
          /Vurdering fra innsender: [\s\S]*Bra · Raskt og greit/.test(triageNow(thread, rootId)) ||
          undefined,
        'the rating on the triage card',
      );
      assert.equal(
        replyOf(await click(asker, Verbs.rate, { inquiryId, rating: 'poor' })),
        'Du har allerede vurdert hjelpen. Takk!',
      );
    });

    it('reopens a resolved inquiry within the period, with the comment in the thread', async () => {
      const { inquiryId, number, thread, rootId } = await ask();
      await click(
        sverre,
        Verbs.answer,
        { inquiryId, answerText: 'Bruk «Meld avvik».' },
        { conversationId: thread },
      );
      await click(asker, Verbs.confirmResolved, { inquiryId });
      await bot().advance('P6D');
      const reopened = await click(asker, Verbs.reopen, {
        inquiryId,
        page: 0,
        [listInputs.comment(inquiryId)]: 'Knappen finnes ikke hos meg.',
      });
      assert.match(replyOf(reopened), new RegExp(`${number} er åpnet igjen`));
      await connector.waitFor(
        () => /Under behandling · Sverre Lunde/.test(triageNow(thread, rootId)) || undefined,
        'the triage card open again with its holder',
      );
      await connector.waitFor(
        () =>
          connector
            .sent()
            .find(
              (r) =>
                r.conversationId === thread && /Knappen finnes ikke hos meg\./.test(messageText(r)),
            ),
        'the comment in the thread',
      );
    });

    it('posts an "Ikke løst" comment in the thread', async () => {
      const { inquiryId, thread } = await ask();
      await click(
        sverre,
        Verbs.answer,
        { inquiryId, answerText: 'Prøv igjen.' },
        { conversationId: thread },
      );
      await click(asker, Verbs.notResolved, { inquiryId, comment: 'Det virker fortsatt ikke.' });
      await connector.waitFor(
        () =>
          connector
            .sent()
            .find(
              (r) =>
                r.conversationId === thread &&
                /Ikke løst[\s\S]*Det virker fortsatt ikke\./.test(messageText(r)),
            ),
        'the comment in the thread',
      );
    });

    it('refuses to reopen after the period and leaves the inquiry resolved', async () => {
      const { inquiryId, thread, rootId } = await ask();
      await click(
        sverre,
        Verbs.answer,
        { inquiryId, answerText: 'Bruk «Meld avvik».' },
        { conversationId: thread },
      );
      await click(asker, Verbs.confirmResolved, { inquiryId });
      await bot().advance('P8D');
      const refused = await click(asker, Verbs.reopen, { inquiryId, page: 0 });
      assert.match(replyOf(refused), /løst for lenge siden til å åpnes igjen/);
      await bot().settle();
      assert.match(triageNow(thread, rootId), /^[\s\S]*Løst/);
      assert.doesNotMatch(triageNow(thread, rootId), /Under behandling/);
    });
  });
});
