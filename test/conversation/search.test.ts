import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { teamsUser } from '../support/activities';
import { executes } from '../support/card-nodes';
import { nextInChat, useConversation } from '../support/conversation';
import { cardOf } from '../support/fake-connector';
import { cardText, messageText, numbersIn } from '../support/organisation';
import { askInChannel } from '../support/triage';

const lise = teamsUser(people.dentalAsker);
const kari = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
const per = teamsUser(people.otherSuperuser);
const dag = teamsUser(people.dentalCoordinator);
const eva = teamsUser(people.admin);

/** A word nobody writes, so that each test finds only its own inquiries in the shared store. */
function uniqueWord(): string {
  return `elevtur${randomBytes(4).toString('hex')}`;
}

describe('a handler searches inquiries by words over real HTTP', function () {
  this.timeout(120_000);
  const { connector, bot, say, ask, click } = useConversation();

  /** A question from the dental asker, whose clinic has no triage channel; its number. */
  function askDental(text: string): Promise<string> {
    return nextInChat(
      connector,
      lise,
      () => say(lise, text),
      (r) => /QM-\d{4}-\d{4}/.exec(messageText(r))?.[0],
      "the dental asker's status card",
    );
  }

  it('finds the inquiries a handler may see, newest first, each line opening its card', async () => {
    const word = uniqueWord();
    const older = await askInChannel(
      bot(),
      connector,
      `Avvik på ${word} til Bergen: hvor melder jeg det?`,
    );
    const newer = await askInChannel(bot(), connector, `Hvem godkjenner avvik etter ${word}?`);
    const dental = await askDental(`Avvik under ${word} med tannhelsen: hvordan melder jeg det?`);

    const found = cardOf((await ask(sverre, `søk avvik ${word}`)).body);
    assert.ok(found, 'the matches are a card');
    assert.deepEqual(
      numbersIn(found),
      [newer.number, older.number],
      'newest first, own units only',
    );
    assert.match(cardText(found), /2 saker/);

    const open = executes(found).find(
      (a) => a.verb === Verbs.showCard && a.data.inquiryId === older.inquiryId,
    );
    assert.ok(open, 'each line opens its inquiry');
    const opened = await click(sverre, Verbs.showCard, open.data);
    assert.match(cardText(opened.body.value), new RegExp(older.number));

    assert.deepEqual(numbersIn(cardOf((await ask(dag, `search ${word}`)).body)), [dental]);
    assert.deepEqual(numbersIn(cardOf((await ask(eva, `søk ${word}`)).body)), [
      dental,
      newer.number,
      older.number,
    ]);
    const byNumber = cardOf((await ask(eva, `søk ${older.number}`)).body);
    assert.deepEqual([...new Set(numbersIn(byNumber))], [older.number], 'by number too');
    assert.match(cardText(byNumber), /1 sak\b/);
  });

  it('never tells a handler whether an inquiry they may not see exists', async () => {
    const word = uniqueWord();
    const dental = await askDental(`Smittevern og ${word}: hvor står prosedyren?`);
    const hidden = await ask(per, `søk ${word}`);
    const nonsense = await ask(per, `søk ${word}x`);
    assert.equal(cardText(cardOf(hidden.body)).includes(dental), false);
    assert.equal(
      cardText(cardOf(hidden.body)).split(word).join('WORD'),
      cardText(cardOf(nonsense.body)).split(`${word}x`).join('WORD'),
      'a match out of sight reads as no match at all',
    );
    assert.match(cardText(cardOf(hidden.body)), /Fant ingen saker du kan se/);
  });

  it('pages a long list of matches', async () => {
    const word = uniqueWord();
    const numbers: string[] = [];
    for (let n = 0; n < 11; n++)
      numbers.unshift(
        (await askInChannel(bot(), connector, `Avvik nummer ${n} på ${word}: hvor melder jeg det?`))
          .number,
      );
    const first = cardOf((await ask(sverre, `søk ${word}`)).body);
    assert.deepEqual(numbersIn(first), numbers.slice(0, 10));
    assert.match(cardText(first), /Side 1 av 2/);
    const next = executes(first).find((a) => a.verb === Verbs.search && a.title === 'Neste');
    assert.ok(next, 'a next page');
    const second = await click(sverre, Verbs.search, next.data);
    assert.deepEqual(numbersIn(second.body.value), numbers.slice(10));
    assert.ok(executes(second.body.value).some((a) => a.title === 'Forrige'));
  });

  it('tells an employee what they can do instead, and a handler how to search', async () => {
    const employee = await ask(kari, 'søk avvik elevtur');
    assert.equal(cardOf(employee.body), undefined);
    assert.match(employee.body.text, /Søk i saker er for superbrukere/);
    assert.match(employee.body.text, /«mine saker»/);
    const forgedPage = await click(kari, Verbs.search, { q: 'avvik', page: 0 });
    assert.match(JSON.stringify(forgedPage.body), /Søk i saker er for superbrukere/);

    const usage = await ask(sverre, 'søk');
    assert.match(usage.body.text, /Skriv «søk» og noen ord/);
    const invalid = await click(sverre, Verbs.search, { q: '', page: -1 });
    assert.match(JSON.stringify(invalid.body), /ugyldig eller utdatert/);
  });
});
