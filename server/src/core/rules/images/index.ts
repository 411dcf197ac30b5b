/**
 * The Images section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';
import dockerfileBaseImageNotMinimal from './dockerfile-base-image-not-minimal';
import dockerfileImageWithoutDigest from './dockerfile-image-without-digest';
import dockerfileRunsAsRoot from './dockerfile-runs-as-root';
import imageLatestTag from './image-latest-tag';
import imagePullPolicyMutableTag from './image-pull-policy-mutable-tag';
import imageWithoutDigest from './image-without-digest';
import runAsRootUser from './run-as-root-user';

export const IMAGES_RULES: readonly Rule[] = [
  dockerfileBaseImageNotMinimal,
  dockerfileImageWithoutDigest,
  dockerfileRunsAsRoot,
  imageLatestTag,
  imagePullPolicyMutableTag,
  imageWithoutDigest,
  runAsRootUser,
];
