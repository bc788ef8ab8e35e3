import assert from 'node:assert/strict';
import { Verbs } from '../../cards/verbs';
import { organisation, people } from '../support/domain-fixture';
import { personalMessage, teamsUser, type TestUser } from '../support/activities';
import { useConversation } from '../support/conversation';
import { cardOf, type RecordedRequest } from '../support/fake-connector';
import { cardText, messageText } from '../support/organisation';
import { openBotStore } from '../support/store-under-test';
import { triageTeamId } from '../support/teams-model';

const admin = teamsUser(people.admin);
const arne = teamsUser(people.systemResponsible);
const anne = teamsUser(people.coordinator);
const asker = teamsUser(people.asker);
const cardLimit = 28_000;

/** The test organisation with 300 more schools, as a county has hundreds of units. */
const manySchools = Array.from({ length: 300 }, (_, n) => ({
  id: `skole-${String(n + 1).padStart(3, '0')}`,
  name: `Skole ${String(n + 1).padStart(3, '0')}`,
  workArea: 'skole',
  superusers: [],
}));
const bigOrganisation = { ...organisation, units: [...organisation.units, ...manySchools] };

describe('the organisation in Teams', function () {
  this.timeout(60_000);
  const conversation = useConversation({ organisation: bigOrganisation });
  const { connector, ask } = conversation;

  /** Sends a file in the 1:1 chat as Teams does, and waits for the bot's answer. */
  function sendFile(user: TestUser, name: string, content: string): Promise<RecordedRequest> {
    const downloadUrl = connector.serveFile(name, content);
    return ask(user, '', [
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        name,
        contentUrl: downloadUrl,
        content: { downloadUrl, uniqueId: `file-${name}`, fileType: 'json' },
      },
    ]);
  }

  /** What a card action answered: its text, or its card's text. */
  const replyText = (response: { body: any }): string =>
    typeof response.body?.value === 'string' ? response.body.value : cardText(response.body?.value);

  async function storedVersion(): Promise<number | undefined> {
    const store = await openBotStore(conversation.bot().sqlitePath);
    try {
      return await store.organisation.version();
    } finally {
      await store.close();
    }
  }

  async function superusersOf(unitId: string): Promise<string[]> {
    const store = await openBotStore(conversation.bot().sqlitePath);
    try {
      const snapshot = await store.organisation.current();
      return snapshot?.structure.units.find((u) => u.id === unitId)?.superusers ?? [];
    } finally {
      await store.close();
    }
  }

  it('tells an employee who asks for the organisation what they can do instead, and changes nothing for a forged click', async () => {
    const answer = await ask(asker, 'organisasjon');
    assert.match(
      messageText(answer),
      /Bare administratorer og systemansvarlige kan se og endre organisasjonen\. Du kan stille et spørsmål/,
    );
    const version = await storedVersion();
    const forged = await conversation.click(asker, Verbs.orgRole, {
      op: 'add',
      page: 0,
      orgRolePlace: 'superuser:sola-vgs',
      orgEmail: people.asker.email,
    });
    assert.match(replyText(forged), /Bare administratorer og systemansvarlige/);
    assert.equal(await storedVersion(), version, 'nothing was written');
    assert.deepEqual(await superusersOf('sola-vgs'), []);
    const audit = await ask(asker, 'revisjonslogg');
    assert.match(
      messageText(audit),
      /Bare administratorer og systemansvarlige kan se revisjonsloggen/,
    );
  });

  it('shows an admin the units, people and roles a page at a time, each page within the card size limit', async () => {
    const answer = await ask(admin, 'organisasjon');
    const card = cardOf(answer.body);
    assert.ok(card, 'a card');
    const size = Buffer.byteLength(JSON.stringify(card));
    assert.ok(size < cardLimit, `the card is ${size} bytes`);
    const text = cardText(card);
    assert.match(text, /Organisasjonen: Testfylket/);
    assert.match(text, /306 enheter · 11 personer · 3 arbeidsområder · 3 temaer/);
    assert.match(text, /Enheter \(side 1 av 16, 306 i alt\)/);
    assert.match(text, /Hauge vgs/);
    assert.match(text, /Superbrukere: Sverre Lunde, Hilde Berg/);
    assert.match(text, /Koordinatorer: Anne Winter · Triagekanal: Qm\+ triage skole/);
    assert.match(text, /Systemansvarlig: Arne Hope/);
    assert.match(text, /Administratorer: Eva Admin/);
    assert.doesNotMatch(text, /Skole 020/, 'later units are on later pages');

    const next = await conversation.click(admin, Verbs.orgPage, { page: 1, orgFilter: '' });
    const nextText = cardText(next.body.value);
    assert.match(nextText, /Enheter \(side 2 av 16, 306 i alt\)/);
    assert.match(nextText, /Skole 015/);
    assert.doesNotMatch(nextText, /Hauge vgs/);
    const found = await conversation.click(admin, Verbs.orgPage, { page: 0, orgFilter: 'sverre' });
    const foundText = cardText(found.body.value);
    assert.match(foundText, /Enheter som passer «sverre» \(1\)/);
    assert.match(foundText, /Hauge vgs/);
  });

  it('lets a system responsible add and remove a superuser, each change an audit event with before and after', async () => {
    const added = await conversation.click(arne, Verbs.orgRole, {
      op: 'add',
      page: 0,
      orgRolePlace: 'superuser:sola-vgs',
      orgEmail: 'Hilde.Berg@fylke.example',
    });
    assert.match(replyText(added), /Hilde Berg er nå superbruker for Sola vgs\./);
    assert.deepEqual(await superusersOf('sola-vgs'), [people.hilde.email]);

    const again = await conversation.click(arne, Verbs.orgRole, {
      op: 'add',
      page: 0,
      orgRolePlace: 'superuser:sola-vgs',
      orgEmail: people.hilde.email,
    });
    assert.match(replyText(again), /har den rollen der allerede/);
    const stranger = await conversation.click(arne, Verbs.orgRole, {
      op: 'add',
      page: 0,
      orgRolePlace: 'coordinator:tannhelse',
      orgEmail: 'ukjent@fylke.example',
    });
    assert.match(replyText(stranger), /ukjent@fylke\.example står ikke i organisasjonen/);

    const removed = await conversation.click(arne, Verbs.orgRole, {
      op: 'remove',
      page: 0,
      orgRolePlace: 'superuser:sola-vgs',
      orgEmail: people.hilde.email,
    });
    assert.match(replyText(removed), /Hilde Berg er ikke lenger superbruker for Sola vgs\./);
    assert.deepEqual(await superusersOf('sola-vgs'), []);

    const log = cardText(cardOf((await ask(admin, 'revisjonslogg')).body));
    assert.match(log, /Arne Hope \(arne\.hope@fylke\.example\) · Rolle fjernet/);
    assert.match(log, /Arne Hope \(arne\.hope@fylke\.example\) · Rolle lagt til/);
    assert.match(log, /superuser@unit:sola-vgs/);
    assert.match(
      log,
      /Før: \{"superuser":\[\]\} → Etter: \{"superuser":\["hilde\.berg@fylke\.example"\]\}/,
    );
  });

  it('adds a helpdesk person and a coordinator, and sets a deputy for someone away, from the same role table', async () => {
    const helpdesk = await conversation.click(admin, Verbs.orgRole, {
      op: 'add',
      page: 0,
      orgRolePlace: 'helpdesk:-',
      orgEmail: people.asker.email,
    });
    assert.match(replyText(helpdesk), /Kari Asker er nå brukerhjelp for Testfylket\./);
    assert.match(replyText(helpdesk), /Brukerhjelp: Hanne Hjelp, Kari Asker/);
    const coordinator = await conversation.click(admin, Verbs.orgRole, {
      op: 'add',
      page: 0,
      orgRolePlace: 'coordinator:tannhelse',
      orgEmail: people.dentist.email,
    });
    assert.match(replyText(coordinator), /Tone Tann er nå koordinator for Tannhelse\./);

    const today = conversation.bot().now().toISOString().slice(0, 10);
    const deputy = await conversation.click(admin, Verbs.orgDeputy, {
      page: 0,
      orgAwayPerson: people.sverre.email,
      orgAwayUntil: today,
      orgDeputy: people.hilde.email,
    });
    assert.match(
      replyText(deputy),
      /Sverre Lunde er borte til og med .*; Hilde Berg er stedfortreder\./,
    );
    const notDeputy = await conversation.click(admin, Verbs.orgDeputy, {
      page: 0,
      orgAwayPerson: people.sverre.email,
      orgAwayUntil: today,
      orgDeputy: people.asker.email,
    });
    assert.match(replyText(notDeputy), /Stedfortrederen må ha en av de samme rollene/);
  });

  it('keeps both changes when two admins change the same unit at the same moment, or refuses one with a message', async () => {
    const [first, second] = await Promise.all([
      conversation.click(admin, Verbs.orgRole, {
        op: 'add',
        page: 0,
        orgRolePlace: 'superuser:bryne-vgs',
        orgEmail: people.sverre.email,
      }),
      conversation.click(arne, Verbs.orgRole, {
        op: 'add',
        page: 0,
        orgRolePlace: 'superuser:bryne-vgs',
        orgEmail: people.hilde.email,
      }),
    ]);
    const superusers = await superusersOf('bryne-vgs');
    for (const [response, email, name] of [
      [first, people.sverre.email, 'Sverre Lunde'],
      [second, people.hilde.email, 'Hilde Berg'],
    ] as const) {
      const text = replyText(response);
      if (superusers.includes(email)) assert.match(text, new RegExp(`${name} er nå superbruker`));
      else assert.match(text, /endret av andre akkurat nå\. Prøv igjen/, 'refused with a message');
    }
    assert.ok(superusers.includes(people.otherSuperuser.email), 'the earlier superuser is kept');
  });

  it('sets a triage channel from the channel itself for its coordinator, and refuses an employee', async () => {
    const inChannel = async (user: TestUser, text: string) => {
      const conversationId = `${triageTeamId};messageid=use-${Date.now()}-${user.teamsId}`;
      const message = personalMessage({ from: user, text, serviceUrl: connector.url });
      await conversation.bot().post({
        ...message,
        conversation: { id: conversationId, conversationType: 'channel', isGroup: true },
        channelData: {
          ...message.channelData,
          team: { id: triageTeamId },
          channel: { id: triageTeamId, name: 'General' },
        },
      });
      return connector.waitFor(
        () =>
          connector
            .sent()
            .find((r) => r.conversationId === conversationId && r.body?.type === 'message'),
        'the answer in the channel',
      );
    };
    const refused = await inChannel(asker, 'bruk denne kanalen');
    assert.match(messageText(refused), /Bare administratorer og koordinatoren for arbeidsområdet/);
    const set = await inChannel(anne, 'bruk denne kanalen');
    assert.match(messageText(set), /Denne kanalen er nå triagekanal for Skoler\./);
    const store = await openBotStore(conversation.bot().sqlitePath);
    try {
      const area = (await store.organisation.current())?.structure.workAreas.find(
        (w) => w.id === 'skole',
      );
      assert.deepEqual(area?.triageChannel, {
        teamId: triageTeamId,
        channelId: triageTeamId,
        name: 'General',
      });
      const [event] = await store.audit.list({ action: 'organisation.triage_channel_set' }, 1);
      assert.equal(event?.actor.key, people.coordinator.email);
    } finally {
      await store.close();
    }
  });

  it('previews an organisation file sent in chat, applies it on confirmation, and shows an invalid one its errors without applying anything', async () => {
    const version = await storedVersion();
    const invalid = await sendFile(
      admin,
      'feil.json',
      JSON.stringify({ ...bigOrganisation, units: [{ id: 'X', name: '', workArea: 'ukjent' }] }),
    );
    const errors = messageText(invalid);
    assert.match(errors, /feil\.json er ikke en gyldig organisasjonsfil .* Ingenting er endret/);
    assert.match(errors, /\$\.units\[0\]\.id/);
    assert.equal(await storedVersion(), version, 'nothing was applied');

    const changed = {
      ...bigOrganisation,
      units: [
        ...bigOrganisation.units.filter((u) => u.id !== 'skole-300'),
        { id: 'nye-vgs', name: 'Nye vgs', workArea: 'skole', superusers: [people.hilde.email] },
      ],
    };
    const preview = await sendFile(admin, 'organisasjon.json', JSON.stringify(changed));
    const card = cardOf(preview.body);
    const text = cardText(card);
    assert.match(text, /Forhåndsvisning av organisasjon\.json/);
    assert.match(text, /Lagt til \(1\)\nEnhet: Nye vgs \(nye-vgs\)/);
    assert.match(text, /Fjernet \(1\)\nEnhet: Skole 300 \(skole-300\)/);
    assert.match(text, /Endret \(/, 'the edits made in Teams since are changes the file undoes');
    assert.equal(await storedVersion(), version, 'a preview applies nothing');

    const apply = JSON.stringify(card).match(
      /"verb":"qm\.orgImport",(?:"style":"positive",)?"data":\{"importId":"([^"]+)","version":(\d+)\}/,
    );
    assert.ok(apply, 'the preview offers to apply the file');
    const forged = await conversation.click(arne, Verbs.orgImport, {
      importId: apply[1],
      version: Number(apply[2]),
    });
    assert.match(replyText(forged), /Den forhåndsvisningen finnes ikke/, "another's preview");

    // Someone changes the organisation between the preview and the confirmation.
    await conversation.click(arne, Verbs.orgRole, {
      op: 'add',
      page: 0,
      orgRolePlace: 'superuser:sola-vgs',
      orgEmail: people.hilde.email,
    });
    const stale = await conversation.click(admin, Verbs.orgImport, {
      importId: apply[1],
      version: Number(apply[2]),
    });
    const staleText = replyText(stale);
    assert.match(staleText, /Organisasjonen er endret siden forhåndsvisningen/);
    assert.match(
      staleText,
      /Enhet: Sola vgs \(sola-vgs\)/,
      'the new preview shows the edit undone',
    );
    assert.deepEqual(await superusersOf('sola-vgs'), [people.hilde.email], 'nothing was applied');

    const fresh = JSON.stringify(stale.body.value).match(
      /"verb":"qm\.orgImport",(?:"style":"positive",)?"data":\{"importId":"([^"]+)","version":(\d+)\}/,
    );
    assert.ok(fresh);
    const applied = await conversation.click(admin, Verbs.orgImport, {
      importId: fresh[1],
      version: Number(fresh[2]),
    });
    assert.match(replyText(applied), /Organisasjonsfilen er tatt i bruk/);
    assert.deepEqual(await superusersOf('nye-vgs'), [people.hilde.email]);
    assert.deepEqual(await superusersOf('sola-vgs'), []);

    const log = await conversation.click(admin, Verbs.auditPage, {
      auditAction: 'organisation.imported',
      auditPerson: people.admin.email,
      auditFrom: '',
      auditTo: '',
    });
    const logText = cardText(log.body.value);
    assert.match(logText, /Eva Admin \(eva\.admin@fylke\.example\) · Organisasjonsfil tatt i bruk/);
    assert.match(logText, /file:organisasjon\.json/);
    assert.match(logText, /"added":\["unit:nye-vgs"\]/);
    assert.doesNotMatch(logText, /\) · Rolle lagt til/, 'only the action asked for');
  });

  it('lists the audit log by person and period, a page at a time', async () => {
    const byArne = await conversation.click(admin, Verbs.auditPage, {
      auditAction: '',
      auditPerson: people.systemResponsible.email,
      auditFrom: '',
      auditTo: '',
    });
    const text = cardText(byArne.body.value);
    assert.match(text, /Arne Hope/);
    assert.doesNotMatch(text, /Eva Admin \(/);
    const future = await conversation.click(admin, Verbs.auditPage, {
      auditAction: '',
      auditPerson: '',
      auditFrom: '2099-01-01',
      auditTo: '2099-01-31',
    });
    assert.match(cardText(future.body.value), /Ingen hendelser passer/);
    const bad = await conversation.click(admin, Verbs.auditPage, {
      auditAction: 'organisation.deleted_everything',
      auditPerson: '',
      auditFrom: '',
      auditTo: '',
    });
    assert.match(cardText(bad.body.value), /Filteret kunne ikke leses/);

    // More events than one page: the next page starts after the last one shown.
    for (let n = 0; n < 8; n++) {
      await conversation.click(arne, Verbs.orgRole, {
        op: n % 2 ? 'remove' : 'add',
        page: 0,
        orgRolePlace: 'superuser:skole-001',
        orgEmail: people.dentist.email,
      });
    }
    const first = await conversation.click(admin, Verbs.auditPage, {
      auditAction: '',
      auditPerson: '',
      auditFrom: '',
      auditTo: '',
    });
    const next = JSON.stringify(first.body.value).match(
      /"verb":"qm\.auditPage","data":\{"beforeSeq":(\d+)\}/,
    );
    assert.ok(next, 'a full page offers older events');
    const older = await conversation.click(admin, Verbs.auditPage, {
      auditAction: '',
      auditPerson: '',
      auditFrom: '',
      auditTo: '',
      beforeSeq: Number(next[1]),
    });
    assert.match(
      cardText(older.body.value),
      /\) · (Rolle lagt til|Rolle fjernet|Organisasjonsfil tatt i bruk|Stedfortreder satt|Triagekanal satt)/,
    );
    assert.notDeepEqual(cardText(older.body.value), cardText(first.body.value));
  });
});
