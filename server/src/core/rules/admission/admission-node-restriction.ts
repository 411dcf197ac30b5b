/**
 * kube-apiserver should enable the NodeRestriction admission plugin (not on by default; kubeadm
 * enables it unless extraArgs replaces --enable-admission-plugins), so that a kubelet can only
 * change its own Node and the Pods bound to it.
 */
import { defineRule } from '../define-rule';
import { componentData, componentsNamed, CONTROL_PLANE_KINDS } from '../../model/control-plane';

import { ADMISSION_REFERENCES, admissionState, APISERVER_POD } from '../shared/admission-plugins';

export default defineRule({
  id: 'admission-node-restriction',
  checklist: ['admission/plugins'],
  scope: { kinds: CONTROL_PLANE_KINDS },
  defaultSeverity: 'warning',
  docs: {
    title: { en: 'NodeRestriction admission plugin', 'zh-cn': 'NodeRestriction 准入插件' },
    summary: {
      en: 'kube-apiserver must enable the NodeRestriction admission plugin.',
      'zh-cn': 'kube-apiserver 必须启用 NodeRestriction 准入插件。',
    },
    why: {
      en: 'Kubelet credentials sit on every node. Without NodeRestriction, a compromised node can modify other Node objects, set labels that steer sensitive workloads onto itself, and change Pods of other nodes; with it, each kubelet may only touch its own Node and its own Pods.',
      'zh-cn': '每个节点上都存放着 kubelet 凭据。没有 NodeRestriction 时，被攻陷的节点可以修改其他 Node 对象、设置能把敏感工作负载引到自己身上的标签，以及修改其他节点的 Pod；启用后，每个 kubelet 只能操作自己的 Node 和自己的 Pod。',
    },
    remediation: {
      en: 'Add NodeRestriction to `--enable-admission-plugins`, together with `--authorization-mode=Node,RBAC`.',
      'zh-cn': '把 NodeRestriction 加入 `--enable-admission-plugins`，并配合使用 `--authorization-mode=Node,RBAC`。',
    },
    fixSafety: {
      en: 'Safe for kubelets with system:node credentials; a kubelet that writes other nodes\' objects (unusual setups) is refused.',
      'zh-cn': '对使用 system:node 凭据的 kubelet 是安全的；写入其他节点对象的 kubelet（少见的部署方式）会被拒绝。',
    },
    references: [...ADMISSION_REFERENCES, 'https://kubernetes.io/docs/reference/access-authn-authz/node/'],
    examples: {
      incorrect: [...APISERVER_POD, '        - --enable-admission-plugins=PodNodeSelector'].join('\n'),
      correct: [...APISERVER_POD, '        - --enable-admission-plugins=NodeRestriction,PodNodeSelector'].join('\n'),
    },
  },
  messages: {
    notEnabled: {
      en: '{{component}} in {{where}} does not enable the NodeRestriction admission plugin: a kubelet can change other nodes and their Pods',
      'zh-cn': '{{where}} 中的 {{component}} 未启用 NodeRestriction 准入插件：kubelet 可以修改其他节点及其 Pod',
    },
  },
  check(context, resource) {
    for (const component of componentsNamed(resource, 'kube-apiserver')) {
      const state = admissionState(component, context.minorVersion);
      if (!state || state.isEnabled('NodeRestriction')) continue;
      context.report({ messageId: 'notEnabled', data: componentData(component), ...(state.disabledAt('NodeRestriction') ?? state.addAt) });
    }
  },
});
