/**
 * Settings take effect without a restart: turning a rule off removes its diagnostics, the
 * baseline level drops the restricted-only checks, and resetting brings them back.
 */
import * as assert from 'node:assert/strict';
import { findRule, openEditor, setSetting, waitForDiagnostics, workspaceFile } from './helpers';

describe('settings', () => {
  const file = workspaceFile('apps/cron/nightly.yaml');

  after(async () => {
    await setSetting('kubeChecklist.rules', undefined);
    await setSetting('kubeChecklist.podSecurity.level', undefined);
  });

  it('turning a rule off removes its diagnostics, and back on restores them', async () => {
    await openEditor('apps/cron/nightly.yaml');
    await waitForDiagnostics(file, (all) => !!findRule(all, 'pss-host-namespaces'), 'pss-host-namespaces');
    await setSetting('kubeChecklist.rules', { 'pss-host-namespaces': 'off' });
    const off = await waitForDiagnostics(file, (all) => !findRule(all, 'pss-host-namespaces') && all.length > 0, 'pss-host-namespaces to go away');
    assert.ok(findRule(off, 'pss-run-as-non-root'), 'other rules still run');
    await setSetting('kubeChecklist.rules', { 'pss-host-namespaces': 'warning' });
    await waitForDiagnostics(file, (all) => findRule(all, 'pss-host-namespaces')?.severity === 1, 'pss-host-namespaces as a warning');
    await setSetting('kubeChecklist.rules', undefined);
    await waitForDiagnostics(file, (all) => findRule(all, 'pss-host-namespaces')?.severity === 0, 'pss-host-namespaces back as an error');
  });

  it('the baseline level drops the restricted-only checks', async () => {
    await setSetting('kubeChecklist.podSecurity.level', 'baseline');
    const baseline = await waitForDiagnostics(file, (all) => !findRule(all, 'pss-run-as-non-root') && all.length > 0, 'pss-run-as-non-root to go away');
    assert.ok(findRule(baseline, 'pss-host-namespaces'), 'baseline still forbids host namespaces');
    await setSetting('kubeChecklist.podSecurity.level', undefined);
    await waitForDiagnostics(file, (all) => !!findRule(all, 'pss-run-as-non-root'), 'pss-run-as-non-root back');
  });
});
