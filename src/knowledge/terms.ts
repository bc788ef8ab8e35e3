import { newStemmer, type Stemmer } from 'snowball-stemmers';
import type { Locale } from '../i18n';

/** Words that say nothing about what is asked; left out of the index and of queries. */
const stopWords: Record<Locale, ReadonlySet<string>> = {
  nb: new Set(
    (
      'og i jeg det at en et den til er som på de med han av ikke der så var meg seg men ett har ' +
      'om vi min mitt mine ha hadde hun nå over da ved fra du ut sin dem oss opp man kan hans ' +
      'hvor eller hva skal selv sjøl her alle vil bli ble blitt kunne inn når være kom noen noe ' +
      'ville dere som deres kun ja etter ned skulle denne for deg si sine sitt mot å meget hvorfor ' +
      'dette disse uten hvordan ingen din ditt blir samme hvilken hvilke sånn inni mellom vår ' +
      'hver hvem vors hvis både bare enn fordi før mange også slik vært være begge siden dykk ' +
      'dykkar dei deira deires deim di då eg ein eit eitt elles honom hjå ho hoe henne hennar ' +
      'hennes hoss hossen ikkje ingi inkje korleis korso kva kvar kvarhelst kven kvi kvifor me ' +
      'medan mi mine mykje no nokon noka nokor noko nokre si sia sidan so somt somme um upp vere ' +
      'vore verte vort varte vart går gjør få får gjøre finne finner hei takk må'
    ).split(' '),
  ),
  en: new Set(
    (
      'a an the and or but if of at by for with about to from in on is are was were be been ' +
      'being have has had do does did i me my we our you your he she it its they them their ' +
      'this that these those what which who whom how why where when can could should would will ' +
      'shall may might must not no so than too very just there here get find hi hello thanks'
    ).split(' '),
  ),
};

const stemmers: Record<Locale, Stemmer> = {
  nb: newStemmer('norwegian'),
  en: newStemmer('english'),
};

/**
 * The words of a text, lower-cased. A hyphenated word counts as its parts and as one word
 * ("e-håndbok" gives "e", "håndbok" and "ehåndbok"), so either spelling finds the other.
 */
export function words(text: string): string[] {
  const found: string[] = [];
  for (const match of text.toLowerCase().matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)) {
    const word = match[0].replace(/['’]s$/, '');
    const parts = word.split(/[-'’]/).filter(Boolean);
    found.push(...parts);
    if (parts.length > 1) found.push(parts.join(''));
  }
  return found;
}

/** Stems already worked out: a language's words repeat, and stemming is the costly part of indexing. */
const stemCache: Record<Locale, Map<string, string>> = { nb: new Map(), en: new Map() };
const maxCachedStems = 100_000;

/** A word as the index holds it in a language: stemmed, or undefined for a stop word. */
export function termOf(word: string, locale: Locale): string | undefined {
  if (stopWords[locale].has(word)) return undefined;
  if (/^\p{N}+$/u.test(word)) return word;
  const cache = stemCache[locale];
  const known = cache.get(word);
  if (known !== undefined) return known;
  const stem = stemmers[locale].stem(word);
  if (cache.size >= maxCachedStems) cache.clear();
  cache.set(word, stem);
  return stem;
}

/** The terms of a text in a language, in order, stop words left out. */
export function termsOf(text: string, locale: Locale): string[] {
  return words(text).flatMap((word) => {
    const term = termOf(word, locale);
    return term ? [term] : [];
  });
}
