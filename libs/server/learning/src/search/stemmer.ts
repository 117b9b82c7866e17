import { Stemmer } from 'sastrawijs';

/**
 * Indonesian stemming for catalog search (DOMAIN.md §10, docs/learning.md "Catalog search"): Sastrawi
 * (Nazief–Adriani, dictionary-based) with two small, tested corrections for what the library gets wrong.
 */
const stemmer = new Stemmer();

// Junk roots in Sastrawi's dictionary that capture real words before the right root is tried:
// menilai → "ilai" (should be nilai), mengenal/pengenalan → "nal" (should be kenal).
stemmer.remove(['ilai', 'nal']);

/** Words too common to search by; dropped from both the indexed text and the query. */
const STOPWORDS = new Set([
  'yang',
  'dan',
  'di',
  'ke',
  'dari',
  'untuk',
  'dengan',
  'pada',
  'dalam',
  'bagi',
  'atau',
  'ini',
  'itu',
  'oleh',
  'serta',
  'sebagai',
  'adalah',
  'akan',
  'tentang',
  'secara',
  'para',
  'the',
  'of',
  'and',
]);

/** Lower-cased words of a text: accents removed, split on anything that is not a letter or digit. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOPWORDS.has(w));
}

/**
 * The root of one lower-case word.
 * Fallback: Sastrawi reads "menge-"/"penge-" only as the prefix of a one-syllable root, so words built on a root
 * starting with k, whose k the nasal prefix swallows (meN- + kembang + -kan → mengembangkan, peN- + kelola + -an →
 * pengelolaan), come back unstemmed. For an unstemmed "menge…"/"penge…" word we restore the k and stem again, and
 * keep that only if it lands on a dictionary root.
 */
export function stemWord(word: string): string {
  if (/^\d+$/.test(word)) return word;
  const stem = stemmer.stem(word);
  if (stem !== word || stemmer.find(word)) return stem;
  const nasal = /^(?:meng|peng)(e[a-z]+)$/.exec(word);
  if (nasal) {
    const withK = stemmer.stem(`k${nasal[1]}`);
    if (stemmer.find(withK)) return withK;
  }
  return stem;
}

/** Stems of every word of the texts, space-separated: what goes into `course.search_stems` and into a catalog query. */
export function stemText(...texts: Array<string | null | undefined>): string {
  return texts
    .filter((t): t is string => !!t)
    .flatMap(tokenize)
    .map(stemWord)
    .join(' ');
}
