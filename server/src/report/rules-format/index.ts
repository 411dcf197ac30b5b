/**
 * The `rules` output formats, one module each: a table for people, JSON for tools (a contract,
 * see DESIGN.md), Markdown, which is docs/rules.md, and the peer mapping, which is docs/peers.md
 * (rendered from the peer table of core/suppress/peer-checks.ts rather than from the rules).
 */
import type { Locale, Rule } from '../../core';
import { formatRulesJson } from './json';
import { formatRulesMarkdown } from './markdown';
import { formatPeersMarkdown } from './peers';
import { formatRulesText } from './text';

export type RulesFormat = 'text' | 'json' | 'markdown' | 'peers';

export const RULES_FORMATS: readonly RulesFormat[] = ['text', 'json', 'markdown', 'peers'];

export type RulesFormatter = (rules: readonly Rule[], locale: Locale) => string;

export const RULES_FORMATTERS: Readonly<Record<RulesFormat, RulesFormatter>> = {
  text: formatRulesText,
  json: formatRulesJson,
  markdown: formatRulesMarkdown,
  peers: (rules, locale) => formatPeersMarkdown(rules, locale),
};
