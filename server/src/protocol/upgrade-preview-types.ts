/**
 * The Pod Security upgrade preview request (a contract with the VS Code client and any LSP client):
 * `kubeChecklist/previewPodSecurity` (client → server), params `PreviewPodSecurityParams` (two
 * versions, `latest`, `1.NN` or `v1.NN`), result `PreviewPodSecurityResult`: the same report as
 * `kube-checklist audit --upgrade-from … --upgrade-to … --format markdown`, over every folder of the
 * workspace, at the level of the settings and `.kube-checklist.yaml`. Bad versions fail with
 * InvalidParams (-32602).
 */
export const PREVIEW_POD_SECURITY_METHOD = 'kubeChecklist/previewPodSecurity';

/**
 * The versions the editor offers, newest first: those the server implements exactly (the core's
 * LATEST_MINOR; test/lsp-upgrade-preview.test.ts keeps the two equal).
 */
export const PREVIEW_VERSIONS: readonly string[] = Array.from({ length: 38 }, (_, index) => `v1.${37 - index}`);

export interface PreviewPodSecurityParams {
  /** The version the cluster runs now. */
  readonly from: string;
  /** The version to preview. */
  readonly to: string;
}

export interface PreviewPodSecurityResult {
  /** The report as Markdown, in the server's locale. */
  readonly markdown: string;
  /** Resources that pass at `from` and fail at `to`. */
  readonly startsFailing: number;
  readonly startsPassing: number;
}
