/**
 * PSS baseline `procMount`: /proc must keep its default masks. From v1.35 Pods that run in a user
 * namespace (`hostUsers: false`) may use Unmasked; `pss-proc-mount-restricted` keeps the strict form.
 */
import { defineRule } from '../define-rule';
import { exemptAsUserNamespacePod, POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/pss';
import { PROC_MOUNT_MESSAGES, procMountDocs, reportUnmaskedProcMounts } from '../shared/proc-mount';

export default defineRule({
  id: 'pss-proc-mount',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'error',
  pss: { level: 'baseline', checkId: 'procMount', since: 0 },
  docs: procMountDocs(true),
  messages: PROC_MOUNT_MESSAGES,
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    if (exemptAsUserNamespacePod(context, template.spec)) return;
    reportUnmaskedProcMounts(context, template);
  },
});
