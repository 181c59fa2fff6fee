/**
 * What reading a raw document or a draft says: why a file cannot be read or ingested, how it was
 * read, and what to check in a clean draft, in English and Chinese (the command line's
 * `--locale`). Each sentence follows the file's name (`file: …`).
 */
import type { Locale } from '../rules/types';

/** What a command would have done with a file (readDraftFile's verb). */
export type DraftVerb = 'lint' | 'export' | 'parse' | 'compare' | 'compare with it' | 'read';

/** The kinds of document that are not drafts, from their extension or first bytes. */
export type DocumentKind = 'pdf' | 'docx' | 'zip' | 'dotx' | 'doc' | 'odt' | 'rtf';

const en = {
  /** The document kinds in words. */
  kind: {
    pdf: 'a PDF file',
    docx: 'a Word file',
    zip: 'a Word (.docx) or other zipped file',
    dotx: 'a Word template',
    doc: 'an old Word (.doc) file',
    odt: 'an OpenDocument (.odt) file',
    rtf: 'an RTF file',
  } as Record<DocumentKind, string>,
  verb: (verb: DraftVerb) => verb as string,
  readAs: (encoding: string, byteOrderMark: boolean | undefined) =>
    `read as ${encoding} text${byteOrderMark === undefined ? '' : byteOrderMark ? ' with a byte-order mark' : ' without a byte-order mark'} and converted to UTF-8`,
  empty: 'the file is empty',
  badMark: (encoding: string) => `the file starts with a ${encoding} byte-order mark but is not valid ${encoding} text`,
  whiteSpaceOnly: 'the file is empty (white space only)',
  /** A PDF file named as raw text (a `.txt` that is a PDF): named .pdf, ingest reads it. */
  pdfNotText: (kind: string) => `the file is ${kind}, not text; name it .pdf and ingest it again`,
  /** A .doc, .odt, RTF or other document that ingest does not read. */
  saveAsDocx: (kind: string) => `the file is ${kind}, not text; save it as .docx (Word) or PDF and ingest that`,
  binary: 'the file is binary, not text (a PDF or Word file must first be converted to text)',
  unknownEncoding: 'the file is not text in an encoding the tool reads (UTF-8, UTF-16 or GB18030); convert it to UTF-8 and ingest it again',
  noChinese: 'the file has no Chinese text (no Chinese characters at all)',
  otherLanguage: (name: string) => `the text is in ${name}, not Chinese; only Chinese documents can be ingested until a profile for ${name} exists`,
  tooLittleChinese: 'the text is not in Chinese (it has too few Chinese characters)',
  noStructure: 'no recognisable structure: no title line (76/54. …, 第 2446(2018)号决议), no organ line (大会，, 安全理事会，), no numbered paragraphs and no closing meeting line',
  markerWithoutText: (n: number) => `marker ${n} has no footnote text`,
  textWithoutMarker: (n: number) => `footnote ${n} has no marker in the text`,
  draftLine: (line: number, note: string) => `draft line ${line}: ${note}`,
  loneNumber: (line: number, content: string) => `line ${line}: a number on a line of its own (${content}) that follows no text; kept as text`,
  notCleaned: (why: string) => `could not be cleaned (${why})`,
  // The files.
  folderNotFile: 'is a folder, not a file',
  folderNotDraft: 'is a folder, not a draft',
  cannotBeRead: (why: string) => `cannot be read (${why})`,
  cannotBeReadBecause: (why: string) => `cannot be read: ${why}`,
  couldNotBeRead: (why: string) => `could not be read (${why})`,
  notPdfOrWord: 'is neither a PDF nor a Word file',
  // A PDF or Word file that its reader cannot take.
  notPdfFile: 'is not a PDF file (it does not start with %PDF-)',
  pdfEncrypted: 'is encrypted (password-protected); save an unprotected copy and ingest that',
  pdfDamaged: (why: string) => `is damaged and cannot be read as a PDF (${why})`,
  pdfNoText: 'has no text layer; run OCR first',
  notWordFile: 'is not a Word file (.docx is a zip archive; an old .doc must be saved as .docx first)',
  wordArchiveDamaged: (why: string) => `is damaged: the Word archive cannot be read (${why})`,
  wordNoBody: 'is damaged or not a Word document: it has no word/document.xml body',
  wordEmpty: 'has no text (an empty Word document)',
  notRead: 'was not read',
  sameDocument: (name: string, earlier: string) => `gives the same document (${name}) as ${earlier}; skipped`,
  cannotWrite: (path: string, why: string) => `cannot write ${path} (${why})`,
  notKept: (why: string) => `not kept in the catalogue: ${why}`,
  innerFolder: 'a folder (the folders inside a folder are not read; name it to ingest it)',
  otherType: (named: string) => `not a ${named} file (name it on the command line to ingest it as text)`,
  /** `.txt, .pdf or .docx`. */
  extensions: (list: readonly string[]) => list.join(', ').replace(/, ([^,]*)$/, ' or $1'),
  // A draft named to a command.
  cannot: (verb: string, problem: string) => `cannot ${verb}: ${problem}`,
  notADraft: (verb: string, kind: string, how: 'pdf' | 'word' | 'save', file: string) => {
    const make = `\`resolution-drafter ingest --out FOLDER ${file}\``;
    const then = `and ${verb} the .unres it writes`;
    if (how === 'pdf') return `cannot ${verb}: it is ${kind}, not a draft (.unres); turn it into one first with ${make} ${then}`;
    if (how === 'word') return `cannot ${verb}: it is ${kind}, not a draft (.unres); turn it into one first with ${make} (or "Open a Word Draft…" in the editor) ${then}`;
    return `cannot ${verb}: it is ${kind}, not a draft (.unres); save it as .docx or PDF, turn that into a draft with ${make} ${then}`;
  },
  saveAsUtf8: (how: string) => `${how} (save it as UTF-8 to edit it in the editor)`,
};

export type IngestMessages = typeof en;

const VERBS: Record<DraftVerb, string> = { lint: '检查', export: '导出', parse: '解析', compare: '比较', 'compare with it': '用于比较', read: '读取' };
const LANGUAGES: Record<string, string> = { English: '英文', French: '法文', Spanish: '西班牙文', Russian: '俄文', Arabic: '阿拉伯文' };

/** `是 PDF 文件`, `是旧版 Word（.doc）文件`: a space between 是 and a Latin word. */
const is = (kind: string) => (/^[A-Za-z]/.test(kind) ? `是 ${kind}` : `是${kind}`);

const zh: IngestMessages = {
  kind: {
    pdf: 'PDF 文件',
    docx: 'Word 文件',
    zip: 'Word（.docx）文件或其他压缩文件',
    dotx: 'Word 模板',
    doc: '旧版 Word（.doc）文件',
    odt: 'OpenDocument（.odt）文件',
    rtf: 'RTF 文件',
  },
  verb: (verb) => VERBS[verb],
  readAs: (encoding, byteOrderMark) => `按 ${encoding} 文本${byteOrderMark === undefined ? '' : byteOrderMark ? '（有字节顺序标记）' : '（无字节顺序标记）'}读取并转为 UTF-8`,
  empty: '文件为空',
  badMark: (encoding) => `文件以 ${encoding} 字节顺序标记开头，但不是有效的 ${encoding} 文本`,
  whiteSpaceOnly: '文件为空（只有空白）',
  pdfNotText: (kind) => `该文件${is(kind)}，不是文本；请将扩展名改为 .pdf 后重新导入`,
  saveAsDocx: (kind) => `该文件${is(kind)}，不是文本；请另存为 .docx（Word）或 PDF 后导入`,
  binary: '该文件是二进制文件，不是文本（PDF 或 Word 文件须先转为文本）',
  unknownEncoding: '该文件不是本工具可读编码（UTF-8、UTF-16 或 GB18030）的文本；请转为 UTF-8 后重新导入',
  noChinese: '该文件没有中文文字（一个汉字也没有）',
  otherLanguage: (name) => `该文本是${LANGUAGES[name] ?? name}，不是中文；在有${LANGUAGES[name] ?? name}配置之前，只能导入中文文件`,
  tooLittleChinese: '该文本不是中文（汉字太少）',
  noStructure: '没有可识别的结构：没有标题行（76/54. …、第 2446(2018)号决议）、机构行（大会，、安全理事会，）、编号段落，也没有结尾的会议行',
  markerWithoutText: (n) => `标记 ${n} 没有脚注文字`,
  textWithoutMarker: (n) => `脚注 ${n} 在正文中没有标记`,
  draftLine: (line, note) => `草案第 ${line} 行：${note}`,
  loneNumber: (line, content) => `第 ${line} 行：单独成行的数字（${content}）前面没有文字；保留为文字`,
  notCleaned: (why) => `无法整理（${why}）`,
  folderNotFile: '是文件夹，不是文件',
  folderNotDraft: '是文件夹，不是草案',
  cannotBeRead: (why) => `无法读取（${why}）`,
  cannotBeReadBecause: (why) => `无法读取：${why}`,
  couldNotBeRead: (why) => `无法读取（${why}）`,
  notPdfOrWord: '既不是 PDF 文件，也不是 Word 文件',
  notPdfFile: '不是 PDF 文件（开头不是 %PDF-）',
  pdfEncrypted: '已加密（有密码保护）；请另存一份未加密的副本后导入',
  pdfDamaged: (why) => `已损坏，无法按 PDF 读取（${why}）`,
  pdfNoText: '没有文字层；请先做文字识别（OCR）',
  notWordFile: '不是 Word 文件（.docx 是 zip 压缩包；旧版 .doc 须先另存为 .docx）',
  wordArchiveDamaged: (why) => `已损坏：无法读取 Word 压缩包（${why}）`,
  wordNoBody: '已损坏或不是 Word 文档：没有 word/document.xml 正文',
  wordEmpty: '没有文字（空 Word 文档）',
  notRead: '未读取',
  sameDocument: (name, earlier) => `与 ${earlier} 是同一文件（${name}）；已跳过`,
  cannotWrite: (path, why) => `无法写入 ${path}（${why}）`,
  notKept: (why) => `未列入目录：${why}`,
  innerFolder: '文件夹（不读取文件夹中的子文件夹；要导入请直接指定）',
  otherType: (named) => `不是 ${named} 文件（在命令行中直接指定即可按文本导入）`,
  extensions: (list) => list.join('、').replace(/、([^、]*)$/, ' 或 $1'),
  cannot: (verb, problem) => `无法${verb}：${problem}`,
  notADraft: (verb, kind, how, file) => {
    const make = `\`resolution-drafter ingest --out FOLDER ${file}\``;
    const then = `然后${verb}它写出的 .unres`;
    if (how === 'pdf') return `无法${verb}：这${is(kind)}，不是草案（.unres）；请先用 ${make} 将其转为草案，${then}`;
    if (how === 'word') return `无法${verb}：这${is(kind)}，不是草案（.unres）；请先用 ${make}（或编辑器中的“Open a Word Draft…”）将其转为草案，${then}`;
    return `无法${verb}：这${is(kind)}，不是草案（.unres）；请另存为 .docx 或 PDF，用 ${make} 转为草案，${then}`;
  },
  saveAsUtf8: (how) => `${how}（请另存为 UTF-8，以便在编辑器中编辑）`,
};

/** The messages of reading and ingesting, by language. */
export const ingestMessages: Record<Locale, IngestMessages> = { en, zh };
