import assert from 'node:assert/strict';
import { DateTime } from 'luxon';
import { Verbs } from '../../cards/verbs';
import { nb } from '../../src/i18n/nb';
import { organisation, people } from '../support/domain-fixture';
import { personalConversationId, teamsUser, type TestUser } from '../support/activities';
import { cardOf, type RecordedRequest } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText, coordinatorAad, systemResponsibleAad } from '../support/organisation';
import { askInChannel } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
const hilde = teamsUser(people.hilde);
const perDal = teamsUser(people.otherSuperuser);
const dentist = teamsUser(people.dentist);
const anne = teamsUser({ ...people.coordinator, aadObjectId: coordinatorAad });
/** An employee of Sola vgs, a school with no superuser. */
const siri: TestUser = {
  teamsId: '29:siri.sola',
  aadObjectId: '30000000-0000-4000-8000-000000000001',
  name: 'Siri Sola',
  email: 'siri.sola@fylke.example',
};

/**
 * The test organisation with a vacant coordinator role (dental health), an employee at a school
 * without superusers, and the organisation's contact points, one of them with nobody in it.
 */
const rolesOrganisation = {
  ...organisation,
  people: [
    ...organisation.people,
    { email: siri.email, name: siri.name, unit: 'sola-vgs', aadObjectId: siri.aadObjectId },
  ].map((person) =>
    person.email === people.coordinator.email
      ? { ...person, aadObjectId: coordinatorAad }
      : person.email === people.systemResponsible.email
        ? { ...person, aadObjectId: systemResponsibleAad }
        : person,
  ),
  workAreas: organisation.workAreas.map((area) =>
    area.id === 'tannhelse' ? { ...area, coordinators: [] } : area,
  ),
  contactPoints: [
    {
      function: { nb: 'Koordinator skole', en: 'Coordinator, schools' },
      name: people.coordinator.name,
      phone: '+47 51 51 66 20',
      email: people.coordinator.email,
    },
    { function: { nb: 'Koordinator tannhelse', en: 'Coordinator, dental health' } },
  ],
};

function mentionedIds(card: any): string[] {
  return (card?.msteams?.entities ?? []).map((e: any) => e.mentioned.id);
}

describe('who to ask, away with a deputy, and routing by role', function () {
  this.timeout(120_000);
  const conversation = useConversation({
    organisation: rolesOrganisation,
    setUp: (connector) =>
      connector.addUser({
        teamsId: siri.teamsId,
        aadObjectId: siri.aadObjectId!,
        userPrincipalName: siri.email,
        email: siri.email,
        name: siri.name,
      }),
  });
  const { connector, say, click, bot: running } = conversation;

  const to = (user: TestUser): RecordedRequest[] =>
    connector.sent().filter((r) => r.conversationId === personalConversationId(user));
  const cardTo = (user: TestUser, pattern: RegExp, what: string) =>
    connector.waitFor(
      () => to(user).find((r) => cardOf(r.body) && pattern.test(cardText(cardOf(r.body)))),
      what,
    );
  /** Today and a day ahead in the organisation's time zone, as the away card's date input gives them. */
  const day = (ahead: number) =>
    DateTime.fromJSDate(running().now(), { zone: 'Europe/Oslo' })
      .plus({ days: ahead })
      .toISODate()!;
  const reply = (response: { body: any }): string =>
    typeof response.body?.value === 'string' ? response.body.value : cardText(response.body?.value);

  it("answers 'hvem er superbruker?' with the unit's superusers, the coordinators, the system responsible per topic and the contact points, and opens nothing", async () => {
    await say(asker, 'Hvem er superbruker?');
    const card = await cardTo(asker, /Hvem kan hjelpe deg/, 'the who-to-ask card');
    const text = cardText(cardOf(card.body));
    assert.match(text, /Du hører til Hauge vgs \(Skoler\)\./);
    assert.match(text, /Superbrukere for Hauge vgs\nSverre Lunde\n · sverre\.lunde@fylke\.example/);
    assert.match(text, /Hilde Berg/);
    assert.match(text, /Koordinatorer for Skoler\nAnne Winter/);
    assert.match(text, /Systemansvarlig per tema\nE-håndbok\n · Arne Hope/);
    assert.match(
      text,
      /Kontaktpunkter\nKoordinator skole\n · Anne Winter · Telefon \+47 51 51 66 20/,
    );
    assert.match(text, /Koordinator tannhelse\n · Ledig/);
    for (const said of ['KONTAKT!', 'who to ask?', 'Hvem er min superbruker']) {
      await say(asker, said, { locale: said.startsWith('who') ? 'en-US' : 'nb-NO' });
    }
    await connector.waitFor(
      () =>
        to(asker).filter((r) =>
          /Hvem kan hjelpe deg|Who can help you/.test(cardText(cardOf(r.body))),
        ).length === 4 || undefined,
      'a who-to-ask card for each way of asking',
    );
    assert.ok(
      to(asker).some((r) => /Who can help you with Qm\+\?/.test(cardText(cardOf(r.body)))),
      'the English form answers in English',
    );
    assert.equal(connector.conversationsCreated().length, 0, 'no inquiry was opened');
  });

  it('shows a role nobody holds as vacant', async () => {
    await say(dentist, 'kontakt');
    const card = await cardTo(dentist, /Hvem kan hjelpe deg/, 'the who-to-ask card');
    assert.match(cardText(cardOf(card.body)), /Koordinatorer for Tannhelse\nLedig/);
  });

  it('lets a superuser be away with a deputy: who to ask says so, and the deputy is mentioned on the triage card instead and may act', async () => {
    await say(sverre, 'borte');
    const awayCard = await cardTo(sverre, /Borte, med stedfortreder/, 'the away card');
    const deputies = JSON.stringify(cardOf(awayCard.body));
    assert.match(deputies, /Per Dal/);
    assert.doesNotMatch(deputies, /Anne Winter/, 'a coordinator is no deputy for a superuser');

    const until = day(2);
    const saved = await click(sverre, Verbs.setAway, {
      awayUntil: until,
      deputy: people.otherSuperuser.email,
    });
    const line = `Sverre Lunde er borte til ${nb.away.day(until)}; stedfortreder Per Dal`;
    assert.equal(reply(saved), `Lagret: ${line}.`);

    await say(asker, 'kontakt');
    await connector.waitFor(
      () => to(asker).find((r) => cardText(cardOf(r.body)).includes(line)),
      'who to ask names the deputy',
    );

    const { post, inquiryId, thread, rootId } = await askInChannel(running(), connector);
    const triage = cardOf(post.body.activity);
    assert.deepEqual(mentionedIds(triage), [
      people.otherSuperuser.aadObjectId,
      people.hilde.aadObjectId,
    ]);
    assert.match(cardText(triage), /<at>Per Dal<\/at> og <at>Hilde Berg<\/at>: ny henvendelse/);
    assert.ok(cardText(triage).includes(line), 'the triage card says who is away');

    const claim = await click(
      perDal,
      Verbs.claim,
      { inquiryId },
      { conversationId: thread, replyToId: rootId },
    );
    assert.match(reply(claim), /Under behandling · Per Dal/);
  });

  it('sends inquiries to the superuser again once the day after the absence has come', async () => {
    await running().advance('P3D');
    const { post } = await askInChannel(running(), connector);
    const triage = cardOf(post.body.activity);
    assert.deepEqual(mentionedIds(triage), [people.sverre.aadObjectId, people.hilde.aadObjectId]);
    assert.doesNotMatch(cardText(triage), /er borte til/);
    await say(sverre, 'away');
    const card = await cardTo(
      sverre,
      /Borte, med stedfortreder|Away, with a deputy/,
      'the away card',
    );
    assert.doesNotMatch(cardText(cardOf(card.body)), /Nå:/, 'Sverre is no longer away');
  });

  it("starts a superuser's own question above their unit's superusers, never routed to themselves", async () => {
    const { post } = await askInChannel(
      running(),
      connector,
      'Hvordan legger jeg inn en ny prosedyre i e-håndboken?',
      hilde,
    );
    const triage = cardOf(post.body.activity);
    assert.deepEqual(mentionedIds(triage), [coordinatorAad]);
    assert.match(cardText(triage), /Hoppet over: \nSuperbruker: innsender har rollen selv/);
    const status = await cardTo(hilde, /QM-\d{4}-\d{4}/, "Hilde's status card");
    assert.match(cardText(cardOf(status.body)), /Superbruker: innsender har rollen selv/);
    assert.doesNotMatch(cardText(cardOf(status.body)), /Hilde Berg \(superbruker\)/);
  });

  it('skips a level nobody holds, visibly, and goes on to the next', async () => {
    const { post } = await askInChannel(running(), connector, 'Hvordan melder jeg et avvik?', siri);
    const triage = cardOf(post.body.activity);
    assert.deepEqual(mentionedIds(triage), [coordinatorAad]);
    assert.match(cardText(triage), /Superbruker: ledig → Koordinator: Anne Winter/);
    assert.match(cardText(triage), /Hoppet over: \nSuperbruker: ledig/);
    const status = await cardTo(siri, /QM-\d{4}-\d{4}/, "the asker's status card");
    assert.match(cardText(cardOf(status.body)), /Hoppet over: \nSuperbruker: ledig/);
    assert.match(cardText(cardOf(status.body)), /Anne Winter \(koordinator\)/);
  });

  it("escalates an inquiry that was open before the coordinator went away to the coordinator's deputy", async () => {
    const { thread } = await askInChannel(running(), connector);
    await say(anne, 'borte');
    await cardTo(anne, /Borte, med stedfortreder/, 'the away card');
    const saved = await click(anne, Verbs.setAway, {
      awayUntil: day(1),
      deputy: people.systemResponsible.email,
    });
    assert.match(reply(saved), /Lagret: Anne Winter er borte til .*; stedfortreder Arne Hope/);
    // The superusers' four hours pass without an answer.
    await running().advance('PT4H');
    const ping = await connector.waitFor(
      () =>
        connector
          .sent()
          .find(
            (r) =>
              r.conversationId === thread && /har ikke fått svar/.test(cardText(cardOf(r.body))),
          ),
      'the escalation ping in the thread',
    );
    assert.deepEqual(mentionedIds(cardOf(ping.body)), [systemResponsibleAad]);
    assert.doesNotMatch(JSON.stringify(cardOf(ping.body)), new RegExp(coordinatorAad));
  });

  it('refuses forged away data and changes nothing', async () => {
    const refused = [
      // A deputy who does not hold the same role.
      [hilde, { awayUntil: day(1), deputy: people.asker.email }, /samme rolle som deg/],
      [hilde, { awayUntil: day(1), deputy: people.coordinator.email }, /samme rolle som deg/],
      // A day in the past, or far ahead.
      [hilde, { awayUntil: day(-1), deputy: people.sverre.email }, /Velg en dag fra i dag/],
      [hilde, { awayUntil: day(400), deputy: people.sverre.email }, /Velg en dag fra i dag/],
      // Data no card makes.
      [hilde, { awayUntil: 'i morgen', deputy: people.sverre.email }, /Handlingen er ugyldig/],
      [hilde, { deputy: people.sverre.email }, /Handlingen er ugyldig/],
      // Someone with no handler role.
      [
        asker,
        { awayUntil: day(1), deputy: people.sverre.email },
        /Bare superbrukere, koordinatorer og systemansvarlige/,
      ],
    ] as const;
    for (const [who, data, pattern] of refused) {
      const response = await click(who, Verbs.setAway, data);
      assert.equal(response.status, 200);
      assert.match(reply(response), pattern, JSON.stringify(data));
    }
    const notAway = await click(hilde, Verbs.endAway, {});
    assert.equal(reply(notAway), 'Du er ikke registrert som borte.');
    await say(asker, 'hvem er superbrukeren min?');
    await connector.waitFor(
      () => to(asker).find((r) => /Superbrukere for Hauge vgs/.test(cardText(cardOf(r.body)))),
      'who to ask',
    );
    assert.ok(
      to(asker).every((r) => !/Hilde Berg er borte/.test(cardText(cardOf(r.body)))),
      'nobody is away',
    );
  });
});
