/**
 * Full operating-system and SDK base images that have a minimal counterpart, for
 * dockerfile-base-image-not-minimal: which Docker Hub official (or vendor) repositories ship a
 * whole distribution or a build toolchain by default, which tag words mark their small variants
 * (`-slim`, `-alpine`, `-jre`, `chiseled` ...), and what to use instead. A repository not listed
 * is not judged: we only say "full image" where we know a minimal one exists.
 */
import type { ImageReference } from '../../model/image-reference';

interface BaseImageRow {
  /** registry/repository as model/image-reference.ts normalizes it. */
  readonly image: string;
  /** Tags containing one of these words are already a minimal variant. */
  readonly minimalTags: RegExp;
  /** What to use instead; `{{tag}}` stands for the version of the tag. */
  readonly alternative: string;
}

const SMALL = /slim|alpine|distroless|minimal|micro|chiseled|busybox/i;

const BASE_IMAGES: readonly BaseImageRow[] = [
  { image: 'docker.io/library/ubuntu', minimalTags: /$^/, alternative: 'gcr.io/distroless/base-debian12 (or a chiseled Ubuntu image)' },
  { image: 'docker.io/library/debian', minimalTags: SMALL, alternative: 'debian:{{tag}}-slim or gcr.io/distroless/base-debian12' },
  { image: 'docker.io/library/centos', minimalTags: /$^/, alternative: 'registry.access.redhat.com/ubi9/ubi-micro' },
  { image: 'docker.io/library/fedora', minimalTags: SMALL, alternative: 'registry.fedoraproject.org/fedora-minimal' },
  { image: 'docker.io/library/rockylinux', minimalTags: SMALL, alternative: 'rockylinux:{{tag}}-minimal or registry.access.redhat.com/ubi9/ubi-micro' },
  { image: 'docker.io/library/amazonlinux', minimalTags: SMALL, alternative: 'a distroless or alpine image' },
  { image: 'docker.io/library/node', minimalTags: SMALL, alternative: 'node:{{tag}}-slim, node:{{tag}}-alpine or gcr.io/distroless/nodejs22-debian12' },
  { image: 'docker.io/library/python', minimalTags: SMALL, alternative: 'python:{{tag}}-slim, python:{{tag}}-alpine or gcr.io/distroless/python3-debian12' },
  { image: 'docker.io/library/ruby', minimalTags: SMALL, alternative: 'ruby:{{tag}}-slim or ruby:{{tag}}-alpine' },
  { image: 'docker.io/library/golang', minimalTags: /$^/, alternative: 'gcr.io/distroless/static-debian12 or scratch (a Go binary needs no toolchain to run)' },
  { image: 'docker.io/library/rust', minimalTags: /$^/, alternative: 'gcr.io/distroless/cc-debian12 or scratch (copy the binary from a build stage)' },
  { image: 'docker.io/library/maven', minimalTags: /$^/, alternative: 'eclipse-temurin:<version>-jre or gcr.io/distroless/java21-debian12' },
  { image: 'docker.io/library/gradle', minimalTags: /$^/, alternative: 'eclipse-temurin:<version>-jre or gcr.io/distroless/java21-debian12' },
  { image: 'docker.io/library/openjdk', minimalTags: /slim|alpine|jre/i, alternative: 'eclipse-temurin:<version>-jre or gcr.io/distroless/java21-debian12' },
  { image: 'docker.io/library/eclipse-temurin', minimalTags: /jre|alpine/i, alternative: 'eclipse-temurin:<version>-jre or gcr.io/distroless/java21-debian12' },
  { image: 'mcr.microsoft.com/dotnet/sdk', minimalTags: /$^/, alternative: 'mcr.microsoft.com/dotnet/runtime (or aspnet), -chiseled variants' },
];

/** The minimal alternative of a full base image; undefined when it is minimal or not one we know. */
export function minimalAlternative(reference: ImageReference): string | undefined {
  const row = BASE_IMAGES.find(({ image }) => image === `${reference.registry}/${reference.repository}`);
  if (!row || (reference.tag !== undefined && row.minimalTags.test(reference.tag))) return undefined;
  const version = reference.tag && reference.tag !== 'latest' ? reference.tag.split('-')[0] : '<version>';
  return row.alternative.replaceAll('{{tag}}', version);
}
