/**
 * Which files of a workspace folder the index leaves out: the `files.exclude` setting of VS Code
 * and the `.gitignore` at the folder's root, both as path matchers on folder-relative paths with
 * forward slashes. Pure (the file system is read elsewhere).
 *
 * Glob syntax (both sources): `*` (any characters but `/`), `?` (one character but `/`), `**` (any
 * number of path segments), `{a,b}` (alternatives, not nested), `[abc]`, `[a-z]`, `[!abc]`.
 *
 * files.exclude: `{"<glob>": true | false | {"when": "$(basename).ext"}}`, globs relative to the
 * folder (`**\/.git`, `build/`); a `when` clause excludes a file only when the sibling it names
 * exists (checked by the caller's `siblingExists`).
 *
 * .gitignore, the subset supported: blank lines and `#` comments; `!` re-includes; a trailing `/`
 * matches directories only; a pattern with a `/` at the start or in the middle is anchored at the
 * folder root, others match at any depth; the last matching line wins; a file inside an ignored
 * directory stays ignored (as in git). Not supported: .gitignore files in sub-folders,
 * .git/info/exclude, core.excludesFile, backslash escapes and trailing-space rules.
 */

/** A glob as a regular expression over a whole relative path. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let i = 0;
  let inAlternatives = false;
  while (i < glob.length) {
    const char = glob[i];
    if (char === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more segments; a trailing `**` matches everything below.
        const followedBySlash = glob[i + 2] === '/';
        source += followedBySlash ? '(?:[^/]*(?:/|$))*' : '.*';
        i += followedBySlash ? 3 : 2;
        continue;
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{' && !inAlternatives) {
      inAlternatives = true;
      source += '(?:';
    } else if (char === '}' && inAlternatives) {
      inAlternatives = false;
      source += ')';
    } else if (char === ',' && inAlternatives) {
      source += '|';
    } else if (char === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) {
        source += '\\[';
      } else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        source += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else {
      source += /[.+^$|()\\\]]/.test(char) ? `\\${char}` : char;
    }
    i++;
  }
  if (inAlternatives) source += ')';
  return new RegExp(`^${source}$`);
}

export interface PathRule {
  readonly regex: RegExp;
  readonly negated: boolean;
  readonly directoryOnly: boolean;
}

/** The rules of a .gitignore text (the supported subset, see above). */
export function parseGitignore(text: string): PathRule[] {
  const rules: PathRule[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trimEnd();
    if (!line || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    const directoryOnly = line.endsWith('/');
    if (directoryOnly) line = line.slice(0, -1);
    if (!line) continue;
    const anchored = line.includes('/');
    if (line.startsWith('/')) line = line.slice(1);
    const glob = anchored ? line : `**/${line}`;
    // A matched directory excludes its contents too.
    rules.push({ regex: globToRegExp(glob), negated, directoryOnly });
  }
  return rules;
}

/** Whether the .gitignore rules ignore the path (the last matching rule decides). */
export function gitignored(rules: readonly PathRule[], relativePath: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const rule of rules) {
    if (rule.directoryOnly && !isDirectory) continue;
    if (rule.regex.test(relativePath)) ignored = !rule.negated;
  }
  return ignored;
}

export interface ExcludePattern {
  readonly regex: RegExp;
  /** `$(basename).ext`: the file is excluded only when this sibling exists. */
  readonly when?: string;
}

/** The patterns of a `files.exclude` value that are switched on. */
export function parseFilesExclude(value: unknown): ExcludePattern[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const patterns: ExcludePattern[] = [];
  for (const [glob, setting] of Object.entries(value as Record<string, unknown>)) {
    const trimmed = glob.replace(/^\.\//, '').replace(/\/+$/, '');
    if (!trimmed) continue;
    if (setting === true) patterns.push({ regex: globToRegExp(trimmed) });
    else if (typeof setting === 'object' && setting !== null && typeof (setting as { when?: unknown }).when === 'string') {
      patterns.push({ regex: globToRegExp(trimmed), when: (setting as { when: string }).when });
    }
  }
  return patterns;
}

/** Whether `files.exclude` excludes the path. */
export function filesExcluded(patterns: readonly ExcludePattern[], relativePath: string, siblingExists: (name: string) => boolean): boolean {
  for (const pattern of patterns) {
    if (!pattern.regex.test(relativePath)) continue;
    if (!pattern.when) return true;
    const slash = relativePath.lastIndexOf('/');
    const name = relativePath.slice(slash + 1);
    const dot = name.lastIndexOf('.');
    const basename = dot > 0 ? name.slice(0, dot) : name;
    if (siblingExists(pattern.when.replace('$(basename)', basename))) return true;
  }
  return false;
}
