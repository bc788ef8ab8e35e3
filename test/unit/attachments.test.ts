import assert from 'node:assert/strict';
import { attachmentsOf, quotedMessageId } from '../../bot/handlers/attachments';

describe('files and images in a message', () => {
  it('records files with their Teams download link and inline images with their content URL', () => {
    assert.deepEqual(
      attachmentsOf([
        { contentType: 'text/html', content: '<p>Se vedlegg</p>' },
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'avvik.docx',
          contentUrl: 'https://fylke.sharepoint.example/avvik.docx',
          content: {
            downloadUrl: 'https://dl.example/avvik.docx',
            uniqueId: 'u',
            fileType: 'docx',
          },
        },
        { contentType: 'image/png', contentUrl: 'https://smba.example/views/original' },
        { contentType: 'application/vnd.microsoft.card.adaptive', content: {} },
      ]),
      [
        {
          name: 'avvik.docx',
          contentType: 'application/vnd.microsoft.teams.file.download.info;docx',
          url: 'https://dl.example/avvik.docx',
        },
        {
          name: 'image-3.png',
          contentType: 'image/png',
          url: 'https://smba.example/views/original',
        },
      ],
    );
  });

  it('leaves out what has no usable link rather than recording a broken one', () => {
    assert.deepEqual(
      attachmentsOf([
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'x',
          content: {},
        },
        { contentType: 'image/png', contentUrl: 'javascript:alert(1)' },
      ]),
      [],
    );
  });

  it('finds the message a Teams reply quotes', () => {
    const html =
      '<blockquote itemscope="" itemtype="http://schema.skype.com/Reply" itemid="1700000000000"><p>QM</p></blockquote><p>Mer</p>';
    assert.equal(quotedMessageId([{ contentType: 'text/html', content: html }]), '1700000000000');
    assert.equal(quotedMessageId([{ contentType: 'text/html', content: '<p>Hei</p>' }]), undefined);
  });
});
