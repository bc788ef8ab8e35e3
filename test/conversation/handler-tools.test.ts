import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { people } from '../support/domain-fixture';
import { personalConversationId, teamsUser } from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText, messageText } from '../support/organisation';
import { openBotStore } from '../support/store-under-test';
import { askInChannel } from '../support/triage';

const asker = teamsUser(people.asker);
const sverre = teamsUser(people.sverre);
const per = teamsUser(people.otherSuperuser);
const anne = teamsUser(people.coordinator);

describe("a handler's tools on the triage card over real HTTP", function () {
  this.timeout(120_000);
  const { connector, bot, click } = useConversation();
  const ask = () => askInChannel(bot(), connector);

  async function stored(inquiryId: string) {
    const store = await openBotStore(bot().sqlitePath);
    try {
      const inquiry = await store.inquiries.get(inquiryId);
      assert.ok(inquiry);
      return inquiry;
    } finally {
      await store.close();
    }
  }

  it('keeps internal notes for handlers, on the card and in the history, never for the asker', async () => {
    const { inquiryId, thread } = await ask();
    const where = { conversationId: thread };
    await click(sverre, Verbs.claim, { inquiryId }, where);
    const noted = await click(
      sverre,
      Verbs.addNote,
      { inquiryId, noteText: 'Prøvde å nullstille tilgangen i Qm+.' },
      where,
    );
    assert.match(cardText(noted.body.value), /Internt \(bare behandlere\)/);
    assert.match(cardText(noted.body.value), /Prøvde å nullstille tilgangen i Qm\+\./);

    const history = await click(sverre, Verbs.history, { inquiryId }, where);
    const lines = cardText(history.body.value);
    assert.match(lines, /Historikk/);
    const order = [
      'Sendt inn: Kari Asker',
      'Sverre Lunde tok saken',
      'Sverre Lunde la til et internt notat',
    ];
    const at = order.map((line) => lines.indexOf(line));
    assert.ok(
      at.every((i) => i >= 0),
      lines,
    );
    assert.deepEqual(
      [...at].sort((a, b) => a - b),
      at,
      'every event, in order',
    );
    assert.match(lines, /Internt notat: Prøvde å nullstille tilgangen/);

    await bot().settle();
    const toAsker = connector
      .sent()
      .filter((r) => r.conversationId === personalConversationId(asker))
      .map(messageText)
      .join('\n');
    assert.doesNotMatch(toAsker, /nullstille/, 'the asker never sees the note');
  });

  it('refuses the history and notes to anyone who does not handle the inquiry, and forged data', async () => {
    const { inquiryId, thread } = await ask();
    const where = { conversationId: thread };
    await bot().settle();
    const before = (await stored(inquiryId)).history.length;

    for (const outsider of [asker, per]) {
      const history = await click(outsider, Verbs.history, { inquiryId });
      assert.match(String(history.body.value), /Du kan ikke behandle denne saken/);
      const note = await click(outsider, Verbs.addNote, { inquiryId, noteText: 'Hei' });
      assert.match(String(note.body.value), /Du kan ikke behandle denne saken/);
    }
    const forged = [
      await click(sverre, Verbs.history, { inquiryId: 'QM-2026-0001' }, where),
      await click(sverre, Verbs.addNote, { inquiryId }, where),
      await click(sverre, Verbs.updateVendorCase, { inquiryId: 7 }, where),
      await click(sverre, Verbs.move, { inquiryId, moveUnit: 'sola-klinikk' }, where),
      await click(
        sverre,
        Verbs.move,
        { inquiryId, moveUnit: 'nowhere', moveTopic: 'avvik', moveReason: 'Feil' },
        where,
      ),
    ];
    for (const response of forged)
      assert.match(String(response.body.value), /ugyldig eller utdatert/);
    const empty = await click(sverre, Verbs.addNote, { inquiryId, noteText: '   ' }, where);
    assert.match(String(empty.body.value), /Skriv et svar/);
    const noCase = await click(
      sverre,
      Verbs.updateVendorCase,
      { inquiryId, vendorCaseNumber: 'LEV-1' },
      where,
    );
    assert.match(String(noCase.body.value), /ingen leverandørsak/);
    await bot().settle();
    assert.equal((await stored(inquiryId)).history.length, before, 'nothing changed');
  });

  it("records the vendor's case number and reply on a vendor case, for handlers", async () => {
    const { inquiryId, thread } = await ask();
    const where = { conversationId: thread };
    await click(sverre, Verbs.escalate, { inquiryId }, where);
    await click(anne, Verbs.escalate, { inquiryId, toVendor: 'true' }, where);
    const updated = await click(
      anne,
      Verbs.updateVendorCase,
      { inquiryId, vendorCaseNumber: 'LEV-4711', vendorReply: 'Feilen er rettet i versjon 8.2.' },
      where,
    );
    const text = cardText(updated.body.value);
    assert.match(text, /Leverandørens saksnummer: \nLEV-4711|LEV-4711/);
    assert.match(text, /Svar fra Leverandør AS/);
    assert.match(text, /Feilen er rettet i versjon 8\.2\./);
    const inquiry = await stored(inquiryId);
    assert.equal(inquiry.vendorCase?.caseNumber, 'LEV-4711');
    assert.equal(inquiry.vendorCase?.reply?.by.name, 'Anne Winter');
    assert.equal(inquiry.history.at(-1)?.type, 'vendor_updated');
  });

  it('moves an inquiry to another unit and topic: a new chain, card, deadline and word to the asker', async () => {
    const { inquiryId, thread, rootId, number } = await ask();
    const where = { conversationId: thread };
    const target = { inquiryId, moveUnit: 'sola-klinikk', moveTopic: 'ehandbok' };

    const refused = await click(per, Verbs.move, { ...target, moveReason: 'Feil enhet' });
    assert.match(String(refused.body.value), /Du kan ikke behandle denne saken/);
    const same = await click(
      sverre,
      Verbs.move,
      { inquiryId, moveUnit: 'hauge-vgs', moveTopic: 'avvik', moveReason: 'Feil' },
      where,
    );
    assert.match(String(same.body.value), /hører allerede til/);
    const noReason = await click(sverre, Verbs.move, { ...target, moveReason: ' ' }, where);
    assert.match(String(noReason.body.value), /Skriv et svar/);
    await bot().settle();
    const untouched = await stored(inquiryId);
    assert.equal(untouched.unitId, 'hauge-vgs', 'nothing moved yet');
    assert.ok(!untouched.history.some((e) => e.type === 'moved'));

    await bot().advance('PT1H');
    const moved = await click(
      sverre,
      Verbs.move,
      { ...target, moveReason: 'Gjelder tannklinikken, ikke skolen.' },
      where,
    );
    assert.match(
      cardText(moved.body.value),
      new RegExp(`${number} · Sola tannklinikk · E-håndbok`),
    );
    assert.match(
      cardText(moved.body.value),
      /Flyttet fra Hauge vgs · Avvik til Sola tannklinikk · E-håndbok/,
    );

    await connector.waitFor(
      () =>
        /Flyttet fra Hauge vgs · Avvik til Sola tannklinikk/.test(
          cardText(connector.latestCard(thread, rootId)),
        ),
      "the old thread's card shows where it went",
    );
    const dentistCard = await connector.waitFor(
      () =>
        connector
          .sent()
          .find(
            (r) =>
              new RegExp(`${number} · Sola tannklinikk`).test(cardText(cardOf(r.body))) &&
              r.conversationId !== thread,
          ),
      'the triage card for the new unit',
    );
    const entities = cardOf(dentistCard.body).msteams.entities.map((e: any) => e.mentioned.name);
    assert.deepEqual(entities, ['Tone Tann']);
    await connector.waitFor(
      () =>
        connector
          .sent()
          .find(
            (r) =>
              r.conversationId === personalConversationId(asker) &&
              /er flyttet til Sola tannklinikk \(E-håndbok\)/.test(messageText(r)),
          ),
      'the asker is told',
    );

    const inquiry = await stored(inquiryId);
    assert.equal(inquiry.workAreaId, 'tannhelse');
    assert.equal(inquiry.level, 'superuser');
    assert.equal(inquiry.status, 'new');
    assert.deepEqual(
      inquiry.chain.superuser.map((p) => p.name),
      ['Tone Tann'],
    );
    const movedAt = bot().now().getTime();
    assert.equal(inquiry.deadline, new Date(movedAt + 4 * 3600_000).toISOString());
    const event = inquiry.history.find((e) => e.type === 'moved');
    assert.equal(event?.by?.name, 'Sverre Lunde');
    assert.equal(event?.note, 'Gjelder tannklinikken, ikke skolen.');

    const again = await click(
      sverre,
      Verbs.move,
      { ...target, moveUnit: 'hauge-vgs', moveReason: 'Tilbake' },
      where,
    );
    assert.match(String(again.body.value), /Du kan ikke behandle denne saken/);
  });
});
