import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText } from '../support/organisation';

const asker = teamsUser(people.asker);
const stranger: TestUser = {
  teamsId: '29:stranger',
  aadObjectId: '20000000-0000-4000-8000-000000000009',
  name: 'Nina Ny',
  email: 'nina.ny@fylke.example',
};
const byEmailOnly: TestUser = {
  teamsId: '29:lise',
  name: 'Lise Holm',
  email: people.dentalAsker.email,
};

describe('asking the bot', function () {
  this.timeout(120_000);
  const conversation = useConversation({
    setUp: (connector) => {
      connector.setMember({
        id: byEmailOnly.teamsId,
        name: byEmailOnly.name,
        email: byEmailOnly.email,
        userPrincipalName: byEmailOnly.email,
      });
      connector.addPerson(stranger);
    },
  });
  const { connector } = conversation;
  const { say, click } = conversation;
  const cardsTo = (user: TestUser) =>
    connector
      .sent()
      .filter((r) => r.conversationId === personalConversationId(user) && cardOf(r.body));

  it('greets back briefly, gives help naming the unit’s superusers on «hjelp», and opens nothing', async () => {
    await say(asker, 'Hei!');
    const greeting = await connector.waitFor(
      () =>
        connector
          .sent()
          .find(
            (r) =>
              r.conversationId === personalConversationId(asker) &&
              /^Hei, Kari! Skriv spørsmålet ditt om Qm\+ her/.test(r.body.text ?? ''),
          ),
      'the greeting',
    );
    assert.equal(cardOf(greeting.body), undefined, 'a short reply, not a card');
    await say(asker, 'hjelp');
    const help = await connector.waitFor(() => cardsTo(asker)[0], 'the help card');
    const text = cardText(cardOf(help.body));
    assert.match(text, /Skriv spørsmålet ditt om Qm\+ her i chatten/);
    assert.match(text, /Superbrukere for Hauge vgs:/);
    assert.match(text, /Sverre Lunde/);
    await say(asker, '   ');
    await connector.waitFor(() => cardsTo(asker)[1], 'help for an empty message');
    assert.equal(connector.conversationsCreated().length, 0, 'no triage card was posted');
  });

  it('asks for the topic when it is not obvious, warns about personal data, then opens the inquiry', async () => {
    await say(asker, 'Qm+ henger når jeg trykker på lagre');
    const pick = await connector.waitFor(() => cardsTo(asker)[0], 'the topic card');
    const card = cardOf(pick.body);
    assert.match(cardText(card), /Hva gjelder spørsmålet\?/);
    assert.match(cardText(card), /Ikke skriv sensitive personopplysninger/);
    const draftId = card.actions[0].data.draftId as string;
    const opened = await click(
      asker,
      Verbs.pickTopic,
      { draftId, topicId: 'annet' },
      { replyToId: pick.resultId! },
    );
    const number = /(QM-\d{4}-\d{4}) · Hauge vgs · Annet/.exec(cardText(opened.body.value))?.[1];
    assert.ok(number, 'the status card names the new inquiry');
    assert.match(cardText(opened.body.value), /Venter på superbruker/);
    await connector.waitFor(() => connector.conversationsCreated()[0], 'the triage card');
    const again = await click(
      asker,
      Verbs.pickTopic,
      { draftId, topicId: 'annet' },
      { replyToId: pick.resultId! },
    );
    assert.match(
      cardText(again.body.value),
      new RegExp(`${number} · Hauge vgs`),
      'a second click opens nothing new',
    );
  });

  it('asks someone the organisation does not know to pick a unit, and remembers it', async () => {
    await say(stranger, 'Hvordan melder jeg avvik?');
    const pick = await connector.waitFor(() => cardsTo(stranger)[0], 'the unit card');
    const card = cardOf(pick.body);
    assert.match(cardText(card), /Hvilken enhet hører du til\?/);
    const choiceSet = card.body.find((e: any) => e.type === 'Input.ChoiceSet');
    assert.equal(choiceSet.style, 'filtered');
    assert.ok(choiceSet.choices.some((c: any) => c.title === 'Sola tannklinikk (Tannhelse)'));
    const draftId = card.actions[0].data.draftId as string;

    const forged = await click(
      stranger,
      Verbs.pickUnit,
      { draftId, unitId: 'no-such-unit' },
      { replyToId: pick.resultId! },
    );
    assert.equal(
      forged.body.value,
      'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.',
    );
    const someoneElse = await click(asker, Verbs.pickUnit, { draftId, unitId: 'sola-klinikk' });
    assert.equal(
      someoneElse.body.value,
      'Handlingen er ugyldig eller utdatert. Last inn kortet på nytt.',
    );

    const opened = await click(
      stranger,
      Verbs.pickUnit,
      { draftId, unitId: 'sola-klinikk' },
      { replyToId: pick.resultId! },
    );
    assert.match(cardText(opened.body.value), /Sola tannklinikk · Avvik/);

    await say(stranger, 'Hvor finner jeg prosedyren i e-håndboken?');
    await connector.waitFor(
      () =>
        cardsTo(stranger).find((r) =>
          /Sola tannklinikk · E-håndbok/.test(cardText(cardOf(r.body))),
        ),
      'a second inquiry without asking for the unit again',
    );
  });

  it('finds someone without an Entra id by their email from Teams', async () => {
    await say(byEmailOnly, 'Hvordan melder jeg avvik?');
    const status = await connector.waitFor(() => cardsTo(byEmailOnly)[0], 'the status card');
    assert.match(cardText(cardOf(status.body)), /Sola tannklinikk/);
  });

  it('sends the triage card to each superuser’s 1:1 chat when the work area has no channel', async () => {
    await say(byEmailOnly, 'Hvordan melder jeg avvik?');
    const chat = await connector.waitFor(
      () => conversation.chatWith(people.dentist.aadObjectId),
      'a 1:1 chat with the clinic’s superuser',
    );
    const triage = await connector.waitFor(
      () => connector.sent().find((r) => r.conversationId === chat && cardOf(r.body)),
      'the triage card in that chat',
    );
    const card = cardOf(triage.body);
    assert.deepEqual(
      card.msteams.entities.map((e: any) => e.mentioned.name),
      ['Tone Tann'],
    );
    assert.ok(
      !connector.conversationsCreated().some((r) => r.body?.channelData?.channel),
      'no channel post',
    );
  });

  it('goes straight to the coordinators when the unit has no superuser', async () => {
    const user: TestUser = { teamsId: '29:ola', name: 'Ola Sola', email: 'ola.sola@fylke.example' };
    connector.addPerson(user);
    await say(user, 'Hvordan melder jeg avvik?');
    const pick = await connector.waitFor(() => cardsTo(user)[0], 'the unit card');
    const draftId = cardOf(pick.body).actions[0].data.draftId as string;
    await click(
      user,
      Verbs.pickUnit,
      { draftId, unitId: 'sola-vgs' },
      { replyToId: pick.resultId! },
    );
    const post = await connector.waitFor(
      () => connector.conversationsCreated()[0],
      'the triage card',
    );
    const card = cardOf(post.body.activity);
    assert.deepEqual(
      card.msteams.entities.map((e: any) => e.mentioned.name),
      ['Anne Winter'],
    );
    assert.match(cardText(card), /Koordinator/);
  });

  it('speaks English when Teams asks for English', async () => {
    await say(asker, 'How do I report an avvik?', { locale: 'en-US' });
    const status = await connector.waitFor(() => cardsTo(asker)[0], 'the status card');
    const text = cardText(cardOf(status.body));
    assert.match(text, /Waiting for a superuser/);
    assert.match(text, /Deviations/);
  });
});
