/**
 * The registry is kept sorted in the source rather than at run time, the way ESLint keeps its rule
 * index sorted with a lint rule: each section's index.ts lists its rules by id, every file of a
 * section folder (except index.ts) is one rule named by its id and listed there, helpers live in
 * rules/shared/, and rules never import the engine or the registry. `defineRule` types message ids,
 * so a misspelled id is a compile error (the `@ts-expect-error` below fails the build otherwise).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '../server/src/core';
import { defineRule } from '../server/src/core/rules/define-rule';
import { SECTION_RULES } from '../server/src/core/rules/registry';
import { repoPath } from './support/paths';

const RULES_SOURCE = repoPath('server', 'src', 'core', 'rules');

function ids(rules: readonly { readonly id: string }[]): string[] {
  return rules.map((rule) => rule.id);
}

/** The `.ts` files of a folder under rules/, without extension. */
function moduleNames(folder: string): string[] {
  return fs.readdirSync(path.join(RULES_SOURCE, folder)).filter((file) => file.endsWith('.ts')).map((file) => file.replace(/\.ts$/, '')).sort();
}

test('each section lists its rules sorted by id', () => {
  for (const [section, rules] of Object.entries(SECTION_RULES)) {
    assert.deepEqual(ids(rules), [...ids(rules)].sort(), `${section}/index.ts is not sorted by id`);
  }
});

test('the joined registry is sorted by id and holds every section rule once', () => {
  assert.deepEqual(ids(RULES), [...ids(RULES)].sort(), 'RULES is not sorted by id');
  const all = Object.values(SECTION_RULES).flatMap(ids).sort();
  assert.deepEqual(ids(RULES), all);
});

test('every file of a section folder is a rule named by its id and listed in the section index', () => {
  const folders = fs.readdirSync(RULES_SOURCE, { withFileTypes: true }).filter((entry) => entry.isDirectory() && entry.name !== 'shared').map((entry) => entry.name).sort();
  assert.deepEqual(folders, Object.keys(SECTION_RULES).sort(), 'section folders and registry sections');
  for (const folder of folders) {
    const files = moduleNames(folder).filter((name) => name !== 'index');
    assert.deepEqual(files, ids(SECTION_RULES[folder]), `${folder}: files on disk (helpers belong in rules/shared/) and index entries`);
  }
});

test('rules and their helpers never import the engine or the registry', () => {
  const problems: string[] = [];
  const visit = (folder: string): void => {
    for (const entry of fs.readdirSync(path.join(RULES_SOURCE, folder), { withFileTypes: true })) {
      const relative = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(relative);
      else if (entry.name.endsWith('.ts') && relative !== 'registry.ts') {
        const text = fs.readFileSync(path.join(RULES_SOURCE, relative), 'utf8');
        for (const match of text.matchAll(/from '([^']+)'/g)) {
          if (/\/engine\/|(^|\/)registry$/.test(match[1])) problems.push(`${relative} imports ${match[1]}`);
        }
      }
    }
  };
  visit('.');
  assert.deepEqual(problems, []);
});

test('defineRule types message ids: a misspelled id does not compile', () => {
  const rule = defineRule({
    id: 'example',
    checklist: [],
    scope: { kinds: ['Pod'] },
    defaultSeverity: 'warning',
    docs: {
      title: { en: '', 'zh-cn': '' },
      summary: { en: '', 'zh-cn': '' },
      why: { en: '', 'zh-cn': '' },
      remediation: { en: '', 'zh-cn': '' },
      fixSafety: { en: '', 'zh-cn': '' },
      references: [],
      examples: { incorrect: '', correct: '' },
    },
    messages: { fooBar: { en: 'foo', 'zh-cn': 'foo' } },
    check(context) {
      context.report({ messageId: 'fooBar', path: [] });
      // @ts-expect-error: `fooBaz` is not one of the rule's message ids.
      context.report({ messageId: 'fooBaz', path: [] });
    },
  });
  assert.equal(rule.pss, null, 'pss defaults to null');
  assert.equal(rule.enabledByDefault, true, 'enabled by default');
});
