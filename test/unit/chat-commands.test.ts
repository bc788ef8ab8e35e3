import assert from 'node:assert/strict';
import { listedCommands, recogniseCommand, worksIn } from '../../src/chat/commands';
import { editDistance } from '../../src/chat/edit-distance';

describe('chat commands', () => {
  it('counts a swap of two neighbouring letters as one typo', () => {
    assert.equal(editDistance('hjlep', 'hjelp'), 1);
    assert.equal(editDistance('mine saker', 'mine saker'), 0);
    assert.equal(editDistance('', 'abc'), 3);
  });

  it('reads each command in Norwegian and English, whatever the case, punctuation or small typos', () => {
    const cases: [string, string][] = [
      ['hjelp', 'help'],
      ['Hjelp!', 'help'],
      ['hjelp?', 'help'],
      ['Hva kan du?', 'help'],
      ['HELP', 'help'],
      ['hjlep', 'help'],
      ['Mine saker', 'my_inquiries'],
      ['mine sakre', 'my_inquiries'],
      ['my inquiries.', 'my_inquiries'],
      ['My inquries', 'my_inquiries'],
      ['Takk for hjelpen!', 'thanks'],
      ['thank you', 'thanks'],
      ['Hei!', 'greeting'],
      ['hello', 'greeting'],
      ['Kontakt', 'who_to_ask'],
      ['Hvem er superbruker?', 'who_to_ask'],
      ['who to ask', 'who_to_ask'],
      ['kø', 'queue'],
      ['Min kø!', 'queue'],
      ['my queue.', 'queue'],
      ['borte', 'away'],
      ['Out of ofice', 'away'],
      ['Kunnskapsbase', 'knowledge_base'],
      ['knowlege base', 'knowledge_base'],
      ['Rapport', 'report'],
      ['raport', 'report'],
      ['report.', 'report'],
      ['/oppsett', 'setup'],
      ['Setup', 'setup'],
    ];
    for (const [text, id] of cases) {
      const match = recogniseCommand(text, 'nb');
      assert.equal(match?.kind, 'command', text);
      assert.equal(match?.id, id, text);
    }
  });

  it('reads a bare inquiry number in the forms people write it', () => {
    for (const text of ['QM-2026-0042', 'qm-2026-42', 'QM 2026 0042', ' qm2026-0042. '])
      assert.deepEqual(
        recogniseCommand(text, 'nb'),
        { kind: 'command', id: 'inquiry_number', number: 'QM-2026-0042' },
        text,
      );
  });

  it('suggests the nearest command for what looks like one, in the reader’s language', () => {
    assert.deepEqual(recogniseCommand('min sak', 'nb'), {
      kind: 'suggestion',
      id: 'my_inquiries',
      phrase: 'mine saker',
    });
    assert.deepEqual(recogniseCommand('mine', 'nb'), {
      kind: 'suggestion',
      id: 'my_inquiries',
      phrase: 'mine saker',
    });
    assert.deepEqual(recogniseCommand('my', 'en'), {
      kind: 'suggestion',
      id: 'my_inquiries',
      phrase: 'my inquiries',
    });
    assert.equal(recogniseCommand('QM-2026', 'nb')?.kind, 'suggestion');
  });

  it('leaves questions alone', () => {
    for (const text of [
      'Hvordan melder jeg avvik?',
      'Hei, hvordan melder jeg avvik?',
      'Qm+ henger når jeg trykker på lagre',
      'mine avvik forsvinner',
      'mine?',
      'avvik',
      'prosedyre brannvern',
    ])
      assert.equal(recogniseCommand(text, 'nb'), undefined, text);
  });

  it('suggests the newer commands too, for what looks like one', () => {
    assert.deepEqual(recogniseCommand('kunnskap', 'nb'), {
      kind: 'suggestion',
      id: 'knowledge_base',
      phrase: 'kunnskapsbase',
    });
    assert.deepEqual(recogniseCommand('hvem er', 'nb'), {
      kind: 'suggestion',
      id: 'who_to_ask',
      phrase: 'kontakt',
    });
  });

  it('runs the queue in a triage channel and every other command only in the 1:1 chat', () => {
    assert.equal(worksIn('queue', 'team'), true);
    assert.equal(worksIn('queue', 'personal'), true);
    for (const id of ['help', 'my_inquiries', 'away', 'setup', 'inquiry_number'] as const)
      assert.equal(worksIn(id, 'team'), false, id);
  });

  it('lists handler commands to handlers and the setup command to admins only', () => {
    const asker = listedCommands('personal', { handler: false, admin: false });
    const handler = listedCommands('personal', { handler: true, admin: false });
    const admin = listedCommands('personal', { handler: false, admin: true });
    assert.deepEqual(asker, ['help', 'my_inquiries', 'who_to_ask']);
    assert.deepEqual(handler, [
      'help',
      'my_inquiries',
      'who_to_ask',
      'queue',
      'board',
      'report',
      'away',
      'knowledge_base',
      'search',
    ]);
    assert.deepEqual(admin, [
      'help',
      'my_inquiries',
      'who_to_ask',
      'setup',
      'privacy',
      'organisation',
      'audit',
    ]);
  });

  it('reads the person commands with the address or Entra id that follows them, also sent as a link', () => {
    assert.deepEqual(recogniseCommand('eksporter person Kari.Nordmann@fjordvik.no', 'nb'), {
      kind: 'command',
      id: 'export_person',
      person: 'kari.nordmann@fjordvik.no',
    });
    assert.deepEqual(
      recogniseCommand('Slett person <a href="mailto:kari@fjordvik.no">kari@fjordvik.no</a>', 'nb'),
      { kind: 'command', id: 'erase_person', person: 'kari@fjordvik.no' },
    );
    assert.deepEqual(recogniseCommand('slett person 20000000-0000-4000-8000-00000000000A', 'nb'), {
      kind: 'command',
      id: 'erase_person',
      person: '20000000-0000-4000-8000-00000000000a',
    });
    assert.deepEqual(recogniseCommand('erase person', 'en'), {
      kind: 'command',
      id: 'erase_person',
    });
    assert.equal(
      recogniseCommand('hvorfor får jeg ikke sendt til kari@fjordvik.no', 'nb')?.kind,
      undefined,
      'a question that ends with an address is a question',
    );
  });

  it('lists registering and searching to the helpdesk, and neither to askers', () => {
    const helpdesk = listedCommands('personal', { handler: false, admin: false, helpdesk: true });
    assert.deepEqual(helpdesk, ['help', 'my_inquiries', 'who_to_ask', 'register', 'search']);
    const asker = listedCommands('personal', { handler: false, admin: false, helpdesk: false });
    assert.ok(!asker.includes('register') && !asker.includes('search'));
  });

  it('reads «søk» followed by words as a search, and «søk» alone as the search command', () => {
    assert.deepEqual(recogniseCommand('søk avvik elevtur', 'nb'), {
      kind: 'command',
      id: 'search',
      words: 'avvik elevtur',
    });
    assert.deepEqual(recogniseCommand('Search QM-2026-0042', 'en'), {
      kind: 'command',
      id: 'search',
      words: 'QM-2026-0042',
    });
    assert.deepEqual(recogniseCommand('søk', 'nb'), { kind: 'command', id: 'search' });
    assert.deepEqual(recogniseCommand('registrer', 'nb'), { kind: 'command', id: 'register' });
    assert.equal(
      recogniseCommand('Søk etter prosedyren for brannvern, hvor finner jeg den?', 'nb'),
      undefined,
      'a question that begins with «søk» is a question',
    );
  });

  it('reads the organisation, audit log and triage channel commands in both languages', () => {
    for (const [text, id] of [
      ['organisasjon', 'organisation'],
      ['Organization', 'organisation'],
      ['revisjonslogg', 'audit'],
      ['audit log', 'audit'],
      ['Bruk denne kanalen!', 'use_channel'],
      ['use this channel', 'use_channel'],
    ] as const)
      assert.deepEqual(recogniseCommand(text, 'nb'), { kind: 'command', id }, text);
    assert.equal(worksIn('use_channel', 'team'), true);
    assert.equal(worksIn('organisation', 'team'), false);
  });
});
