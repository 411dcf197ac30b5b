/**
 * Rule fixtures (test/fixtures/rules/<rule-id>/fire*.yaml, dont-fire*.yaml): every line that a rule
 * must flag carries `# expect: <rule-id>`, and the engine, with every rule at its default severity
 * and the fixture's options, flags exactly those lines for the rules the fixture is about. See
 * test/support/expectations.ts for the format.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CONTAINER_LISTS, isWorkspaceRule, positionOf, ruleById, RULES, WORKLOAD_KIND_TABLE, workloadKindRowOf } from '../server/src/core';
import {
  actualPairs,
  expectedPairs,
  fixtureKindOf,
  fixtureName,
  listFixtureFiles,
  listFixtureFolders,
  listFixturePaths,
  loadableFixtures,
  loadFixture,
  rangeProblem,
  RULE_FIXTURES_ROOT,
  runFixture,
  sidecarOf,
} from './support/expectations';

for (const file of listFixturePaths()) {
  test(fixtureName(file), () => {
    const fixture = loadFixture(file);
    const unknown = fixture.expectations.filter((e) => !ruleById(e.ruleId)).map((e) => `line ${e.line + 1}: ${e.ruleId}`);
    assert.deepEqual(unknown, [], 'expectations name unknown rules');
    if (fixture.kind === 'fire') {
      assert.ok(fixture.expectations.length > 0, 'a fire fixture needs at least one `# expect:` line');
    } else {
      const own = fixture.expectations.filter((e) => e.ruleId === fixture.ruleId).map((e) => `line ${e.line + 1}`);
      assert.deepEqual(own, [], `a dont-fire fixture must not expect ${fixture.ruleId}`);
    }

    const run = runFixture(fixture);
    // unparseable-manifest's own fixtures are the documents that do not parse.
    if (fixture.ruleId !== 'unparseable-manifest') assert.deepEqual(run.result.skipped, [], 'every document of a fixture must parse');
    assert.deepEqual(run.result.ruleFailures, [], 'no rule may throw');
    assert.deepEqual(actualPairs(run), expectedPairs(fixture), `findings of ${[...run.compared].sort().join(', ')} (actual, expected)`);

    const problems = run.findings.map((finding) => rangeProblem(run, finding)).filter((problem) => problem !== undefined);
    assert.deepEqual(problems, [], 'every finding must sit on a visible token of its line');
  });
}

test('every rule has a fire and a dont-fire fixture, and every fixture folder is a rule', () => {
  const folders = listFixtureFolders();
  const missing: string[] = [];
  // Workspace rules have fixture workspaces instead (test/workspace-rules.test.ts).
  for (const rule of RULES.filter((candidate) => !isWorkspaceRule(candidate))) {
    const files = folders.includes(rule.id) ? listFixtureFiles(rule.id) : [];
    if (!files.some((file) => fixtureKindOf(file) === 'fire')) missing.push(`${rule.id}: fire`);
    if (!files.some((file) => fixtureKindOf(file) === 'dont-fire')) missing.push(`${rule.id}: dont-fire`);
  }
  assert.deepEqual(missing, [], 'rules without fixtures');
  assert.deepEqual(folders.filter((folder) => !ruleById(folder)), [], 'fixture folders that name no rule');
});

test('every file in a fixture folder is a fixture or the sidecar of a JSON fixture', () => {
  const strays: string[] = [];
  for (const folder of listFixtureFolders()) {
    const files = listFixtureFiles(folder);
    for (const file of files) {
      if (fixtureKindOf(file)) continue;
      const fixture = file.replace(/\.expect\.json$/, '.json');
      if (file.endsWith('.expect.json') && fixtureKindOf(fixture) && sidecarOf(fixture) === file && files.includes(fixture)) continue;
      strays.push(`${folder}/${file}`);
    }
  }
  assert.deepEqual(strays, [], 'files that would be silently ignored (misnamed fixtures, orphan sidecars)');
});

const fixtures = loadableFixtures();

test('fire fixtures cover every row of the workload table, the generic fallback and every container list', () => {
  const rows = new Set<unknown>();
  let generic = false;
  const lists = new Set<string>();
  for (const fixture of fixtures.filter((f) => f.kind === 'fire')) {
    const run = runFixture(fixture);
    const expected = new Set(fixture.expectations.map((e) => `${e.line}/${e.ruleId}`));
    for (const finding of run.findings) {
      if (!expected.has(`${positionOf(run.source, finding.start).line}/${finding.ruleId}`)) continue;
      const row = workloadKindRowOf(finding.resource);
      if (row) rows.add(row);
      else if (finding.path.includes('containers')) generic = true;
      for (const list of CONTAINER_LISTS) if (finding.path.includes(list)) lists.add(list);
    }
  }
  const missing = WORKLOAD_KIND_TABLE.filter((row) => !rows.has(row)).map((row) => `${row.kind} (${row.groups.join(', ')})`);
  assert.deepEqual(missing, [], 'workload kinds without an expected finding');
  assert.ok(generic, 'an expected finding on a generic Pod template (a kind the table does not know)');
  assert.deepEqual(CONTAINER_LISTS.filter((list) => !lists.has(list)), [], 'container lists without an expected finding');
});

test('the fixtures include CRLF line endings, non-ASCII text before a finding, a List, several documents and JSON', () => {
  const fire = fixtures.filter((f) => f.kind === 'fire');
  const crlf = fire.filter((f) => f.text.includes('\r\n'));
  assert.ok(crlf.length > 0, 'a fire fixture with CRLF line endings');
  for (const fixture of crlf) {
    assert.ok(fixture.name.endsWith('.crlf.yaml'), `${fixture.name}: CRLF fixtures are named *.crlf.yaml (see .gitattributes)`);
    assert.ok(!/[^\r]\n/.test(fixture.text), `${fixture.name}: mixes LF and CRLF line endings (did git normalize it?)`);
  }
  const attributes = fs.readFileSync(path.join(RULE_FIXTURES_ROOT, '..', '..', '..', '.gitattributes'), 'utf8');
  assert.match(attributes, /^test\/fixtures\/\*\*\/\*\.crlf\.yaml\s+-text\s*$/m, '.gitattributes keeps CRLF fixtures byte for byte');

  const nonAsciiBeforeFinding = fire.some((fixture) => {
    const lines = fixture.text.split('\n');
    return fixture.expectations.some((e) => /[^\x00-\x7f]/.test(lines.slice(0, e.line + 1).join('\n').replace(/#.*$/gm, '')));
  });
  assert.ok(nonAsciiBeforeFinding, 'a fire fixture with non-ASCII text (outside comments) before an expected finding');
  assert.ok(fire.some((f) => /^kind:\s*List\s*$/m.test(f.text)), 'a fire fixture with kind: List');
  assert.ok(fire.some((f) => runFixture(f).source.documents.length > 1), 'a fire fixture with several documents');
  assert.ok(fire.some((f) => f.name.endsWith('.json')), 'a JSON fire fixture');
});
