/**
 * The names of the evidence sources (core/model/evidence-source.ts) as the scorecard formats show
 * them, in English and Simplified Chinese: one line per judged item saying where its pass or fail
 * came from. Pure presentation; the Markdown, text and JSON formats and the editor's audit view
 * share it so that every face says the same.
 */
import { EvidenceSource, Locale, Localized, localize } from '../core';

const NAMES: Readonly<Record<EvidenceSource, Localized>> = {
  manifest: { en: 'Kubernetes manifests', 'zh-cn': 'Kubernetes 清单' },
  'control-plane': { en: 'control-plane files', 'zh-cn': '控制平面文件' },
  dockerfile: { en: 'Dockerfiles', 'zh-cn': 'Dockerfile' },
  pipeline: { en: 'CI pipelines', 'zh-cn': 'CI 流水线' },
  cni: { en: 'the CNI install', 'zh-cn': 'CNI 安装清单' },
  config: { en: 'cluster tool configuration', 'zh-cn': '集群工具配置' },
};

const LINE: Localized = { en: 'Evidence from: {{sources}}', 'zh-cn': '证据来源：{{sources}}' };

/** "Evidence from: the CNI install, Kubernetes manifests", or null when nothing was judged. */
export function evidenceLine(sources: readonly EvidenceSource[], locale: Locale): string | null {
  if (sources.length === 0) return null;
  const names = sources.map((source) => localize(NAMES[source], locale));
  return localize(LINE, locale).replace('{{sources}}', names.join(locale === 'zh-cn' ? '、' : ', '));
}
