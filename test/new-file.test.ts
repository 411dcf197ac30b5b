/**
 * Fixes that add a new manifest (core/edits/new-file.ts): the text follows the layout of the file
 * the finding is in, parses back to the resources asked for (empty maps stay maps), and a taken
 * name gets a numeric suffix.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { freeFileName, newFileText, NewFile } from '../server/src/core';

const POLICY: NewFile = {
  name: 'shop-default-deny.yaml',
  documents: [
    { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'default-deny', namespace: 'shop' }, spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'notes', labels: {} }, data: { on: 'yes', list: [] } },
  ],
};

test('a new file in the neighbour layout parses back to exactly the documents asked for', () => {
  for (const layout of [
    { eol: '\n' as const, indentUnit: 2, indentedSequences: true },
    { eol: '\r\n' as const, indentUnit: 4, indentedSequences: false },
  ]) {
    const text = newFileText(POLICY, layout);
    const documents = parseAllDocuments(text);
    assert.deepEqual(documents.map((document) => document.toJS()), POLICY.documents);
    assert.ok(documents.every((document) => document.errors.length === 0));
    if (layout.eol === '\r\n') assert.ok(!/[^\r]\n/.test(text), 'CRLF throughout');
    else assert.ok(!text.includes('\r'));
    const sequence = layout.indentedSequences ? '  policyTypes:\n    - Ingress' : '    policyTypes:\r\n    - Ingress';
    assert.ok(text.includes(sequence), text);
    assert.ok(text.includes(`podSelector: {}${layout.eol}`) && text.includes(`labels: {}${layout.eol}`), 'empty maps are written as {}');
  }
});

test('the first free name: the name itself, then -2, -3 before the extension', () => {
  assert.equal(freeFileName('a.yaml', () => false), 'a.yaml');
  const taken = new Set(['a.yaml', 'a-2.yaml']);
  assert.equal(freeFileName('a.yaml', (name) => taken.has(name)), 'a-3.yaml');
  assert.equal(freeFileName('Makefile', (name) => name === 'Makefile'), 'Makefile-2');
});
