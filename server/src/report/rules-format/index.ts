/**
 * The `rules` output formats, one module each: a table for people, JSON for tools (a contract,
 * see DESIGN.md) and Markdown, which is docs/rules.md. All of them render rule metadata only.
 */
import type { Locale, Rule } from '../../core';
import { formatRulesJson } from './json';
import { formatRulesMarkdown } from './markdown';
import { formatRulesText } from './text';

export type RulesFormat = 'text' | 'json' | 'markdown';

export const RULES_FORMATS: readonly RulesFormat[] = ['text', 'json', 'markdown'];

export type RulesFormatter = (rules: readonly Rule[], locale: Locale) => string;

export const RULES_FORMATTERS: Readonly<Record<RulesFormat, RulesFormatter>> = {
  text: formatRulesText,
  json: formatRulesJson,
  markdown: formatRulesMarkdown,
};
