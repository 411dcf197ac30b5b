/**
 * Rendering is asynchronous and cancellable. runTool with stand-in renderers (small node scripts
 * that write their process id to a file and then wait): an abort ends the tool (SIGKILL when it
 * ignores SIGTERM), the time limit and the output limit still stop it, and renderSources stops at
 * the abort without starting the next set. Then the real language server with a stand-in `helm`
 * first on PATH that sleeps: a hover is answered while the chart renders, and cancelling Audit
 * Workspace ends the audit with RequestCancelled and the renderer with it, long before its sleep.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, HoverRequest, LSPErrorCodes, MarkupContent, ResponseError } from 'vscode-languageserver-protocol';
import { renderSources } from '../server/src/host/render/render-sources';
import { runTool } from '../server/src/host/render/run-tool';
import { rangeOf, TestLspClient } from './support/lsp-client';

/** Longer than any test may take: a stand-in that got to the end of its sleep was never stopped. */
const SLEEP_MS = 30_000;

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

let bin: string;

before(() => {
  bin = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-render-async-'));
});
after(() => fs.rmSync(bin, { recursive: true, force: true }));

/**
 * An executable node script: runs `body`, writes its pid to `<name>.pid` (one line per run), and
 * writes `<name>.done` when `finish()` is called (at the end of its sleep).
 */
function standIn(name: string, body: string): { file: string; pids: () => number[]; done: () => boolean } {
  const file = path.join(bin, name);
  const pidFile = `${file}.pid`;
  const doneFile = `${file}.done`;
  const finish = `require('fs').writeFileSync(${JSON.stringify(doneFile)}, 'done')`;
  // The pid is written last: whatever the body sets up (a SIGTERM handler) is in place by then.
  fs.writeFileSync(file, `#!${process.execPath}\nconst finish = () => ${finish};\n${body}\nrequire('fs').appendFileSync(${JSON.stringify(pidFile)}, process.pid + '\\n');\n`, { mode: 0o755 });
  return {
    file,
    pids: () => (fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').split('\n').filter(Boolean).map(Number) : []),
    done: () => fs.existsSync(doneFile),
  };
}

const sleeper = (print = "'---\\n'") => `setTimeout(() => { process.stdout.write(${print}); finish(); }, ${SLEEP_MS});`;

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('runTool', () => {
  test('prints: ok with the standard output; fails: the last line of its standard error', async () => {
    const good = standIn('good', "process.stdout.write('kind: Pod\\n');");
    assert.deepEqual(await runTool(good.file, [], bin), { ok: true, stdout: 'kind: Pod\n' });
    const bad = standIn('bad', "process.stderr.write('warming up\\nError: chart not found\\n'); process.exitCode = 3;");
    assert.deepEqual(await runTool(bad.file, [], bin), { ok: false, reason: 'Error: chart not found' });
  });

  test('an abort ends the tool and resolves as cancelled once it has exited', async () => {
    const tool = standIn('abort', sleeper());
    const controller = new AbortController();
    const running = runTool(tool.file, [], bin, controller.signal);
    await until(() => tool.pids().length === 1, 'the stand-in to start');
    const [pid] = tool.pids();
    assert.ok(alive(pid));
    controller.abort();
    assert.deepEqual(await running, { ok: false, reason: 'cancelled', cancelled: true });
    assert.equal(alive(pid), false, 'the stand-in is gone');
    assert.equal(tool.done(), false);
  });

  test('a tool that ignores SIGTERM is killed after the grace period', async () => {
    const tool = standIn('stubborn', `process.on('SIGTERM', () => {}); ${sleeper()}`);
    const controller = new AbortController();
    const running = runTool(tool.file, [], bin, controller.signal, { killGraceMs: 200 });
    await until(() => tool.pids().length === 1, 'the stand-in to start');
    controller.abort();
    assert.equal((await running).ok, false);
    assert.equal(alive(tool.pids()[0]), false);
    assert.equal(tool.done(), false);
  });

  test('an already aborted signal runs nothing', async () => {
    const tool = standIn('never', sleeper());
    const controller = new AbortController();
    controller.abort();
    assert.deepEqual(await runTool(tool.file, [], bin, controller.signal), { ok: false, reason: 'cancelled', cancelled: true });
    assert.deepEqual(tool.pids(), []);
  });

  test('the time limit stops the tool', async () => {
    const tool = standIn('slow', sleeper());
    const result = await runTool(tool.file, [], bin, undefined, { timeoutMs: 300 });
    assert.deepEqual(result, { ok: false, reason: 'timed out after 0.3 s' });
    assert.equal(alive(tool.pids()[0]), false);
    assert.equal(tool.done(), false);
  });

  test('the output limit stops the tool', async () => {
    const tool = standIn('chatty', `process.stdout.write('x'.repeat(10000)); ${sleeper()}`);
    const result = await runTool(tool.file, [], bin, undefined, { maxOutputBytes: 1000 });
    assert.deepEqual(result, { ok: false, reason: 'output over 1000 bytes' });
    assert.equal(alive(tool.pids()[0]), false);
    const within = await runTool(standIn('fits', "process.stdout.write('x'.repeat(1000));").file, [], bin, undefined, { maxOutputBytes: 1000 });
    assert.deepEqual(within, { ok: true, stdout: 'x'.repeat(1000) });
  });

  test('a missing executable is a reason, not an exception', async () => {
    const result = await runTool(path.join(bin, 'no-such-tool'), [], bin);
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : '', /ENOENT/);
  });
});

describe('renderSources', () => {
  test('stops at the abort: the running chart ends, the next one never starts, nothing is a failure', async () => {
    const helmDir = fs.mkdtempSync(path.join(bin, 'helm-'));
    const helm = standIn(path.join(path.basename(helmDir), 'helm'), sleeper());
    const charts = ['a', 'b'].map((name) => fs.mkdtempSync(path.join(bin, `chart-${name}-`)));
    const savedPath = process.env.PATH;
    process.env.PATH = `${helmDir}${path.delimiter}${savedPath}`;
    try {
      const controller = new AbortController();
      const rendering = renderSources({ kustomizations: [], charts }, controller.signal);
      await until(() => helm.pids().length === 1, 'the stand-in helm to start');
      controller.abort();
      const outcome = await rendering;
      assert.equal(outcome.cancelled, true);
      assert.deepEqual(outcome.failures, []);
      assert.deepEqual(outcome.sets, []);
      assert.equal(helm.pids().length, 1, 'the second chart was not rendered');
      assert.equal(alive(helm.pids()[0]), false);
    } finally {
      process.env.PATH = savedPath;
    }
  });
});

describe('the server while a chart renders', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-checklist-render-ws-'));
    const write = (name: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      fs.writeFileSync(path.join(root, name), text);
    };
    write('pod.yaml', POD);
    write('chart/Chart.yaml', 'apiVersion: v2\nname: web\nversion: 0.1.0\n');
    write('chart/templates/deployment.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  test('answers a hover meanwhile, and cancelling the audit ends the renderer', async () => {
    const helmDir = fs.mkdtempSync(path.join(bin, 'server-helm-'));
    const helm = standIn(path.join(path.basename(helmDir), 'helm'), sleeper());
    const savedPath = process.env.PATH;
    process.env.PATH = `${helmDir}${path.delimiter}${savedPath}`;
    const client = new TestLspClient();
    process.env.PATH = savedPath;
    try {
      await client.initialize('en', { workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'repo' }], trustedWorkspace: true });
      const uri = pathToFileURL(path.join(root, 'pod.yaml')).href;
      await client.open(uri, POD);
      const cancellation = new CancellationTokenSource();
      let settled = false;
      const audit = client.connection.sendRequest('kubeChecklist/auditWorkspace', { workDoneToken: 'render-cancel' }, cancellation.token);
      void audit.then(() => (settled = true), () => (settled = true));
      await until(() => helm.pids().length === 1, 'the server to start the stand-in helm');
      const [pid] = helm.pids();

      const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: rangeOf(POD, 'privileged').start });
      assert.match((hover!.contents as MarkupContent).value, /privileged/);
      assert.equal(settled, false, 'the audit is still rendering');
      assert.ok(alive(pid), 'the hover was answered while the renderer ran');

      cancellation.cancel();
      await assert.rejects(audit, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
      assert.equal(alive(pid), false, 'the renderer ended with the audit');
      assert.equal(helm.done(), false, 'before its sleep was over');
      await client.nextProgress('render-cancel', 'end');
    } finally {
      assert.equal(await client.shutdown(), 0);
    }
  });
});
