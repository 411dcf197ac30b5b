/**
 * Container image references (`nginx`, `nginx:1.27`, `ghcr.io/org/app:v2@sha256:…`,
 * `localhost:5000/team/app`) split into registry, repository, tag and digest, with the defaults a
 * container runtime applies: no registry means docker.io, a one-part Docker Hub name lives under
 * `library/`. The first path part is a registry only when it looks like a host (a dot, a port, or
 * `localhost`), so `myorg/app:1.0` is a Docker Hub repository and the colon after a port is never a
 * tag. Text that is not a reference (environment substitutions such as `${IMAGE}` or `$(IMAGE)`,
 * placeholders, upper-case repositories, digests without `algorithm:`) reads as undefined; a
 * digest of the right shape but the wrong length or case parses, and is not `pinned`.
 */

export interface ImageReference {
  /** Registry host, with port if any; `docker.io` when the reference names none. */
  readonly registry: string;
  /** Repository path inside the registry, `library/` added for one-part Docker Hub names. */
  readonly repository: string;
  /** The tag as written, or undefined when there is none. */
  readonly tag?: string;
  /** `algorithm:hex` as written, or undefined when there is none. */
  readonly digest?: string;
  /**
   * True when the digest is well formed for a content-addressing algorithm (sha256 with 64 or
   * sha512 with 128 lower-case hex digits): the reference then names one image, whatever the tag.
   */
  readonly pinned: boolean;
}

const DEFAULT_REGISTRY = 'docker.io';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::\d+)?$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]+\](?::\d+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
const PINNED_DIGEST = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/** Substitutions and placeholders that a tool fills in before the manifest reaches a cluster. */
export function isSubstitutedImage(text: string): boolean {
  return /\$\{|\$\(|\$[A-Za-z_]|\{\{|<[^>]*>/.test(text);
}

export function parseImageReference(value: unknown): ImageReference | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || text.length > 1024 || isSubstitutedImage(text)) return undefined;
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const parts = rest.split('/');
  let registry = DEFAULT_REGISTRY;
  const first = parts[0];
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase())) {
    if (!HOST.test(first) && !IPV6_HOST.test(first)) return undefined;
    registry = first;
    parts.shift();
  }
  if (parts.length === 0 || !parts.every((part) => PATH_COMPONENT.test(part))) return undefined;
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') registry = DEFAULT_REGISTRY;
  const repository = registry === DEFAULT_REGISTRY && parts.length === 1 ? `library/${parts[0]}` : parts.join('/');
  return { registry, repository, tag, digest, pinned: digest !== undefined && PINNED_DIGEST.test(digest) };
}

/**
 * Whether the reference names a tag that can move to other content at any time: `latest`, or no
 * tag at all (which the runtime reads as `latest`), and no digest to pin it.
 */
export function hasMutableDefaultTag(reference: ImageReference): boolean {
  return reference.digest === undefined && (reference.tag === undefined || reference.tag === 'latest');
}
