/**
 * PSS restricted `procMount_restricted` (v1.35+): /proc must keep its default masks even in a user
 * namespace. Replaces `pss-proc-mount` at the restricted level; outside a user namespace an
 * Unmasked /proc breaks baseline too.
 */
import { defineRule } from '../define-rule';
import { exemptAsUserNamespacePod, POD_TEMPLATE_KINDS, podTemplateOf } from '../shared/pss';
import { PROC_MOUNT_MESSAGES, procMountDocs, reportUnmaskedProcMounts } from '../shared/proc-mount';

export default defineRule({
  id: 'pss-proc-mount-restricted',
  checklist: ['pod-security/pss-enforced'],
  scope: { kinds: POD_TEMPLATE_KINDS },
  defaultSeverity: 'warning',
  pss: { level: 'restricted', checkId: 'procMount_restricted', since: 35, overrides: 'pss-proc-mount' },
  docs: procMountDocs(false),
  messages: PROC_MOUNT_MESSAGES,
  check(context, resource) {
    const template = podTemplateOf(resource);
    if (!template) return;
    reportUnmaskedProcMounts(context, template, !exemptAsUserNamespacePod(context, template.spec));
  },
});
