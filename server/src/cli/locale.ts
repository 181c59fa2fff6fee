/**
 * The command line's language: Chinese with `--locale zh` (or `--locale=zh`), else when LC_ALL,
 * LC_MESSAGES or LANG names a Chinese locale (`zh_CN.UTF-8`); English otherwise. The rules'
 * messages come in both languages already; the command line's own texts are in `cliText` (text/en.ts, text/zh.ts).
 */
import type { Locale } from '../core/rules/types';
import { en, type CliTexts } from './text/en';
import { zh } from './text/zh';

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
    else return { error: cliText[environmentLocale(env)].badLocale(value) };
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

/** The command line's own texts, in English and Chinese (one table per language, in text/). */
export const cliText: Record<Locale, CliTexts> = { en, zh };

/** This run's texts. */
export function texts(): CliTexts {
  return cliText[current];
}
