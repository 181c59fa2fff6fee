import type { CatalogueFacts } from '../catalogue';
import type { FootnoteMarker, ResolutionDocument } from '../model';
import { NumberIndex } from './text-parts';
import type { Rule, RuleFinding } from './types';

const messages = {
  en: {
    forbidden: (p) => `Footnote ${p.n} is used again. Current practice (${p.why}) gives a repeated reference a new footnote with the same text.`,
    different: (p) => `Footnote ${p.n} is used again here for 《${p.here}》, but its text (${p.text}) is not the source 《${p.here}》 is cited with elsewhere: a reuse must cite the same source.`,
    firstUse: (p) => `First use of footnote ${p.n}.`,
    whyForbid: () => 'setting footnotes.reuse = forbid',
    whyDate: (p) => `documents dated from 2019 on; this one is ${p.date}`,
    whyUndated: () => 'a draft without a date is taken as dated today',
  },
  zh: {
    forbidden: (p) => `脚注 ${p.n} 被重复使用。按现行做法(${p.why})，再次引用同一出处应另加一条文字相同的新脚注。`,
    different: (p) => `脚注 ${p.n} 在此被重复用于《${p.here}》，但其文字(${p.text})并非《${p.here}》在别处所引的出处：重复使用的脚注必须引用同一出处。`,
    firstUse: (p) => `脚注 ${p.n} 首次使用处。`,
    whyForbid: () => '设置 footnotes.reuse = forbid',
    whyDate: (p) => `2019 年起的文件；本文件日期为 ${p.date}`,
    whyUndated: () => '无日期的草案按今天的日期处理',
  },
} satisfies Rule['messages'];

/** The year from which the Editorial Manual no longer repeats footnote numbers in resolutions. */
export const REUSE_FORBIDDEN_FROM_YEAR = 2019;

/**
 * Whether this document may reuse footnote numbers. `by-date` uses the document's own date
 * (`facts.date`: adoption line or closing date): before 2019 reuse is allowed (older practice,
 * e.g. 73/62 of 2018); from 2019, or with no valid date (a new draft), it is forbidden.
 */
export function reuseAllowed(model: ResolutionDocument, policy: 'allow' | 'forbid' | 'by-date'): boolean {
  if (policy !== 'by-date') return policy === 'allow';
  const date = model.facts.date;
  return !!date && date.valid && date.year < REUSE_FORBIDDEN_FROM_YEAR;
}

/**
 * The 《title》 each offset stands directly after (`《条约》¹`): a marker there cites the title.
 * After punctuation (`《条约》，¹`) it cites the clause, not the title.
 */
function titlesEndingAt(model: ResolutionDocument): (offset: number) => string | undefined {
  const titles = model.titles;
  // The titles in order of their ends, the model's order kept among equal ends (the first one
  // answers, as before). Already so unless a title holds another (《…《…》…》): then sorted once.
  let order: Int32Array | undefined;
  for (let i = 1; i < titles.length; i++) {
    if (titles[i].span.end < titles[i - 1].span.end) {
      order = Int32Array.from(titles.keys()).sort((a, b) => titles[a].span.end - titles[b].span.end || a - b);
      break;
    }
  }
  const endOf = (k: number) => titles[order ? order[k] : k].span.end;
  // The first title (in that order) ending at or after the offset asked last: the markers are
  // asked in text order, so the walk over the titles is one pass; an offset before it searches again.
  let at = 0;
  let last = -1;
  return (offset) => {
    if (offset < last) {
      let lo = 0;
      let hi = titles.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (endOf(mid) < offset) lo = mid + 1;
        else hi = mid;
      }
      at = lo;
    }
    last = offset;
    while (at < titles.length && endOf(at) < offset) at++;
    return at < titles.length && endOf(at) === offset ? titles[order ? order[at] : at].title : undefined;
  };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * Footnote texts (squeezed) the corpus catalogues know for a title, each title looked up once per
 * check. Only the catalogue counts as evidence: a short title such as 《最后文件》 stands for many
 * documents within one draft.
 */
function knownFootnotes(facts: CatalogueFacts | undefined): (title: string) => string[] {
  const known = new Map<string, string[]>();
  return (title) => {
    if (!facts) return [];
    let list = known.get(title);
    if (!list) known.set(title, (list = (facts.titleFootnotes(title) ?? []).map(squeeze)));
    return list;
  };
}

/** A footnote number used again: allowed or forbidden by `footnotes.reuse`; when allowed, it must cite the same source. */
export const footnoteReuse: Rule = {
  id: 'footnote-reuse',
  defaultSeverity: 'warning',
  description: 'A footnote number is used again (setting footnotes.reuse: allow, forbid, by-date).',
  messages,
  check({ model, settings, facts, say }) {
    const footnotesOf = knownFootnotes(facts);
    const policy = settings.footnotes.reuse;
    const allowed = reuseAllowed(model, policy);
    // Where the first marker and the first text of each number stand, by number (a typed array:
    // a Map of a million numbers grew faster than the draft).
    const markers = model.markers;
    const first = NumberIndex.forCount(markers.length);
    const findings: RuleFinding[] = [];
    const titleEndingAt = allowed ? titlesEndingAt(model) : undefined;
    // Made for a finding only (most reuses give none when reuse is allowed), the reason once.
    const related = (earlier: FootnoteMarker, n: number) => [{ span: earlier.span, message: say(messages, 'firstUse', { n }) }];
    let why: string | undefined;
    // The first footnote text with each number.
    const footnotes = model.footnotes;
    const texts = NumberIndex.forCount(footnotes.length);
    for (let i = 0; i < footnotes.length; i++) if (texts.get(footnotes[i].number) < 0) texts.set(footnotes[i].number, i);
    for (let i = 0; i < markers.length; i++) {
      const m = markers[i];
      const at = first.get(m.number);
      if (at < 0) {
        first.set(m.number, i);
        continue;
      }
      const earlier = markers[at];
      if (!titleEndingAt) {
        why ??=
          policy === 'forbid'
            ? say(messages, 'whyForbid')
            : model.facts.date?.valid
              ? say(messages, 'whyDate', { date: model.facts.date.iso })
              : say(messages, 'whyUndated');
        findings.push({ span: m.span, message: say(messages, 'forbidden', { n: m.number, why }), related: related(earlier, m.number), data: { fix: 'renumber-footnotes', separateReuses: true } });
        continue;
      }
      // Reused for another source: the reuse stands right after a title whose footnotes the corpus
      // knows and differs from footnote N. Without such evidence, quiet.
      const here = titleEndingAt(m.span.start);
      const textAt = texts.get(m.number);
      if (!here || textAt < 0) continue;
      const text = footnotes[textAt];
      const known = footnotesOf(here);
      if (known.length > 0 && !known.includes(squeeze(model.text.slice(text.textSpan.start, text.textSpan.end)))) {
        findings.push({ span: m.span, message: say(messages, 'different', { n: m.number, here, text: model.text.slice(text.textSpan.start, text.textSpan.end) }), related: related(earlier, m.number) });
      }
    }
    return findings;
  },
};
