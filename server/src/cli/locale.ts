/**
 * The command line's language: Chinese with `--locale zh` (or `--locale=zh`), else when LC_ALL,
 * LC_MESSAGES or LANG names a Chinese locale (`zh_CN.UTF-8`); English otherwise. The rules'
 * messages come in both languages already; the command line's own texts are in `cliText`.
 */
import type { Locale } from '../core/rules/types';

/** The language the environment asks for (LC_ALL wins over LC_MESSAGES, which wins over LANG, as in POSIX). */
export function environmentLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const value = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh\b|^zh[_-]/i.test(value) ? 'zh' : 'en';
}

/** Takes `--locale X` / `--locale=X` out of the arguments; returns the language and the other arguments, or a usage error. */
export function takeLocale(argv: string[], env: NodeJS.ProcessEnv = process.env): { locale: Locale; rest: string[] } | { error: string } {
  const rest: string[] = [];
  let locale: Locale | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    let value: string | undefined;
    if (a === '--locale') value = argv[++i] ?? '';
    else if (a.startsWith('--locale=')) value = a.slice('--locale='.length);
    else {
      rest.push(a);
      continue;
    }
    if (/^zh([_-].*)?$/i.test(value)) locale = 'zh';
    else if (/^en([_-].*)?$/i.test(value)) locale = 'en';
    else return { error: `--locale takes zh or en, not '${value}'.` };
  }
  return { locale: locale ?? environmentLocale(env), rest };
}

let current: Locale = 'en';

/** The language of this run (set once by main). */
export function cliLocale(): Locale {
  return current;
}
export function setCliLocale(locale: Locale): void {
  current = locale;
}

type Texts = {
  usage: string[];
  summaries: Record<string, string>;
  unknownCommand: (name: string) => string;
  seeHelp: (command: string) => string;
  lintSummary: (errors: number, warnings: number, remarks: number, files: number) => string;
  cannotRead: (file: string, code: string) => string;
  noCatalogue: (folder: string) => string;
  usesWordForWord: string;
  closeStretch: (within: number) => string;
  nothingClose: (minScore: number) => string;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The command line's own texts, in English and Chinese. */
export const cliText: Record<Locale, Texts> = {
  en: {
    usage: [
      'resolution-drafter: check and build United Nations resolution drafts (.unres).',
      '',
      'Usage: resolution-drafter <command> [options]   (--locale zh: in Chinese; also when LANG or LC_ALL is Chinese)',
      '',
      'Commands:',
    ],
    summaries: {},
    unknownCommand: (name) => `unknown command '${name}'.`,
    seeHelp: (command) => `Run 'resolution-drafter ${command} --help' for usage.`,
    lintSummary: (e, w, r, f) => `${plural(e, 'error')}, ${plural(w, 'warning')}, ${plural(r, 'remark')} in ${plural(f, 'file')}.`,
    cannotRead: (file, code) => `${file}: cannot read (${code})`,
    noCatalogue: (folder) => `${folder} has no catalogue.json, so the checks know no dates or footnotes of its documents (ingest writes one)`,
    usesWordForWord: '(uses the text word for word)',
    closeStretch: (within) => `(a stretch of it is ${within}% close)`,
    nothingClose: (minScore) => `No corpus paragraph is ${minScore}% close to this text.`,
  },
  zh: {
    usage: [
      'resolution-drafter：检查并生成联合国决议草案（.unres）。',
      '',
      '用法：resolution-drafter <命令> [选项]   （--locale en：英文；默认随 LANG 或 LC_ALL）',
      '',
      '命令：',
    ],
    summaries: {
      parse: '以 JSON 显示草案的结构（标题、段落、脚注）。',
      ingest: '将从 PDF 提取的原始文件整理为 .unres 草案和语料目录。',
      lint: '按已发布决议的惯例检查草案。',
      search: '在语料中查找与一段文字相近的段落（商定措辞），附相似度。',
      index: '建立语料的短语索引（或检查磁盘上的索引），使编辑器即刻可用。',
    },
    unknownCommand: (name) => `没有“${name}”这个命令。`,
    seeHelp: (command) => `用法见 'resolution-drafter ${command} --help'。`,
    lintSummary: (e, w, r, f) => `${f} 个文件中有 ${e} 个错误、${w} 个警告、${r} 条提示。`,
    cannotRead: (file, code) => `${file}：无法读取（${code}）`,
    noCatalogue: (folder) => `${folder} 没有 catalogue.json，检查不知道其中文件的日期和脚注（ingest 命令会生成）`,
    usesWordForWord: '（逐字包含所查文字）',
    closeStretch: (within) => `（其中一处文字相似度 ${within}%）`,
    nothingClose: (minScore) => `语料中没有与这段文字相似度达到 ${minScore}% 的段落。`,
  },
};

/** This run's texts. */
export function texts(): Texts {
  return cliText[current];
}
