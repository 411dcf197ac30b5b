/**
 * Shared pieces of the certificate rules: the references, and the data every certificate message
 * carries (the object, the field, the certificate's common name and dates; never its body).
 */
import { CertificateInfo, displayName, EmbeddedPem, isoDay } from '../../model/certificates';
import type { Resource } from '../../model/resource';

export const CERTIFICATE_REFERENCES: readonly string[] = [
  'https://kubernetes.io/docs/concepts/security/security-checklist/#authentication-authorization',
  'https://kubernetes.io/docs/setup/best-practices/certificates/',
  'https://kubernetes.io/docs/tasks/administer-cluster/kubeadm/kubeadm-certs/',
];

export const DAY_MS = 86_400_000;

export function certificateData(resource: Resource, field: EmbeddedPem, certificate: CertificateInfo): Record<string, string | number> {
  return {
    kind: resource.kind,
    name: resource.name ?? '-',
    field: field.field,
    cn: displayName(certificate.subject),
    from: isoDay(certificate.notBefore),
    to: isoDay(certificate.notAfter),
    days: Math.round((certificate.notAfter - certificate.notBefore) / DAY_MS),
  };
}
