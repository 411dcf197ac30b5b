/**
 * PSS restricted `procMount_restricted` (v1.35+): /proc must keep its default masks even in a user
 * namespace. Replaces `pss-proc-mount` at the restricted level; outside a user namespace an
 * Unmasked /proc breaks baseline too.
 */
import { definePodSecurityRule, exemptAsUserNamespacePod } from '../shared/pss';
import { PROC_MOUNT_MESSAGES, procMountDocs, reportUnmaskedProcMounts } from '../shared/proc-mount';

export default definePodSecurityRule(
  {
    id: 'pss-proc-mount-restricted',
    checklist: ['pod-security/pss-enforced'],
    defaultSeverity: 'warning',
    pss: { level: 'restricted', checkId: 'procMount_restricted', since: 35, overrides: 'pss-proc-mount' },
    docs: procMountDocs(false),
    messages: PROC_MOUNT_MESSAGES,
  },
  (context, template) => reportUnmaskedProcMounts(context, template, !exemptAsUserNamespacePod(context, template.spec)),
);
