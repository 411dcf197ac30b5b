/**
 * The checklist as data (server/src/core/checklist/items.ts) stays equal to the shared
 * checklist/items.yaml it was written from: the same items in the same order, with the same
 * sections, check kinds and English summaries, and a Chinese summary for each. Every rule names
 * only items that exist.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { CHECKLIST_ITEMS, CHECKLIST_SECTIONS, checklistItemById, checklistItemUrl, RULES } from '../server/src/core';
import { sharedPath } from './support/paths';

interface ItemsYaml {
  sections: { id: string; anchor: string; title: string }[];
  items: { id: string; summary: string; check: string }[];
}

const source = parse(fs.readFileSync(sharedPath('checklist', 'items.yaml'), 'utf8')) as ItemsYaml;

test('items.ts has the items of items.yaml, in order, with their check kinds and summaries', () => {
  assert.deepEqual(
    CHECKLIST_ITEMS.map((item) => ({ id: item.id, summary: item.summary.en, check: item.check })),
    source.items.map((item) => ({ id: item.id, summary: item.summary, check: item.check })),
  );
  for (const item of CHECKLIST_ITEMS) {
    assert.equal(item.section, item.id.split('/')[0]);
    assert.match(item.summary['zh-cn'], /[\u4e00-\u9fff]/, `${item.id} has a Chinese summary`);
  }
});

test('items.ts has the sections of items.yaml, and every item belongs to one', () => {
  assert.deepEqual(
    CHECKLIST_SECTIONS.map((section) => ({ id: section.id, anchor: section.anchor, title: section.title.en })),
    source.sections,
  );
  const sections = new Set(CHECKLIST_SECTIONS.map((section) => section.id));
  for (const item of CHECKLIST_ITEMS) assert.ok(sections.has(item.section), item.id);
  assert.equal(checklistItemUrl('pod-security/seccomp'), 'https://kubernetes.io/docs/concepts/security/security-checklist/#pod-security');
  assert.equal(checklistItemUrl('secrets/encryption-at-rest', 'zh-cn'), 'https://kubernetes.io/zh-cn/docs/concepts/security/security-checklist/#secrets');
});

test('every rule names only checklist items that exist', () => {
  for (const rule of RULES) {
    assert.ok(rule.checklist.length > 0, `${rule.id} names a checklist item`);
    for (const id of rule.checklist) assert.ok(checklistItemById(id), `${rule.id}: unknown checklist item ${id}`);
  }
});
