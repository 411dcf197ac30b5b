/**
 * Hardening edits offered where the cursor is, without a finding: settings that make a workload
 * safer but that no checklist item requires, so no rule reports their absence (a read-only root
 * filesystem breaks images that write outside their volumes, and flagging every container would be
 * noise). Today: `readOnlyRootFilesystem: true` for the container under the cursor.
 */
import { containersOf, podTemplateOf } from '../model/pod-spec';
import { extractResources } from '../model/resource';
import type { PropertyPath } from '../model/values';
import type { SourceFile } from '../parse/source-file';
import { keyAtOffset } from '../engine/path-at';
import type { DocumentFix } from './apply-fixes';

export function hardeningFixesAt(source: SourceFile, offset: number): DocumentFix[] {
  const at = keyAtOffset(source.documents, offset);
  if (!at) return [];
  const resource = extractResources(source).resources.find(
    (candidate) => candidate.documentIndex === at.documentIndex && startsWith(at.path, candidate.basePath),
  );
  const template = resource && podTemplateOf(resource);
  if (!resource || !template) return [];
  const fixes: DocumentFix[] = [];
  for (const view of containersOf(template)) {
    const containerPath = [...resource.basePath, ...view.path];
    if (!startsWith(at.path, containerPath)) continue;
    if (view.container.securityContext?.readOnlyRootFilesystem === true) continue;
    fixes.push({
      documentIndex: resource.documentIndex,
      fix: {
        tier: 'suggestion',
        title: { id: 'readOnlyRoot', data: { container: view.name } },
        ops: [{ op: 'set', path: [...containerPath, 'securityContext', 'readOnlyRootFilesystem'], value: true }],
      },
    });
  }
  return fixes;
}

function startsWith(path: PropertyPath, prefix: PropertyPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => path[index] === segment);
}
