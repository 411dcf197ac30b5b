/**
 * Reading core/v1 Services for the network rules: their type, annotations and ports, and which
 * LoadBalancer annotations of the major clouds make the load balancer internal (reachable from the
 * private network only). A Service is "exposed" outside the cluster when it is a NodePort or a
 * LoadBalancer, or has externalIPs whatever its type; ClusterIP and headless Services are not.
 */
import type { Resource } from '../../model/resource';
import { arrayAt, isRecord, recordAt, stringAt } from '../../model/values';

export interface ServiceView {
  readonly name: string;
  readonly type: string;
  readonly spec: Record<string, unknown>;
  readonly annotations: Record<string, unknown>;
}

/** The Service's spec and metadata, or undefined for anything that is not a core/v1 Service. */
export function serviceOf(resource: Resource): ServiceView | undefined {
  if (resource.kind !== 'Service' || resource.apiVersion !== 'v1') return undefined;
  const spec = recordAt(resource.value, 'spec');
  if (!spec) return undefined;
  return {
    name: resource.name ?? '',
    // An unset type is ClusterIP, as the API server defaults it.
    type: stringAt(spec, 'type') ?? 'ClusterIP',
    spec,
    annotations: recordAt(recordAt(resource.value, 'metadata'), 'annotations') ?? {},
  };
}

export function externalIpsOf(service: ServiceView): unknown[] {
  return arrayAt(service.spec, 'externalIPs');
}

export function isExposed(service: ServiceView): boolean {
  return service.type === 'NodePort' || service.type === 'LoadBalancer' || externalIpsOf(service).some((ip) => typeof ip === 'string' && ip !== '');
}

function annotation(service: ServiceView, key: string): string | undefined {
  const value = service.annotations[key];
  // Annotations are strings; an unquoted `true` still reaches the API server as the text "true".
  return value === undefined || value === null ? undefined : String(value).trim();
}

/**
 * Annotations that make a cloud load balancer internal, per provider. AWS's in-tree controller
 * treats any value but "false" as internal; the AWS Load Balancer Controller creates internal NLBs
 * unless the scheme says internet-facing (see awsLoadBalancerControllerDefault).
 */
export const INTERNAL_LOAD_BALANCER_ANNOTATIONS: readonly { readonly key: string; readonly internal: (value: string) => boolean }[] = [
  { key: 'service.beta.kubernetes.io/aws-load-balancer-internal', internal: (v) => v !== '' && v.toLowerCase() !== 'false' },
  { key: 'service.beta.kubernetes.io/aws-load-balancer-scheme', internal: (v) => v.toLowerCase() === 'internal' },
  { key: 'networking.gke.io/load-balancer-type', internal: (v) => v.toLowerCase() === 'internal' },
  { key: 'cloud.google.com/load-balancer-type', internal: (v) => v.toLowerCase() === 'internal' },
  { key: 'service.beta.kubernetes.io/azure-load-balancer-internal', internal: (v) => v.toLowerCase() === 'true' },
  { key: 'service.beta.kubernetes.io/oci-load-balancer-internal', internal: (v) => v.toLowerCase() === 'true' },
  { key: 'oci-network-load-balancer.oraclecloud.com/internal', internal: (v) => v.toLowerCase() === 'true' },
  { key: 'service.beta.kubernetes.io/openstack-internal-load-balancer', internal: (v) => v.toLowerCase() === 'true' },
  { key: 'service.beta.kubernetes.io/alibaba-cloud-loadbalancer-address-type', internal: (v) => v.toLowerCase() === 'intranet' },
  { key: 'service.kubernetes.io/ibm-load-balancer-cloud-provider-ip-type', internal: (v) => v.toLowerCase() === 'private' },
];

/** The AWS Load Balancer Controller (v2.2+) makes NLBs internal unless told `internet-facing`. */
function awsLoadBalancerControllerDefault(service: ServiceView): boolean {
  if (annotation(service, 'service.beta.kubernetes.io/aws-load-balancer-scheme') !== undefined) return false;
  const type = annotation(service, 'service.beta.kubernetes.io/aws-load-balancer-type')?.toLowerCase();
  return type === 'external' || type === 'nlb-ip' || stringAt(service.spec, 'loadBalancerClass') === 'service.k8s.aws/nlb';
}

export function isInternalLoadBalancer(service: ServiceView): boolean {
  if (awsLoadBalancerControllerDefault(service)) return true;
  return INTERNAL_LOAD_BALANCER_ANNOTATIONS.some(({ key, internal }) => {
    const value = annotation(service, key);
    return value !== undefined && internal(value);
  });
}

export const SOURCE_RANGES_ANNOTATION = 'service.beta.kubernetes.io/load-balancer-source-ranges';

export function sourceRangesAnnotation(service: ServiceView): string | undefined {
  return annotation(service, SOURCE_RANGES_ANNOTATION);
}

export interface PortView {
  readonly index: number;
  readonly port: Record<string, unknown>;
}

export function portsOf(service: ServiceView): PortView[] {
  return arrayAt(service.spec, 'ports').flatMap((port, index) => (isRecord(port) ? [{ index, port }] : []));
}
