/**
 * PSS restricted `restrictedVolumes`: only volume types that carry no node or network storage
 * access are allowed. Replaces `pss-host-path-volumes` at the restricted level; a hostPath volume
 * breaks baseline too.
 */
import { defineRule } from '../define-rule';
import { isRecord } from '../../model/values';
import { POD_TEMPLATE_KINDS, podTemplateOf, PSS_REFERENCES } from '../shared/pss';

const ALLOWED_SOURCES = new Set([
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret',
]);

/** Every other volume source of the core API. A misspelled key is none of these: the API drops it. */
const RESTRICTED_SOURCES = new Set([
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'fc', 'flexVolume', 'flocker',
  'gcePersistentDisk', 'gitRepo', 'glusterfs', 'hostPath', 'iscsi', 'nfs', 'photonPersistentDisk',
  'portworxVolume', 'quobyte', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume',
]);

export default defineRule({
  id: 'pss-restricted-volumes',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  pss: { level: 'restricted', checkId: 'restrictedVolumes', since: 0, overrides: 'pss-host-path-volumes' },
  docs: {
    title: { en: 'Restricted volume types', 'zh-cn': '受限的卷类型' },
    summary: {
      en: 'Volumes may only be configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected or secret.',
      'zh-cn': '卷只能是 configMap、csi、downwardAPI、emptyDir、ephemeral、image、persistentVolumeClaim、projected 或 secret 类型。',
    },
    why: {
      en: 'Other volume types mount node paths or reach storage servers directly with credentials in the Pod spec, outside the control of PersistentVolumes.',
      'zh-cn': '其他类型的卷会挂载节点路径，或在 Pod 定义中带着凭据直接连接存储服务器，绕过了 PersistentVolume 的管控。',
    },
    remediation: {
      en: 'Use a PersistentVolumeClaim bound to a PersistentVolume (or a CSI volume) for network storage, and emptyDir for scratch space.',
      'zh-cn': '网络存储请改用绑定到 PersistentVolume 的 PersistentVolumeClaim（或 CSI 卷），临时空间使用 emptyDir。',
    },
    fixSafety: {
      en: 'Changes behaviour: the storage has to be provisioned another way.',
      'zh-cn': '会改变行为：需要换一种方式来提供存储。',
    },
    references: PSS_REFERENCES,
    examples: {
      incorrect: 'volumes:\n  - name: data\n    nfs:\n      server: nfs.example\n      path: /export',
      correct: 'volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: data',
    },
  },
  messages: {
    restrictedVolume: {
      en: 'restricted volume types: volume "{{volume}}" uses restricted volume type "{{type}}"',
      'zh-cn': 'restricted volume types（受限的卷类型）：卷 "{{volume}}" 使用了受限的类型 "{{type}}"',
    },
  },
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    const volumes = Array.isArray(template.spec.volumes) ? template.spec.volumes : [];
    volumes.forEach((volume, index) => {
      if (!isRecord(volume)) return;
      const sources = Object.keys(volume).filter((key) => volume[key] !== null && volume[key] !== undefined);
      // The API server defaults a volume without any source to emptyDir before admission sees it.
      if (sources.some((source) => ALLOWED_SOURCES.has(source))) return;
      const restricted = sources.filter((source) => RESTRICTED_SOURCES.has(source));
      if (restricted.length === 0) return;
      const name = typeof volume.name === 'string' ? volume.name : `#${index + 1}`;
      const type = restricted.includes('hostPath') ? 'hostPath' : restricted[0];
      context.report({
        messageId: 'restrictedVolume',
        data: { volume: name, type },
        path: [...template.specPath, 'volumes', index, type],
        target: 'key',
        breaksBaseline: type === 'hostPath',
      });
    });
  },
});
