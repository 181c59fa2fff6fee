/** Shared by the document tests: the drafts every round trip covers, and LibreOffice. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftLines } from '../../server/src/core/layout/assemble';
import { parseDraft } from '../../server/src/core';
import { fromSuperscript, toSuperscript } from '../../server/src/core/parse/superscript';

/** Every bundled corpus draft and every fixture of another shape. */
export function roundTripDrafts(): { name: string; text: string }[] {
  const from = (dir: string) =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.unres'))
      .sort()
      .map((n) => ({ name: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }));
  return [...from('corpus'), ...from('test/fixtures'), ...from('test/fixtures/shapes')].filter((d) => !d.name.endsWith('broken.unres'));
}

const CJK = '\\u3000-\\u9fff\\uff00-\\uffef';
const WRAP_SPACE = new RegExp(`(?<=[${CJK}])\\s+(?=[\\x21-\\x7e])|(?<=[\\x21-\\x7e])\\s+(?=[${CJK}])|(?<=[⁰¹²³⁴⁵⁶⁷⁸⁹])\\s+`, 'g');

/**
 * A draft's lines as a PDF's text layer can give them back: without a space between a Chinese
 * character and a digit or Latin letter (where a line wraps the PDF draws no glyph for it) and a
 * space right after a footnote marker.
 */
export const comparable = (text: string): string[] => draftLines(text).map((l) => l.replace(WRAP_SPACE, ''));
/** The drafts of every organ and kind (`test/fixtures/organs/`): the Word round trips cover them too. */
export function organDrafts(): { name: string; text: string }[] {
  const dir = 'test/fixtures/organs';
  return readdirSync(dir)
    .filter((n) => n.endsWith('.unres'))
    .sort()
    .map((n) => ({ name: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }));
}

/**
 * A draft as a reader gives it back from a file with real footnotes: plain-digit markers and
 * footnote numbers of older Security Council texts (`…通过。 1`, `1 二理事国未参加表决。`) written as
 * superscripts (`…通过。¹`, `¹ 二理事国未参加表决。`) after a `---` line, as ingest writes every
 * footnote. The parser says which digits are markers; a draft without them is returned as it is.
 */
export function withSuperscriptMarkers(text: string): string {
  const doc = parseDraft(text);
  const edits: { start: number; end: number; text: string }[] = [];
  for (const m of doc.markers) {
    if (!/^\d+$/.test(text.slice(m.span.start, m.span.end))) continue;
    let start = m.span.start;
    while (start > 0 && /[ \t\u3000]/.test(text[start - 1])) start--;
    edits.push({ start, end: m.span.end, text: toSuperscript(m.number) });
  }
  const plain = doc.footnotes.filter((f) => /^\d+$/.test(text.slice(f.numberSpan.start, f.numberSpan.end)));
  if (plain.length > 0 && !doc.footnoteSeparator) {
    const first = doc.lines.lineStarts[doc.footnotes[0].line];
    edits.push({ start: first, end: first, text: '---\n' });
  }
  for (const f of plain) edits.push({ start: f.numberSpan.start, end: f.numberSpan.end, text: toSuperscript(f.number) });
  let out = text;
  for (const e of edits.sort((a, b) => b.start - a.start || b.end - a.end)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Whether LibreOffice (soffice) is installed; `.ci/run` installs it. */
export function hasLibreOffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Why a test needing LibreOffice skips locally (under CI it must run). */
export function libreOfficeSkip(): string | false {
  if (hasLibreOffice()) return false;
  if (process.env.CI) throw new Error('LibreOffice is missing under CI: .ci/run installs libreoffice-writer-nogui');
  return 'LibreOffice is not installed (apt-get install libreoffice-writer-nogui fonts-noto-cjk poppler-utils)';
}

/** Converts files with LibreOffice headless, in one run with its own profile; returns the folder of the results. */
export function convertWithLibreOffice(files: string[], to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rd-lo-'));
  const result = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, ...files], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dir },
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr || result.error}`);
  return dir;
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A draft as a flat OpenDocument text (.fodt) laid out as LibreOffice does by default, for
 * LibreOffice to print: A4 with 2 cm margins, the page number centred in the footer (body size),
 * real footnotes in LibreOffice's own footnote area (its "Footnote" style, 10 pt, the number not
 * raised, under the default separator line), the markers raised as LibreOffice raises them (a
 * number cited again raised as text, since LibreOffice numbers its notes itself).
 * Paragraphs have a two-character first-line indent; `**…**` becomes bold.
 */
export function fodtOfDraft(draft: string): string {
  const lines = draftLines(draft);
  const sep = lines.indexOf('---');
  const body = sep < 0 ? lines : lines.slice(0, sep);
  const notes = new Map<number, string>();
  for (const l of sep < 0 ? [] : lines.slice(sep + 1)) {
    const m = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.*)$/.exec(l);
    if (m) notes.set(fromSuperscript(m[1]), m[2]);
  }
  // The heading block (up to the title) stands flush left; the rest is indented.
  const organ = body.findIndex((l) => /^\S{2,12}，$/.test(l));
  let id = 0;
  const cited = new Set<number>();
  const inline = (text: string) =>
    text
      .split(/(\*\*[^*]+\*\*|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)/)
      .map((part) => {
        if (part.startsWith('**')) return `<text:span text:style-name="Bold">${escapeXml(part.slice(2, -2))}</text:span>`;
        if (!/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(part)) return escapeXml(part);
        const n = fromSuperscript(part);
        // A number used again (older practice) is a raised number, as the Word export writes it.
        if (cited.has(n)) return `<text:span text:style-name="Raised">${n}</text:span>`;
        cited.add(n);
        return `<text:note text:id="ftn${++id}" text:note-class="footnote"><text:note-citation>${n}</text:note-citation><text:note-body><text:p text:style-name="Footnote">${escapeXml(notes.get(n) ?? '')}</text:p></text:note-body></text:note>`;
      })
      .join('');
  const paragraphs = body.map((l, i) => `<text:p text:style-name="${i < organ ? 'Head' : 'Body'}">${inline(l)}</text:p>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
<style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/>
<style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" style:font-name-asian="Noto Serif CJK SC" style:font-size-asian="12pt" fo:language="en" fo:country="US" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Head" style:family="paragraph" style:parent-style-name="Standard"/>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="24pt" fo:margin-top="0pt" fo:margin-bottom="12pt"/></style:style>
<style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Raised" style:family="text"><style:text-properties style:text-position="super 58%"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="PageNumber" style:family="paragraph" style:parent-style-name="Footer"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21.001cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"><style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.101cm" style:distance-after-sep="0.101cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/></style:page-layout-properties><style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.499cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"><style:footer><text:p text:style-name="PageNumber"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${paragraphs.join('\n')}
</office:text></office:body>
</office:document>
`;
}
