// Completion and hovers on real corpus text: the bundled corpus (corpus/*.unres, catalogue.json)
// is the knowledge, and the drafts are built from its lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledCorpusFolder, loadCorpus, type CorpusDraft } from '../../corpus/load';
import type { Continuation, PhraseSource, PhraseSourceParagraph } from '../agreed/types';
import { applyEdits } from '../fixes';
import { parseDraft } from '../parse/parser';
import { resolveSettings } from '../settings';
import { agreedText, completeAt, type AssistItem } from './completion';
import { hoverAt, hoverMarkdown } from './hover';
import { buildKnowledge, symbolFacts } from './knowledge';
import { escapeMarkdown } from './markdown';

const corpus = loadCorpus([bundledCorpusFolder()]);
const knowledge = buildKnowledge(corpus);
const corpusText = (file: string) => readFileSync(join(bundledCorpusFolder(), file), 'utf8');
const lines7654 = corpusText('A-RES-76-54.unres').split('\n');
const line = (file: string, startsWith: string) => {
  const found = corpusText(file).split('\n').find((l) => l.startsWith(startsWith));
  assert.ok(found, `${file} has a line starting ${startsWith}`);
  return found;
};

/**
 * TEST DOUBLE of the phrase index (the real one is built and tested on its own): a linear scan of
 * the corpus paragraphs for the longest ending of the typed text, and what follows it up to the
 * first and the second clause mark.
 */
class LinearScanPhraseSource implements PhraseSource {
  private readonly paragraphs: PhraseSourceParagraph[] = [];
  private readonly plain: string[] = [];
  queries: string[] = [];

  constructor(drafts: CorpusDraft[]) {
    for (const d of drafts) {
      const m = d.model;
      m.paragraphs.forEach((p, i) => {
        const text = m.text.slice(p.body.start, p.span.end);
        this.paragraphs.push({ symbol: d.symbol, where: `${p.part === 'preamble' ? '序言部分' : '执行部分'}第 ${i + 1} 段`, text: m.text.slice(p.span.start, p.span.end), file: d.path, line: p.line });
        this.plain.push(agreedText(text));
      });
    }
  }

  continuations(before: string, limit = 20): Continuation[] {
    this.queries.push(before);
    for (let k = Math.min(before.length, 60); k >= 2; k--) {
      const matched = before.slice(-k);
      const found = new Map<string, Continuation & { paragraphs: Set<number> }>();
      this.plain.forEach((text, index) => {
        for (let at = text.indexOf(matched); at >= 0; at = text.indexOf(matched, at + 1)) {
          const rest = text.slice(at + k);
          let end = 0;
          for (let stretch = 0; stretch < 2 && end < rest.length; stretch++) {
            const mark = rest.slice(end).search(/[，；。：]/);
            end = mark < 0 ? rest.length : end + mark + 1;
            const piece = rest.slice(0, end);
            const key = `${stretch}\u0000${piece}`;
            const c = found.get(key) ?? { matched, text: piece, stretch, occurrences: 0, documents: [], example: this.paragraphs[index], paragraphs: new Set<number>() };
            c.paragraphs.add(index);
            c.occurrences = c.paragraphs.size;
            if (!c.documents.includes(this.paragraphs[index].symbol)) c.documents.push(this.paragraphs[index].symbol);
            found.set(key, c);
          }
        }
      });
      if (found.size > 0) {
        return [...found.values()]
          .sort((a, b) => b.occurrences - a.occurrences)
          .slice(0, limit)
          .map(({ paragraphs: _p, ...c }) => c);
      }
    }
    return [];
  }
}

const phrases = new LinearScanPhraseSource(corpus.drafts);

/** Completions with the cursor at the end of `text`, or right after `cursorAfter`. */
function complete(text: string, cursorAfter?: string, settings = resolveSettings({})) {
  const model = parseDraft(text);
  const offset = cursorAfter === undefined ? text.length : text.indexOf(cursorAfter) + cursorAfter.length;
  return { model, answer: completeAt(model, offset, knowledge, phrases, settings) };
}
const applyItem = (text: string, item: AssistItem) => applyEdits(text, [item.edit, ...(item.additionalEdits ?? [])]);

// A/RES/76/54 from its opening: the organ line and the first preambular paragraph.
const head7654 = ['76/54. 建立无核武器世界的联合行动和面向未来的对话', '', '大会，', '', line('A-RES-76-54.unres', '重申实现无核武器世界'), ''].join('\n');

test('knowledge: preambular openers counted from the corpus resolutions, most used first', () => {
  const ranked = knowledge.preambularOpeners.map((o) => o.preambular);
  assert.deepEqual(ranked, [...ranked].sort((a, b) => b - a));
  // An independent count: preamble lines (between 大会， and the first numbered line) opening with (又|还)重申 but not a longer verb.
  let expected = 0;
  for (const d of corpus.drafts.filter((x) => x.model.shape === 'resolution')) {
    const all = d.text.split('\n');
    const from = all.findIndex((l) => l === '大会，');
    const to = all.findIndex((l) => /^\d+[.．]/.test(l));
    expected += all.slice(from + 1, to).filter((l) => /^(?:又|还)?重申(?!支持|吁请)/.test(l)).length;
  }
  assert.equal(knowledge.openers.get('重申')?.preambular, expected);
  assert.equal(knowledge.preambularOpeners[0].base, '重申');
  // The working paper's sentences are not counted as operative verbs.
  assert.ok(!knowledge.operativeOpeners.some((o) => o.documents.includes('NPT/CONF.2020/WP.77')));
});

test('completion at the start of a preambular paragraph: corpus openers, ranked by use, counts in the detail', () => {
  const { answer } = complete(`76/54. 建立无核武器世界的联合行动和面向未来的对话\n\n大会，\n\n`);
  assert.equal(answer.context, 'opener');
  assert.ok(answer.isIncomplete);
  assert.ok(answer.items.length > 5 && answer.items.length <= 25);
  const top = knowledge.preambularOpeners[0];
  assert.equal(answer.items[0].label, top.base);
  assert.equal(answer.items[0].detail, `preamble · ${top.preambular} uses`);
  // The documents are counted over both parts, and said so, beside both counts.
  assert.match(String(answer.items[0].documentation), new RegExp(`^Opens ${top.preambular} preambular paragraphs and ${top.operative} operative paragraphs? in ${top.documents.length} corpus documents\\.$`));
  // In Chinese, the detail is Chinese too.
  const zhText = `76/54. 建立无核武器世界的联合行动和面向未来的对话\n\n大会，\n\n`;
  const zh = completeAt(parseDraft(zhText), zhText.length, knowledge, undefined, undefined, 'zh');
  assert.equal(zh.items[0].detail, `序言部分 ${top.preambular} 次`);
  // Typing narrows the list; the edit replaces what was typed.
  const { answer: typed } = complete(`大会，\n\n认`);
  assert.ok(typed.items.every((i) => i.label.startsWith('认')), typed.items.map((i) => i.label).join());
  assert.equal(typed.items[0].label, '认识到');
  assert.equal(typed.items[0].edit.span.end - typed.items[0].edit.span.start, 1);
});

test('a repeated opener is offered with 又 first, then 还 after 又', () => {
  const { answer } = complete(head7654);
  assert.equal(answer.items[0].label, '又重申');
  assert.match(answer.items[0].documentation ?? '', /already opens a paragraph above/);
  const withAlso = `${head7654}\n${line('A-RES-76-54.unres', '又重申《不扩散')}\n\n重`;
  const { answer: third } = complete(withAlso);
  assert.equal(third.items[0].label, '还重申');
  assert.equal(third.items[0].edit.newText, '还重申');
  // In the operative part the preamble's 重申 does not count.
  const { answer: operative } = complete(`${head7654}\n1. `);
  assert.ok(operative.items.some((i) => i.label === '重申') && !operative.items.some((i) => i.label === '又重申'));
});

test('completion after `2. `: operative verbs, in bold when the draft writes them so, and 又 for the verb of paragraph 1', () => {
  const op1 = lines7654.find((l) => l.startsWith('1. **重申**'))!;
  const text = `${head7654}\n${op1}\n\n2. `;
  const { answer } = complete(text);
  assert.equal(answer.context, 'opener');
  const labels = answer.items.map((i) => i.label);
  assert.equal(labels[0], '又重申');
  // 重申吁请 is another verb: its 又 form keeps its own (low) rank.
  assert.ok(labels.indexOf('又重申吁请') > labels.indexOf('促请'), labels.join());
  for (const verb of knowledge.operativeOpeners.slice(0, 5).map((o) => o.base)) assert.ok(labels.includes(verb), verb);
  const urge = answer.items.find((i) => i.label === '促请')!;
  assert.equal(urge.edit.newText, '**促请**');
  assert.match(urge.detail ?? '', /^operative part · \d+ uses?$/);
  // `2.` without its space gets one; `2．` (full-width) does not, as the older texts write it.
  const { answer: noSpace } = complete(`${head7654}\n1. 重申所有缔约国致力于实现消除核武器的最终目标；\n\n2.`);
  assert.equal(noSpace.items.find((i) => i.label === '促请')?.edit.newText, ' 促请');
  const { answer: fullWidth } = complete(`大会，\n\n1．重申其第 58/59 号决议；\n\n2．`);
  assert.equal(fullWidth.items.find((i) => i.label === '促请')?.edit.newText, '促请');
  // Subparagraphs take verbs too (`(a) 继续执行……`), but plain: no bold, no 又 for the verb of paragraph 1.
  const { answer: sub } = complete(`${text}**鼓励：**\n\n(a) `);
  assert.equal(sub.context, 'opener');
  assert.equal(sub.items[0].label, knowledge.operativeOpeners[0].base);
  assert.ok(sub.items.every((i) => !i.edit.newText.includes('**') && !/^[又还]/.test(i.label)), sub.items.map((i) => i.edit.newText).join());
});

test('mid-paragraph: continuations of agreed language, shortest stretch first, with the source paragraph', () => {
  const text = `${head7654}\n1. **重申**《不扩散核武器条约》`;
  const { answer } = complete(text);
  assert.equal(answer.context, 'phrase');
  assert.equal(phrases.queries.at(-1), '重申《不扩散核武器条约》', 'the index is asked with the formatting removed');
  const labels = answer.items.map((i) => i.label);
  assert.ok(labels.includes('所有缔约国致力于实现消除核武器的最终目标，'), labels.join(' | '));
  const stretches = answer.items.map((i) => Number(i.sortText.split('-')[0]));
  assert.deepEqual(stretches, [...stretches].sort((a, b) => a - b));
  const item = answer.items.find((i) => i.label === '所有缔约国致力于实现消除核武器的最终目标，')!;
  assert.equal(item.edit.span.start, text.length);
  assert.equal(item.edit.newText, item.label);
  assert.match(item.detail ?? '', /^1 document · A\/RES\/76\/54$/);
  assert.ok(item.documentation?.includes('A\\/RES\\/76\\/54'), item.documentation);
  assert.ok(item.documentation?.includes('所有缔约国致力于实现消除核武器的最终目标，包括为此缓和国际紧张局势'));
  // A bare clause mark is not offered (the corpus has `……重申，`).
  const { answer: opener } = complete(`${head7654}\n重申`);
  assert.ok(phrases.continuations('重申').some((c) => c.text === '，'));
  assert.ok(!opener.items.some((i) => i.label === '，'));
  assert.ok(opener.items.some((i) => i.kind === 'phrase') && opener.items[0].kind === 'opener');
  // Without an index there is nothing to say mid-paragraph (and no failure).
  assert.deepEqual(completeAt(parseDraft(text), text.length, knowledge).items, []);
});

test('inside 《: titles from the corpus, most used first, closed with 》 unless it is there', () => {
  const { answer } = complete(`${head7654}\n又重申《不扩`);
  assert.equal(answer.context, 'title');
  assert.equal(answer.items[0].label, '不扩散核武器条约');
  assert.equal(answer.items[0].edit.newText, '不扩散核武器条约》');
  assert.match(answer.items[0].documentation ?? '', /联合国，《条约汇编》，第 729 卷，第 10485 号。/);
  const closed = `${head7654}\n又重申《不扩》是国际核不扩散制度的基石，`;
  const { answer: inside } = complete(closed, '《不扩');
  assert.equal(inside.items[0].edit.newText, '不扩散核武器条约');
  // A word inside the title finds it too.
  const { answer: word } = complete(`${head7654}\n回顾《全面禁止`);
  assert.ok(word.items.some((i) => i.label === '全面禁止核试验条约'), word.items.map((i) => i.label).join());
});

test('a title spelt with and without spaces around its digits (a PDF artefact) is one item, in the corpus’s usual spelling', () => {
  const { answer } = complete(`${head7654}\n又重申《不扩散核武器条约缔约国`);
  const labels = answer.items.map((i) => i.label);
  const squeezed = labels.map((l) => l.replace(/\s+/g, ''));
  assert.deepEqual(squeezed, [...new Set(squeezed)], labels.join('\n'));
  assert.ok(labels.includes('不扩散核武器条约缔约国 2000 年审议大会，最后文件'), labels.join('\n'));
  // A/RES/62/42 writes it without spaces; the hover there still finds the corpus's facts.
  const text = corpusText('A-RES-62-42.unres');
  const at = text.indexOf('《不扩散核武器条约缔约国2000年审议大会') + 2;
  const hover = hoverAt(parseDraft(text), at, knowledge);
  assert.equal(hover?.kind === 'title' && hover.use?.title, '不扩散核武器条约缔约国 2000 年审议大会，最后文件');
});

test('after 第 and digits: resolutions of the catalogue in their standard form, with the date', () => {
  const text = `${head7654}\n回顾其第 72/`;
  const { answer } = complete(text);
  assert.equal(answer.context, 'resolution');
  const item = answer.items.find((i) => i.label === '第 72/50 号决议');
  assert.ok(item, answer.items.map((i) => i.label).join());
  const after = applyItem(text, item);
  const cited = after.slice(after.indexOf('回顾其'));
  // The citation as the corpus writes it (A/RES/73/62 cites it so), with the space before the date.
  assert.equal(cited, '回顾其 2017 年 12 月 4 日第 72/50 号决议');
  assert.ok(corpusText('A-RES-73-62.unres').includes(cited));
  assert.equal(symbolFacts(knowledge, 'A/RES/72/50')?.dates[0], '2017-12-04');
  // A date typed before 第 is not written twice; 号决议 after the cursor is not doubled.
  const dated = `${head7654}\n回顾其 2017 年 12 月 4 日第72 号决议，`;
  const { answer: d } = complete(dated, '第72');
  const withDate = d.items.find((i) => i.label === '第 72/50 号决议')!;
  assert.equal(applyItem(dated, withDate).split('\n').at(-1), '回顾其 2017 年 12 月 4 日第 72/50 号决议，');
  // `上文第 1` is a paragraph reference being typed, not a resolution.
  assert.notEqual(complete(`${head7654}\n1. 回顾上文第 1`).answer.context, 'resolution');
  // The Security Council's numbering.
  const { answer: sc } = complete(`${head7654}\n回顾安全理事会第 154`);
  assert.equal(sc.items[0].edit.newText, ' 2004 年 4 月 28 日第 1540(2004)号决议');
  // The frame of the draft cites no resolution: the report's paragraph in the heading, the meeting in the closing.
  const heading = corpusText('A-RES-76-54.unres').split('\n').slice(0, 8).join('\n');
  assert.notEqual(complete(heading, '(A/76/444, 第 9').answer.context, 'resolution');
  const closing = `${head7654}\n1. **重申**《不扩散核武器条约》所有缔约国致力于实现消除核武器的最终目标。\n\n2021 年 12 月 6 日\n第 4`;
  assert.notEqual(complete(closing).answer.context, 'resolution');
  // A footnote below the closing still does.
  assert.equal(complete(`${closing}5 次全体会议\n\n---\n¹ 见第 50/`).answer.context, 'resolution');
});

test('after a footnote marker being typed: a new footnote in one edit, reuse only where the policy allows it', () => {
  // A/RES/76/54 (2021): reuse is forbidden by date; the new footnote takes the title's corpus footnote.
  const text = [
    '2021 年 12 月 6 日大会决议', '', '76/54. 建立无核武器世界的联合行动和面向未来的对话', '', '大会，', '',
    line('A-RES-76-54.unres', '又重申《不扩散'), '', '1. **重申**《不扩散核武器条约》¹', '', '---', line('A-RES-76-54.unres', '¹ 联合国'), '',
  ].join('\n');
  const { answer } = complete(text, '1. **重申**《不扩散核武器条约》¹');
  assert.equal(answer.context, 'footnote');
  assert.deepEqual(answer.items.map((i) => i.kind), ['footnote-new']);
  assert.match(answer.items[0].documentation ?? '', /not offered for reuse: footnotes\\.reuse is by\\-date and this draft is dated 6 December 2021/);
  const after = parseDraft(applyItem(text, answer.items[0]));
  assert.deepEqual(after.footnotes.map((f) => f.number), [1, 2]);
  assert.deepEqual(after.markers.map((m) => m.number), [1, 2]);
  const second = after.footnotes[1];
  assert.equal(after.text.slice(second.textSpan.start, second.textSpan.end), '联合国，《条约汇编》，第 729 卷，第 10485 号。');

  // A/RES/73/62 (2018): reuse allowed; the footnote citing the same source comes first.
  const older = text.replace('2021 年 12 月 6 日', '2018 年 12 月 5 日');
  const { answer: reuse } = complete(older, '1. **重申**《不扩散核武器条约》¹');
  assert.deepEqual(reuse.items.map((i) => i.kind), ['footnote-reuse', 'footnote-new']);
  assert.equal(reuse.items[0].edit.newText, '¹');
  // The setting wins over the date.
  const { answer: forbid } = complete(older, '1. **重申**《不扩散核武器条约》¹', resolveSettings({ footnotes: { reuse: 'forbid' } }));
  assert.deepEqual(forbid.items.map((i) => i.kind), ['footnote-new']);

  // `^` asks for a marker; a draft without footnotes gets its --- separator.
  const bare = `${head7654}\n鼓励建立更多的无核武器区，^`;
  const { answer: caret } = complete(bare);
  const made = applyItem(bare, caret.items[0]);
  assert.ok(made.includes('建立更多的无核武器区，¹\n'), made);
  assert.ok(made.endsWith('\n---\n¹ '), JSON.stringify(made.slice(-20)));
  const typedText = parseDraft(`${made}A/RES/76/54。`);
  assert.deepEqual([typedText.markers.length, typedText.footnotes.length], [1, 1]);
  // Drafting at the very end: the footnote line is in the same edit, and the cursor stays after the marker.
  const atEnd = `${head7654}\n${line('A-RES-76-54.unres', '又重申《不扩散').split('¹')[0]}¹`;
  const { answer: end } = complete(atEnd);
  const item = end.items.find((i) => i.kind === 'footnote-new')!;
  assert.equal(item.edit.newText, '¹\n\n---\n¹ 联合国，《条约汇编》，第 729 卷，第 10485 号。');
  assert.equal(item.edit.newText.slice(0, item.cursorAt), '¹');
  // In the middle of a draft the marker is its own edit: no cursor to move.
  assert.equal(answer.items[0].cursorAt, undefined);
  assert.equal(caret.items[0].edit.newText.slice(0, caret.items[0].cursorAt), "¹");
});

test('hover on either part of a joint symbol (A/60/1002-S/2006/718) says what the corpus says about the document', () => {
  const text = corpusText('A-RES-62-42.unres');
  const model = parseDraft(text);
  for (const part of ['A/60/1002', 'S/2006/718']) {
    const hover = hoverAt(model, text.indexOf(part) + 2, knowledge);
    assert.equal(hover?.kind === 'symbol' && hover.symbol, part);
    const md = hoverMarkdown(hover!);
    assert.doesNotMatch(md, /Not in the corpus/, md);
    assert.match(md, /Cited by A\\\/RES\\\/62\\\/42\\, footnote \d+/, md);
    assert.match(hoverMarkdown(hover!, undefined, 'zh'), /引用者：A\\\/RES\\\/62\\\/42，脚注 \d+/);
    assert.ok(md.includes('A\\/60\\/1002\\-S\\/2006\\/718，附件一。'), md);
  }
});

test('completion never throws on odd positions and input', () => {
  const texts = ['', '《', '第1', '¹', '^', '大会，\n\n《《》》第 /', '1. ', '\n\n\n', head7654 + '———'];
  for (const text of texts) {
    for (let offset = 0; offset <= text.length; offset++) {
      const answer = completeAt(parseDraft(text), offset, knowledge, phrases);
      assert.ok(answer.items.length <= 25);
    }
  }
});

test('hover on a symbol: kind, title, date, citing documents, corpus draft and undocs.org', () => {
  const text = `${head7654}\n回顾其 2021 年 12 月 6 日第 76/54 号决议和 A/RES/76/54 以及 A/76/444，`;
  const model = parseDraft(text);
  const links = (path: string, line?: number) => `file://${path}${line ? `#L${line}` : ''}`;
  const own = hoverAt(model, text.indexOf('A/RES/76/54') + 2, knowledge);
  assert.equal(own?.kind, 'symbol');
  const md = hoverMarkdown(own!, links);
  assert.match(md, /^\*\*A\\\/RES\\\/76\\\/54\*\* — resolution/);
  assert.ok(md.includes('建立无核武器世界的联合行动和面向未来的对话'));
  assert.ok(md.includes('Adopted 6 December 2021.'), md);
  assert.ok(hoverMarkdown(own!, links, 'zh').includes('通过日期：2021 年 12 月 6 日。'));
  assert.ok(md.includes(`(file://${join(bundledCorpusFolder(), 'A-RES-76-54.unres')})`), md);
  assert.ok(md.includes('(https://undocs.org/ch/A/RES/76/54)'));
  // The citation names the same document.
  const citation = hoverAt(model, text.indexOf('第 76/54') + 3, knowledge);
  assert.equal(citation?.kind === 'symbol' && citation.symbol, 'A/RES/76/54');
  // The report is cited by 76/54's heading, line 8 of its clean draft.
  const report = hoverMarkdown(hoverAt(model, text.indexOf('A/76/444') + 1, knowledge)!, links);
  assert.match(report, /— report/);
  const reportLine = lines7654.findIndex((l) => l.includes('A/76/444')) + 1;
  assert.ok(report.includes(`[A\\/RES\\/76\\/54\\, line ${reportLine}](file://${join(bundledCorpusFolder(), 'A-RES-76-54.unres')}#L${reportLine})`), report);
});

test('hover on a conference document and a Conference on Disarmament document', () => {
  const text = `${head7654}\n回顾 NPT/CONF.1995/32(Part I) 和 CD/1299 号文件，`;
  const model = parseDraft(text);
  const npt = hoverMarkdown(hoverAt(model, text.indexOf('NPT') + 4, knowledge)!);
  assert.ok(npt.startsWith('**NPT\\/CONF\\.1995\\/32\\(Part I\\)** — conference document'), npt);
  assert.ok(npt.includes('不扩散核武器条约缔约国 1995 年审议和延期大会，最后文件，第一部分'), npt);
  const cd = hoverMarkdown(hoverAt(model, text.indexOf('CD/') + 1, knowledge)!);
  assert.match(cd, /— conference document/);
  assert.ok(cd.includes('Dated 24 March 1995.'), cd);
});

test('hover on a symbol the corpus does not know says so, and still links to undocs.org', () => {
  const text = `${head7654}\n注意到 A/75/1000 号文件，`;
  const md = hoverMarkdown(hoverAt(parseDraft(text), text.indexOf('A/75') + 1, knowledge)!);
  assert.match(md, /Not in the corpus/);
  assert.ok(md.includes('(https://undocs.org/ch/A/75/1000)'));
});

test('hover on a footnote marker, a title and an opener', () => {
  const text = [head7654, line('A-RES-76-54.unres', '又重申《不扩散'), '', '---', line('A-RES-76-54.unres', '¹ 联合国'), ''].join('\n');
  const model = parseDraft(text);
  const marker = hoverMarkdown(hoverAt(model, text.indexOf('》¹') + 1, knowledge)!);
  assert.equal(marker, '**Footnote 1**\n\n联合国，《条约汇编》，第 729 卷，第 10485 号。');
  const title = hoverAt(model, text.indexOf('不扩散核武器条约'), knowledge)!;
  assert.equal(title.kind, 'title');
  assert.match(hoverMarkdown(title), /Its footnote in the corpus:\n\n> 联合国，《条约汇编》，第 729 卷，第 10485 号。/);
  const opener = hoverAt(model, text.indexOf('又重申') + 1, knowledge)!;
  const use = knowledge.openers.get('重申')!;
  assert.equal(
    hoverMarkdown(opener),
    `**又重申**: “重申” used again in this part.\n\n“重申” opens ${use.preambular} preambular paragraphs and ${use.operative} operative paragraphs in the corpus, in ${use.documents.length} documents.`,
  );
  assert.equal(hoverAt(model, text.indexOf('无核武器世界'), knowledge), undefined);
});

test('hover on 上文第 15 段 shows paragraph 15 as written (the endorsed text of NPT/CONF.2020/WP.77); a missing one is said so', () => {
  const text = corpusText('NPT-CONF.2020-WP.77.unres');
  const model = parseDraft(text);
  const at = text.indexOf('根据上文第 15 段') + 5;
  const hover = hoverAt(model, at, knowledge);
  assert.equal(hover?.kind, 'paragraph');
  const md = hoverMarkdown(hover!, undefined, 'zh');
  const endorsed = text.slice(text.indexOf('审议大会核可以下内容'));
  const fifteen = endorsed.split('\n').find((l) => l.startsWith('15. '))!;
  assert.equal(md, `**第 15 段**\n\n${escapeMarkdown(fifteen)}`);
  const missing = `${head7654}\n1. **请**秘书长就上文第 9 段提出报告。`;
  assert.equal(hoverMarkdown(hoverAt(parseDraft(missing), missing.indexOf('第 9') + 1, knowledge)!), '**Paragraph 9** does not exist in this draft.');
});

test('corpus text is escaped: no link, command, HTML or emphasis can come from it', () => {
  // A real footnote with parentheses and slashes, and a hostile one.
  const real = line('A-RES-76-54.unres', '³');
  const hostile = '⁹ 见 [点此](command:workbench.action.quit) <img src=x onerror=alert(1)> **粗体** https://example.org `代码`';
  const text = [head7654, '欢迎各项努力，³ 并注意到各项决定，⁹', '', '---', real, hostile, ''].join('\n');
  const model = parseDraft(text);
  for (const n of ['³', '⁹']) {
    const md = hoverMarkdown(hoverAt(model, text.indexOf(`，${n}`) + 1, knowledge)!);
    const body = md.split('\n\n')[1];
    assert.doesNotMatch(body, /(?<!\\)[[\]()<>*`:]/, body);
    assert.equal(body.replace(/\\(.)/g, '$1'), (n === '³' ? real : hostile).slice(2), 'the text shows as written');
  }
  assert.equal(escapeMarkdown('a\n# b'), 'a \\# b');
});
