/**
 * The Secrets section's rules, listed explicitly and sorted by id.
 */
import type { Rule } from '../types';
import annotationCredentials from './annotation-credentials';
import apiserverEncryptionProviderConfig from './apiserver-encryption-provider-config';
import apiserverServiceAccountLookup from './apiserver-service-account-lookup';
import commandLineCredentials from './command-line-credentials';
import configmapCredentials from './configmap-credentials';
import dockerfileBuildCredentials from './dockerfile-build-credentials';
import dockerfileCopiesKeyFile from './dockerfile-copies-key-file';
import encryptionConfigSecretsUnencrypted from './encryption-config-secrets-unencrypted';
import encryptionConfigWeakProvider from './encryption-config-weak-provider';
import envLiteralCredentials from './env-literal-credentials';
import projectedTokenLongExpiration from './projected-token-long-expiration';
import secretInEnv from './secret-in-env';
import secretLiteralData from './secret-literal-data';
import secretServiceAccountToken from './secret-service-account-token';
import serviceAccountTokenAutomount from './service-account-token-automount';

export const SECRETS_RULES: readonly Rule[] = [
  annotationCredentials,
  apiserverEncryptionProviderConfig,
  apiserverServiceAccountLookup,
  commandLineCredentials,
  configmapCredentials,
  dockerfileBuildCredentials,
  dockerfileCopiesKeyFile,
  encryptionConfigSecretsUnencrypted,
  encryptionConfigWeakProvider,
  envLiteralCredentials,
  projectedTokenLongExpiration,
  secretInEnv,
  secretLiteralData,
  secretServiceAccountToken,
  serviceAccountTokenAutomount,
];
