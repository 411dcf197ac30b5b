/**
 * Workloads that run as their namespace's `default` ServiceAccount (no serviceAccountName, or
 * `default`) in a namespace for which the files create other ServiceAccounts: the team evidently
 * gives workloads identities of their own, and this one shares the identity every Pod without a
 * choice gets, with whatever anybody binds to it later. Namespaces whose files create no
 * ServiceAccount are not judged (the default account is then the only one there is).
 */
import { defineRule } from '../define-rule';
import { stringAt } from '../../model/values';
import type { RelatedReport } from '../types';
import { RBAC_REFERENCES } from '../shared/rbac';

const ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n---\n';
const DEPLOYMENT = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: worker\n  namespace: shop\nspec:\n  selector:\n    matchLabels: {app: worker}\n  template:\n    metadata:\n      labels: {app: worker}\n    spec:\n${spec}      containers:\n        - name: worker\n          image: example.com/worker:1.0`;

export default defineRule({
  id: 'workload-default-service-account',
  checklist: ['authn-authz/rbac-good-practices'],
  scope: 'workspace',
  inputKinds: ['ServiceAccount'],
  defaultSeverity: 'info',
  docs: {
    title: { en: 'Workload runs as the default service account', 'zh-cn': '工作负载以 default 服务账号运行' },
    summary: {
      en: 'In a namespace whose workloads have service accounts of their own, every workload should name one (serviceAccountName) instead of running as default.',
      'zh-cn': '在工作负载各有专属服务账号的名字空间中，每个工作负载都应指定一个（serviceAccountName），而不是以 default 运行。',
    },
    why: {
      en: 'Every Pod that names no service account runs as default, so whatever is bound to default reaches all of them, and the audit log cannot tell them apart. When the namespace already has dedicated accounts, a workload left on default is usually an oversight, and the next binding to default for one of them hands its rights to all.',
      'zh-cn': '凡是没有指定服务账号的 Pod 都以 default 运行，因此绑定给 default 的任何权限都会作用于它们全体，审计日志也无法区分它们。当名字空间中已经有专用账号时，仍使用 default 的工作负载通常是疏忽，而下一次为其中某个工作负载给 default 绑定权限，就会把这些权限交给所有工作负载。',
    },
    remediation: {
      en: 'Create a ServiceAccount for the workload (with automountServiceAccountToken: false if it does not call the API) and set spec.serviceAccountName.',
      'zh-cn': '为该工作负载创建一个 ServiceAccount（如果它不调用 API，设置 automountServiceAccountToken: false），并设置 spec.serviceAccountName。',
    },
    fixSafety: {
      en: 'Changes behaviour if something is bound to default that the workload uses; bind it to the new account instead.',
      'zh-cn': '如果工作负载用到了绑定给 default 的权限，行为会改变；应把这些权限改为绑定到新账号。',
    },
    references: [...RBAC_REFERENCES, 'https://kubernetes.io/docs/concepts/security/service-accounts/'],
    examples: {
      incorrect: ACCOUNT + DEPLOYMENT(''),
      correct: `${ACCOUNT}apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: worker\n  namespace: shop\n---\n${DEPLOYMENT('      serviceAccountName: worker\n')}`,
    },
  },
  messages: {
    defaultAccount: {
      en: '{{kind}} "{{name}}" runs as the default service account of namespace "{{namespace}}", which has its own accounts ({{accounts}})',
      'zh-cn': '{{kind}} "{{name}}" 以名字空间 "{{namespace}}" 的 default 服务账号运行，而该名字空间有专属账号（{{accounts}}）',
    },
    account: {
      en: 'ServiceAccount "{{name}}" of the namespace',
      'zh-cn': '该名字空间的 ServiceAccount "{{name}}"',
    },
  },
  checkWorkspace(context, index) {
    for (const [namespace, workloads] of index.workloadsByNamespace()) {
      const accounts = index.inNamespace(namespace, 'ServiceAccount').filter((account) => account.apiVersion === 'v1' && account.name && account.name !== 'default');
      if (accounts.length === 0) continue;
      const names = [...new Set(accounts.map((account) => account.name!))];
      const list = names.length > 3 ? `${names.slice(0, 3).join(', ')}, … (+${names.length - 3})` : names.join(', ');
      for (const { resource, template } of workloads) {
        if (!context.wants(resource)) continue;
        const spec = template.spec as unknown as Record<string, unknown>;
        const chosen = stringAt(spec, 'serviceAccountName') ?? stringAt(spec, 'serviceAccount');
        if (chosen !== undefined && chosen !== '' && chosen !== 'default') continue;
        const related: RelatedReport<'account'>[] = accounts.slice(0, 3).map((account) => ({ resource: account, path: ['metadata', 'name'], messageId: 'account', data: { name: account.name ?? '' } }));
        const at = chosen === 'default' ? [...template.specPath, stringAt(spec, 'serviceAccountName') !== undefined ? 'serviceAccountName' : 'serviceAccount'] : template.specPath;
        context.report({ resource, path: at, target: chosen === 'default' ? 'value' : 'key', messageId: 'defaultAccount', data: { kind: resource.kind, name: resource.name ?? '', namespace, accounts: list }, related });
      }
    }
  },
});
