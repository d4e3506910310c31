/**
 * The LaTeX a .bib file's values carry, as plain text: accents (\'{e}, {\"o}), a few letters (\ss, \o),
 * escaped specials (\&), dashes and ties; then braces dropped. And author lists split into names.
 */

/** Accent commands to the Unicode combining mark they put on the next letter. */
const ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '`': '\u0300',
  '^': '\u0302',
  '"': '\u0308',
  '~': '\u0303',
  '=': '\u0304',
  '.': '\u0307',
  u: '\u0306',
  v: '\u030c',
  H: '\u030b',
  c: '\u0327',
  k: '\u0328',
};

const LETTERS: Record<string, string> = {
  ss: 'ß',
  o: 'ø',
  O: 'Ø',
  aa: 'å',
  AA: 'Å',
  ae: 'æ',
  AE: 'Æ',
  oe: 'œ',
  OE: 'Œ',
  l: 'ł',
  L: 'Ł',
  i: 'ı',
  j: 'ȷ',
};

/** A field value as text: "Image Style Transfer Using {C}onvolutional ..." to "... Convolutional ...". */
export function latexToText(value: string): string {
  return value
    .replace(/\\([`'^"~=.])\s*\{?\\?([A-Za-z])\}?/g, (_, accent: string, letter: string) => letter + ACCENTS[accent])
    .replace(/\\([uvHck])(?:\s+|\{)\\?([A-Za-z])\}?/g, (_, accent: string, letter: string) => letter + ACCENTS[accent])
    .replace(/\\(ss|aa|AA|ae|AE|oe|OE|o|O|l|L|i|j)(?![A-Za-z])\s?/g, (_, name: string) => LETTERS[name]!)
    .replace(/\\([&%$#_{}])/g, '$1')
    .replace(/---/g, '\u2014')
    .replace(/--/g, '\u2013')
    .replace(/~/g, '\u00a0')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

export interface PersonName {
  /** Given names, as written ("Leon A."). */
  first: string;
  /** Family name with any particle ("van der Maaten"). */
  last: string;
}

/**
 * An author field's names: split on "and" outside braces; each "Last, First" or "First von Last" (the last
 * word, with the lower-case particles before it, is the family name; "{Team Name}" stays whole).
 * "others" ends the list (shown as "et al.").
 */
export function splitNames(field: string): { names: PersonName[]; others: boolean } {
  const parts = splitTopLevel(field, /^and$/i);
  const names: PersonName[] = [];
  let others = false;
  for (const words of parts) {
    const text = words.join(' ');
    if (text.toLowerCase() === 'others') others = true;
    else if (text) names.push(personName(text));
  }
  return { names, others };
}

function personName(text: string): PersonName {
  const commaParts = splitOnTopLevelCommas(text);
  if (commaParts.length > 1)
    return { last: latexToText(commaParts[0]!), first: latexToText(commaParts[commaParts.length - 1]!) };
  const words = splitTopLevel(text, null)[0]!;
  let lastStart = words.length - 1;
  while (lastStart > 0 && /^[a-z]/.test(words[lastStart - 1]!)) lastStart--;
  return {
    first: latexToText(words.slice(0, lastStart).join(' ')),
    last: latexToText(words.slice(lastStart).join(' ')),
  };
}

/** Words outside braces, grouped into parts separated by words matching `separator` (or one part). */
function splitTopLevel(text: string, separator: RegExp | null): string[][] {
  const parts: string[][] = [[]];
  let word = '';
  let depth = 0;
  const flush = () => {
    if (!word) return;
    if (separator?.test(word)) parts.push([]);
    else parts[parts.length - 1]!.push(word);
    word = '';
  };
  for (const char of text) {
    if (char === '{') depth++;
    if (char === '}') depth--;
    if (/\s/.test(char) && depth === 0) flush();
    else word += char;
  }
  flush();
  return parts;
}

function splitOnTopLevelCommas(text: string): string[] {
  const parts = [''];
  let depth = 0;
  for (const char of text) {
    if (char === '{') depth++;
    if (char === '}') depth--;
    if (char === ',' && depth === 0) parts.push('');
    else parts[parts.length - 1] += char;
  }
  return parts.map((p) => p.trim());
}
