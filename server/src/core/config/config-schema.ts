/**
 * The JSON schema of `.kube-checklist.yaml`, as data: the server and the CLI validate with it, and
 * schemas/kube-checklist.schema.json (contributed to YAML editors through `yamlValidation`) is this
 * object written out (a test keeps the two equal).
 */
const RULE_SETTING = { enum: ['off', 'hint', 'info', 'warning', 'error'] };
const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } };

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/kube-checklist/kube-checklist/schemas/kube-checklist.schema.json',
  title: 'kube-checklist configuration (.kube-checklist.yaml)',
  type: 'object',
  additionalProperties: false,
  properties: {
    level: { description: 'Pod Security Standards level to check against.', enum: ['baseline', 'restricted'] },
    kubernetesVersion: { description: 'Kubernetes version of the policy: latest, 1.NN or v1.NN.', type: 'string', pattern: '^(latest|v?1\\.[0-9]+)$' },
    rules: { description: 'Severity per rule id, or off.', type: 'object', propertyNames: { pattern: '^[a-z0-9-]+$' }, additionalProperties: RULE_SETTING },
    exclude: { description: 'Globs of files not to check, relative to this file.', type: 'array', items: { type: 'string', minLength: 1 } },
    sensitive: {
      description: 'Which workloads are sensitive (for the placement and CPU limit rules).',
      type: 'object',
      additionalProperties: false,
      properties: { labels: STRING_MAP, annotations: STRING_MAP, namespaces: { type: 'array', items: { type: 'string' } } },
    },
    honorForeignSuppressions: { description: 'Honour kube-linter, Checkov, Polaris and kube-score ignore annotations; "all": also let blanket exemptions (kube-linter.io/ignore-all, polaris.fairwinds.com/exempt) silence errors.', enum: [true, false, 'all'] },
    exceptions: {
      description: 'Who may grant exceptions: "all" (default: comment directives, annotations and this file) or "config-only" (only this file: a manifest cannot exempt itself, its directives and annotations are reported as ignored).',
      enum: ['all', 'config-only'],
    },
    reviews: {
      description: 'Evidence for checklist items that files cannot show: the day (YYYY-MM-DD) of the last review.',
      type: 'object',
      additionalProperties: false,
      properties: { access: { description: 'Last review of who holds which cluster access (authn-authz/access-review): older than 24 months fails the item.', type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } },
    },
    suppressions: {
      description: 'Findings accepted on purpose, each with a reason and, best, an expiry date.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'reason'],
        properties: {
          rule: { type: 'string', pattern: '^[a-z0-9-]+$' },
          reason: { type: 'string', minLength: 1 },
          paths: { type: 'array', items: { type: 'string', minLength: 1 } },
          kind: { type: 'string' },
          namespace: { type: 'string' },
          name: { type: 'string' },
          container: { type: 'string' },
          expires: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' },
        },
      },
    },
  },
} as const;
