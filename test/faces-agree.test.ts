/**
 * The CLI audit and the editor's Audit Workspace are one program: on the real-world corpus and on a
 * workspace holding a .gitignore, a symbolic link to a folder, a dot-folder, a Helm chart, a
 * Kustomize overlay with a patch and a sub-tree with its own .kube-checklist.yaml, both faces give
 * the same findings, finding by finding (file, position, rule, severity, message). With renderers
 * on PATH the comparison is repeated with rendering (a trusted workspace for the editor).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { findOnPath } from '../server/src/host/render/run-tool';
import { TestLspClient } from './support/lsp-client';
import { sharedPath } from './support/paths';
import { runCli } from './support/run-cli';

const AUDIT = 'kubeChecklist/auditWorkspace';

interface Range {
  readonly start: { readonly line: number; readonly character: number };
}

/** One finding as both faces can name it. */
function key(file: string, range: Range, ruleId: string, severity: string, message: string): string {
  return `${file}:${range.start.line + 1}:${range.start.character + 1} ${severity} ${ruleId} ${message}`;
}

function cliFindings(root: string, extra: readonly string[]): string[] {
  const run = runCli(['audit', '.', '--format', 'json', '--fail-on', 'never', ...extra], { cwd: root });
  assert.equal(run.status, 0, run.stderr);
  const report = JSON.parse(run.stdout) as { findings: { file: string; range: Range; ruleId: string; severity: string; message: string }[] };
  return report.findings.map((finding) => key(finding.file, finding.range, finding.ruleId, finding.severity, finding.message)).sort();
}

async function editorFindings(root: string, trusted: boolean): Promise<string[]> {
  const client = new TestLspClient();
  try {
    await client.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'repo' }], trustedWorkspace: trusted });
    const result = (await client.connection.sendRequest(AUDIT, {})) as { findings: { path: string; range: Range; ruleId: string; severity: string; message: string }[] };
    return result.findings.map((finding) => key(finding.path, finding.range, finding.ruleId, finding.severity, finding.message)).sort();
  } finally {
    assert.equal(await client.shutdown(), 0, client.stderr);
  }
}

/** Both lists, with what only one face found named first when they differ. */
function assertSame(cli: readonly string[], editor: readonly string[]): void {
  const onlyCli = cli.filter((finding) => !editor.includes(finding));
  const onlyEditor = editor.filter((finding) => !cli.includes(finding));
  assert.deepEqual({ onlyCli, onlyEditor }, { onlyCli: [], onlyEditor: [] });
  assert.deepEqual(cli, editor);
}

const POD = (name: string, spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n${spec}  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n`;

describe('a workspace with every kind of layout', () => {
  let root = '';
  let links = false;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-faces-'));
    const write = (relative: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), text);
    };
    write('.gitignore', '# generated output\ngenerated/\n');
    write('generated/pod.yaml', POD('generated', '  hostIPC: true\n'));
    write('.hidden/pod.yaml', POD('hidden', '  hostPID: true\n'));
    write('apps/namespace.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
    write('apps/pod.yaml', POD('web', '  hostNetwork: true\n'));
    write('apps/policy.yaml', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\n  namespace: shop\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n');
    write('vendor/pod.yaml', POD('vendored', '  hostPID: true\n'));
    write('chart/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
    write('chart/values.yaml', 'replicas: 1\n');
    write('chart/templates/pod.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  hostPID: true\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0\n');
    write('kustomize/base/kustomization.yaml', 'resources:\n  - pod.yaml\n');
    write('kustomize/base/pod.yaml', POD('base', ''));
    write('kustomize/overlays/prod/kustomization.yaml', 'resources:\n  - ../../base\npatches:\n  - path: patch.yaml\n');
    write('kustomize/overlays/prod/patch.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: base\n  namespace: shop\nspec:\n  hostIPC: true\n');
    write('team/.kube-checklist.yaml', 'level: baseline\nsuppressions:\n  - rule: pss-host-namespaces\n    reason: the node agent needs the host PID namespace\n    paths: [agent.yaml]\n');
    write('team/agent.yaml', POD('agent', '  hostPID: true\n'));
    write('team/other.yaml', POD('other', '  hostNetwork: true\n'));
    try {
      fs.symlinkSync(path.join(root, 'vendor'), path.join(root, 'linked'), 'dir');
      links = true;
    } catch {
      // No symbolic links for this user: the linked folder is not part of the comparison.
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('without rendering: the same findings, and the layout rules hold in both', async () => {
    const cli = cliFindings(root, ['--no-render']);
    assertSame(cli, await editorFindings(root, false));
    const files = new Set(cli.map((finding) => finding.slice(0, finding.indexOf(':'))));
    assert.ok(!files.has('generated/pod.yaml') && !files.has('.hidden/pod.yaml'), 'ignored and dot-folder files are not checked');
    assert.ok(!files.has('chart/templates/pod.yaml'), 'a chart template is not YAML');
    if (links) assert.equal([...files].filter((file) => file.endsWith('/pod.yaml') && (file.startsWith('linked/') || file.startsWith('vendor/'))).length, 1, 'a linked folder is checked once');
    assert.ok(!cli.some((finding) => finding.startsWith('team/agent.yaml') && finding.includes('pss-host-namespaces')), 'the sub-tree configuration suppresses');
    assert.ok(cli.some((finding) => finding.startsWith('team/other.yaml') && finding.includes('pss-host-namespaces')));
    assert.ok(!cli.some((finding) => finding.startsWith('team/') && finding.includes('pss-run-as-non-root')), 'the sub-tree is checked at its own level (baseline)');
    assert.ok(cli.some((finding) => finding.startsWith('apps/pod.yaml') && finding.includes('pss-run-as-non-root')), 'the rest at restricted');
    assert.ok(cli.some((finding) => finding.startsWith('kustomize/overlays/prod/patch.yaml') && finding.includes('pss-host-namespaces')), 'a patch reports what it sets');
    assert.ok(!cli.some((finding) => finding.startsWith('kustomize/overlays/prod/patch.yaml') && finding.includes('pss-run-as-non-root')), 'and only that');
  });

  test('with rendering (kubectl or kustomize, helm on PATH): the same findings', { skip: !findOnPath('kubectl') && !findOnPath('kustomize') ? 'no kubectl or kustomize on PATH' : false }, async () => {
    assertSame(cliFindings(root, []), await editorFindings(root, true));
  });
});

test('the real-world corpus: the same findings in both faces', async () => {
  const corpus = sharedPath('corpus', 'real-world');
  const cli = cliFindings(corpus, ['--no-render']);
  assert.ok(cli.length > 100, `only ${cli.length} findings`);
  assertSame(cli, await editorFindings(corpus, false));
});
