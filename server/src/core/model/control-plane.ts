/**
 * The control plane as files show it: which resources run kube-apiserver, kube-controller-manager,
 * kube-scheduler, etcd or the kubelet, and the flags each one runs with. Components come from static
 * Pod manifests and from Deployments, DaemonSets and StatefulSets that run the binary (matched by the
 * exact base name of `command[0]`, or of `args[0]` when there is no command, or a `hyperkube`
 * subcommand; without a command, also by the image repository or by a flag only that server takes),
 * and from kubeadm ClusterConfiguration / InitConfiguration / JoinConfiguration
 * (`extraArgs` as a map up to v1beta3, as a list of {name, value} from v1beta4, over the flags
 * kubeadm itself sets). Flags are read as the binaries read them: `--flag=value` and `--flag value`,
 * `_` normalized to `-`, the last occurrence wins except for list flags, which accumulate like
 * pflag's string slices; etcd also reads `ETCD_*` environment variables and ignores everything when
 * it has `--config-file`. Every value keeps the node path it came from, so that findings land on the
 * very item of command/args or extraArgs; a missing flag lands on the component's `anchor` (the
 * container's command key, or the extraArgs key). Also: the configuration-file kinds (KubeletConfiguration,
 * EncryptionConfiguration ...), Go's duration and boolean syntax, and loopback addresses.
 */
import type { Target } from '../rules/types';
import { parseKubernetesVersion } from './kubernetes-version';
import { containersOf, podTemplateOf } from './pod-spec';
import type { Resource } from './resource';
import { isRecord, PropertyPath, recordAt, stringAt } from './values';

export type ComponentName = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd' | 'kubelet';

export const COMPONENT_NAMES: readonly ComponentName[] = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'etcd', 'kubelet'];

/** Kinds that can carry a control-plane component: the scope of the flag rules. */
export const CONTROL_PLANE_KINDS: readonly string[] = ['ClusterConfiguration', 'DaemonSet', 'Deployment', 'InitConfiguration', 'JoinConfiguration', 'Pod', 'StatefulSet'];

export interface Location {
  readonly path: PropertyPath;
  readonly target: Target;
}

export interface FlagItem extends Location {
  readonly value: string;
}

export interface Flag extends Location {
  readonly name: string;
  /** The node that names the flag (`--flag` of `--flag value`); the value's node otherwise. */
  readonly nameAt: Location;
  /** The effective value; list flags joined with commas. */
  readonly value: string;
  /** List flags: every element with the node it came from (other flags: one item). */
  readonly items: readonly FlagItem[];
  /** Set by a tool's defaults (kubeadm), not written in the file: reports go to the anchor. */
  readonly implicit: boolean;
  /** The value cannot be read from the file (an env var from a Secret or ConfigMap). */
  readonly unknown: boolean;
}

export interface ControlPlaneComponent {
  readonly name: ComponentName;
  readonly resource: Resource;
  /** How messages name the place: `Pod "kube-apiserver"`, `ClusterConfiguration`. */
  readonly where: string;
  readonly flags: ReadonlyMap<string, Flag>;
  /** Where a missing flag is reported. */
  readonly anchor: Location;
  /** The minor version the file states (image tag or kubeadm kubernetesVersion), if any. */
  readonly statedMinor?: number;
  /** The kubelet reads a config file (`--config`, or kubeadm): unset flags come from it. */
  readonly configFile: boolean;
  /** Nothing can be said from flags (etcd with --config-file). */
  readonly opaque: boolean;
  /** The component comes from kubeadm configuration rather than a Pod or workload. */
  readonly kubeadm: boolean;
}

/** Flags that pflag/Go's flag package treat as booleans: a bare flag means true and never takes the next item. */
const BOOLEAN_FLAGS = new Set([
  'anonymous-auth', 'use-service-account-credentials', 'client-cert-auth', 'peer-client-cert-auth', 'auto-tls', 'peer-auto-tls',
  'enable-logs-handler', 'seccomp-default', 'profiling', 'allow-privileged', 'enable-bootstrap-token-auth', 'leader-elect',
  'enable-server', 'enable-debugging-handlers', 'rotate-certificates', 'rotate-server-certificates', 'service-account-lookup', 'authentication-token-webhook', 'fail-swap-on',
  'enable-aggregator-routing', 'audit-log-compress', 'enable-priority-and-fairness', 'strict-reconfig-check', 'enable-v2',
  'enable-pprof', 'register-node', 'protect-kernel-defaults', 'make-iptables-util-chains', 'enable-garbage-collector',
  'allocate-node-cidrs', 'logtostderr', 'alsologtostderr', 'help', 'version',
]);

const TEMPLATED = /\$\(|\$\{|\{\{|__[A-Z][A-Z0-9_]*__/;

/** pflag string slices: repeated occurrences accumulate. */
const LIST_FLAGS = new Set(['enable-admission-plugins', 'disable-admission-plugins', 'admission-control', 'authorization-mode']);

const HYPERKUBE_COMMANDS: Readonly<Record<string, ComponentName>> = {
  apiserver: 'kube-apiserver',
  'kube-apiserver': 'kube-apiserver',
  'controller-manager': 'kube-controller-manager',
  'kube-controller-manager': 'kube-controller-manager',
  scheduler: 'kube-scheduler',
  'kube-scheduler': 'kube-scheduler',
  kubelet: 'kubelet',
};

/** The flags kubeadm writes into its static Pods unless extraArgs overrides them (security-relevant ones). */
const KUBEADM_DEFAULTS: Readonly<Partial<Record<ComponentName, Readonly<Record<string, string>>>>> = {
  // kubeadm passed --insecure-port=0 until 1.22; an implicit flag is never reported as removed.
  'kube-apiserver': {
    'authorization-mode': 'Node,RBAC',
    'enable-admission-plugins': 'NodeRestriction',
    'enable-bootstrap-token-auth': 'true',
    'allow-privileged': 'true',
    'insecure-port': '0',
    // The certificates kubeadm generates for the API server's clients side (etcd, kubelets).
    'etcd-cafile': '/etc/kubernetes/pki/etcd/ca.crt',
    'etcd-certfile': '/etc/kubernetes/pki/apiserver-etcd-client.crt',
    'etcd-keyfile': '/etc/kubernetes/pki/apiserver-etcd-client.key',
    'kubelet-client-certificate': '/etc/kubernetes/pki/apiserver-kubelet-client.crt',
    'kubelet-client-key': '/etc/kubernetes/pki/apiserver-kubelet-client.key',
  },
  'kube-controller-manager': { 'use-service-account-credentials': 'true', 'bind-address': '127.0.0.1', 'leader-elect': 'true' },
  'kube-scheduler': { 'bind-address': '127.0.0.1', 'leader-elect': 'true' },
  etcd: {
    'client-cert-auth': 'true',
    'peer-client-cert-auth': 'true',
    'listen-client-urls': 'https://127.0.0.1:2379',
    'listen-peer-urls': 'https://127.0.0.1:2380',
  },
};

// ------------------------------------------------------------------------------------------------
// Lookup

const CACHE = new WeakMap<Resource, readonly ControlPlaneComponent[]>();

/** Every control-plane component the resource runs or configures. */
export function controlPlaneComponents(resource: Resource): readonly ControlPlaneComponent[] {
  let found = CACHE.get(resource);
  if (!found) {
    found = isKubeadmConfig(resource) ? kubeadmComponents(resource) : workloadComponents(resource);
    CACHE.set(resource, found);
  }
  return found;
}

export function componentsNamed(resource: Resource, name: ComponentName): readonly ControlPlaneComponent[] {
  return controlPlaneComponents(resource).filter((component) => component.name === name);
}

export function flagOf(component: ControlPlaneComponent, name: string): Flag | undefined {
  return component.flags.get(name);
}

/** The minor version a component is judged at: what its file states, else the configured one. */
export function componentMinor(component: ControlPlaneComponent, configured: number): number {
  return component.statedMinor ?? configured;
}

/** A boolean flag as its binary parses it: undefined when absent, unknown or not a Go boolean. */
export function booleanFlag(component: ControlPlaneComponent, name: string): boolean | undefined {
  const flag = component.flags.get(name);
  return flag && !flag.unknown ? parseGoBool(flag.value) : undefined;
}

/** The flag is given with a value (or with one the file cannot show, such as `$(VAR)`). */
export function hasFlag(component: ControlPlaneComponent, name: string): boolean {
  const flag = component.flags.get(name);
  return flag !== undefined && (flag.unknown || flag.value.trim() !== '');
}

/** Where to report a flag: on its own node when the file has it, else on the component's anchor. */
export function flagLocation(component: ControlPlaneComponent, flag: Flag | undefined): Location {
  return flag && !flag.implicit ? { path: flag.path, target: flag.target } : component.anchor;
}

/** Message data that names a component and where it runs. */
export function componentData(component: ControlPlaneComponent): Record<string, string> {
  return { component: component.name, where: component.where };
}

// ------------------------------------------------------------------------------------------------
// Workloads and static Pods

interface Word {
  readonly text: string;
  readonly path: PropertyPath;
}

function workloadComponents(resource: Resource): ControlPlaneComponent[] {
  if (!['Pod', 'Deployment', 'DaemonSet', 'StatefulSet'].includes(resource.kind)) return [];
  const template = podTemplateOf(resource);
  if (!template) return [];
  const components: ControlPlaneComponent[] = [];
  for (const view of containersOf(template)) {
    if (view.list !== 'containers') continue;
    const container = view.container as unknown as Record<string, unknown>;
    const command = words(container.command, [...view.path, 'command']);
    const args = words(container.args, [...view.path, 'args']);
    const [line, anchorKey] = command.length > 0 ? [[...command, ...args], 'command'] : [args, 'args'];
    const identified = identify(line) ?? (command.length === 0 ? identifyByImageOrFlags(stringAt(container, 'image'), args) : undefined);
    if (!identified) continue;
    const { name, rest } = identified;
    if (name === 'etcd' && !looksLikeClusterEtcd(resource, template.spec as unknown as Record<string, unknown>)) continue;
    const parsed = parseFlags(rest, name === 'etcd');
    if (name === 'etcd') addEtcdEnvironment(parsed, container.env, [...view.path, 'env']);
    components.push({
      name,
      resource,
      where: describe(resource),
      flags: parsed,
      anchor: { path: [...view.path, anchorKey], target: 'key' },
      statedMinor: minorFromImage(stringAt(container, 'image')),
      configFile: name === 'kubelet' && parsed.has('config'),
      opaque: name === 'etcd' && parsed.has('config-file'),
      kubeadm: false,
    });
  }
  return components;
}

/** Scalars of a command/args list, stringified as the API would refuse anything else (keep going anyway). */
function words(value: unknown, base: PropertyPath): Word[] {
  if (!Array.isArray(value)) return [];
  const result: Word[] = [];
  value.forEach((item, index) => {
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') result.push({ text: String(item), path: [...base, index] });
  });
  return result;
}

/** The program a word names: a bare name or a path, never a flag such as `--kubelet-service=ns/kubelet`. */
function basename(text: string): string | undefined {
  const word = text.trim();
  if (!/^[^-=\s][^=\s]*$/.test(word)) return undefined;
  const parts = word.split('/');
  return parts[parts.length - 1];
}

function identify(line: readonly Word[]): { name: ComponentName; rest: Word[] } | undefined {
  if (line.length === 0) return undefined;
  const binary = basename(line[0].text);
  let found: { name: ComponentName; rest: Word[] } | undefined;
  if (binary !== undefined && (COMPONENT_NAMES as readonly string[]).includes(binary)) found = { name: binary as ComponentName, rest: line.slice(1) };
  else if (binary === 'hyperkube' && line.length > 1 && HYPERKUBE_COMMANDS[line[1].text.trim()]) found = { name: HYPERKUBE_COMMANDS[line[1].text.trim()], rest: line.slice(2) };
  // The servers take no positional arguments: `etcd snapshot save`, `kubelet version` are tools, not servers.
  if (found && found.rest.length > 0 && !found.rest[0].text.trim().startsWith('-')) return undefined;
  return found;
}

/** Flags that only one server takes: a container that passes them as its only args runs that server. */
const TELLING_FLAGS: readonly [ComponentName, readonly string[]][] = [
  ['etcd', ['--listen-client-urls', '--initial-cluster', '--initial-advertise-peer-urls', '--listen-peer-urls']],
  // Not --etcd-servers: aggregated API servers built on k8s.io/apiserver take it too.
  ['kube-apiserver', ['--service-account-issuer', '--kubelet-client-certificate', '--enable-admission-plugins']],
];

/**
 * A container without `command` runs its image's entrypoint with `args`: the component is then
 * told by the image repository (`registry.k8s.io/kube-apiserver:v1.31.0`, `quay.io/coreos/etcd`,
 * an `-amd64` suffix allowed), or, for args that are nothing but flags, by a flag only that
 * server takes (`--listen-client-urls` for etcd, `--service-account-issuer` for kube-apiserver).
 */
function identifyByImageOrFlags(image: string | undefined, args: readonly Word[]): { name: ComponentName; rest: Word[] } | undefined {
  if (args.length > 0 && !args[0].text.trim().startsWith('-')) return undefined;
  const repository = image ? imageRepositoryName(image) : undefined;
  if (repository && (COMPONENT_NAMES as readonly string[]).includes(repository)) return { name: repository as ComponentName, rest: [...args] };
  if (args.length === 0) return undefined;
  for (const [name, flags] of TELLING_FLAGS) {
    if (args.some((word) => flags.some((flag) => word.text.trim() === flag || word.text.trim().startsWith(`${flag}=`)))) return { name, rest: [...args] };
  }
  return undefined;
}

/** `registry.k8s.io/kube-apiserver-amd64:v1.20.0@sha256:…` -> `kube-apiserver`. */
function imageRepositoryName(image: string): string | undefined {
  const withoutDigest = image.split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  const repository = withoutDigest.slice(slash + 1, colon > slash ? colon : undefined);
  return repository.replace(/-(amd64|arm64|arm|ppc64le|s390x)$/, '') || undefined;
}

/**
 * etcd is also an ordinary application database; only the cluster's own counts: in kube-system, or
 * a static-Pod-like Pod on the host network.
 */
function looksLikeClusterEtcd(resource: Resource, spec: Record<string, unknown>): boolean {
  return resource.namespace === 'kube-system' || (resource.kind === 'Pod' && spec.hostNetwork === true);
}

/**
 * pflag (kube-*) and Go's flag package (etcd): `--name=value`, `--name value` (not for booleans),
 * `--` ends the flags; etcd also accepts one dash and stops at the first non-flag word.
 */
function parseFlags(rest: readonly Word[], goFlagPackage: boolean): Map<string, Flag> {
  const flags = new Map<string, Flag>();
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i];
    const text = word.text.trim();
    if (text === '--') break;
    const long = text.startsWith('--') ? 2 : goFlagPackage && text.startsWith('-') && text.length > 1 ? 1 : 0;
    if (long === 0) {
      if (goFlagPackage) break;
      // A shorthand such as `-v 2`: skip it and its value.
      if (text.startsWith('-') && !text.includes('=') && i + 1 < rest.length && !rest[i + 1].text.startsWith('-')) i++;
      continue;
    }
    const body = text.slice(long);
    const equals = body.indexOf('=');
    let name = equals >= 0 ? body.slice(0, equals) : body;
    if (!goFlagPackage) name = name.replace(/_/g, '-');
    if (!name) continue;
    let value: string;
    let where: Word = word;
    if (equals >= 0) {
      value = body.slice(equals + 1);
    } else if (!BOOLEAN_FLAGS.has(name) && i + 1 < rest.length && !rest[i + 1].text.trim().startsWith('-')) {
      where = rest[++i];
      value = where.text.trim();
    } else {
      value = 'true';
    }
    setFlag(flags, name, value, { path: where.path, target: 'value' }, false, false, { path: word.path, target: 'value' });
  }
  return flags;
}

function setFlag(
  flags: Map<string, Flag>,
  name: string,
  value: string,
  location: Location,
  implicit: boolean,
  unknown = false,
  nameAt: Location = location,
): void {
  // `$(VAR)` is expanded by the kubelet from the container's env; `${VAR}`, `{{ }}` and `__VAR__`
  // are left by templating tools. The file does not say what the value will be.
  if (TEMPLATED.test(value)) unknown = true;
  const items: FlagItem[] = splitList(value).map((element) => ({ value: element, ...location }));
  const previous = flags.get(name);
  if (LIST_FLAGS.has(name) && previous && !previous.implicit) {
    const merged = [...previous.items, ...items];
    flags.set(name, { name, nameAt, value: merged.map((item) => item.value).join(','), items: merged, ...location, implicit, unknown });
    return;
  }
  flags.set(name, { name, nameAt, value, items: LIST_FLAGS.has(name) ? items : [{ value, ...location }], ...location, implicit, unknown });
}

function splitList(value: string): string[] {
  return value.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
}

/** etcd reads ETCD_<FLAG_NAME> for every flag not given on the command line. */
function addEtcdEnvironment(flags: Map<string, Flag>, env: unknown, base: PropertyPath): void {
  if (!Array.isArray(env)) return;
  env.forEach((entry, index) => {
    const name = stringAt(entry, 'name');
    if (!name || !/^ETCD_[A-Z0-9_]+$/.test(name) || name.startsWith('ETCDCTL_')) return;
    const flag = name.slice(5).toLowerCase().replace(/_/g, '-');
    if (flags.has(flag) && !flags.get(flag)!.implicit) return;
    const value = isRecord(entry) ? entry.value : undefined;
    const readable = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
    const path = readable ? [...base, index, 'value'] : [...base, index, 'name'];
    setFlag(flags, flag, readable ? String(value) : '', { path, target: 'value' }, false, !readable, { path: [...base, index, 'name'], target: 'value' });
  });
}

function describe(resource: Resource): string {
  return resource.name ? `${resource.kind} "${resource.name}"` : resource.kind;
}

/** `registry.k8s.io/kube-apiserver:v1.30.2`, `hyperkube-amd64:v1.18.0` -> 30, 18. Other images say nothing. */
export function minorFromImage(image: string | undefined): number | undefined {
  if (!image) return undefined;
  const withoutDigest = image.split('@')[0];
  const slash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  if (colon <= slash) return undefined;
  const repository = withoutDigest.slice(slash + 1, colon);
  if (!/^(kube-apiserver|kube-controller-manager|kube-scheduler|kubelet|hyperkube)(-(amd64|arm64|arm|ppc64le|s390x))?$/.test(repository)) return undefined;
  const match = /^v?(1\.\d+)(\.\d+)?([-+].*)?$/.exec(withoutDigest.slice(colon + 1));
  return match ? parseKubernetesVersion(match[1]) : undefined;
}

// ------------------------------------------------------------------------------------------------
// kubeadm

function isKubeadmConfig(resource: Resource): boolean {
  return resource.apiVersion.startsWith('kubeadm.k8s.io/') && ['ClusterConfiguration', 'InitConfiguration', 'JoinConfiguration'].includes(resource.kind);
}

function kubeadmComponents(resource: Resource): ControlPlaneComponent[] {
  const value = resource.value;
  const components: ControlPlaneComponent[] = [];
  const add = (name: ComponentName, argsPath: PropertyPath, configFile: boolean, defaults: Readonly<Record<string, string>> = {}) => {
    const flags = new Map<string, Flag>();
    const anchor: Location = { path: argsPath, target: 'key' };
    for (const [flag, setting] of Object.entries(defaults)) setFlag(flags, flag, setting, anchor, true);
    let extra: unknown = value;
    for (const key of argsPath) extra = isRecord(extra) ? extra[key as string] : undefined;
    readExtraArgs(flags, extra, argsPath);
    const stated = /^v?(1\.\d+)/.exec(stringAt(value, 'kubernetesVersion')?.trim() ?? '');
    components.push({
      name,
      resource,
      where: describe(resource),
      flags,
      anchor,
      statedMinor: stated ? parseKubernetesVersion(stated[1]) : undefined,
      configFile,
      opaque: false,
      kubeadm: true,
    });
  };
  if (resource.kind === 'ClusterConfiguration') {
    add('kube-apiserver', ['apiServer', 'extraArgs'], false, KUBEADM_DEFAULTS['kube-apiserver']);
    add('kube-controller-manager', ['controllerManager', 'extraArgs'], false, KUBEADM_DEFAULTS['kube-controller-manager']);
    add('kube-scheduler', ['scheduler', 'extraArgs'], false, KUBEADM_DEFAULTS['kube-scheduler']);
    if (!recordAt(recordAt(value, 'etcd'), 'external')) add('etcd', ['etcd', 'local', 'extraArgs'], false, KUBEADM_DEFAULTS.etcd);
  } else if (recordAt(value, 'nodeRegistration')) {
    // kubeadm always hands the kubelet a --config file; only explicit flags override it.
    add('kubelet', ['nodeRegistration', 'kubeletExtraArgs'], true);
  }
  return components;
}

/** v1beta1-v1beta3: a map of strings; v1beta4: a list of {name, value}, passed in order. */
function readExtraArgs(flags: Map<string, Flag>, extra: unknown, base: PropertyPath): void {
  const scalar = (item: unknown): string | undefined =>
    typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean' ? String(item) : undefined;
  if (isRecord(extra)) {
    for (const [name, item] of Object.entries(extra)) {
      const text = scalar(item);
      if (text !== undefined) setFlag(flags, name, text, { path: [...base, name], target: 'pair' }, false);
    }
  } else if (Array.isArray(extra)) {
    extra.forEach((entry, index) => {
      const name = stringAt(entry, 'name');
      const text = isRecord(entry) ? scalar(entry.value) : undefined;
      if (name && text !== undefined) {
        setFlag(flags, name, text, { path: [...base, index, 'value'], target: 'value' }, false, false, { path: [...base, index, 'name'], target: 'value' });
      }
    });
  }
}

// ------------------------------------------------------------------------------------------------
// Configuration files, syntax helpers

/** `KubeletConfiguration` of `kubelet.config.k8s.io/*`, `EncryptionConfiguration` of `apiserver.config.k8s.io/*` ... */
export function isConfigKind(resource: Resource, group: string, kind: string): boolean {
  return resource.kind === kind && resource.apiVersion.startsWith(`${group}/`);
}

/** Go's strconv.ParseBool. */
export function parseGoBool(text: string): boolean | undefined {
  const trimmed = text.trim();
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(trimmed)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(trimmed)) return false;
  return undefined;
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000,
};

/** Go's time.ParseDuration, in milliseconds: `8760h`, `1h30m`, `2.5h`, `0`. Undefined when invalid. */
export function parseGoDuration(text: string): number | undefined {
  let rest = text.trim();
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  const part = /^(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/;
  while (rest.length > 0) {
    const match = part.exec(rest);
    if (!match) return undefined;
    total += Number(match[1]) * DURATION_UNITS[match[2]];
    rest = rest.slice(match[0].length);
  }
  return sign * total;
}

/**
 * Hosts of a URL list such as `https://127.0.0.1:2379,http://10.0.0.5:2379`, with their scheme. `text`
 * drops any `user:password@` part, so that it can go into a message.
 */
export function parseUrlList(value: string): { scheme: string; host: string; text: string }[] {
  return splitList(value).map((raw) => {
    const text = raw.replace(/^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)[^@/]*@/, '$1');
    const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(\[[^\]]*\]|[^/:]*)/.exec(text);
    return { scheme: match ? match[1].toLowerCase() : '', host: match ? match[2].replace(/^\[|\]$/g, '').toLowerCase() : '', text };
  });
}

/** Loopback names and addresses: 127.0.0.0/8, ::1, localhost. `0.0.0.0` and `::` mean every interface. */
export function isLoopbackHost(host: string): boolean {
  const normalized = host.trim().toLowerCase();
  return normalized === 'localhost' || normalized === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(normalized);
}
