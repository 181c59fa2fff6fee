/**
 * Drafts of any length for the benchmark (and the tests of the adversarial shapes): one long
 * resolution made of the bundled corpus's own paragraphs, and the shapes a damaged or hostile
 * file may have (deeply nested brackets, thousands of footnote markers, one huge paragraph,
 * very many cross-references).
 */
import type { ResolutionDocument } from '../core';
import { toSuperscript } from '../core/parse/superscript';

/** What the big draft is made of: the parsed corpus resolutions (numbered texts are left out). */
export interface DraftSource {
  model: ResolutionDocument;
}

const CROSS_REFERENCE = /(上文|下文|本决议)(\s*第\s*)(\d{1,3})(\s*段)/g;

/**
 * One resolution of about `bytes` UTF-8 bytes: the preambular paragraphs of the corpus
 * resolutions one after another as its preamble, their operative paragraphs (with their
 * subparagraphs) numbered on as its operative part, each copy's footnotes numbered on after
 * `---`. A footnote reused within a published text is reused within its copy, as there; a
 * cross-reference (上文第 N 段) points at the same paragraph of its copy. Dated 2018, so that
 * reuse is allowed (as in 73/62) and the rule that checks a reuse's source reads every one.
 */
export function longResolution(sources: readonly DraftSource[], bytes: number): string {
  const resolutions = sources.filter((s) => s.model.shape === 'resolution' && s.model.operative.some((p) => p.label));
  if (resolutions.length === 0) throw new Error('no corpus resolution to build a long draft from');
  const preamble: string[] = [];
  const operative: string[] = [];
  const footnotes: string[] = [];
  let size = 0;
  let paragraphNumber = 0;
  let nextFootnote = 0;
  const add = (list: string[], line: string) => {
    list.push(line);
    size += Buffer.byteLength(line) + 2;
  };
  while (size < bytes) {
    for (const { model } of resolutions) {
      if (size >= bytes) break;
      const text = model.text;
      // This copy's footnote numbers: the same number again where the text reuses it.
      const renumbered = new Map<number, number>();
      const numberOf = (n: number) => {
        let m = renumbered.get(n);
        if (m === undefined) {
          m = ++nextFootnote;
          renumbered.set(n, m);
        }
        return m;
      };
      const lineOf = (start: number, end: number) => {
        let out = '';
        let at = start;
        for (const marker of model.markers) {
          if (marker.span.start < start || marker.span.end > end) continue;
          out += text.slice(at, marker.span.start) + toSuperscript(numberOf(marker.number));
          at = marker.span.end;
        }
        return out + text.slice(at, end);
      };
      for (const p of model.preamble) add(preamble, lineOf(p.span.start, p.span.end).replace(/[，。；：]$/, '，'));
      const base = paragraphNumber;
      const numbered = model.operative.filter((p) => p.label);
      for (const p of numbered) {
        const body = lineOf(p.body.start, p.body.end).replace(/。$/, '；').replace(CROSS_REFERENCE, (_, dir: string, di: string, n: string, duan: string) => `${dir}${di}${Number(n) + base}${duan}`);
        add(operative, `${++paragraphNumber}. ${body}`);
        const children = (q: typeof p): void => {
          for (const c of q.children) {
            add(operative, lineOf(c.span.start, c.span.end));
            children(c);
          }
        };
        children(p);
      }
      for (const f of model.footnotes) {
        const n = renumbered.get(f.number);
        if (n !== undefined) add(footnotes, `${toSuperscript(n)} ${text.slice(f.textSpan.start, f.textSpan.end)}`);
      }
    }
  }
  // The last operative paragraph closes the text.
  let last = operative.length - 1;
  while (last > 0 && !/^\d+\. /.test(operative[last])) last--;
  operative[last] = operative[last].replace(/[；：]$/, '。');
  footnotes.sort((a, b) => fromLeading(a) - fromLeading(b));
  return [
    '大 会',
    '第七十三届会议',
    '',
    '73/__. 长篇决议草案',
    '',
    '大会，',
    '',
    ...preamble.flatMap((p) => [p, '']),
    ...operative.flatMap((p) => [p, '']),
    '2018 年 12 月 5 日',
    '第 45 次全体会议',
    '',
    '---',
    ...footnotes,
    '',
  ].join('\n');
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function fromLeading(line: string): number {
  let n = 0;
  for (const ch of line) {
    const d = SUPERSCRIPT.indexOf(ch);
    if (d < 0) break;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A short resolution around `body` lines (between the organ line and the closing), with
 * `footnotes` after `---`; the last operative paragraph ends with 。.
 */
function around(body: string[], footnotes: string[] = []): string {
  let last = body.length - 1;
  while (last > 0 && body[last] === '') last--;
  body[last] = body[last].replace(/；$/, '。');
  return ['第七十九届会议', '', '79/__. 草案', '', '大会，', '', ...body, '', '2024 年 12 月 2 日', '第 50 次全体会议', ...(footnotes.length > 0 ? ['', '---', ...footnotes] : []), ''].join('\n');
}

/** The adversarial shapes, each about `bytes` long. */
export const adversarialDrafts: Record<string, (bytes: number) => string> = {
  /** One operative paragraph of brackets opened and never closed, nested (《“(（ …). */
  'nested brackets': (bytes) => around(['重申其 2019 年决议，', `1. 决定${'《“(（'.repeat(Math.ceil(bytes / 7))}。`]),
  /** Paragraphs full of brackets closed in the wrong order (《“》” …) and closers without openers. */
  'crossed brackets': (bytes) => {
    const body = `决定${'《“》”(）'.repeat(100)}${'》'.repeat(200)}；`;
    return around(Array.from({ length: Math.ceil(bytes / Buffer.byteLength(body)) }, (_, i) => `${i + 1}. ${body}`).flatMap((l) => [l, '']));
  },
  /** Thousands of footnote markers, many used again, and their footnotes (some missing, some unused). */
  'many footnote markers': (bytes) => {
    const body: string[] = [];
    const notes: string[] = [];
    let size = 0;
    let n = 0;
    for (let i = 1; size < bytes * 0.7; i++) {
      const markers = Array.from({ length: 20 }, (_, k) => `《条约》${toSuperscript(k % 4 === 0 && n > 10 ? n - 7 : ++n)}`).join('、');
      const line = `${i}. 重申${markers}；`;
      body.push(line, '');
      size += Buffer.byteLength(line) + 2;
    }
    for (let k = 1; k <= n + 50; k++) if (k % 13 !== 0) notes.push(`${toSuperscript(k)} 联合国，《条约汇编》，第 ${k} 卷，第 10485 号。`);
    return around(body, notes);
  },
  /** One paragraph as long as the whole draft, with citations, symbols, dates, titles and markers in it. */
  'one huge paragraph': (bytes) => {
    const clause = '回顾其 2017 年 12 月 4 日第 72/50 号决议和《不扩散核武器条约》¹ 以及 A/76/444 号文件, 并重申上文第 1 段,';
    return around([`1. 决定${clause.repeat(Math.ceil(bytes / Buffer.byteLength(clause)))}。`], ['¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。']);
  },
  /** Very many cross-references (上文/下文第 N 段), right and wrong, over many paragraphs. */
  'many cross-references': (bytes) => {
    const body: string[] = [];
    let size = 0;
    const count = Math.ceil(bytes / 400);
    for (let i = 1; i <= count && size < bytes; i++) {
      const refs = Array.from({ length: 12 }, (_, k) => `${k % 2 === 0 ? '上文' : '下文'}第 ${1 + ((i * 7 + k * 13) % (count + 20))} 段`).join('、');
      const line = `${i}. 回顾${refs}；`;
      body.push(line, '');
      size += Buffer.byteLength(line) + 2;
    }
    return around(body);
  },
};

/**
 * The corpus texts whole, one after another, to about `bytes`: a file of many resolutions
 * (headings, organ lines, closings and footnotes again and again), as a compilation or a badly
 * joined export would be.
 */
export function concatenatedTexts(sources: readonly DraftSource[], bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    for (const { model } of sources) {
      if (size >= bytes) break;
      parts.push(model.text.trimEnd(), '');
      size += Buffer.byteLength(model.text) + 2;
    }
  }
  return parts.join('\n');
}
