import assert from 'node:assert/strict';
import { Inputs, peopleDataset, Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { teamsUser, typeaheadSearch } from '../support/activities';
import { cardNodes, executes } from '../support/card-nodes';
import { useConversation } from '../support/conversation';
import { cardOf } from '../support/fake-connector';
import { cardText, messageText } from '../support/organisation';
import { triageThreads } from '../support/triage';

const hanne = teamsUser(people.helpdesk);
const kari = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);

describe('the helpdesk registers an inquiry for an employee, over real HTTP', function () {
  this.timeout(120_000);
  const { connector, bot, ask, click } = useConversation();

  /** The intake card the helpdesk gets for «registrer», and the request id its button carries. */
  async function intakeCard(): Promise<{ card: any; requestId: string }> {
    const reply = await ask(hanne, 'registrer');
    const card = cardOf(reply.body);
    assert.ok(card, `the intake is a card: ${JSON.stringify(reply.body).slice(0, 400)}`);
    const submit = executes(card).find((a) => a.verb === Verbs.register);
    assert.ok(submit, 'the card registers');
    return { card, requestId: submit.data.requestId as string };
  }

  function registration(requestId: string, overrides: Record<string, unknown> = {}) {
    return {
      requestId,
      [Inputs.intakeEmployee]: people.asker.email,
      [Inputs.intakeTopic]: 'avvik',
      [Inputs.intakeQuestion]: 'Kari ringte: hun finner ikke skjemaet for avvik på elevtur.',
      [Inputs.intakeChannel]: 'phone',
      ...overrides,
    };
  }

  /** Nothing was opened: no triage thread, no chat started, no status card. */
  async function nothingOpened(threadsBefore: number): Promise<void> {
    await bot().settle();
    assert.equal(triageThreads(connector).length, threadsBefore, 'no triage card');
    assert.equal(
      connector.sent().filter((r) => /Registrert av/.test(messageText(r))).length +
        connector.conversationsCreated().filter((r) => /QM-\d{4}/.test(messageText(r))).length,
      0,
      'nobody was told of an inquiry',
    );
  }

  it('registers for a searched-up employee: the same chain, the employee told in Teams, the history saying who and how', async () => {
    const { card, requestId } = await intakeCard();
    const employeeField = cardNodes(card).find((n) => n.id === Inputs.intakeEmployee) as any;
    assert.equal(employeeField?.type, 'Input.ChoiceSet');
    assert.deepEqual(employeeField['choices.data'], {
      type: 'Data.Query',
      dataset: peopleDataset,
      count: 15,
    });
    assert.match(cardText(card), /telefon[\s\S]*e-post[\s\S]*oppmøte[\s\S]*annet/);

    const found = await bot().post(
      typeaheadSearch({
        from: hanne,
        serviceUrl: connector.url,
        dataset: peopleDataset,
        queryText: 'kari',
      }),
    );
    assert.equal(found.status, 200);
    assert.equal(found.body.type, 'application/vnd.microsoft.search.searchResponse');
    const results = found.body.value.results as { title: string; value: string }[];
    assert.deepEqual(
      results.map((r) => r.value),
      [people.asker.email],
    );
    assert.match(results[0].title, /Kari Asker · Hauge vgs/);

    const threadsBefore = triageThreads(connector).length;
    const registered = await click(hanne, Verbs.register, registration(requestId));
    assert.equal(registered.status, 200);
    const answer = JSON.stringify(registered.body);
    const number = /QM-\d{4}-\d{4}/.exec(answer)?.[0];
    assert.ok(number, `the helpdesk is told the number: ${answer}`);
    assert.match(answer, /for Kari Asker/);

    // The superusers of Kari's unit get it in their channel as if she had asked.
    const thread = await connector.waitFor(
      () => triageThreads(connector)[threadsBefore],
      'the triage card in the channel',
    );
    const triage = cardText(cardOf(thread.body.activity));
    assert.match(triage, new RegExp(number));
    assert.match(triage, /Kari Asker/);
    assert.match(triage, /skjemaet for avvik på elevtur/);

    // Kari is told in Teams, with who registered it and how it came in.
    const status = await connector.waitFor(
      () =>
        connector.requests
          .filter((r) => r.method === 'POST' && r.status < 300)
          .find((r) => messageText(r).includes(number) && /Registrert av/.test(messageText(r))),
      "Kari's status card",
    );
    assert.match(messageText(status), /Hanne Hjelp \(telefon\)/);

    // She follows it in «mine saker».
    const mine = await ask(kari, 'mine saker');
    assert.match(cardText(cardOf(mine.body)), new RegExp(number));

    // A file she sends now is not taken as added to it: she did not open it herself.
    const file = await ask(kari, '', [
      { contentType: 'image/jpeg', contentUrl: 'https://smba.example/v3/attachments/9' },
    ]);
    assert.match(messageText(file), /Jeg vet ikke hvilken sak filen hører til/);

    // The history says who registered it and how.
    const inquiryId = executes(cardOf(thread.body.activity)).find((a) => a.data?.inquiryId)?.data
      .inquiryId;
    const history = await click(sverre, Verbs.history, { inquiryId });
    assert.match(cardText(history.body.value), /Hanne Hjelp registrerte saken \(telefon\)/);

    // The helpdesk may look it up by number, and find it by words.
    const lookedUp = await ask(hanne, number);
    assert.match(cardText(cardOf(lookedUp.body)), new RegExp(number));
    const searched = await ask(hanne, 'søk elevtur skjemaet');
    assert.match(cardText(cardOf(searched.body)), new RegExp(number));

    // The same card sent again registers nothing more.
    await bot().settle();
    const again = await click(hanne, Verbs.register, registration(requestId));
    assert.match(JSON.stringify(again.body), new RegExp(`allerede registrert som ${number}`));
    await bot().settle();
    assert.equal(triageThreads(connector).length, threadsBefore + 1, 'one inquiry, not two');
  });

  it('tells an employee that registering is for the helpdesk, and opens nothing for a forged click', async () => {
    const threadsBefore = triageThreads(connector).length;
    const reply = await ask(kari, 'registrer');
    assert.equal(cardOf(reply.body), undefined);
    assert.match(reply.body.text, /for brukerhjelpen/);
    assert.match(reply.body.text, /skrive ditt eget spørsmål/);

    const forged = await click(
      kari,
      Verbs.register,
      registration('8a6e0f5c-1111-4222-8333-944455556666', {
        [Inputs.intakeEmployee]: people.dentalAsker.email,
      }),
    );
    assert.match(JSON.stringify(forged.body), /for brukerhjelpen/);

    const typeahead = await bot().post(
      typeaheadSearch({
        from: kari,
        serviceUrl: connector.url,
        dataset: peopleDataset,
        queryText: 'lise',
      }),
    );
    assert.deepEqual(typeahead.body.value.results, [], 'nobody else learns who works here');
    await nothingOpened(threadsBefore);
  });

  it('refuses forged or stale card data and an unknown employee, and changes nothing', async () => {
    const { requestId } = await intakeCard();
    const threadsBefore = triageThreads(connector).length;
    const refused = async (data: object, pattern: RegExp, what: string) => {
      const response = await click(hanne, Verbs.register, data);
      assert.equal(response.status, 200);
      assert.match(JSON.stringify(response.body), pattern, what);
    };
    const invalid = /ugyldig eller utdatert/;
    await refused(registration('not-a-uuid'), invalid, 'a request id that is none');
    await refused(registration(requestId, { [Inputs.intakeChannel]: 'fax' }), invalid, 'a channel');
    await refused(
      registration(requestId, { [Inputs.intakeTopic]: 'no-such-topic' }),
      invalid,
      'a topic',
    );
    await refused(
      registration(requestId, { [Inputs.intakeQuestion]: 'x'.repeat(5000) }),
      invalid,
      'a question longer than any card allows',
    );
    await refused(
      registration(requestId, { [Inputs.intakeEmployee]: 'nobody@fylke.example' }),
      /Fant ikke den ansatte/,
      'an employee the organisation does not have',
    );
    await refused(
      registration(requestId, { [Inputs.intakeQuestion]: '   ' }),
      /Spørsmålet er tomt/,
      'an empty question',
    );
    await nothingOpened(threadsBefore);
  });
});
