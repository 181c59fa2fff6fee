// Every command in Chinese: its --help, a usage error and an ordinary result line, with
// --locale zh and with LANG=zh_CN.UTF-8; English with LANG=C. And no help line left in English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = 'bin/resolution-drafter.js';
type Env = Record<string, string | undefined>;
const run = (args: string[], env: Env) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, LC_ALL: undefined, LC_MESSAGES: undefined, ...env } });
/** The three ways to run: Chinese by the option, Chinese by the environment, English by the environment. */
const zhOption = (args: string[]) => run(['--locale', 'zh', ...args], { LANG: 'C' });
const zhEnv = (args: string[]) => run(args, { LANG: 'zh_CN.UTF-8' });
const english = (args: string[]) => run(args, { LANG: 'C' });
const both = (args: string[]) => [zhOption(args), zhEnv(args)];

const COMMANDS = ['parse', 'ingest', 'lint', 'search', 'index', 'provenance', 'compare', 'export', 'publish'];

/** Three or more English words in a row: prose left untranslated (option names and values are single words). */
const PROSE = /\b[A-Za-z]{2,}(?: [a-z]{2,}){2,}\b/;

const corpus = mkdtempSync(join(tmpdir(), 'locale-corpus-'));
const made = english(['ingest', '--out', corpus, 'test/fixtures/raw/hrc-52-1.txt']);
const draft = join(corpus, 'A-HRC-RES-52-1.unres');
test.after(() => rmSync(corpus, { recursive: true, force: true }));

test('the corpus for these tests is ingested', () => {
  assert.equal(made.status, 0, made.stderr);
});

test('every command --help: Chinese with --locale zh and with LANG=zh_CN.UTF-8, English with LANG=C', () => {
  for (const name of COMMANDS) {
    const en = english([name, '--help']);
    assert.equal(en.status, 0, name);
    assert.match(en.stdout, new RegExp(`^Usage: resolution-drafter ${name}`), name);
    for (const zh of both([name, '--help'])) {
      assert.equal(zh.status, 0, name);
      assert.match(zh.stdout, new RegExp(`^用法：resolution-drafter ${name}`), name);
      assert.match(zh.stdout, /退出码|解析器/, name);
    }
  }
  // The command list: every summary in Chinese.
  for (const zh of both(['--help'])) {
    for (const name of COMMANDS) assert.match(zh.stdout, new RegExp(`^  ${name}\\s+[^\\n]*[\\u4e00-\\u9fff]`, 'm'), name);
    assert.match(zh.stdout, /^退出码：0 正常/m);
  }
  assert.match(english(['--help']).stdout, /^Exit codes: 0 fine, 1 findings or errors in the input, 2 usage errors\.$/m);
});

test('no help line is left in English: every command --help in zh walked line by line', () => {
  for (const name of ['', ...COMMANDS]) {
    const args = name ? [name, '--help'] : ['--help'];
    const enLines = new Set(english(args).stdout.split('\n'));
    const zhLines = zhOption(args).stdout.split('\n');
    assert.ok(zhLines.length > 3, name);
    for (const line of zhLines) {
      if (line.trim() === '') continue;
      assert.doesNotMatch(line, PROSE, `${name || 'resolution-drafter'} --help: untranslated: ${line}`);
      // A line as in English is only a line of code (a JSON example, a file name).
      if (enLines.has(line)) assert.doesNotMatch(line, /[A-Za-z]{3,} [a-z]{3,}/, `${name} --help: still English: ${line}`);
    }
  }
});

/** Per command: a usage error, its Chinese and its English (exit code 2 in both). */
const USAGE_ERRORS: { args: string[]; zh: RegExp; en: RegExp }[] = [
  { args: ['lint', '--frob', 'x.unres'], zh: /^resolution-drafter lint: 没有“--frob”这个选项。\n用法见 'resolution-drafter lint --help'。$/m, en: /^resolution-drafter lint: unknown option '--frob'\.$/m },
  { args: ['parse'], zh: /^resolution-drafter parse: 请至少指定一个文件。$/m, en: /^resolution-drafter parse: name at least one file\.$/m },
  // An option of another command is not taken for a file (parse read `json` of `--format json` as one).
  { args: ['parse', '--format', 'json', 'x.unres'], zh: /^resolution-drafter parse: 没有“--format”这个选项。$/m, en: /^resolution-drafter parse: unknown option '--format'\.$/m },
  { args: ['ingest', '--out'], zh: /^resolution-drafter ingest: --out 后须写文件夹。$/m, en: /^resolution-drafter ingest: --out needs a folder\.$/m },
  { args: ['search', '--limit', '0', '决定'], zh: /^resolution-drafter search: --limit 须为不小于 1 的整数，不能是“0”。$/m, en: /^resolution-drafter search: --limit takes a whole number of at least 1, not '0'\.$/m },
  { args: ['index', '--no-bundled'], zh: /^resolution-drafter index: 使用 --no-bundled 后没有语料库：请加 --corpus FOLDER。$/m, en: /^resolution-drafter index: --no-bundled leaves no corpus: add --corpus FOLDER\.$/m },
  { args: ['provenance', '--format', 'xml', 'x.unres'], zh: /^resolution-drafter provenance: --format 只能是 text 或 json，不能是“xml”。$/m, en: /^resolution-drafter provenance: --format takes text or json, not 'xml'\.$/m },
  { args: ['compare', 'a.unres', 'b.unres'], zh: /^resolution-drafter compare: compare 只接受一份草案。$/m, en: /^resolution-drafter compare: compare takes one draft\.$/m },
  { args: ['export', '--styles'], zh: /^resolution-drafter export: --styles 后须写 \.dotx 或 \.docx 文件。$/m, en: /^resolution-drafter export: --styles needs a \.dotx or \.docx file\.$/m },
  { args: ['publish', corpus], zh: /^resolution-drafter publish: 请用 --to postgres:\/\/… 指定数据库。$/m, en: /^resolution-drafter publish: --to postgres:\/\/… names the database\.$/m },
  { args: ['--locale', 'fr', 'lint', 'x.unres'], zh: /^resolution-drafter: --locale 只能是 zh 或 en，不能是“fr”。$/m, en: /^resolution-drafter: --locale takes zh or en, not 'fr'\.$/m },
];

test('a usage error of every command: Chinese with --locale zh and LANG=zh_CN.UTF-8, English with LANG=C, exit code 2', () => {
  for (const { args, zh, en } of USAGE_ERRORS) {
    const results = args[0] === '--locale' ? [run(args, { LANG: 'zh_CN.UTF-8' })] : both(args);
    for (const r of results) {
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, zh, args.join(' '));
    }
    const e = english(args);
    assert.equal(e.status, 2, args.join(' '));
    assert.match(e.stderr, en, args.join(' '));
    assert.doesNotMatch(e.stderr, /[\u4e00-\u9fff]/, args.join(' '));
  }
});

/** Per command: an ordinary result, problem or progress line in Chinese and in English, with the exit code (the same in both). */
const RESULTS: { name: string; args: () => string[]; status: number; stream: 'stdout' | 'stderr'; zh: RegExp; en: RegExp }[] = [
  { name: 'lint', args: () => ['lint', 'test/fixtures/broken.unres'], status: 1, stream: 'stderr', zh: /^1 个文件中有 1 个错误、2 个警告、1 条提示。$/m, en: /^1 error, 2 warnings, 1 remark in 1 file\.$/m },
  {
    name: 'ingest',
    args: () => ['ingest', '--out', join(corpus, 'again'), 'test/fixtures/raw/hrc-52-1.txt'],
    status: 0,
    stream: 'stdout',
    zh: /^已导入 1 份，失败 0 份；目录：.*catalogue\.json$/m,
    en: /^1 ingested, 0 failed; catalogue: .*catalogue\.json$/m,
  },
  { name: 'search', args: () => ['search', '--no-bundled', '--corpus', corpus, '--min-score', '100', '与人权毫不相干的一段文字'], status: 1, stream: 'stderr', zh: /^语料中没有与这段文字相似度达到 100% 的段落。$/m, en: /^No corpus paragraph is 100% close to this text\.$/m },
  { name: 'index', args: () => ['index', '--no-bundled', '--corpus', corpus], status: 0, stream: 'stdout', zh: /^短语索引（1 份文件，\d+ 个段落）：/m, en: /^Phrase index of 1 documents, \d+ paragraphs: / },
  { name: 'provenance', args: () => ['provenance', '--no-bundled', '--corpus', corpus, 'test/fixtures/broken.unres'], status: 0, stream: 'stdout', zh: /^\s+\d+ {2}商定措辞 \d+% · 新措辞 \d+%/m, en: /^\s+\d+ {2}agreed \d+ % · new \d+ %/m },
  { name: 'compare', args: () => ['compare', '--no-bundled', '--corpus', corpus, '--with', 'A/HRC/RES/52/1', draft], status: 0, stream: 'stdout', zh: /^与 A\/HRC\/RES\/52\/1 比较（.*）：.*\n未改 \d+ · 修改 0/m, en: /^Compared with A\/HRC\/RES\/52\/1 \(.*\): .*\nunchanged \d+ · changed 0/m },
  { name: 'export', args: () => ['export', 'test/fixtures/old.doc'], status: 1, stream: 'stderr', zh: /^test\/fixtures\/old\.doc: 无法导出：这是旧版 Word（\.doc）文件，不是草案（\.unres）；请另存为 \.docx 或 PDF/m, en: /^test\/fixtures\/old\.doc: cannot export: it is an old Word \(\.doc\) file, not a draft \(\.unres\); save it as \.docx or PDF/m },
  { name: 'parse', args: () => ['parse', 'scan.pdf'], status: 1, stream: 'stderr', zh: /^scan\.pdf: 无法解析：这是 PDF 文件，不是草案（\.unres）/m, en: /^scan\.pdf: cannot parse: it is a PDF file, not a draft \(\.unres\)/m },
  // No database listens on port 1: the progress line, then the refusal (exit code 2).
  { name: 'publish', args: () => ['publish', corpus, '--to', 'postgres://nobody@127.0.0.1:1/corpus'], status: 2, stream: 'stderr', zh: /^正在将 1 个文件夹发布到 postgres:\/\/nobody@127\.0\.0\.1:1\/corpus……$/m, en: /^Publishing 1 folder\(s\) to postgres:\/\/nobody@127\.0\.0\.1:1\/corpus…$/m },
];

for (const { name, args, status, stream, zh, en } of RESULTS) {
  test(`${name}: a result line in Chinese with --locale zh and LANG=zh_CN.UTF-8, in English with LANG=C`, () => {
    for (const r of both(args())) {
      assert.equal(r.status, status, r.stderr);
      assert.match(r[stream], zh);
    }
    const e = english(args());
    assert.equal(e.status, status, e.stderr);
    assert.match(e[stream], en);
  });
}

test('ingest in Chinese: the check on a clean draft and the reasons a file is not read', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locale-ingest-'));
  try {
    const raw = join(dir, 'unmarked.txt');
    writeFileSync(raw, ['76/54. 建立无核武器世界的联合行动', '', '大会，', '', '重申实现无核武器世界是共同目标，', '', '1. 决定列入分项。', '', '______', '1 联合国，《条约汇编》，第 729 卷，第 10485 号。'].join('\n'));
    const doc = join(dir, 'old.doc');
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    for (const r of both(['ingest', '--out', join(dir, 'out'), raw, doc])) {
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^ {2}请核对：脚注 1 在正文中没有标记$/m);
      assert.match(r.stderr, /old\.doc: 该文件是旧版 Word（\.doc）文件，不是文本；请另存为 \.docx（Word）或 PDF 后导入$/m);
      assert.match(r.stdout, /^已导入 1 份，失败 1 份；/m);
    }
    const e = english(['ingest', '--out', join(dir, 'out'), raw, doc]);
    assert.match(e.stdout, /^ {2}check: footnote 1 has no marker in the text$/m);
    assert.match(e.stderr, /old\.doc: the file is an old Word \(\.doc\) file, not text; save it as \.docx \(Word\) or PDF and ingest that$/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ingest in Chinese: why a PDF or a Word file is not read (not a PDF, a damaged one, not a zip archive, no document body)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locale-documents-'));
  try {
    const notPdf = join(dir, 'notes.pdf');
    writeFileSync(notPdf, '这只是文字。');
    const damaged = join(dir, 'cut.pdf');
    writeFileSync(damaged, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog');
    const notZip = join(dir, 'renamed.docx');
    writeFileSync(notZip, '大会，');
    const noBody = join(dir, 'hollow.docx');
    // A zip archive (an empty one: its end record alone) without word/document.xml.
    writeFileSync(noBody, Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]));
    const files = [notPdf, damaged, notZip, noBody];
    for (const r of both(['ingest', '--out', join(dir, 'out'), ...files])) {
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stderr, /notes\.pdf: 不是 PDF 文件（开头不是 %PDF-）$/m);
      assert.match(r.stderr, /cut\.pdf: 已损坏，无法按 PDF 读取（.+）$/m);
      assert.match(r.stderr, /renamed\.docx: 不是 Word 文件（\.docx 是 zip 压缩包；旧版 \.doc 须先另存为 \.docx）$/m);
      assert.match(r.stderr, /hollow\.docx: 已损坏或不是 Word 文档：没有 word\/document\.xml 正文$/m);
      assert.doesNotMatch(r.stderr, PROSE);
    }
    const e = english(['ingest', '--out', join(dir, 'out'), ...files]);
    assert.match(e.stderr, /notes\.pdf: is not a PDF file \(it does not start with %PDF-\)$/m);
    assert.match(e.stderr, /cut\.pdf: is damaged and cannot be read as a PDF \(.+\)$/m);
    assert.match(e.stderr, /renamed\.docx: is not a Word file/m);
    assert.match(e.stderr, /hollow\.docx: is damaged or not a Word document/m);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the parser\'s structure notes in Chinese: lint and parse with --locale zh and LANG=zh_CN.UTF-8, English with LANG=C', () => {
  const dir = mkdtempSync(join(tmpdir(), 'locale-notes-'));
  try {
    const file = join(dir, 'twice.unres');
    writeFileSync(file, ['76/__. 草案', '', '大会，', '', '重申实现无核武器世界是共同目标，', '', '大会，', '', '1. **决定**继续审议此问题。', ''].join('\n'));
    for (const r of both(['lint', file])) {
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /:7:1 warning structure 机构行（大会，）出现了不止一次。$/m);
    }
    const parsed = both(['parse', file]).map((r) => JSON.parse(r.stdout)[0].notes);
    for (const notes of parsed) assert.deepEqual(notes, [{ line: 7, message: '机构行（大会，）出现了不止一次。' }]);
    assert.match(english(['lint', file]).stdout, /:7:1 warning structure The organ line \(大会，\) appears more than once\.$/m);
    assert.deepEqual(JSON.parse(english(['parse', file]).stdout)[0].notes, [{ line: 7, message: 'The organ line (大会，) appears more than once.' }]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the corpus database\'s faults in Chinese: publish and search --server to a database that does not answer', () => {
  const unreachable = 'postgres://nobody@127.0.0.1:1/corpus';
  for (const r of both(['publish', corpus, '--to', unreachable])) {
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /^resolution-drafter publish: postgres:\/\/nobody@127\.0\.0\.1:1\/corpus: 无法连接数据库（connect ECONNREFUSED 127\.0\.0\.1:1）$/m);
  }
  for (const r of both(['search', '--no-bundled', '--corpus', corpus, '--server', unreachable, '叙利亚阿拉伯共和国'])) {
    assert.equal(r.status, 3, r.stderr);
    assert.match(r.stderr, /无法连接语料库数据库（connect ECONNREFUSED 127\.0\.0\.1:1）；仅使用本地语料库。$/m);
  }
  assert.match(english(['publish', corpus, '--to', unreachable]).stderr, /: cannot reach the database \(connect ECONNREFUSED 127\.0\.0\.1:1\)$/m);
  assert.match(english(['search', '--no-bundled', '--corpus', corpus, '--server', unreachable, '叙利亚阿拉伯共和国']).stderr, /cannot reach the corpus database \(connect ECONNREFUSED 127\.0\.0\.1:1\)/);
});
