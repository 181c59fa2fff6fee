/**
 * The preview's page: the document layout as the printed resolution (heading block, title, organ
 * line, paragraphs with their indents, superscript markers, footnotes at the foot), as HTML.
 * Every piece of draft text is escaped: nothing in a draft can become markup, a link or a script.
 */
import type { DocumentLayout, LayoutBlock, Run } from './layout';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside HTML elements and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function runsHtml(runs: Run[]): string {
  return runs
    .map((r) => {
      if (r.footnote !== undefined) return `<sup class="marker" data-footnote="${r.footnote}">${r.footnote}</sup>`;
      const text = escapeHtml(r.text);
      return r.bold ? `<strong>${text}</strong>` : text;
    })
    .join('');
}

function blockHtml(b: LayoutBlock): string {
  const classes = [b.role, b.headingField ? `field-${b.headingField}` : '', b.level > 0 ? `level-${b.level}` : ''].filter(Boolean).join(' ');
  const label = b.label ? `<span class="label">${escapeHtml(b.label)}</span>` : '';
  return `<p class="${classes}" data-line="${b.line}">${label}${runsHtml(b.runs)}</p>`;
}

/** The body of the preview: the page, its running head and its footnotes. */
export function previewBodyHtml(layout: DocumentLayout): string {
  const head = layout.symbol ? `<div class="running-head">${escapeHtml(layout.symbol)}</div>` : '';
  const blocks = layout.blocks.map(blockHtml).join('\n');
  const footnotes = layout.footnotes.length
    ? `<footer class="footnotes"><hr>${layout.footnotes
        .map((f) => `<p class="footnote" data-line="${f.line}"><sup>${f.number}</sup> ${runsHtml(f.runs)}</p>`)
        .join('\n')}</footer>`
    : '';
  return `<article class="page">${head}<main>${blocks}</main>${footnotes}</article>`;
}

/** The page's style: A4 proportions, SimSun and Times New Roman, the theme's colours around the page. */
export const PREVIEW_CSS = `
body { margin: 0; padding: 16px; background: var(--vscode-editorWidget-background, #e8e8e8); }
.page { max-width: 21cm; margin: 0 auto; padding: 2.5cm 2.5cm 2cm; box-sizing: border-box; min-height: 29.7cm;
  background: var(--vscode-editor-background, #fff); color: var(--vscode-editor-foreground, #000);
  box-shadow: 0 1px 6px rgba(0,0,0,.35); font-family: 'Times New Roman', 'SimSun', '宋体', 'Songti SC', 'Noto Serif CJK SC', 'Noto Serif CJK', serif;
  font-size: 12pt; line-height: 1.6; display: flex; flex-direction: column; }
body.vscode-light .page { background: #fff; color: #000; }
main { flex: 1; }
.running-head { text-align: right; font-size: 10pt; margin-bottom: 1em; }
p { margin: 0 0 .8em; text-align: justify; cursor: pointer; }
p.heading { margin: 0; text-align: left; }
p.field-organ-heading { font-size: 16pt; font-weight: bold; margin-bottom: .5em; letter-spacing: .2em; }
p.field-symbol { text-align: right; }
p.title { font-weight: bold; margin: 1.2em 0; padding-left: 4em; text-indent: -4em; }
p.organ, p.preambular, p.operative { text-indent: 2em; }
p.operative .label { margin-right: .5em; }
p.subparagraph { padding-left: 4em; text-indent: -2em; }
p.subparagraph.level-2 { padding-left: 6em; }
p.subparagraph .label { display: inline-block; min-width: 2em; text-indent: 0; }
p.section { text-align: center; font-weight: bold; margin: 1.2em 0; }
p.closing { text-align: right; margin: 0; }
p.closing + p:not(.closing) { margin-top: .8em; }
sup { font-size: 65%; line-height: 0; }
.footnotes { margin-top: 2em; font-size: 9pt; }
.footnotes hr { width: 30%; margin: 0 0 .5em; border: 0; border-top: 1px solid currentColor; }
.footnotes p { margin: 0 0 .2em; text-align: left; }
.revealed { outline: 1px dashed var(--vscode-focusBorder, #0078d4); outline-offset: 2px; }
`;
