/**
 * The one redaction function: URL userinfo up to the last `@`, query and fragment values, parser
 * errors as their kind only.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { describeParseError, redactData, redactDetail, redactSecrets } from '../server/src/core';

test('URL userinfo is redacted up to the last @ before the host', () => {
  assert.equal(redactSecrets('https://user:pass@host/x'), 'https://***@host/x');
  assert.equal(redactSecrets('https://user:p@ss@host/'), 'https://***@host/');
  assert.equal(redactSecrets('postgres://a:b@c@d@db.example.com:5432/app'), 'postgres://***@db.example.com:5432/app');
  assert.equal(redactSecrets('https://token@host'), 'https://***@host');
  assert.equal(redactSecrets('see http://u:p%40ss%3A@host and ftp://x:y@z'), 'see http://***@host and ftp://***@z');
});

test('userinfo without a scheme is redacted; e-mail addresses and image digests are kept', () => {
  assert.equal(redactSecrets('admin:s3cr3t@metadata.internal'), '***@metadata.internal');
  assert.equal(redactSecrets('admin:p@ss@10.0.0.1'), '***@10.0.0.1');
  assert.equal(redactSecrets('jane@example.com'), 'jane@example.com');
  assert.equal(redactSecrets('registry:5000/app@sha256:abc'), 'registry:5000/app@sha256:abc');
});

test('every query and fragment value is redacted', () => {
  assert.equal(redactSecrets('https://h/p?token=abc&x=1'), 'https://h/p?token=***&x=***');
  assert.equal(redactSecrets('https://h/p?X-Amz-Signature=f00&sig=b4r&access_token=t0k&password=pw'), 'https://h/p?X-Amz-Signature=***&sig=***&access_token=***&password=***');
  assert.equal(redactSecrets('https://h/cb#access_token=t0k&state=s'), 'https://h/cb#access_token=***&state=***');
  assert.equal(redactSecrets('https://u:p@h/?t=1#f'), 'https://***@h/?t=***#f');
  assert.equal(redactSecrets('https://h/p?flag'), 'https://h/p?flag');
});

test('text without a URL is unchanged, and redaction is idempotent', () => {
  for (const text of ['', 'plain text', 'system:masters', 'container "web" must not set livenessProbe.httpGet.host ("169.254.169.254")', 'a: b']) {
    assert.equal(redactSecrets(text), text);
  }
  const once = redactSecrets('https://a:b@c@h/?t=1 admin:x@y');
  assert.equal(redactSecrets(once), once);
});

test('message data: strings redacted, numbers kept', () => {
  assert.deepEqual(redactData({ value: 'https://u:p@h/?k=v', line: 3 }), { value: 'https://***@h/?k=***', line: 3 });
});

test('parse errors keep their kind, never the source text', () => {
  const [document] = parseAllDocuments('password: "s3cr3t\\UZq9Parse7-rest"');
  const error = document.errors[0];
  assert.match(error.message, /Zq9Parse/, 'the parser message does quote the source');
  assert.equal(describeParseError(error), 'invalid escape sequence in a double-quoted string');
  assert.equal(describeParseError({ code: 'SOMETHING_NEW' }), 'syntax error');
  assert.equal(describeParseError({}), 'syntax error');
  assert.equal(redactDetail('Invalid escape sequence \\Uabcd at line 1: "x"'), 'Invalid escape sequence \\Uabcd at line 1');
  assert.equal(redactDetail('failed on https://u:p@h/?t=1'), 'failed on https://***@h/?t=***');
});
