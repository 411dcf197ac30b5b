/**
 * etcd must not listen over plain HTTP on an address other than loopback (--listen-client-urls,
 * --listen-peer-urls; `0.0.0.0` is every interface). kube-apiserver --etcd-servers with an http://
 * URL on another host shows the same exposure from the client's side.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS, ControlPlaneComponent, isLoopbackHost, parseUrlList } from '../../model/control-plane';
import type { RuleContext } from '../types';
import { ETCD_POD, ETCD_REFERENCES } from '../shared/etcd';

export default defineRule({
  id: 'etcd-plain-http',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'error',
  docs: {
    title: { en: 'etcd over plain HTTP on the network', 'zh-cn': 'etcd 在网络上使用明文 HTTP' },
    summary: {
      en: 'etcd must listen with https:// on every non-loopback address, and kube-apiserver must reach remote etcd over https://.',
      'zh-cn': 'etcd 在所有非回环地址上都必须使用 https:// 监听，kube-apiserver 访问远程 etcd 也必须使用 https://。',
    },
    why: {
      en: 'Over plain HTTP etcd can neither authenticate clients nor protect the data in transit: anyone on the network reads every Secret as it is written, and anyone who reaches the port owns the cluster state.',
      'zh-cn': '使用明文 HTTP 时，etcd 既无法认证客户端，也无法保护传输中的数据：网络上的任何人都能在写入时读到每个 Secret，任何能访问该端口的人都能掌控集群状态。',
    },
    remediation: {
      en: 'Use https:// URLs with --cert-file, --key-file, --trusted-ca-file and --client-cert-auth=true (and the --peer-* equivalents), or listen on 127.0.0.1 only.',
      'zh-cn': '使用 https:// 地址，并配置 --cert-file、--key-file、--trusted-ca-file 和 --client-cert-auth=true（以及对应的 --peer-* 参数），或者只在 127.0.0.1 上监听。',
    },
    fixSafety: {
      en: 'Changes behaviour: every client and peer must switch to https:// with certificates at the same time.',
      'zh-cn': '会改变行为：所有客户端和成员必须同时改用带证书的 https://。',
    },
    references: ETCD_REFERENCES,
    examples: {
      incorrect: [...ETCD_POD.slice(0, 12), '        - --listen-client-urls=http://0.0.0.0:2379', '        - --client-cert-auth=true'].join('\n'),
      correct: [...ETCD_POD, '        - --client-cert-auth=true'].join('\n'),
    },
  },
  messages: {
    listen: {
      en: '{{component}} in {{where}} listens over plain HTTP on {{urls}} (--{{flag}}): no authentication, no encryption',
      'zh-cn': '{{where}} 中的 {{component}} 通过明文 HTTP 在 {{urls}} 上监听（--{{flag}}）：既无认证也无加密',
    },
    apiServerEtcd: {
      en: '{{component}} in {{where}} talks to etcd over plain HTTP at {{urls}}: the cluster state crosses the network unencrypted',
      'zh-cn': '{{where}} 中的 {{component}} 通过明文 HTTP 访问 {{urls}} 上的 etcd：集群状态以未加密的形式在网络上传输',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'etcd')) {
      if (component.opaque) continue;
      for (const name of ['listen-client-urls', 'listen-peer-urls']) reportPlainUrls(context, component, name, 'listen');
    }
    for (const component of componentsNamed(resource, 'kube-apiserver')) reportPlainUrls(context, component, 'etcd-servers', 'apiServerEtcd');
  },
});

function reportPlainUrls(context: RuleContext, component: ControlPlaneComponent, name: string, messageId: string): void {
  const flag = component.flags.get(name);
  if (!flag || flag.unknown) return;
  const plain = parseUrlList(flag.value).filter((url) => url.scheme === 'http' && !isLoopbackHost(url.host));
  if (plain.length === 0) return;
  const location = flag.implicit ? component.anchor : { path: flag.path, target: flag.target };
  context.report({ messageId, data: { ...componentData(component), flag: name, urls: plain.map((url) => url.text).join(', ') }, ...location });
}
