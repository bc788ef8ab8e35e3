import assert from 'node:assert/strict';
import { TextSearch, type SearchHit } from '../../src/knowledge/text-search';

const keys = (hits: SearchHit[]): string[] => hits.map((h) => `${h.key} ${h.locale}`);

function searchOf(texts: [string, string][]): TextSearch {
  const search = new TextSearch({ question: 1 });
  for (const [key, question] of texts) search.put({ key, locale: 'nb', fields: { question } });
  return search;
}

const texts: [string, string][] = [
  ['a', 'Hvordan melder jeg et avvik i håndboka'],
  ['b', 'Avviket mitt er borte fra listen'],
  ['c', 'Glemt passord til mobilappen'],
  ['d', 'Skjema for avvik på skoletur'],
];

describe('text search', () => {
  it('finds a text put again under its key by its new words, and no longer by its old ones', () => {
    const search = searchOf(texts);
    search.put({ key: 'c', locale: 'nb', fields: { question: 'Brannøvelse på klinikken' } });
    assert.deepEqual(keys(search.search('passord mobilappen', 3)), []);
    assert.deepEqual(keys(search.search('brannøvelse klinikken', 3)), ['c nb']);
    assert.equal(search.size, 4);
  });

  it('forgets a removed text: not found, and no longer counted in how rare its words are', () => {
    const removed = searchOf(texts);
    removed.remove('b');
    const never = searchOf(texts.filter(([key]) => key !== 'b'));
    const query = 'melde avvik skjema';
    const found = removed.search(query, 4);
    assert.deepEqual(keys(found), keys(never.search(query, 4)));
    found.forEach((hit, i) =>
      assert.ok(Math.abs(hit.score - never.search(query, 4)[i].score) < 1e-9),
    );
    assert.equal(removed.size, 3);
  });

  it('keeps a key in each language apart, and finds it by either', () => {
    const search = searchOf(texts);
    search.put({ key: 'c', locale: 'en', fields: { question: 'Forgot the password for the app' } });
    assert.deepEqual(keys(search.search('forgot password', 3)), ['c en']);
    assert.deepEqual(keys(search.search('glemt passord', 3)), ['c nb']);
    search.remove('c');
    assert.deepEqual(keys(search.search('forgot password', 3)), []);
    assert.deepEqual(keys(search.search('glemt passord', 3)), []);
  });

  it('finds a word begun or misspelt, ranked below the word itself', () => {
    const search = searchOf(texts);
    assert.deepEqual(keys(search.search('passor', 1)), ['c nb']);
    assert.deepEqual(keys(search.search('pasord', 1)), ['c nb']);
    const [exact] = search.search('passord', 1);
    const [begun] = search.search('passor', 1);
    assert.ok(begun.score < exact.score);
  });

  it('stays as large as its texts when they are put again and again, and finds as a new one does', () => {
    const many = Array.from({ length: 300 }, (_, i): [string, string] => [
      `k${i}`,
      `${texts[i % 4][1]} nummer ${i} ord${i % 17}`,
    ]);
    const replaced = searchOf(many);
    for (let round = 0; round < 60; round++)
      for (const [key, question] of many.slice(0, 200))
        replaced.put({ key, locale: 'nb', fields: { question: `${question} runde${round}` } });
    const last = many.map(([key, question], i): [string, string] => [
      key,
      i < 200 ? `${question} runde59` : question,
    ]);
    const fresh = searchOf(last);
    assert.equal(replaced.size, 300);
    assert.ok(replaced.slots <= 300 + 2 * 1024, `${replaced.slots} text numbers for 300 texts`);
    for (const query of ['melder avvik håndboka', 'passord mobilappen ord3', 'skjema runde59']) {
      const found = replaced.search(query, 10);
      const expected = fresh.search(query, 10);
      assert.deepEqual(keys(found), keys(expected), query);
      found.forEach((hit, i) => assert.ok(Math.abs(hit.score - expected[i].score) < 1e-6, query));
    }
  });

  it('gives no hits when asked for none', () => {
    assert.deepEqual(searchOf(texts).search('avvik', 0), []);
  });
});
