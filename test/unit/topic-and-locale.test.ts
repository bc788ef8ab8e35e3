import assert from 'node:assert/strict';
import { localeFrom, messages } from '../../src/i18n';
import { obviousTopic } from '../../src/inquiries/topic';
import { testDirectory } from '../support/domain-fixture';

const topics = testDirectory().allTopics();

describe('understanding a question', () => {
  it('picks the topic whose keyword the question names', () => {
    assert.equal(obviousTopic(topics, 'Hvordan melder jeg et avvik på en elev?'), 'avvik');
    assert.equal(obviousTopic(topics, 'Finner ikke prosedyren i E-håndboka'), 'ehandbok');
  });

  it('asks when no topic or several topics match', () => {
    assert.equal(obviousTopic(topics, 'Qm+ henger når jeg logger inn'), undefined);
    assert.equal(obviousTopic(topics, 'Avvik fra prosedyren i håndboken'), undefined);
  });
});

describe('language', () => {
  it('answers in English when Teams asks for English, in bokmål otherwise', () => {
    assert.equal(localeFrom('en-US'), 'en');
    assert.equal(localeFrom('en-GB'), 'en');
    assert.equal(localeFrom('nb-NO'), 'nb');
    assert.equal(localeFrom('nn-NO'), 'nb');
    assert.equal(localeFrom('de-DE'), 'nb');
    assert.equal(localeFrom(undefined), 'nb');
  });

  it('has every text in both languages, and they differ', () => {
    const nb = messages('nb');
    const en = messages('en');
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null
          ? keys(v as object, `${prefix}${k}.`)
          : [`${prefix}${k}`],
      );
    assert.deepEqual(keys(en), keys(nb));
    assert.notEqual(nb.actions.claim, en.actions.claim);
    assert.equal(nb.actions.claim, 'Jeg tar den');
  });
});
