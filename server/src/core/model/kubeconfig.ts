/**
 * Kubeconfig files (`apiVersion: v1`, `kind: Config`) as the model sees them: the base64 data
 * fields that embed certificates (clusters[].cluster.certificate-authority-data,
 * users[].user.client-certificate-data), each with the node path it sits at and a name for
 * messages; and the same client certificate fields inside a kubeconfig that is stored as text in a
 * Secret or ConfigMap entry (Cluster API's `<cluster>-kubeconfig` Secrets, CI credentials). Paths to
 * files (`client-certificate:`) cannot be read from a manifest and are left alone. Decoding is the
 * business of certificates.ts.
 */
import type { Resource } from './resource';
import { arrayAt, PropertyPath, recordAt, stringAt } from './values';

export interface KubeconfigDataField {
  readonly path: PropertyPath;
  /** `users[0].user.client-certificate-data` (with the entry's name when it has one). */
  readonly field: string;
  /** The entry's `name`, or `#1`. */
  readonly entry: string;
  /** The base64 text as written. */
  readonly encoded: string;
}

export interface KubeconfigDataFields {
  readonly clusterAuthorities: readonly KubeconfigDataField[];
  readonly clientCertificates: readonly KubeconfigDataField[];
}

export function isKubeconfig(resource: Resource): boolean {
  return resource.kind === 'Config' && resource.apiVersion === 'v1';
}

function dataFields(resource: Resource, list: 'clusters' | 'users', inner: 'cluster' | 'user', key: string): KubeconfigDataField[] {
  return arrayAt(resource.value, list).flatMap((entry, index) => {
    const encoded = stringAt(recordAt(entry, inner), key);
    if (encoded === undefined) return [];
    const name = stringAt(entry, 'name') ?? `#${index + 1}`;
    return [{ path: [list, index, inner, key], field: `${list}[${index}].${inner}.${key}`, entry: name, encoded }];
  });
}

/** The certificate data fields of a kubeconfig, or undefined when the resource is not one. */
export function kubeconfigDataFields(resource: Resource): KubeconfigDataFields | undefined {
  if (!isKubeconfig(resource)) return undefined;
  return {
    clusterAuthorities: dataFields(resource, 'clusters', 'cluster', 'certificate-authority-data'),
    clientCertificates: dataFields(resource, 'users', 'user', 'client-certificate-data'),
  };
}

const CLIENT_CERTIFICATE_LINE = /^[ \t-]*["']?client-certificate-data["']?[ \t]*:[ \t]*["']?([A-Za-z0-9+/=]{16,})["']?,?[ \t]*$/gm;

/** The base64 client certificates of a kubeconfig held as text (a Secret or ConfigMap entry). */
export function clientCertificatesInKubeconfigText(text: string): string[] {
  if (!text.includes('client-certificate-data')) return [];
  return [...text.matchAll(CLIENT_CERTIFICATE_LINE)].map((match) => match[1]);
}
