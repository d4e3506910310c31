/**
 * A small BibTeX reader for the site's own references.bib: entries `@type{key, field = {..} | ".." | 123 |
 * macro, ...}` with `#` concatenation, @string macros (and the month names), @comment and @preamble skipped.
 * Values keep their LaTeX; latex.ts turns them into text. What it cannot read fails the build at its line,
 * rather than rendering a wrong reference.
 */

export interface BibEntry {
  /** The entry type, lower case (article, inproceedings, misc, ...). */
  type: string;
  key: string;
  /** Field values by lower-case name, LaTeX as written (outer braces or quotes removed). */
  fields: Record<string, string>;
  /** 1-based line of the entry's @. */
  line: number;
}

export interface BibFile {
  entries: BibEntry[];
  /** "file:line: message" for each thing that could not be read. */
  problems: string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

class BibSyntaxError extends Error {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

/** Parses a .bib file's text; `display` names it in problems. */
export function parseBibtex(text: string, display: string): BibFile {
  const reader = new Reader(text);
  const file: BibFile = { entries: [], problems: [] };
  const macros = new Map(MONTHS.map((m, i) => [m, String(i + 1)]));
  const keys = new Set<string>();
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', reader.pos)) {
    reader.pos = at + 1;
    try {
      const entry = reader.entry(macros);
      if (!entry) continue;
      const line = reader.lineOf(at);
      if (keys.has(entry.key)) file.problems.push(`${display}:${line}: a second entry with key "${entry.key}"`);
      keys.add(entry.key);
      file.entries.push({ ...entry, line });
    } catch (error) {
      if (!(error instanceof BibSyntaxError)) throw error;
      file.problems.push(`${display}:${reader.lineOf(error.at)}: ${error.message}`);
      // Resume at the next line that starts an entry.
      const next = text.slice(error.at).search(/\n\s*@/);
      reader.pos = next === -1 ? text.length : error.at + next + 1;
    }
  }
  return file;
}

/** A cursor over the text; each method reads one construct or throws BibSyntaxError at its offset. */
class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  lineOf(offset: number): number {
    return this.text.slice(0, offset).split('\n').length;
  }

  /** After the @: an entry, or null for @comment, @preamble and @string (which adds a macro). */
  entry(macros: Map<string, string>): Omit<BibEntry, 'line'> | null {
    const type = this.identifier('an entry type after @').toLowerCase();
    const close = this.opening();
    if (type === 'comment' || type === 'preamble') {
      this.pos--;
      this.braced(close);
      return null;
    }
    if (type === 'string') {
      const [name, value] = this.field(macros);
      macros.set(name, value);
      this.expect(close);
      return null;
    }
    const key = this.until(/[,\s}]/, 'a citation key').trim();
    const fields: Record<string, string> = {};
    for (;;) {
      this.skip();
      if (this.text[this.pos] === ',') this.pos++;
      this.skip();
      if (this.text[this.pos] === close) break;
      const [name, value] = this.field(macros);
      fields[name] = value;
    }
    this.pos++;
    return { type, key, fields };
  }

  /** `name = value # value ...` */
  private field(macros: Map<string, string>): [string, string] {
    const name = this.identifier('a field name').toLowerCase();
    this.expect('=');
    let value = this.value(macros);
    for (this.skip(); this.text[this.pos] === '#'; this.skip()) {
      this.pos++;
      value += this.value(macros);
    }
    return [name, value];
  }

  private value(macros: Map<string, string>): string {
    this.skip();
    const char = this.text[this.pos];
    if (char === '{') return this.braced('}');
    if (char === '"') return this.quoted();
    if (char !== undefined && /\d/.test(char)) return this.until(/[^\d]/, 'a number');
    const start = this.pos;
    const name = this.identifier('a value: {text}, "text", a number or a @string name').toLowerCase();
    const macro = macros.get(name);
    if (macro === undefined) throw new BibSyntaxError(`unknown @string name "${name}"`, start);
    return macro;
  }

  /** `{...}` with nested braces balanced; returns the inside. */
  private braced(close: string): string {
    const start = this.pos++;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const char = this.text[this.pos];
      if (char === '\\') this.pos++;
      else if (char === '{') depth++;
      else if (char === '}' && depth > 0) depth--;
      else if (char === close && depth === 0) return this.text.slice(start + 1, this.pos++);
    }
    throw new BibSyntaxError('an opening brace is never closed', start);
  }

  /** `"..."`, where a quote inside braces does not end it. */
  private quoted(): string {
    const start = this.pos++;
    let depth = 0;
    for (; this.pos < this.text.length; this.pos++) {
      const char = this.text[this.pos];
      if (char === '{') depth++;
      else if (char === '}') depth--;
      else if (char === '"' && depth === 0) return this.text.slice(start + 1, this.pos++);
    }
    throw new BibSyntaxError('a quoted value is never closed', start);
  }

  /** `{` or `(`: returns the character that closes the entry. */
  private opening(): string {
    this.skip();
    const char = this.text[this.pos];
    if (char !== '{' && char !== '(') throw new BibSyntaxError('expected { after the entry type', this.pos);
    this.pos++;
    return char === '{' ? '}' : ')';
  }

  private identifier(what: string): string {
    this.skip();
    const match = /^[A-Za-z_][\w:.+/-]*/.exec(this.text.slice(this.pos, this.pos + 200));
    if (!match) throw new BibSyntaxError(`expected ${what}`, this.pos);
    this.pos += match[0].length;
    return match[0];
  }

  private until(stop: RegExp, what: string): string {
    const start = this.pos;
    while (this.pos < this.text.length && !stop.test(this.text[this.pos]!)) this.pos++;
    if (this.pos === start) throw new BibSyntaxError(`expected ${what}`, start);
    return this.text.slice(start, this.pos);
  }

  private expect(char: string): void {
    this.skip();
    if (this.text[this.pos] !== char) throw new BibSyntaxError(`expected ${char}`, this.pos);
    this.pos++;
  }

  private skip(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }
}
