/**
 * Which files the workspace index leaves out (server/src/core/workspace/glob.ts): globs as VS Code's
 * files.exclude writes them (with `when` clauses), and the supported subset of .gitignore.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { filesExcluded, gitignored, globToRegExp, parseFilesExclude, parseGitignore } from '../server/src/core/workspace/glob';

test('globs: *, ?, **, {a,b}, [...]', () => {
  const matches = (glob: string, path: string) => globToRegExp(glob).test(path);
  assert.ok(matches('**/.git', '.git'));
  assert.ok(matches('**/.git', 'a/b/.git'));
  assert.ok(!matches('**/.git', 'a/.github'));
  assert.ok(matches('*.yaml', 'a.yaml'));
  assert.ok(!matches('*.yaml', 'dir/a.yaml'), '* stays within a segment');
  assert.ok(matches('build/**', 'build/x/y.yaml'));
  assert.ok(matches('**/*.{yaml,yml}', 'k8s/app.yml'));
  assert.ok(matches('file?.yaml', 'file1.yaml'));
  assert.ok(matches('[ab]*.yaml', 'b.yaml'));
  assert.ok(!matches('[!ab]*.yaml', 'b.yaml'));
  assert.ok(matches('a.b+c(d).yaml', 'a.b+c(d).yaml'), 'regex characters are literal');
});

test('files.exclude: true, false, when clauses with the sibling test', () => {
  const patterns = parseFilesExclude({ '**/generated': true, '**/*.tmp.yaml': false, '**/*.js': { when: '$(basename).ts' }, 'bad': 'yes' });
  assert.equal(patterns.length, 2);
  const none = () => false;
  assert.ok(filesExcluded(patterns, 'a/generated', none));
  assert.ok(!filesExcluded(patterns, 'x.tmp.yaml', none));
  assert.ok(filesExcluded(patterns, 'src/a.js', (name) => name === 'a.ts'));
  assert.ok(!filesExcluded(patterns, 'src/a.js', none));
  assert.deepEqual(parseFilesExclude(null), []);
});

test('.gitignore subset: comments, negation, directory-only, anchoring, last match wins', () => {
  const rules = parseGitignore('# comment\n\nbuild/\n/root-only.yaml\n*.tmp.yaml\n!keep.tmp.yaml\ndocs/**/draft-*.yaml\n');
  assert.ok(gitignored(rules, 'build', true));
  assert.ok(gitignored(rules, 'a/build', true), 'unanchored patterns match at any depth');
  assert.ok(!gitignored(rules, 'build', false), 'a trailing slash matches directories only');
  assert.ok(gitignored(rules, 'root-only.yaml', false));
  assert.ok(!gitignored(rules, 'sub/root-only.yaml', false), 'a leading slash anchors at the root');
  assert.ok(gitignored(rules, 'x/y.tmp.yaml', false));
  assert.ok(!gitignored(rules, 'x/keep.tmp.yaml', false), 'negation re-includes');
  assert.ok(gitignored(rules, 'docs/a/b/draft-1.yaml', false));
  assert.ok(gitignored(rules, 'docs/draft-1.yaml', false), '** matches zero segments');
  assert.ok(!gitignored(rules, 'other/docs/draft-1.yaml', false), 'a middle slash anchors too');
});
