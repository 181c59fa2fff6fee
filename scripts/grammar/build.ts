/**
 * Builds the TextMate grammar of `.unres` drafts. The openers, lead-ins, repeat prefixes and organs
 * come from the language table (server/src/core/lang/zh.ts) and the symbol pattern from the parser,
 * so the colours follow what the parser and the rules use. `npm run grammar` writes syntaxes/unres.tmLanguage.json; a test fails
 * when the file and the table drift apart.
 */
import type { LanguageProfile } from '../../server/src/core/lang/profile';
import { SYMBOL_PATTERN } from '../../server/src/core/parse/inline';

type Rule = Record<string, unknown>;

/** Escapes text for an Oniguruma regular expression. */
function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** An alternation, longest first: Oniguruma takes the first alternative that matches. */
function alternation(words: readonly string[]): string {
  return [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b)).map(escape).join('|');
}

const SUPERSCRIPT = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';
const DATE = String.raw`\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日`;
const RESOLUTION_NUMBER = String.raw`(?:[SE]S?-\d{1,2}/\d{1,4}|\d{1,4}/\d{1,4}(?:\s?[A-Z](?![A-Za-z]))?|\d{1,5}\s?[(（]\d{4}[)）]|\d{1,4}\s?[(（][IVXLC]+[)）])`;
// The parser's own symbol pattern (Oniguruma reads it as JavaScript does). Symbols sit directly
// against Chinese text, so it uses no \b: only a letter, digit or symbol character before the
// series stops a match. It is loose on purpose (a/res/72/50, A／76／444) so that faulty symbols are
// still coloured as symbols while the validator marks them.
const SYMBOL = SYMBOL_PATTERN.source;

export function buildGrammar(profile: LanguageProfile): Rule {
  const repeat = `(?:${alternation(profile.repeatPrefixes)})?`;
  // As in the parser: a preambular paragraph may open with any opener of the table (鼓励 in 76/54).
  const preambular = `${repeat}(?:${alternation([...profile.preambularOpeners, ...profile.operativeOpeners])})`;
  // Likewise an operative paragraph may open with a preambular opener (承诺, 铭记 in WP.77).
  const operative = `${repeat}(?:${alternation([...profile.operativeOpeners, ...profile.preambularOpeners])})`;
  // Up to two lead-ins before the opener, as the parser allows: 在这方面，审议大会欢迎.
  const leadIns = `(?:(?:${alternation(profile.openerLeadIns)})[，,]?\\s*){1,2}`;
  const organs = alternation(profile.organs);

  const repository: Record<string, Rule> = {
    comment: { match: '^\\s*%%.*$', name: 'comment.line.percentage.unres' },
    heading: {
      patterns: [
        { match: '^\\s*(?:大\\s*会|安\\s*全\\s*理\\s*事\\s*会|经济及社会理事会|人权理事会)\\s*$', name: 'markup.heading.organ.unres' },
        { match: '^\\s*Distr\\.?\\s*:.*$', name: 'markup.heading.distribution.unres' },
        { match: '^\\s*\\d{1,2}\\s+[A-Z][a-z]+\\s+\\d{4}\\s*$', name: 'markup.heading.date.unres' },
        { match: '^\\s*第[零〇一二三四五六七八九十百]+届.*会议\\s*$', name: 'markup.heading.session.unres' },
        {
          match: '^\\s*(议程项目)\\s*(.*?)\\s*$',
          name: 'markup.heading.agenda-item.unres',
          captures: { 1: { name: 'keyword.other.agenda-item.unres' }, 2: { name: 'constant.numeric.agenda-item.unres' } },
        },
        {
          match: `^\\s*(${DATE})\\s*((?:大会|安全理事会|理事会)?决议)\\s*$`,
          name: 'markup.heading.adoption.unres',
          captures: { 1: { name: 'constant.other.date.unres' }, 2: { name: 'keyword.other.adoption.unres' } },
        },
        {
          begin: '^\\s*([\\[［])(?=.*[\\]］]\\s*$)',
          end: '([\\]］])\\s*$',
          name: 'markup.quote.report.unres',
          beginCaptures: { 1: { name: 'punctuation.definition.report.begin.unres' } },
          endCaptures: { 1: { name: 'punctuation.definition.report.end.unres' } },
          patterns: [{ include: '#inline' }],
        },
        { match: '^\\s*\\d{2}-\\d{5}(?:\\s*\\(C\\))?\\s*$', name: 'markup.heading.job-number.unres' },
        { match: `^\\s*(${SYMBOL})\\s*$`, name: 'markup.heading.symbol.unres', captures: { 1: { name: 'entity.name.type.symbol.unres' } } },
      ],
    },
    title: {
      match: '^\\s*((?:\\d{1,4}|[Xx_＿?？…]+)/(?:\\d{1,4}(?:\\s?[A-Z](?![A-Za-z]))?|[Xx_＿?？…]+))\\s*([.．])\\s*(\\S.*?)\\s*$',
      name: 'meta.title.unres',
      captures: {
        1: { name: 'constant.numeric.title-number.unres' },
        2: { name: 'punctuation.separator.title.unres' },
        3: { name: 'entity.name.section.title.unres' },
      },
    },
    organ: {
      match: `^\\s*(${organs})([，,])\\s*$`,
      name: 'meta.organ.unres',
      captures: { 1: { name: 'keyword.control.organ.unres' }, 2: { name: 'punctuation.separator.organ.unres' } },
    },
    closing: {
      patterns: [
        { match: `^\\s*(${DATE})\\s*$`, name: 'markup.italic.closing.date.unres', captures: { 1: { name: 'constant.other.date.unres' } } },
        {
          match: '^\\s*第\\s*(\\d{1,4})\\s*次(?:全体)?会议\\s*$',
          name: 'markup.italic.closing.meeting.unres',
          captures: { 1: { name: 'constant.numeric.meeting.unres' } },
        },
      ],
    },
    section: {
      match: '^\\s*([一二三四五六七八九十]{1,3}[.．、])\\s*(\\S.{0,58}?)(?<![，；。,;])\\s*$',
      name: 'markup.heading.section.unres',
      captures: { 1: { name: 'constant.numeric.section.unres' } },
    },
    'operative-paragraph': {
      begin: '^\\s*(\\d{1,6})([.．])(?!\\d)\\s*',
      end: '$',
      name: 'meta.paragraph.operative.unres',
      beginCaptures: { 1: { name: 'constant.numeric.paragraph.unres' }, 2: { name: 'punctuation.separator.paragraph.unres' } },
      patterns: [
        {
          // The verb right after the number, or after lead-ins such as 在这方面，审议大会.
          match: `\\G\\s*(${leadIns})?(${operative})`,
          captures: { 1: { name: 'keyword.other.lead-in.unres' }, 2: { name: 'keyword.other.operative-verb.unres' } },
        },
        { include: '#emphasis-with-verb' },
        { include: '#inline' },
      ],
    },
    subparagraph: {
      begin: '^\\s*([(（](?:[a-z]{1,4}|[一二三四五六七八九十]{1,3})[)）]|[㈠-㈩])\\s*',
      end: '$',
      name: 'meta.paragraph.subparagraph.unres',
      beginCaptures: { 1: { name: 'constant.numeric.subparagraph.unres' } },
      patterns: [{ include: '#emphasis-with-verb' }, { include: '#inline' }],
    },
    'preambular-paragraph': {
      begin: `^\\s*(${leadIns})?(${preambular})`,
      end: '$',
      name: 'meta.paragraph.preambular.unres',
      beginCaptures: { 1: { name: 'keyword.other.lead-in.unres' }, 2: { name: 'entity.name.function.preambular-opener.unres' } },
      patterns: [{ include: '#inline' }],
    },
    footnotes: {
      // After the separator come the footnotes, to the end of the draft. A numbered paragraph ends
      // the block early: in text taken from a PDF the footnotes of a page stand mid-text.
      begin: '^\\s*(?:-{3,}|_{3,}|—{2,}|－{3,}|＿{3,})\\s*$',
      end: '^(?=\\s*(?:\\d{1,6}[.．](?!\\d)|[(（][a-z]{1,4}[)）]|[㈠-㈩]))',
      name: 'meta.footnotes.unres',
      beginCaptures: { 0: { name: 'keyword.operator.separator.unres' } },
      patterns: [
        { include: '#comment' },
        {
          begin: `^\\s*(${SUPERSCRIPT}+)\\s*`,
          end: '$',
          name: 'meta.footnote.unres',
          contentName: 'markup.other.footnote-text.unres',
          beginCaptures: { 1: { name: 'support.type.footnote-number.unres' } },
          patterns: [{ include: '#inline' }],
        },
        { include: '#inline' },
      ],
    },
    'emphasis-with-verb': {
      // An operative verb in bold, also after an introductory clause: 为促进……，**又鼓励：**
      begin: '\\*\\*',
      end: '\\*\\*|$',
      name: 'markup.bold.unres',
      beginCaptures: { 0: { name: 'punctuation.definition.bold.unres' } },
      endCaptures: { 0: { name: 'punctuation.definition.bold.unres' } },
      patterns: [{ match: operative, name: 'keyword.other.operative-verb.unres' }, { include: '#inline' }],
    },
    emphasis: {
      begin: '\\*\\*',
      end: '\\*\\*|$',
      name: 'markup.bold.unres',
      beginCaptures: { 0: { name: 'punctuation.definition.bold.unres' } },
      endCaptures: { 0: { name: 'punctuation.definition.bold.unres' } },
      patterns: [{ include: '#inline' }],
    },
    inline: {
      patterns: [
        { include: '#emphasis' },
        { match: `${SUPERSCRIPT}+`, name: 'support.type.footnote-marker.unres' },
        {
          begin: '《',
          end: '》|$',
          name: 'string.quoted.other.title.unres',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.unres' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.unres' } },
          patterns: [{ include: '#inline' }],
        },
        {
          begin: '“',
          end: '”|$',
          name: 'string.quoted.double.unres',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.unres' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.unres' } },
          patterns: [{ include: '#inline' }],
        },
        {
          match: '(?:上文|下文|本决议)\\s*第\\s*(\\d{1,3})\\s*段',
          name: 'variable.other.cross-reference.unres',
          captures: { 1: { name: 'constant.numeric.cross-reference.unres' } },
        },
        {
          // 2017 年 12 月 4 日第 72/50 号决议, 第 49/75 H 号, 第1540(2004)号决议
          match: `(?:(${DATE})\\s*)?第\\s*(${RESOLUTION_NUMBER})\\s*(号(?:决议|决定)?)`,
          name: 'meta.citation.unres',
          captures: { 1: { name: 'constant.other.date.unres' }, 2: { name: 'entity.name.type.citation.unres' }, 3: { name: 'keyword.other.citation.unres' } },
        },
        {
          // S-10/2 号决议, and the earlier numbers of a list that shares one 号: 第 49/75 H 号、第 58/59 号决议
          match: `(?:(${DATE})\\s*)?(?:第\\s*)?(?<![A-Za-z0-9/.\\-])(${RESOLUTION_NUMBER})(?=\\s*(?:号(?:决议|决定)|、|和|及))`,
          name: 'meta.citation.unres',
          captures: { 1: { name: 'constant.other.date.unres' }, 2: { name: 'entity.name.type.citation.unres' } },
        },
        { match: DATE, name: 'constant.other.date.unres' },
        { match: SYMBOL, name: 'entity.name.type.symbol.unres' },
      ],
    },
  };

  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'UN Resolution (Chinese)',
    scopeName: 'source.unres',
    comment: 'Generated by scripts/generate-grammar.ts from server/src/core/lang/zh.ts. Do not edit by hand: run `npm run grammar`.',
    patterns: [
      { include: '#comment' },
      { include: '#footnotes' },
      { include: '#title' },
      { include: '#organ' },
      { include: '#heading' },
      { include: '#closing' },
      { include: '#operative-paragraph' },
      { include: '#subparagraph' },
      { include: '#section' },
      { include: '#preambular-paragraph' },
      { include: '#inline' },
    ],
    repository,
  };
}

/** The grammar file's text: two-space JSON with a final newline. */
export function grammarText(profile: LanguageProfile): string {
  return JSON.stringify(buildGrammar(profile), null, 2) + '\n';
}
