/**
 * PSS baseline `hostPathVolumes`: no volume may mount a path of the node.
 * At the restricted level `pss-restricted-volumes` replaces this rule.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';
import { POD_TEMPLATE_KINDS, podTemplateOf, PSS_REFERENCES } from '../shared/pss';

export default defineRule({
  id: 'pss-host-path-volumes',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'hostPathVolumes', since: 0 },
  docs: {
    title: { en: 'hostPath volumes', 'zh-cn': 'hostPath 卷' },
    summary: { en: 'Pods must not use hostPath volumes.', 'zh-cn': 'Pod 不得使用 hostPath 卷。' },
    why: {
      en: "A hostPath volume exposes the node's file system to the container: with the wrong path it reads kubelet credentials or writes to the container runtime socket and takes over the node.",
      'zh-cn': 'hostPath 卷把节点的文件系统暴露给容器：路径稍有不慎，就能读到 kubelet 凭据，或写入容器运行时的套接字，从而接管节点。',
    },
    remediation: {
      en: 'Use an emptyDir, a ConfigMap, a Secret, a PersistentVolumeClaim or a CSI volume instead.',
      'zh-cn': '改用 emptyDir、ConfigMap、Secret、PersistentVolumeClaim 或 CSI 卷。',
    },
    fixSafety: {
      en: 'Changes behaviour: the data on the node is no longer visible to the container.',
      'zh-cn': '会改变行为：容器不再能看到节点上的数据。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'volumes:\n  - name: data\n    hostPath:\n      path: /var/lib/data',
      correct: 'volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data',
    },
  },
  messages: {
    hostPath: {
      en: 'hostPath volumes: volume "{{volume}}" must not use hostPath',
      'zh-cn': 'hostPath volumes（hostPath 卷）：卷 "{{volume}}" 不得使用 hostPath',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    const volumes = Array.isArray(template.spec.volumes) ? template.spec.volumes : [];
    volumes.forEach((volume, index) => {
      if (!isRecord(volume) || volume.hostPath === undefined || volume.hostPath === null) return;
      const name = typeof volume.name === 'string' ? volume.name : `#${index + 1}`;
      context.report({ messageId: 'hostPath', data: { volume: name }, path: [...template.specPath, 'volumes', index, 'hostPath'], target: 'key' });
    });
  },
});
