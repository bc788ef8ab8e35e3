import assert from 'node:assert/strict';
import { mentionEntity, mentionList } from '../../cards/render';
import { vendorEmailLink } from '../../cards/vendor-email';
import { vendorCase } from '../../src/escalation/vendor-case';
import { shorten, startOf, wellFormed } from '../../src/text';
import { directory, inquiriesInEveryState } from '../support/inquiries-in-every-state';

describe('cutting text where a reader sees a boundary', () => {
  it('never splits an emoji, a flag or an accented letter', () => {
    assert.equal(startOf('ab😀cd', 3), 'ab');
    assert.equal(startOf('ab😀cd', 4), 'ab😀');
    assert.equal(startOf('x🇳🇴y', 3), 'x');
    assert.equal(startOf('xe\u0301y', 2), 'x');
    assert.equal(shorten('short', 10), 'short');
    assert.equal(shorten('abcdef', 4), 'abc…');
  });

  it('replaces a lone surrogate so the text can be encoded', () => {
    assert.equal(wellFormed('a\ud800b'), 'a\ufffdb');
    assert.equal(wellFormed('😀'), '😀');
    assert.doesNotThrow(() => encodeURIComponent(wellFormed('\udc00x\ud83d')));
  });

  it('renders the vendor email link when the subject would cut an emoji in half', () => {
    const { atVendor } = inquiriesInEveryState();
    // 79 letters then an emoji: a cut at 79 UTF-16 units falls inside it.
    const text = `${'a'.repeat(78)}😀 resten av spørsmålet`;
    const inquiry = {
      ...atVendor,
      text,
      vendorCase: vendorCase({ ...atVendor, text }, atVendor.createdAt),
    };
    const link = vendorEmailLink(inquiry, directory, 'nb');
    assert.ok(link?.startsWith('mailto:'));
    assert.match(decodeURIComponent(link!.split('subject=')[1].split('&')[0]), /a{78}…$/);
  });

  it('renders the vendor email link for a question holding a lone surrogate', () => {
    const { atVendor } = inquiriesInEveryState();
    const text = 'Hvorfor \ud83d fungerer ikke lenken?';
    const inquiry = {
      ...atVendor,
      text,
      vendorCase: vendorCase({ ...atVendor, text }, atVendor.createdAt),
    };
    assert.doesNotThrow(() => vendorEmailLink(inquiry, directory, 'nb'));
  });
});

describe('mentions of several people', () => {
  const person = (name: string) => ({ key: name, name, aadObjectId: `id-${name}` });

  it('read as a list in the reader’s language', () => {
    const mentions = ['Sverre Lunde', 'Hilde Berg', 'Anne Winter'].map((n) =>
      mentionEntity(person(n)),
    );
    assert.equal(
      mentionList(mentions, 'nb'),
      '<at>Sverre Lunde</at>, <at>Hilde Berg</at> og <at>Anne Winter</at>',
    );
    assert.equal(
      mentionList(mentions.slice(0, 2), 'en'),
      '<at>Sverre Lunde</at> and <at>Hilde Berg</at>',
    );
  });
});
