/**
 * PSS baseline `procMount`: /proc must keep its default masks. From v1.35 Pods that run in a user
 * namespace (`hostUsers: false`) may use Unmasked; `pss-proc-mount-restricted` keeps the strict form.
 */
import { definePodSecurityRule, exemptAsUserNamespacePod } from '../shared/pss';
import { PROC_MOUNT_MESSAGES, procMountDocs, reportUnmaskedProcMounts } from '../shared/proc-mount';

export default definePodSecurityRule(
  {
    id: 'pss-proc-mount',
    checklist: ['pod-security/pss-enforced'],
    defaultSeverity: 'error',
    pss: { level: 'baseline', checkId: 'procMount', since: 0 },
    docs: procMountDocs(true),
    messages: PROC_MOUNT_MESSAGES,
  },
  (context, template) => {
    if (exemptAsUserNamespacePod(context, template.spec)) return;
    reportUnmaskedProcMounts(context, template);
  },
);
