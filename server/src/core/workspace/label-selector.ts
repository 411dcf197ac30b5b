/**
 * Label selectors (metav1.LabelSelector) as the API server evaluates them: `matchLabels` and
 * `matchExpressions` are ANDed; operators In, NotIn (also true when the key is absent), Exists and
 * DoesNotExist; an empty selector selects everything. A selector the API server would refuse (an
 * unknown operator, In/NotIn without values, Exists with values, a value that is not a string) is
 * `invalid`: the object carrying it is never admitted, so it selects nothing.
 */
import { isRecord } from '../model/values';

export type Labels = Readonly<Record<string, string>>;

export interface LabelRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

export type LabelSelector = { readonly kind: 'valid'; readonly requirements: readonly LabelRequirement[] } | { readonly kind: 'invalid' };

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** Parses a selector; `undefined`/`null` reads as the empty selector (select all), as Go decodes it. */
export function parseLabelSelector(value: unknown): LabelSelector {
  if (value === undefined || value === null) return { kind: 'valid', requirements: [] };
  if (!isRecord(value)) return { kind: 'invalid' };
  const requirements: LabelRequirement[] = [];
  const { matchLabels, matchExpressions } = value;
  if (matchLabels !== undefined && matchLabels !== null) {
    if (!isRecord(matchLabels)) return { kind: 'invalid' };
    for (const [key, wanted] of Object.entries(matchLabels)) {
      const text = scalarText(wanted);
      if (text === undefined) return { kind: 'invalid' };
      requirements.push({ key, operator: 'In', values: [text] });
    }
  }
  if (matchExpressions !== undefined && matchExpressions !== null) {
    if (!Array.isArray(matchExpressions)) return { kind: 'invalid' };
    for (const expression of matchExpressions) {
      if (!isRecord(expression) || typeof expression.key !== 'string' || typeof expression.operator !== 'string') return { kind: 'invalid' };
      const operator = expression.operator;
      if (!OPERATORS.has(operator)) return { kind: 'invalid' };
      const rawValues = expression.values ?? [];
      if (!Array.isArray(rawValues)) return { kind: 'invalid' };
      const values = rawValues.map(scalarText);
      if (values.some((text) => text === undefined)) return { kind: 'invalid' };
      const needsValues = operator === 'In' || operator === 'NotIn';
      if (needsValues !== values.length > 0) return { kind: 'invalid' };
      requirements.push({ key: expression.key, operator: operator as LabelRequirement['operator'], values: values as string[] });
    }
  }
  return { kind: 'valid', requirements };
}

export function isEmptySelector(selector: LabelSelector): boolean {
  return selector.kind === 'valid' && selector.requirements.length === 0;
}

export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  if (selector.kind === 'invalid') return false;
  return selector.requirements.every((requirement) => {
    const has = Object.prototype.hasOwnProperty.call(labels, requirement.key);
    switch (requirement.operator) {
      case 'In':
        return has && requirement.values.includes(labels[requirement.key]);
      case 'NotIn':
        return !has || !requirement.values.includes(labels[requirement.key]);
      case 'Exists':
        return has;
      case 'DoesNotExist':
        return !has;
    }
  });
}

/** Labels of a metadata map as strings (numbers and booleans as YAML wrote them; other values dropped). */
export function labelsOf(metadata: unknown): Labels {
  const labels: Record<string, string> = {};
  const raw = isRecord(metadata) ? metadata.labels : undefined;
  if (!isRecord(raw)) return labels;
  for (const [key, value] of Object.entries(raw)) {
    const text = scalarText(value);
    if (text !== undefined) labels[key] = text;
  }
  return labels;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}
