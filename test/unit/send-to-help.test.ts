import assert from 'node:assert/strict';
import { sendToHelpCardData } from '../../bot/handlers/send-to-help';
import { htmlToText, messageOfAction } from '../../bot/handlers/message-payload';
import { renderSendToHelpCard } from '../../cards/send-to-help';
import type { Locale } from '../../src/i18n';
import { directory } from '../support/inquiries-in-every-state';
import { cardNodes, type CardNode } from '../support/card-nodes';
import { validationErrors } from '../support/card-validation';

function byId(card: unknown, id: string): CardNode | undefined {
  return cardNodes(card).find((node) => node.id === id);
}

function card(locale: Locale, text: string, askUnit: boolean, link?: string) {
  return renderSendToHelpCard(
    sendToHelpCardData(directory, locale, {
      requestId: 'req-1',
      message: { text, ...(link ? { link } : {}) },
      askUnit,
    }),
  );
}

describe('the "Send til Qm+ Hjelp" dialog card', () => {
  for (const locale of ['nb', 'en'] as const) {
    for (const askUnit of [false, true]) {
      it(`is valid Adaptive Card 1.5 (${locale}, ${askUnit ? 'with' : 'without'} the unit list)`, () => {
        assert.deepEqual(validationErrors(card(locale, 'Hvor er håndboken?', askUnit)), []);
      });
    }
  }

  it('carries the text as written, the link after it, the length limit and the request id', () => {
    const written = 'Skriv ${title} og {{DATE(2026-01-01T00:00:00Z)}} <at>Sverre</at>';
    const json = card('nb', written, false, 'https://teams.microsoft.com/l/message/1');
    const question = byId(json, 'question');
    assert.equal(
      question?.value,
      `${written}\n\nLenke til meldingen: https://teams.microsoft.com/l/message/1`,
    );
    assert.equal(question?.maxLength, 4000);
    assert.deepEqual((json.actions as CardNode[])[0]?.data, { requestId: 'req-1' });
  });

  it('chooses the topic the text makes obvious, and none when it is unclear', () => {
    assert.equal(
      byId(card('nb', 'Hvor er prosedyren i e-håndboken?', false), 'topicId')?.value,
      'ehandbok',
    );
    assert.equal(byId(card('nb', 'Qm+ henger', false), 'topicId')?.value, '');
  });

  it('lists the units only for someone the organisation does not know', () => {
    assert.equal(byId(card('nb', 'Hei', false), 'unitId'), undefined);
    const units = byId(card('en', 'Hi', true), 'unitId')?.choices as { value: string }[];
    assert.ok(units.some((u) => u.value === 'sola-klinikk'));
  });
});

describe('the message a message action was started on', () => {
  it('reads Teams’s HTML as the text a reader sees', () => {
    assert.equal(
      htmlToText(
        '<div><p>Første&nbsp;linje<br>andre &amp; &lt;tredje&gt; &#8211; &#x263A;</p><ul><li>en</li><li>to</li></ul></div>',
      ),
      'Første linje\nandre & <tredje> – ☺\n• en\n• to',
    );
  });

  it('keeps plain text as it is and takes only an https link', () => {
    assert.deepEqual(
      messageOfAction({
        messagePayload: {
          body: { contentType: 'text', content: ' a <b> ' },
          linkToMessage: 'https://teams.microsoft.com/l/message/1',
        },
      }),
      { text: 'a <b>', link: 'https://teams.microsoft.com/l/message/1' },
    );
    assert.deepEqual(
      messageOfAction({
        messagePayload: { body: { content: 'x' }, linkToMessage: 'javascript:1' },
      }),
      { text: '' },
    );
    assert.deepEqual(messageOfAction(undefined), { text: '' });
  });
});
