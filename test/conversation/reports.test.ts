import assert from 'node:assert/strict';
import { Inputs, Verbs } from '../../cards/verbs';
import { reportLinkKey, signReportLink } from '../../src/reports/report-link';
import { people, organisation } from '../support/domain-fixture';
import {
  cardAction,
  personalConversationId,
  teamsUser,
  type TestUser,
} from '../support/activities';
import { cardOf } from '../support/fake-connector';
import { useConversation } from '../support/conversation';
import { cardText } from '../support/organisation';
import { openBotStore } from '../support/store-under-test';
import { askInChannel } from '../support/triage';
import { triageTeamId } from '../support/teams-model';
import { executes } from '../support/card-nodes';

const asker = teamsUser(people.asker);
const dentalAsker = teamsUser(people.dentalAsker);
const sverre = teamsUser(people.sverre);
const anne = teamsUser(people.coordinator);
const arne = teamsUser(people.systemResponsible);
const eva = teamsUser(people.admin);

/** Known to the test so that it can sign a link the bot never made. */
const secret = 'report-link-secret-for-the-conversation-tests';

/** The resource group meets in the General channel of the schools' team. */
const resourceGroupChannel = triageTeamId;

/** Teams' limit for an Adaptive Card in a message, about 28 KB. */
const cardLimit = 28_000;

const reportScope = Inputs.reportScope;
const reportPeriod = Inputs.reportPeriod;

describe('reports over real HTTP', function () {
  this.timeout(120_000);
  const { connector, bot, say, ask, click } = useConversation({
    organisation: {
      ...organisation,
      resourceGroup: {
        channel: { teamId: triageTeamId, channelId: resourceGroupChannel, name: 'Ressursgruppen' },
      },
    },
    // At the default level, so that the test reads what is logged about downloads.
    env: { SIGNING_SECRET: secret, LOG_LEVEL: 'info' },
  });

  /** The download address on a report card. */
  function downloadOf(card: any): string {
    const json = JSON.stringify(card);
    const url = /"url":"(http:\/\/127\.0\.0\.1:\d+\/reports\/csv\?token=[^"]+)"/.exec(json)?.[1];
    assert.ok(url, 'the card links to its CSV');
    return url;
  }

  /** A link to the CSV as the bot would sign it, for anyone and anything. */
  function signedLink(requester: string, scope: string, expiresInMs = 3_600_000): string {
    const now = bot().now();
    const token = signReportLink(
      {
        requester,
        scope,
        from: new Date(now.getTime() - 30 * 24 * 3_600_000).toISOString(),
        to: now.toISOString(),
        locale: 'nb',
        expiresAt: new Date(now.getTime() + expiresInMs).toISOString(),
      },
      reportLinkKey(secret),
    );
    return `${bot().url}/reports/csv?token=${token}`;
  }

  let school: { number: string; inquiryId: string };
  let dental: string;

  before(async () => {
    school = await askInChannel(bot(), connector);
    // The dental clinic's inquiry: Tannhelse has no channel, so its status card names it 1:1.
    const chat = personalConversationId(dentalAsker);
    await say(dentalAsker, 'Hvordan melder jeg et avvik om en pasient som falt?');
    const status = await connector.waitFor(
      () =>
        connector
          .sent()
          .filter((r) => r.conversationId === chat)
          .map((r) => /QM-\d{4}-\d{4}/.exec(cardText(cardOf(r.body)))?.[0])
          .find((n) => n !== undefined),
      "the dental asker's inquiry number",
    );
    dental = status;
    await bot().settle();
    // One inquiry answered after two hours, confirmed solved and rated with a comment.
    const { inquiryId, thread } = await askInChannel(bot(), connector);
    await bot().settle();
    await bot().advance('PT2H');
    await click(
      sverre,
      Verbs.answer,
      { inquiryId, answerText: 'Bruk «Meld avvik».' },
      { conversationId: thread },
    );
    await click(asker, Verbs.confirmResolved, { inquiryId });
    await click(asker, Verbs.rate, {
      inquiryId,
      rating: 'good',
      ratingComment: '=Raskt og greit',
    });
    await bot().settle();
  });

  it("shows a superuser their units' report with charts and a table, and its CSV has their rows", async () => {
    const card = cardOf((await ask(sverre, 'rapport')).body);
    assert.ok(card, 'the report is a card');
    assert.ok(Buffer.byteLength(JSON.stringify(card)) < cardLimit);
    const text = cardText(card);
    assert.match(text, /Rapport for Hauge vgs/);
    assert.match(text, /Denne måneden/);
    assert.match(text, /Tid til første svar/);
    const types = JSON.stringify(card);
    assert.match(types, /"type":"Chart\.VerticalBar"/);
    assert.match(types, /"type":"Chart\.Donut"/);
    assert.match(types, /"type":"Table"/);
    assert.doesNotMatch(text, /Sola tannklinikk/, "another unit's figures are not on it");

    const response = await fetch(downloadOf(card));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
    const csv = await response.text();
    const rows = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    assert.match(rows[0], /^Saksnummer,Åpnet,Arbeidsområde,Enhet,Tema/);
    assert.ok(
      rows.some((row) => row.startsWith(`${school.number},`)),
      'its inquiry is a row',
    );
    assert.ok(
      rows.slice(1).every((row) => row.includes(',Hauge vgs,')),
      'only its unit',
    );
    assert.ok(!csv.includes(dental), "the dental clinic's inquiry is not");
    assert.ok(!csv.includes(people.asker.name), 'no names');
  });

  it('shows a coordinator their work area, a system responsible their topics, an admin everything', async () => {
    assert.match(cardText(cardOf((await ask(anne, 'rapport')).body)), /Rapport for Skoler/);
    assert.match(cardText(cardOf((await ask(arne, 'report')).body)), /Rapport for tema E-håndbok/);
    const admin = cardOf((await ask(eva, 'rapport')).body);
    assert.match(cardText(admin), /Rapport for hele organisasjonen/);
    const csv = await (await fetch(downloadOf(admin))).text();
    assert.ok(csv.includes(school.number) && csv.includes(dental), 'every unit in the CSV');
  });

  it('tells an employee what they can do instead', async () => {
    const reply = await ask(asker, 'rapport');
    assert.equal(cardOf(reply.body), undefined);
    assert.match(reply.body.text, /Rapporter er for superbrukere, koordinatorer/);
    assert.match(reply.body.text, /«mine saker»/);
    const click = await clickReport(asker, { [reportScope]: 'units:hauge-vgs' });
    assert.match(String(click), /Rapporter er for superbrukere/);
  });

  async function clickReport(user: TestUser, data: object): Promise<unknown> {
    const response = await click(user, Verbs.report, {
      [reportScope]: 'units:hauge-vgs',
      [reportPeriod]: 'this_month',
      ...data,
    });
    assert.equal(response.status, 200);
    return response.body.value;
  }

  it("refuses a superuser another unit's report without a figure, and forged choices, changing nothing", async () => {
    const read = async () => {
      const store = await openBotStore(bot().sqlitePath);
      try {
        return {
          inquiry: await store.inquiries.get(school.inquiryId),
          pending: await store.outbox.pendingCount(),
        };
      } finally {
        await store.close();
      }
    };
    const before = await read();
    const other = await clickReport(sverre, { [reportScope]: 'units:sola-klinikk' });
    assert.equal(typeof other, 'string', 'no card');
    assert.match(String(other), /Du kan ikke se rapporten for Sola tannklinikk/);
    assert.doesNotMatch(String(other), /\d/, 'not a figure');
    assert.match(String(await clickReport(sverre, { [reportScope]: 'organisation' })), /ikke se/);
    assert.match(
      String(await clickReport(sverre, { [reportScope]: 'work_areas:skole' })),
      /ikke se rapporten for Skoler/,
    );
    for (const forged of [
      { [reportScope]: 'units:nowhere' },
      { [reportScope]: 'everything' },
      { [reportPeriod]: 'forever' },
      { [reportScope]: ['units:hauge-vgs'] },
    ])
      assert.match(String(await clickReport(sverre, forged)), /ugyldig eller utdatert/);
    const custom = { [reportPeriod]: 'custom' };
    assert.match(
      String(
        await clickReport(sverre, {
          ...custom,
          [Inputs.reportFrom]: '2026-11-20',
          [Inputs.reportTo]: '2026-11-01',
        }),
      ),
      /Til-datoen må være/,
    );
    assert.match(
      String(await clickReport(sverre, { ...custom, [Inputs.reportFrom]: 'i går' })),
      /Velg både fra- og til-dato/,
    );
    const pack = await click(sverre, Verbs.reportPack, { period: 'half_year' });
    assert.match(String(pack.body.value), /Bare administratorer/);
    await bot().settle();
    const after = await read();
    assert.equal(after.inquiry?.etag, before.inquiry?.etag, 'the inquiry is as it was');
    assert.equal(after.pending, before.pending, 'nothing queued');
  });

  it('shows a chosen range from the card, its dates on it', async () => {
    const now = bot().now();
    const today = now.toISOString().slice(0, 10);
    const start = new Date(now.getTime() - 10 * 24 * 3_600_000).toISOString().slice(0, 10);
    const card = await clickReport(sverre, {
      [reportPeriod]: 'custom',
      [Inputs.reportFrom]: start,
      [Inputs.reportTo]: today,
    });
    assert.equal(typeof card, 'object');
    assert.match(cardText(card), /Egen periode: /);
    const picker = executes(card).find((a) => a.verb === Verbs.report);
    assert.ok(picker, 'the card offers the choice again');
  });

  it('refuses a changed, foreign or malformed CSV link with a clear status', async () => {
    const card = cardOf((await ask(sverre, 'rapport')).body);
    const url = downloadOf(card);
    const [address, token] = url.split('?token=');
    const [body, mac] = token.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const widened = Buffer.from(JSON.stringify({ ...payload, scope: 'organisation' })).toString(
      'base64url',
    );
    const tampered = await fetch(`${address}?token=${widened}.${mac}`);
    assert.equal(tampered.status, 403);
    assert.match(((await tampered.json()) as { error: string }).error, /changed/);
    assert.equal((await fetch(`${address}?token=nonsense`)).status, 400);

    const foreign = await fetch(signedLink(people.sverre.email, 'units:sola-klinikk'));
    assert.equal(foreign.status, 403, "a link to another unit's figures");
    const employee = await fetch(signedLink(people.asker.email, 'units:hauge-vgs'));
    assert.equal(employee.status, 403, 'a link for someone who may not see reports');
    assert.equal((await fetch(signedLink(people.sverre.email, 'units:hauge-vgs'))).status, 200);

    const logged = bot()
      .output()
      .split('\n')
      .filter((line) => /report download/.test(line));
    assert.ok(logged.length >= 5, 'each download and refusal is logged');
    for (const line of logged) assert.doesNotMatch(line, /@|token=|eyJ|sverre|hauge/i);
  });

  it('counts an inquiry answered after two hours, resolved and rated, in the figures', async () => {
    await bot().settle();
    const card = cardOf((await ask(sverre, 'rapport')).body);
    const facts = Object.fromEntries(
      JSON.stringify(card)
        .match(/\{"title":"[^"]+","value":"[^"]+"\}/g)!
        .map((fact) => JSON.parse(fact) as { title: string; value: string })
        .map((fact) => [fact.title, fact.value]),
    );
    assert.match(facts['Tid til første svar'], /^median 2 t, 90 % innen 2 t \(1 sak\)$/);
    assert.match(facts['Tid til løsning'], /^median 2 t/);
    assert.match(facts['Løst'], /^1$/);
    assert.match(JSON.stringify(card), /"type":"Chart\.Pie"/, 'the ratings as a chart');
  });

  it('posts the half-yearly pack to the resource group channel when an admin asks', async () => {
    const card = cardOf((await ask(eva, 'rapport')).body);
    const send = executes(card).find((a) => a.verb === Verbs.reportPack);
    assert.ok(send, "the admin's card offers the pack");
    // Teams delivers the same click twice: one pack.
    const invoke = cardAction({
      from: eva,
      verb: Verbs.reportPack,
      data: send.data,
      serviceUrl: connector.url,
    });
    for (const response of [await bot().post(invoke), await bot().post(invoke)])
      assert.match(String(response.body.value), /Halvårsrapporten sendes til «Ressursgruppen»/);
    const post = await connector.waitFor(
      () =>
        connector
          .conversationsCreated()
          .find((r) => r.body?.channelData?.channel?.id === resourceGroupChannel),
      'the pack in the resource group channel',
    );
    const pack = cardOf(post.body.activity);
    assert.ok(Buffer.byteLength(JSON.stringify(pack)) < cardLimit);
    const text = cardText(pack);
    assert.match(text, /Halvårsrapport for ressursgruppen/);
    assert.match(text, /Temaene som kom oftest/);
    assert.match(text, /Stansede saker/);
    assert.match(text, /Saker med fristbrudd/);
    assert.match(text, /Kommentarer fra vurderingene/);
    assert.match(text, /Bra: «=Raskt og greit»/, "the asker's comment");
    assert.equal(executes(pack).length, 0, 'nothing to click in the channel');
    await bot().settle();
    const posts = connector
      .conversationsCreated()
      .filter((r) => r.body?.channelData?.channel?.id === resourceGroupChannel);
    assert.equal(posts.length, 1, `posted once: ${connector.summary()}`);
    const store = await openBotStore(bot().sqlitePath);
    try {
      const audited = await store.audit.list({ action: 'admin.report_pack_posted' }, 10);
      assert.deepEqual(
        audited.map((e) => [e.actor.key, e.target]),
        [[eva.email, resourceGroupChannel]],
        'one audit event for the one pack',
      );
    } finally {
      await store.close();
    }
  });

  it('refuses a CSV link once it has expired', async () => {
    const card = cardOf((await ask(sverre, 'rapport')).body);
    const url = downloadOf(card);
    assert.equal((await fetch(url)).status, 200);
    await bot().advance('PT61M');
    const expired = await fetch(url);
    assert.equal(expired.status, 410);
    assert.match(((await expired.json()) as { error: string }).error, /expired/);
  });
});
