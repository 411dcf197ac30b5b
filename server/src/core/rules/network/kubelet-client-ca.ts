/**
 * The kubelet authenticates client certificates (the API server's, for logs and exec) only with
 * a client CA: `authentication.x509.clientCAFile` in a KubeletConfiguration, `--client-ca-file` on
 * the command line. Without one, x509 authentication is off; a KubeletConfiguration that leaves
 * the field out is reported, and a kubelet without the flag only when it reads no --config file.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, hasFlag, isConfigKind } from '../../model/control-plane';
import { recordAt, stringAt } from '../../model/values';
import { KUBELET_REFERENCES, KUBELET_SCOPE } from '../shared/kubelet-setting';

const CONFIG = ['apiVersion: kubelet.config.k8s.io/v1beta1', 'kind: KubeletConfiguration', 'authentication:', '  anonymous:', '    enabled: false', '  webhook:', '    enabled: true'];

export default defineRule({
  id: 'kubelet-client-ca',
  checklist: ['network/control-plane-not-exposed'],
  scope: { kinds: KUBELET_SCOPE },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'Kubelet without a client CA', 'zh-cn': 'kubelet 没有客户端 CA' },
    summary: {
      en: 'The kubelet should verify client certificates with a CA (authentication.x509.clientCAFile, --client-ca-file).',
      'zh-cn': 'kubelet 应当用 CA 验证客户端证书（authentication.x509.clientCAFile、--client-ca-file）。',
    },
    why: {
      en: 'The API server reaches the kubelet API with a client certificate. Without a client CA the kubelet cannot authenticate it, and clusters then tend to open the kubelet to anonymous or always-allow access so that logs and exec keep working: the kubelet API runs commands in every container of the node.',
      'zh-cn': 'API 服务器使用客户端证书访问 kubelet API。没有客户端 CA，kubelet 就无法认证它，集群为了让日志和 exec 继续工作，往往会让 kubelet 接受匿名访问或一律放行：而 kubelet API 可以在该节点的每个容器中执行命令。',
    },
    remediation: {
      en: 'Set `authentication.x509.clientCAFile` (kubeadm: /etc/kubernetes/pki/ca.crt) or `--client-ca-file`.',
      'zh-cn': '设置 `authentication.x509.clientCAFile`（kubeadm 中为 /etc/kubernetes/pki/ca.crt）或 `--client-ca-file`。',
    },
    fixSafety: {
      en: 'Safe when the CA is the one that signed the API server\'s kubelet client certificate.',
      'zh-cn': '只要该 CA 正是签发 API 服务器 kubelet 客户端证书的 CA，就是安全的。',
    },
    references: KUBELET_REFERENCES,
    examples: { incorrect: CONFIG.join('\n'), correct: [...CONFIG, '  x509:', '    clientCAFile: /etc/kubernetes/pki/ca.crt'].join('\n') },
  },
  messages: {
    config: {
      en: 'KubeletConfiguration has no authentication.x509.clientCAFile: the kubelet cannot authenticate the API server\'s client certificate',
      'zh-cn': 'KubeletConfiguration 没有 authentication.x509.clientCAFile：kubelet 无法认证 API 服务器的客户端证书',
    },
    flag: {
      en: '{{component}} in {{where}} runs without --client-ca-file and without --config: it cannot authenticate client certificates',
      'zh-cn': '{{where}} 中的 {{component}} 既未设置 --client-ca-file 也未设置 --config：它无法认证客户端证书',
    },
  },
  check(context, resource) {
    if (isConfigKind(resource, 'kubelet.config.k8s.io', 'KubeletConfiguration')) {
      const authentication = recordAt(resource.value, 'authentication');
      if (stringAt(recordAt(authentication, 'x509'), 'clientCAFile')?.trim()) return;
      const path = authentication ? (recordAt(authentication, 'x509') ? ['authentication', 'x509'] : ['authentication']) : ['kind'];
      context.report({ messageId: 'config', path, target: 'key' });
      return;
    }
    for (const component of componentsNamed(resource, 'kubelet')) {
      if (component.configFile || hasFlag(component, 'client-ca-file')) continue;
      context.report({ messageId: 'flag', data: componentData(component), ...component.anchor });
    }
  },
});
