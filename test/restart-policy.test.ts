/**
 * The client's answer to a crashed server (client/src/error-handler.ts): restart it, up to four
 * times within three minutes, then stop and tell the user once. The module is loaded from the
 * compiled client with a stand-in for the `vscode` module (only `l10n.t` is used), so the decision
 * itself is tested here; the extension-host tests exercise it inside VS Code.
 */
import assert from 'node:assert/strict';
import Module from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';

// vscode-languageclient's values (CloseAction, ErrorAction); the library needs a real VS Code to load.
const CloseAction = { DoNotRestart: 1, Restart: 2 } as const;
const ErrorAction = { Continue: 1, Shutdown: 2 } as const;
type CloseAction = (typeof CloseAction)[keyof typeof CloseAction];
type ErrorAction = (typeof ErrorAction)[keyof typeof ErrorAction];

/** Stands in for any part of the `vscode` module that a library touches while loading. */
function anything(): unknown {
  const target = function () {
    return anything();
  };
  return new Proxy(target, { get: (_, key) => (key === Symbol.toPrimitive ? () => '' : anything()), construct: () => anything() as object });
}

interface Handler {
  closed(): { action: CloseAction; message?: string; handled?: boolean };
  error(error: Error, message: unknown, count: number | undefined): { action: ErrorAction; handled?: boolean };
  reset(): void;
}

function loadHandler(onGiveUp: (message: string) => void, clock: () => number): Handler {
  const moduleApi = Module as unknown as { _load(request: string, parent: unknown, isMain: boolean): unknown };
  const original = moduleApi._load;
  const l10n = { t: (message: string, ...args: unknown[]) => message.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)])) };
  const fakeVscode = new Proxy({ l10n } as Record<string | symbol, unknown>, { get: (target, key) => (key in target ? target[key] : anything()) });
  moduleApi._load = function (request: string, parent: unknown, isMain: boolean) {
    return request === 'vscode' ? fakeVscode : original.call(this, request, parent, isMain);
  };
  try {
    const modulePath = path.join(__dirname, '..', 'client', 'error-handler.js');
    delete require.cache[require.resolve(modulePath)];
    const { RestartingErrorHandler } = require(modulePath) as { RestartingErrorHandler: new (onGiveUp: (message: string) => void, policy: undefined, now: () => number) => Handler };
    return new RestartingErrorHandler(onGiveUp, undefined, clock);
  } finally {
    moduleApi._load = original;
  }
}

test('a crashed server is restarted four times within three minutes, then left stopped with one message', () => {
  let now = 1_000_000;
  const givenUp: string[] = [];
  const handler = loadHandler((message) => givenUp.push(message), () => now);
  for (let crash = 1; crash <= 4; crash++) {
    const result = handler.closed();
    assert.equal(result.action, CloseAction.Restart, `crash ${crash} is restarted`);
    assert.equal(result.handled, true);
    now += 10_000;
  }
  const fifth = handler.closed();
  assert.equal(fifth.action, CloseAction.DoNotRestart);
  assert.match(fifth.message!, /crashed 5 times in the last 3 minutes/);
  handler.closed();
  assert.equal(givenUp.length, 1, 'the user is told once');
  now += 3 * 60 * 1000;
  assert.equal(handler.closed().action, CloseAction.Restart, 'old crashes are forgiven after the window');
  handler.reset();
  assert.equal(handler.closed().action, CloseAction.Restart);
});

test('failed reads and writes only continue: the close that follows decides about the restart', () => {
  const handler = loadHandler(() => undefined, Date.now);
  const result = handler.error(new Error('write EPIPE'), undefined, 3);
  assert.equal(result.action, ErrorAction.Continue);
  assert.equal(result.handled, true);
});
