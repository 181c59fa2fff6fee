/**
 * The comparison as a report a delegation can send: a printable HTML page in two columns (last
 * year's text, this year's with the changes marked), every text escaped.
 */
import type { Locale } from '../rules';
import type { ParagraphComparison, ParagraphStatus } from './align';
import { comparisonCounts } from './align';

/** What the report says it compares. */
export interface ReportHeader {
  draftName: string;
  withSymbol: string;
  reason: string;
  /** A recalled resolution the corpus does not have. */
  note?: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const WORDS = {
  en: {
    title: 'Changes from',
    chosen: 'Compared with',
    draft: 'Draft',
    earlier: 'Earlier text',
    status: { unchanged: 'unchanged', changed: 'changed', new: 'new', deleted: 'deleted', moved: 'moved' } as Record<ParagraphStatus, string>,
    line: 'line',
  },
  zh: {
    title: '与以下文件相比的修改：',
    chosen: '比较对象',
    draft: '草案',
    earlier: '原案文',
    status: { unchanged: '未改', changed: '修改', new: '新增', deleted: '删除', moved: '移动' } as Record<ParagraphStatus, string>,
    line: '行',
  },
} as const;

function marked(p: ParagraphComparison, side: 'draft' | 'earlier'): string {
  if (!p.pieces) return escapeHtml((side === 'draft' ? p.text : p.withText) ?? '');
  return p.pieces
    .map((piece) => {
      const text = escapeHtml(piece.text);
      if (piece.kind === 'same') return text;
      if (piece.kind === 'inserted') return side === 'draft' ? `<ins>${text}</ins>` : '';
      return side === 'earlier' ? `<del>${text}</del>` : '';
    })
    .join('');
}

/** The report as one self-contained HTML page. */
export function comparisonHtml(header: ReportHeader, paragraphs: ParagraphComparison[], locale: Locale = 'en'): string {
  const w = WORDS[locale];
  const counts = comparisonCounts(paragraphs);
  const rows = paragraphs
    .map((p) => {
      const left = p.withLine === undefined ? '' : `<div class="where">${escapeHtml(p.withWhere ?? '')} · ${w.line} ${p.withLine + 1}</div>${p.status === 'deleted' ? `<del>${escapeHtml(p.withText ?? '')}</del>` : marked(p, 'earlier')}`;
      const right = p.line === undefined ? '' : `<div class="where">${escapeHtml(p.where ?? '')} · ${w.line} ${p.line + 1}</div>${p.status === 'new' ? `<ins>${escapeHtml(p.text ?? '')}</ins>` : marked(p, 'draft')}`;
      return `<tr class="${p.status}"><td class="status">${w.status[p.status]}</td><td>${left}</td><td>${right}</td></tr>`;
    })
    .join('\n');
  const summary = (Object.keys(counts) as ParagraphStatus[]).map((s) => `${w.status[s]} ${counts[s]}`).join(' · ');
  return `<!DOCTYPE html>
<html lang="${locale === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${w.title} ${header.withSymbol}: ${header.draftName}`)}</title>
<style>
body { font-family: "Noto Serif CJK SC", "Songti SC", SimSun, serif; margin: 2em; color: #000; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td, th { border: 1px solid #999; padding: 0.4em 0.6em; vertical-align: top; line-height: 1.6; }
.status { width: 5em; font-size: 0.85em; }
.where { font-size: 0.8em; color: #555; }
ins { background: #d4f7d4; text-decoration: underline; }
del { background: #f9d6d6; text-decoration: line-through; }
tr.unchanged td { color: #555; }
@media print { body { margin: 0; } tr { page-break-inside: avoid; } ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
</style>
</head>
<body>
<h1>${escapeHtml(`${w.title} ${header.withSymbol}`)}</h1>
<p>${escapeHtml(header.draftName)} · ${w.chosen}: ${escapeHtml(header.withSymbol)} (${escapeHtml(header.reason)})${header.note ? `<br>${escapeHtml(header.note)}` : ''}</p>
<p>${escapeHtml(summary)}</p>
<table>
<thead><tr><th class="status"></th><th>${w.earlier} ${escapeHtml(header.withSymbol)}</th><th>${w.draft}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
