/**
 * Which message a credential hit of model/credentials.ts is reported with, for the rules that
 * share the message ids `credential`, `embedded`, `privateKey`, `urlPassword` and `token`, and the
 * data each adds (the field inside an embedded config, the token's format). Never the value.
 */
import type { CredentialHit } from '../../model/credentials';

export type CredentialMessageId = 'credential' | 'embedded' | 'privateKey' | 'urlPassword' | 'token';

export function credentialMessage(hit: CredentialHit): { readonly messageId: CredentialMessageId; readonly data: Record<string, string> } {
  if (hit.kind === 'key' && hit.field !== undefined) return { messageId: 'embedded', data: { field: hit.field } };
  if (hit.kind === 'token') return { messageId: 'token', data: { format: hit.format ?? '' } };
  if (hit.kind === 'private-key') return { messageId: 'privateKey', data: {} };
  if (hit.kind === 'url-password') return { messageId: 'urlPassword', data: {} };
  return { messageId: 'credential', data: {} };
}
