import assert from 'node:assert/strict';
import { sendToHelpCommand } from '../../bot/handlers/send-to-help';
import { people } from '../support/domain-fixture';
import {
  messageActionFetch,
  messageActionSubmit,
  teamsUser,
  type ActionMessage,
  type TestUser,
} from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { openBotStore } from '../support/store-under-test';
import { cardText } from '../support/organisation';
import { cardNodes } from '../support/card-nodes';

const triageChannel = '19:triage-skole@thread.tacv2';
/** The team channel where someone wrote the message the action is started on. */
const teamChannel = '19:lærerrommet@thread.tacv2';
const asker = teamsUser(people.asker);
const author = teamsUser(people.sverre);
const stranger: TestUser = {
  teamsId: '29:stranger',
  aadObjectId: '20000000-0000-4000-8000-000000000009',
  name: 'Nina Ny',
  email: 'nina.ny@fylke.example',
};
const link = 'https://teams.microsoft.com/l/message/19:laererrommet@thread.tacv2/1700000000000';
const message: ActionMessage = {
  html: '<p>Hvor finner jeg prosedyren for brannøvelse i e-håndboken?</p><p>Den er ikke under &laquo;HMS&raquo; &amp; ikke under &lt;Skole&gt;.</p>',
  author,
  linkToMessage: link,
};

const input = (card: unknown, id: string) => cardNodes(card).find((n) => n.id === id);

describe('the message action "Send til Qm+ Hjelp" over real HTTP', function () {
  this.timeout(30000);
  const conversation = useConversation();
  const { connector } = conversation;

  const fetchTask = (from: TestUser, locale?: string) =>
    conversation.bot().post(
      messageActionFetch({
        from,
        commandId: sendToHelpCommand,
        message,
        serviceUrl: connector.url,
        channelId: teamChannel,
        ...(locale ? { locale } : {}),
      }),
    );
  const submit = (from: TestUser, data: object, locale?: string) =>
    conversation.bot().post(
      messageActionSubmit({
        from,
        commandId: sendToHelpCommand,
        message,
        data,
        serviceUrl: connector.url,
        channelId: teamChannel,
        ...(locale ? { locale } : {}),
      }),
    );
  /** The dialog's card and the request id its send button carries. */
  async function openDialog(from: TestUser, locale?: string) {
    const response = await fetchTask(from, locale);
    assert.equal(response.status, 200);
    assert.equal(response.body.task.type, 'continue');
    const card = response.body.task.value.card.content;
    return {
      task: response.body.task.value,
      card,
      requestId: card.actions[0].data.requestId as string,
    };
  }
  async function inquiriesOf(askerKey: string) {
    const store = await openBotStore(conversation.bot().sqlitePath);
    try {
      return await store.inquiries.listByAsker(askerKey, 10);
    } finally {
      await store.close();
    }
  }
  /** Cards the bot sent into the 1:1 chat it opened with a person (who had not written to it). */
  const cardsInChatOpenedWith = (user: TestUser) => {
    const opened = connector
      .conversationsCreated()
      .filter((r) => r.body?.members?.[0]?.id === user.teamsId)
      .map((r) => r.resultId);
    return connector
      .sent()
      .filter((r) => opened.includes(r.conversationId) && cardOf(r.body))
      .map((r) => cardOf(r.body));
  };

  it('opens a dialog with the message’s text and link, ready to edit, with the obvious topic chosen', async () => {
    const { task, card, requestId } = await openDialog(asker);
    assert.equal(task.title, 'Send til Qm+ Hjelp');
    assert.equal(task.card.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal(
      input(card, 'question')?.value,
      'Hvor finner jeg prosedyren for brannøvelse i e-håndboken?\n' +
        'Den er ikke under «HMS» & ikke under <Skole>.\n\n' +
        `Lenke til meldingen: ${link}`,
    );
    assert.equal(input(card, 'question')?.isMultiline, true);
    assert.equal(input(card, 'topicId')?.value, 'ehandbok');
    assert.equal(input(card, 'unitId'), undefined, 'the sender’s unit is known');
    assert.equal(card.actions[0].type, 'Action.Submit');
    assert.ok(requestId);

    const english = await openDialog(asker, 'en-US');
    assert.equal(english.task.title, 'Send to Qm+ Hjelp');
    assert.match(String(input(english.card, 'question')?.value), /Link to the message: https:/);
    assert.notEqual(english.requestId, requestId, 'every dialog is a new request');
  });

  it('opens the inquiry in the sender’s name with the edited text: status card to the sender, triage card to the channel; a repeated submit opens nothing new', async () => {
    const { requestId } = await openDialog(asker);
    const data = {
      requestId,
      question: 'Hvor ligger prosedyren for brannøvelse? Sverre fant den ikke heller.',
      topicId: 'ehandbok',
    };
    const sent = await submit(asker, data);
    assert.equal(sent.status, 200);
    assert.equal(sent.body.task.type, 'message');
    assert.match(sent.body.task.value, /^Sendt til Qm\+ Hjelp som QM-\d{4}-0001\./);

    const post = await connector.channelPost(triageChannel);
    const triage = cardText(cardOf(post.body.activity));
    assert.match(triage, /QM-\d{4}-0001 · Hauge vgs · E-håndbok/);
    assert.match(triage, /Sverre fant den ikke heller/);
    assert.match(triage, /Kari Asker/, 'the sender is the asker');

    const status = await connector.waitFor(
      () => cardsInChatOpenedWith(asker)[0],
      'the status card in the sender’s 1:1 chat',
    );
    assert.match(cardText(status), /Venter på superbruker/);
    assert.match(cardText(status), /Sverre fant den ikke heller/);
    assert.deepEqual(cardsInChatOpenedWith(author), [], 'nothing to the message’s author');

    const again = await submit(asker, data);
    assert.equal(again.body.task.value, sent.body.task.value, 'the same inquiry, once');
    const inquiries = await inquiriesOf(people.asker.email);
    assert.equal(inquiries.length, 1);
    assert.equal(inquiries[0]?.asker.name, 'Kari Asker');
    assert.equal(inquiries[0]?.text, data.question);
  });

  it('refuses empty, over-long, unknown-topic and forged submits in the sender’s language, storing nothing', async () => {
    const before = await inquiriesOf(people.asker.email);
    const { requestId } = await openDialog(asker);
    const refusal = async (data: object, locale?: string): Promise<string> => {
      const response = await submit(asker, data, locale);
      assert.equal(response.status, 200);
      assert.equal(response.body.task.type, 'message');
      return response.body.task.value as string;
    };
    const valid = { requestId, question: 'Hvor er prosedyren?', topicId: 'ehandbok' };
    assert.equal(
      await refusal({ ...valid, question: '  \n ' }),
      'Spørsmålet er tomt. Skriv hva du lurer på, og send igjen.',
    );
    assert.equal(
      await refusal({ ...valid, question: 'x'.repeat(4001) }),
      'Spørsmålet er for langt. Skriv det kortere (høyst 4000 tegn).',
    );
    assert.equal(
      await refusal({ ...valid, topicId: 'no-such-topic' }),
      'Velg et tema fra listen, og send igjen.',
    );
    assert.equal(
      await refusal({ question: valid.question, topicId: 'ehandbok' }),
      'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.',
    );
    assert.equal(
      await refusal({ ...valid, question: { text: 'ikke tekst' } }),
      'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.',
    );
    assert.equal(
      await refusal({ ...valid, question: '' }, 'en-US'),
      'The question is empty. Write what you want to ask, and send again.',
    );
    assert.deepEqual(await inquiriesOf(people.asker.email), before);
    assert.equal(connector.conversationsCreated().length, 0, 'nobody was told anything');
  });

  it('lets someone the organisation does not know pick their unit in the dialog, and remembers it', async () => {
    const { card, requestId } = await openDialog(stranger);
    const unit = input(card, 'unitId');
    assert.equal(unit?.type, 'Input.ChoiceSet');
    assert.ok(
      (unit?.choices as { title: string }[]).some(
        (c) => c.title === 'Sola tannklinikk (Tannhelse)',
      ),
    );
    const data = { requestId, question: 'Hvordan melder jeg avvik?', topicId: 'avvik' };
    assert.equal(
      (await submit(stranger, data)).body.task.value,
      'Velg enheten din fra listen, og send igjen.',
    );
    const sent = await submit(stranger, { ...data, unitId: 'sola-klinikk' });
    const number = /^Sendt til Qm\+ Hjelp som (QM-\d{4}-\d{4})\./.exec(sent.body.task.value)?.[1];
    assert.ok(number, sent.body.task.value);
    const [inquiry] = await inquiriesOf(`aad:${stranger.aadObjectId ?? ''}`);
    assert.equal(inquiry?.number, number);
    assert.equal(inquiry?.unitId, 'sola-klinikk');
    const next = await openDialog(stranger);
    assert.equal(input(next.card, 'unitId'), undefined, 'the unit is remembered, as in the chat');
  });
});
