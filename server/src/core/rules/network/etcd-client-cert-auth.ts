/**
 * etcd must require client certificates (`--client-cert-auth=true`, or ETCD_CLIENT_CERT_AUTH):
 * otherwise any client that reaches its port reads and writes the whole cluster state.
 */
import { defineRule } from '../define-rule';
import { booleanFlag, componentData, componentsNamed, CONTROL_PLANE_KINDS, flagLocation, flagOf } from '../../model/control-plane';

import { ETCD_POD, ETCD_REFERENCES } from '../shared/etcd';

export default defineRule({
  id: 'etcd-client-cert-auth',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'etcd without client certificate authentication', 'zh-cn': 'etcd 未启用客户端证书认证' },
    summary: {
      en: "The cluster's etcd must run with --client-cert-auth=true and a trusted CA.",
      'zh-cn': '集群的 etcd 必须以 --client-cert-auth=true 运行，并配置受信任的 CA。',
    },
    why: {
      en: 'etcd holds every object of the cluster, Secrets included, and has no authorization of its own that Kubernetes uses. Without client certificate authentication any process that reaches the client port can read all Secrets or rewrite RBAC, bypassing the API server entirely.',
      'zh-cn': 'etcd 保存着集群的所有对象（包括 Secret），而 Kubernetes 并不使用它自身的鉴权。未启用客户端证书认证时，任何能访问客户端端口的进程都可以读取全部 Secret 或改写 RBAC，完全绕过 API 服务器。',
    },
    remediation: {
      en: 'Set `--client-cert-auth=true` with `--trusted-ca-file`, serve HTTPS (`--cert-file`, `--key-file`), and give kube-apiserver a client certificate (`--etcd-certfile`, `--etcd-keyfile`).',
      'zh-cn': '设置 `--client-cert-auth=true` 和 `--trusted-ca-file`，使用 HTTPS 提供服务（`--cert-file`、`--key-file`），并为 kube-apiserver 配置客户端证书（`--etcd-certfile`、`--etcd-keyfile`）。',
    },
    fixSafety: {
      en: 'Changes behaviour: every etcd client (kube-apiserver, backups, etcdctl) needs a certificate signed by the trusted CA.',
      'zh-cn': '会改变行为：所有 etcd 客户端（kube-apiserver、备份、etcdctl）都需要由受信任 CA 签发的证书。',
    },
    references: ETCD_REFERENCES,
    examples: { incorrect: ETCD_POD.join('\n'), correct: [...ETCD_POD, '        - --client-cert-auth=true'].join('\n') },
  },
  messages: {
    missing: {
      en: '{{component}} in {{where}} runs without --client-cert-auth=true: any client that reaches it can read and change the cluster state',
      'zh-cn': '{{where}} 中的 {{component}} 未设置 --client-cert-auth=true：任何能访问它的客户端都可以读取和修改集群状态',
    },
    disabled: {
      en: '{{component}} in {{where}} sets client-cert-auth to {{value}}: any client that reaches it can read and change the cluster state',
      'zh-cn': '{{where}} 中的 {{component}} 将 client-cert-auth 设为 {{value}}：任何能访问它的客户端都可以读取和修改集群状态',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'etcd')) {
      const flag = flagOf(component, 'client-cert-auth');
      if (component.opaque || flag?.unknown || booleanFlag(component, 'client-cert-auth') === true) continue;
      context.report({ messageId: flag ? 'disabled' : 'missing', data: { ...componentData(component), value: flag?.value ?? '' }, ...flagLocation(component, flag) });
    }
  },
});
