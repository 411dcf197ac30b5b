/**
 * `kube-checklist audit --format sarif`, as code-scanning services read it: `node dist/cli.js` in a
 * child process on the fixtures of test/fixtures/cli. The log validates against the official SARIF
 * 2.1.0 schema (../shared/schemas, JSON Schema draft-04, with ajv-draft-04 and ajv-formats), also for
 * the real-world corpus; every rule is a reportingDescriptor; regions are exact (1-based, UTF-16
 * columns, also with CRLF and non-ASCII text); URIs are relative to the working directory;
 * fingerprints survive lines inserted above a finding; suppressed findings carry their suppression.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { before, describe, test } from 'node:test';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';
import { RULES, ruleDocsUrl } from '../server/src/core';
import { gitTopLevel } from '../server/src/host/repository-root';
import { repoPath, sharedPath } from './support/paths';
import { CLI, CliRun, runCli } from './support/run-cli';

const FIXTURES = repoPath('test', 'fixtures', 'cli');
/** What %SRCROOT% is for the fixtures: the clone's top level (as in CI), else the working directory. */
const SRCROOT_DIR = gitTopLevel(FIXTURES) ?? FIXTURES;
const fromRoot = (relative: string) => path.relative(SRCROOT_DIR, path.join(FIXTURES, relative)).split(path.sep).join('/');
const FINGERPRINT = 'kubeChecklist/v1';

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri?: string; uriBaseId?: string; description?: { text: string } }; region: Region };
    logicalLocations: { name: string; fullyQualifiedName: string; kind: string; properties: Record<string, string | null> }[];
  }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
}

interface SarifDescriptor {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { enabled: boolean; level: string };
  properties: { tags: string[]; precision: string; 'security-severity': string };
}

interface SarifLog {
  $schema: string;
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; semanticVersion: string; informationUri: string; rules: SarifDescriptor[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations?: unknown[] }[] }[];
    originalUriBaseIds: Record<string, { uri: string }>;
    columnKind: string;
    language: string;
    results: SarifResult[];
  }[];
}

type Run = CliRun;

function cli(args: string[], options: { cwd?: string; input?: string } = {}): Run {
  return runCli(args, { ...options, cwd: options.cwd ?? FIXTURES });
}

function sarif(args: string[], options: { cwd?: string; input?: string } = {}): { run: Run; log: SarifLog } {
  const run = cli(['audit', ...args, '--format', 'sarif'], options);
  return { run, log: JSON.parse(run.stdout) as SarifLog };
}

let validate: ValidateFunction;

function assertValid(log: unknown): void {
  const valid = validate(log);
  assert.ok(valid, `SARIF schema errors: ${JSON.stringify(validate.errors?.slice(0, 10), null, 2)}`);
}

function find(log: SarifLog, ruleId: string, file?: string): SarifResult {
  const result = log.runs[0].results.find(
    (candidate) => candidate.ruleId === ruleId && (file === undefined || candidate.locations[0].physicalLocation.artifactLocation.uri === file),
  );
  assert.ok(result, `a ${ruleId} result${file ? ` in ${file}` : ''}`);
  return result;
}

before(() => {
  assert.ok(fs.existsSync(CLI), `${CLI} is missing: build it first (npx webpack --mode production --config-name cli)`);
  const schema = JSON.parse(fs.readFileSync(sharedPath('schemas', 'sarif-schema-2.1.0.json'), 'utf8')) as { $schema: string };
  assert.equal(schema.$schema, 'http://json-schema.org/draft-04/schema#', 'the official SARIF schema is draft-04: ajv-draft-04 validates it');
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  validate = ajv.compile(schema);
});

describe('audit --format sarif: the log', () => {
  test('the fixtures (findings, suppressions, skipped files and documents) give a valid SARIF 2.1.0 log', () => {
    const { run, log } = sarif(['.']);
    assert.equal(run.status, 1, 'the exit status follows --fail-on as in the other formats');
    assertValid(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const [first] = log.runs;
    assert.equal(first.columnKind, 'utf16CodeUnits');
    assert.deepEqual(first.originalUriBaseIds, { '%SRCROOT%': { uri: pathToFileURL(SRCROOT_DIR).href + '/' } });
    assert.ok(first.results.length > 0);
    assert.equal(first.invocations[0].executionSuccessful, true);
  });

  test('the tool lists every rule once, sorted, with help text, help URI, level, tags and security severity', () => {
    const { log } = sarif(['clean']);
    const { driver } = log.runs[0].tool;
    const { version } = JSON.parse(fs.readFileSync(repoPath('package.json'), 'utf8')) as { version: string };
    assert.equal(driver.name, 'kube-checklist');
    assert.equal(driver.version, version);
    assert.equal(driver.semanticVersion, version);
    assert.match(driver.informationUri, /^https:\/\//);
    const ids = driver.rules.map((descriptor) => descriptor.id);
    assert.deepEqual(ids, [...RULES.map((rule) => rule.id)].sort());
    assert.equal(new Set(ids).size, ids.length);
    const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
    const scores: Record<string, string> = { error: '8.0', warning: '5.0', info: '2.0', hint: '2.0' };
    for (const descriptor of driver.rules) {
      const rule = RULES.find((candidate) => candidate.id === descriptor.id)!;
      assert.equal(descriptor.helpUri, ruleDocsUrl(rule.id));
      assert.match(descriptor.name, /^[A-Z][A-Za-z0-9]*$/);
      assert.equal(descriptor.shortDescription.text, rule.docs.title.en);
      assert.equal(descriptor.fullDescription.text, rule.docs.summary.en);
      assert.ok(descriptor.help.text.includes(rule.docs.why.en), `${rule.id}: help text says why`);
      assert.ok(descriptor.help.markdown.includes(rule.docs.remediation.en), `${rule.id}: help markdown says how to fix`);
      assert.deepEqual(descriptor.defaultConfiguration, { enabled: rule.enabledByDefault, level: levels[rule.defaultSeverity] });
      assert.deepEqual(descriptor.properties.tags, [...rule.checklist, 'security']);
      assert.equal(descriptor.properties['security-severity'], scores[rule.defaultSeverity]);
      assert.ok(['very-high', 'high', 'medium', 'low'].includes(descriptor.properties.precision));
    }
  });

  test('each result names its rule by id and index, with the level of its severity', () => {
    const { log } = sarif(['insecure', 'warnings-only']);
    const { rules } = log.runs[0].tool.driver;
    for (const result of log.runs[0].results) {
      assert.equal(rules[result.ruleIndex].id, result.ruleId);
      assert.ok(['error', 'warning', 'note'].includes(result.level));
    }
    assert.equal(find(log, 'pss-privileged').level, 'error');
    assert.equal(find(log, 'pss-seccomp-restricted').level, 'warning');
    const json = JSON.parse(cli(['audit', 'insecure', 'warnings-only', '--format', 'json']).stdout) as { findings: unknown[] };
    assert.equal(log.runs[0].results.length, json.findings.length, 'the same findings as the JSON format');
  });

  test('the output is the same from one run to the next (no timestamps)', () => {
    assert.equal(cli(['audit', 'insecure', '--format', 'sarif']).stdout, cli(['audit', 'insecure', '--format', 'sarif']).stdout);
  });

  test('--lang zh-cn localizes messages and descriptions and says so', () => {
    const { log } = sarif(['insecure', '--lang', 'zh-cn']);
    assertValid(log);
    assert.equal(log.runs[0].language, 'zh-CN');
    assert.match(find(log, 'pss-privileged').message.text, /^privileged（特权）：容器 "web" 不得设置/);
    assert.equal(log.runs[0].tool.driver.rules.find((rule) => rule.id === 'pss-privileged')?.shortDescription.text, '特权容器');
  });
});

describe('audit --format sarif: locations', () => {
  test('an exact region: 1-based lines and columns, the end column after the last character', () => {
    const { log } = sarif(['insecure']);
    const privileged = find(log, 'pss-privileged');
    // JSON range {start: {line: 21, character: 24}, end: {line: 21, character: 28}}: `true` on line 22.
    assert.deepEqual(privileged.locations[0].physicalLocation.region, { startLine: 22, startColumn: 25, endLine: 22, endColumn: 29 });
    assert.equal(privileged.message.text, 'privileged: container "web" must not set securityContext.privileged=true');
  });

  test('CRLF line ends and non-ASCII text before the finding: columns in UTF-16 code units', () => {
    assert.ok(fs.readFileSync(path.join(FIXTURES, 'crlf', 'pod.yaml')).includes('\r\n'), 'the fixture keeps its CRLF line ends');
    const { log } = sarif(['crlf']);
    assertValid(log);
    // Line 9: `true` starts after 79 UTF-16 code units (78 code points, the whale is a surrogate pair).
    assert.deepEqual(find(log, 'pss-privileged').locations[0].physicalLocation.region, { startLine: 9, startColumn: 80, endLine: 9, endColumn: 84 });
  });

  test('artifact URIs are relative to the repository root, under %SRCROOT%, with forward slashes', () => {
    const { log } = sarif(['insecure', 'list']);
    const uris = new Set(log.runs[0].results.map((result) => result.locations[0].physicalLocation.artifactLocation.uri));
    assert.deepEqual([...uris].sort(), [fromRoot('insecure/deployment.yaml'), fromRoot('list/list.yaml')]);
    for (const result of log.runs[0].results) assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    const outside = sarif(['../crlf'], { cwd: path.join(FIXTURES, 'insecure') }).log;
    // From a sibling folder: never `../`, the root holds the file.
    assert.equal(find(outside, 'pss-privileged').locations[0].physicalLocation.artifactLocation.uri, gitTopLevel(FIXTURES) ? fromRoot('crlf/pod.yaml') : 'crlf/pod.yaml');
    assert.equal(outside.runs[0].originalUriBaseIds['%SRCROOT%'].uri, pathToFileURL(gitTopLevel(FIXTURES) ?? FIXTURES).href + '/');
  });

  test('spaces, "#" and non-ASCII letters in paths are percent-encoded', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-sarif-'));
    try {
      fs.mkdirSync(path.join(root, '网站 app'));
      fs.copyFileSync(path.join(FIXTURES, 'insecure', 'deployment.yaml'), path.join(root, '网站 app', 'web #1.yaml'));
      const { log } = sarif(['.'], { cwd: root });
      assertValid(log);
      assert.equal(find(log, 'pss-privileged').locations[0].physicalLocation.artifactLocation.uri, '%E7%BD%91%E7%AB%99%20app/web%20%231.yaml');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test('standard input has no URI, only a description; the log stays valid', () => {
    const input = fs.readFileSync(path.join(FIXTURES, 'insecure', 'deployment.yaml'), 'utf8');
    const { log } = sarif(['-'], { input });
    assertValid(log);
    assert.deepEqual(find(log, 'pss-privileged').locations[0].physicalLocation.artifactLocation, { description: { text: 'standard input' } });
  });

  test('the logical location is the resource: kind, namespace and name', () => {
    const { log } = sarif(['insecure', 'json']);
    assert.deepEqual(find(log, 'pss-privileged').locations[0].logicalLocations, [
      {
        name: 'insecure-web',
        fullyQualifiedName: 'shop/Deployment/insecure-web',
        kind: 'resource',
        properties: { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'shop', name: 'insecure-web' },
      },
    ]);
    assert.equal(find(log, 'pss-host-namespaces', fromRoot('json/deployment.json')).locations[0].logicalLocations[0].fullyQualifiedName, 'Deployment/json-web');
  });
});

describe('audit --format sarif: fingerprints, suppressions, notifications', () => {
  test('fingerprints do not move when lines are inserted above a finding', () => {
    const before = sarif(['.'], { cwd: path.join(FIXTURES, 'fingerprints', 'before') }).log.runs[0].results;
    const after = sarif(['.'], { cwd: path.join(FIXTURES, 'fingerprints', 'after') }).log.runs[0].results;
    assert.ok(before.length >= 2, 'the fixture has findings');
    const afterByFingerprint = new Map(after.map((result) => [result.partialFingerprints[FINGERPRINT], result]));
    for (const result of before) {
      const fingerprint = result.partialFingerprints[FINGERPRINT];
      assert.match(fingerprint, /^[0-9a-f]{64}$/);
      const moved = afterByFingerprint.get(fingerprint);
      assert.ok(moved, `${result.ruleId} keeps its fingerprint`);
      assert.equal(moved.ruleId, result.ruleId);
      assert.equal(moved.locations[0].physicalLocation.region.startLine, result.locations[0].physicalLocation.region.startLine + 10, `${result.ruleId} moved down 10 lines`);
    }
    assert.equal(new Set(before.map((result) => result.partialFingerprints[FINGERPRINT])).size, before.length, 'unique within a run');
  });

  test('fingerprints change with the resource, not with the file it is in', () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'fingerprints', 'before', 'app.yaml'), 'utf8');
    const fingerprintOf = (input: string): string => find(sarif(['-'], { input }).log, 'pss-privileged').partialFingerprints[FINGERPRINT];
    const original = fingerprintOf(text);
    assert.equal(fingerprintOf(`# a comment\n\n${text}`), original);
    assert.notEqual(fingerprintOf(text.replace('name: api', 'name: worker')), original);
    assert.notEqual(fingerprintOf(text.replace('namespace: shop', 'namespace: other')), original);
    const inFile = find(sarif(['.'], { cwd: path.join(FIXTURES, 'fingerprints', 'before') }).log, 'pss-privileged').partialFingerprints[FINGERPRINT];
    assert.equal(inFile, original, 'a resource moved to another file keeps its fingerprint (and its baseline entry)');
  });

  test('suppressed findings are results with an in-source suppression and its reason', () => {
    const { run, log } = sarif(['suppressed']);
    // Only the procMount error, whose suppression has no reason, fails the run.
    assert.equal(run.status, 1, 'suppressed findings do not fail the run; the unsuppressed Unmasked procMount does');
    assertValid(log);
    const suppressed = log.runs[0].results.filter((result) => result.suppressions);
    assert.deepEqual(
      suppressed.map((result) => [result.ruleId, result.suppressions]),
      [
        ['pss-host-namespaces', [{ kind: 'inSource', status: 'accepted', justification: 'node debugging Pod, deleted after use' }]],
        ['pss-privileged', [{ kind: 'inSource', status: 'accepted', justification: "needs the host's devices for the drill" }]],
      ],
    );
    const kept = log.runs[0].results.filter((result) => !result.suppressions).map((result) => result.ruleId);
    assert.ok(kept.includes('pss-proc-mount-restricted'), 'a directive without a reason suppresses nothing');
    assert.ok(!kept.includes('pss-privileged') && !kept.includes('pss-host-namespaces'), 'suppressed findings are not listed twice');
  });

  test('what could not be checked becomes a tool execution notification, without source text', () => {
    const { run, log } = sarif(['broken', 'binary']);
    assertValid(log);
    const notifications = log.runs[0].invocations[0].toolExecutionNotifications;
    assert.equal(notifications.length, run.stderr.split('\n').filter(Boolean).length, 'one notification per warning on stderr');
    assert.deepEqual(
      notifications.map((notification) => notification.level),
      notifications.map(() => 'warning'),
    );
    // A document that could not be read is a result (an error), not a notification: the gate fails closed.
    const unparseable = log.runs[0].results.find((result: { ruleId: string }) => result.ruleId === 'unparseable-manifest') as { level: string; locations: { physicalLocation: { artifactLocation: unknown } }[] } | undefined;
    assert.ok(unparseable, JSON.stringify(log.runs[0].results));
    assert.equal(unparseable.level, 'error');
    assert.deepEqual(unparseable.locations[0].physicalLocation.artifactLocation, { uri: fromRoot('broken/deployment.yaml'), uriBaseId: '%SRCROOT%' });
    assert.ok(notifications.some((notification) => notification.message.text === 'skipped file: not a text file'));
    // (Rule examples in the descriptors may say hunter2; what the run reports must not.)
    assert.doesNotMatch(JSON.stringify([log.runs[0].invocations, log.runs[0].results]), /hunter2/, 'no source excerpt in notifications or results');
  });
});

describe('audit --format sarif: the real-world corpus', () => {
  test('the log of an audit of ../shared/corpus/real-world validates against the SARIF 2.1.0 schema', () => {
    const corpus = sharedPath('corpus', 'real-world');
    const { run, log } = sarif(['.'], { cwd: corpus });
    assert.ok(run.status === 0 || run.status === 1, `status ${run.status}: ${run.stderr.slice(0, 2000)}`);
    assertValid(log);
    const results = log.runs[0].results;
    assert.ok(results.length > 0);
    const fingerprints = new Set(results.map((result) => result.partialFingerprints[FINGERPRINT]));
    assert.equal(fingerprints.size, results.length, 'every result has its own fingerprint');
    for (const result of results) {
      const { uri } = result.locations[0].physicalLocation.artifactLocation;
      assert.ok(uri && !uri.startsWith('/') && !uri.includes('\\'), `relative URI: ${uri}`);
      const region = result.locations[0].physicalLocation.region;
      assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine, JSON.stringify(region));
    }
  });
});
