/**
 * Which admission plugins a kube-apiserver runs, as kube-apiserver computes it: the default-on set
 * of its version, plus --enable-admission-plugins, minus --disable-admission-plugins; or, with the
 * deprecated --admission-control, exactly the plugins listed there. Also the catalog of plugin
 * names that upstream kube-apiserver has ever registered, with the version that removed each
 * removed one (a name it does not know stops it from starting). Sources: pkg/kubeapiserver/options/
 * plugins.go of kubernetes/kubernetes and the release notes of the removals (PodSecurityPolicy
 * 1.25, SecurityContextDeny 1.30, PersistentVolumeLabel 1.31 via #124505, DenyEscalatingExec and
 * DenyExecOnPrivileged 1.21 via #98669, PodPreset 1.20, Initializers 1.14, InitialResources 1.11).
 */
import { componentMinor, ControlPlaneComponent, Flag, FlagItem, Location } from '../../model/control-plane';

/** Plugins upstream kube-apiserver registers today. */
const CURRENT_PLUGINS: readonly string[] = [
  'AlwaysAdmit', 'AlwaysDeny', 'AlwaysPullImages', 'CertificateApproval', 'CertificateSigning', 'CertificateSubjectRestriction',
  'ClusterTrustBundleAttest', 'DefaultIngressClass', 'DefaultStorageClass', 'DefaultTolerationSeconds', 'DenyServiceExternalIPs',
  'EventRateLimit', 'ExtendedResourceToleration', 'ImagePolicyWebhook', 'JobValidation', 'LimitPodHardAntiAffinityTopology',
  'LimitRanger', 'MutatingAdmissionPolicy', 'MutatingAdmissionWebhook', 'NamespaceAutoProvision', 'NamespaceExists',
  'NamespaceLifecycle', 'NodeDeclaredFeatureValidator', 'NodeRestriction', 'OwnerReferencesPermissionEnforcement',
  'PersistentVolumeClaimResize', 'PodGroupProtection', 'PodGroupWorkloadExists', 'PodNodeSelector', 'PodResizeValidator',
  'PodSecurity', 'PodTolerationRestriction', 'PodTopologyLabels', 'Priority', 'ResourceQuota', 'RuntimeClass', 'ServiceAccount',
  'StorageObjectInUseProtection', 'TaintNodesByCondition', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionWebhook',
];

/** Removed plugins and the first minor version without them. */
export const REMOVED_PLUGINS: Readonly<Record<string, number>> = {
  InitialResources: 11,
  Initializers: 14,
  PodPreset: 20,
  DenyEscalatingExec: 21,
  DenyExecOnPrivileged: 21,
  PodSecurityPolicy: 25,
  SecurityContextDeny: 30,
  PersistentVolumeLabel: 31,
};

export const KNOWN_PLUGINS: ReadonlySet<string> = new Set([...CURRENT_PLUGINS, ...Object.keys(REMOVED_PLUGINS)]);

/**
 * Default-on plugins that protect something, with the first minor where they are on by default
 * (1.10 introduced the default set; PodSecurity is on from its beta in 1.23, ValidatingAdmissionPolicy
 * from its GA in 1.30).
 */
export const SECURITY_DEFAULTS: Readonly<Record<string, number>> = {
  NamespaceLifecycle: 10,
  ServiceAccount: 10,
  MutatingAdmissionWebhook: 10,
  ValidatingAdmissionWebhook: 10,
  CertificateApproval: 19,
  CertificateSigning: 19,
  CertificateSubjectRestriction: 19,
  PodSecurity: 23,
  ValidatingAdmissionPolicy: 30,
};

export interface NamedPlugin extends FlagItem {
  readonly flag: Flag;
}

export interface AdmissionState {
  readonly minor: number;
  readonly enableFlag?: Flag;
  readonly disableFlag?: Flag;
  readonly legacyFlag?: Flag;
  /** Every plugin name written in the three flags, with its node. */
  readonly named: readonly NamedPlugin[];
  isEnabled(plugin: string): boolean;
  /** Where a plugin was switched off: a --disable-admission-plugins item, or the --admission-control list that omits it. */
  disabledAt(plugin: string): Location | undefined;
  /** Where a missing plugin should be added: the enable list when written, else the component's anchor. */
  readonly addAt: Location;
}

export function admissionState(component: ControlPlaneComponent, configuredMinor: number): AdmissionState | undefined {
  const flags = ['enable-admission-plugins', 'disable-admission-plugins', 'admission-control'].map((name) => component.flags.get(name));
  if (flags.some((flag) => flag?.unknown)) return undefined;
  const [enableFlag, disableFlag, legacyFlag] = flags;
  const minor = componentMinor(component, configuredMinor);
  const names = (flag: Flag | undefined) => new Set(flag?.items.map((item) => item.value) ?? []);
  const enabled = names(enableFlag);
  const disabled = names(disableFlag);
  const legacy = legacyFlag ? names(legacyFlag) : undefined;
  const location = (flag: Flag | undefined, item?: FlagItem): Location =>
    !flag || flag.implicit ? component.anchor : item ? { path: item.path, target: item.target } : { path: flag.path, target: flag.target };
  const isDefaultOn = (plugin: string) => minor >= 10 && SECURITY_DEFAULTS[plugin] !== undefined && minor >= SECURITY_DEFAULTS[plugin];
  return {
    minor,
    enableFlag,
    disableFlag,
    legacyFlag,
    named: [enableFlag, disableFlag, legacyFlag].flatMap((flag) => (flag && !flag.implicit ? flag.items.map((item) => ({ ...item, flag })) : [])),
    isEnabled(plugin) {
      if (legacy) return legacy.has(plugin);
      return !disabled.has(plugin) && (enabled.has(plugin) || isDefaultOn(plugin));
    },
    disabledAt(plugin) {
      if (legacy) return legacy.has(plugin) ? undefined : location(legacyFlag);
      const item = disableFlag?.items.find((candidate) => candidate.value === plugin);
      return item ? location(disableFlag, item) : undefined;
    },
    addAt: location(legacyFlag ?? enableFlag),
  };
}

/** A close spelling among the known plugins (case or up to two edits), for unknown names. */
export function closestPlugin(name: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of KNOWN_PLUGINS) {
    const distance = known.toLowerCase() === name.toLowerCase() ? 0 : editDistance(known, name);
    if (distance < bestDistance) [best, bestDistance] = [known, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

export const APISERVER_POD: readonly string[] = [
  'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: kube-apiserver', '  namespace: kube-system', 'spec:', '  containers:',
  '    - name: kube-apiserver', '      image: registry.k8s.io/kube-apiserver:v1.31.0', '      command:', '        - kube-apiserver',
  '        - --authorization-mode=Node,RBAC',
];

export const ADMISSION_REFERENCES: readonly string[] = [
  'https://kubernetes.io/docs/reference/access-authn-authz/admission-controllers/',
  'https://kubernetes.io/docs/concepts/security/security-checklist/#admission-controllers',
];
