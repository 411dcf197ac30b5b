/**
 * Credentials on a container's command line (`command` and `args`), where every `ps`, `kubectl
 * describe` and crash report shows them: credential flags with a literal value (`--password=x`,
 * `--token x`, `-password=x`), shell assignments (`PGPASSWORD=x psql`), the short password options
 * of well-known clients (`mysql -px`, `sshpass -p x`, `redis-cli -a x`, `curl -u user:x`),
 * and every shape model/credentials.ts recognises (private keys, known tokens, `Authorization`
 * headers, URLs with a password). Shell scripts (`sh -c "..."`) are split into words first. A value
 * with a shell expansion (`$VAR`, `${VAR}`, `$(cat /run/secrets/x)`, backticks) is a reference.
 * Only where a credential is and which flag or detector found it is returned, never the value.
 */
import { CredentialKind, embeddedFieldIsCredential, formatMatches, isLiteralSecretValue } from './credentials';

export interface CommandLineHit {
  /** Index of the `command` / `args` item that holds the credential. */
  readonly index: number;
  readonly kind: CredentialKind;
  /** The flag or variable that carries it (`--password`, `-p`, `PGPASSWORD`), for kind `key`. */
  readonly flag?: string;
  /** The format of a recognised shape (`GitHub`, `JWT`). */
  readonly format?: string;
}

interface Word {
  readonly text: string;
  readonly index: number;
  /** `;`, `&&`, `|`: a new command starts after it. */
  readonly separator?: boolean;
}

/** Clients whose short option takes a password: attached (`-pSECRET`) or as the next word. */
const SHORT_PASSWORD_OPTIONS: readonly { readonly programs: RegExp; readonly option: string; readonly attached: boolean }[] = [
  { programs: /^(mysql|mysqldump|mysqladmin|mysqlimport|mysqlcheck|mysqlpump|mariadb(-\w+)?)$/, option: '-p', attached: true },
  { programs: /^sshpass$/, option: '-p', attached: false },
  { programs: /^redis-cli$/, option: '-a', attached: false },
  { programs: /^(curl|wget)$/, option: '-u', attached: false },
  { programs: /^(curl|wget)$/, option: '--user', attached: false },
];

/** Words of a shell command line: quotes removed, `;`, `&` and `|` as separators. */
function shellWords(text: string, index: number): Word[] {
  const words: Word[] = [];
  let current = '';
  let started = false;
  let quote = '';
  const flush = () => {
    if (started) words.push({ text: current, index });
    current = '';
    started = false;
  };
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = '';
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      flush();
    } else if (char === ';' || char === '&' || char === '|') {
      flush();
      words.push({ text: char, index, separator: true });
    } else {
      current += char;
      started = true;
    }
  }
  flush();
  return words;
}

/**
 * A literal credential value on a command line: no shell expansion, and literal by the usual
 * rules. A value with a recognised shape (`--token ghp_...`) is left to that shape's finding.
 */
function isLiteralArgument(value: string): boolean {
  return !/[$`]/.test(value) && isLiteralSecretValue(value) && formatMatches(value).length === 0;
}

function programOf(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** Credentials in the words of one command line (the items of `command` and `args` together). */
function wordHits(words: readonly Word[]): CommandLineHit[] {
  const hits: CommandLineHit[] = [];
  let programs: string[] = [];
  words.forEach((word, position) => {
    if (word.separator) {
      programs = [];
      return;
    }
    programs.push(programOf(word.text));
    const next = words[position + 1];
    const nextValue = next && !next.separator && !next.text.startsWith('-') ? next.text : undefined;
    // A separate value is reported where it is (`["--token", "x"]`: on the second item).
    const valueIndex = next && nextValue !== undefined ? next.index : word.index;
    const flag = /^(--?)([A-Za-z][\w.-]*)(?:=(.*))?$/s.exec(word.text);
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.text);
    for (const { programs: pattern, option, attached } of SHORT_PASSWORD_OPTIONS) {
      if (!programs.some((program) => pattern.test(program))) continue;
      const value = attached ? (word.text.startsWith(option) && word.text.length > option.length ? word.text.slice(option.length) : undefined) : word.text === option ? nextValue : undefined;
      if (value === undefined) continue;
      // `curl -u user:password`: only the part after the colon is secret; `-u user` alone prompts.
      const userPass = option === '-u' || option === '--user';
      if (userPass && !value.includes(':')) continue;
      if (isLiteralArgument(userPass ? value.slice(value.indexOf(':') + 1) : value)) {
        hits.push({ index: attached ? word.index : valueIndex, kind: 'key', flag: option });
        return;
      }
    }
    if (flag) {
      const value = flag[3] ?? nextValue;
      const index = flag[3] === undefined ? valueIndex : word.index;
      if (value !== undefined && isLiteralArgument(value) && embeddedFieldIsCredential(flag[2], value)) {
        hits.push({ index, kind: 'key', flag: `${flag[1]}${flag[2]}` });
      }
      // `--from-literal=password=x`, `--set auth.password=x`, `-e DB_PASSWORD=x`
      const inner = value === undefined ? null : /^([A-Za-z_][\w.-]*)=(.*)$/s.exec(value);
      if (inner && isLiteralArgument(inner[2]) && embeddedFieldIsCredential(inner[1], inner[2])) hits.push({ index, kind: 'key', flag: inner[1] });
    } else if (assignment && isLiteralArgument(assignment[2]) && embeddedFieldIsCredential(assignment[1], assignment[2])) {
      hits.push({ index: word.index, kind: 'key', flag: assignment[1] });
    }
  });
  return hits;
}

/** Every credential in a container's command line; `items` are `command` then `args` (non-strings skipped). */
export function findCommandLineCredentials(items: readonly unknown[]): CommandLineHit[] {
  const hits: CommandLineHit[] = [];
  const words: Word[] = [];
  items.forEach((item, index) => {
    if (typeof item !== 'string') return;
    // One shape per item: `https://bot:ghp_...@github.com` is one GitHub token, not also a URL password.
    const shapes = formatMatches(item);
    const shape = shapes.find((candidate) => candidate.kind === 'token') ?? shapes[0];
    if (shape) hits.push({ index, kind: shape.kind, format: shape.format });
    words.push(...(/\s/.test(item) ? shellWords(item, index) : [{ text: item, index }]));
    // Items of an argv are separate words; a script item is its own command line.
    if (/\s/.test(item)) words.push({ text: ';', index, separator: true });
  });
  hits.push(...wordHits(words));
  const seen = new Set<string>();
  return hits
    .filter((hit) => {
      const id = `${hit.index}/${hit.kind}/${hit.flag ?? hit.format ?? ''}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    })
    .sort((a, b) => a.index - b.index)
    .slice(0, 10);
}
