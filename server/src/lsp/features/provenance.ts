/**
 * Provenance and comparison in the server: a code lens at each paragraph (how much is agreed
 * language, or the corpus paragraph it is), the sources in the hover of a paragraph's opening,
 * and the requests `resolutionDrafter/provenance`, `resolutionDrafter/compare` and
 * `resolutionDrafter/corpusDocuments`.
 *
 * Off the typing path: results are kept per paragraph text (a keystroke recomputes only its
 * paragraph), and a whole draft is worked through in slices of a few milliseconds with the event
 * loop free in between, so diagnostics, completion and hover never wait behind it.
 */
import { placeName } from '../../core/assist/words';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CancellationToken, CodeLens, Position } from 'vscode-languageserver/node';
import { PhraseIndex } from '../../core/agreed/phrase-index';
import { SegmentedIndex } from '../../core/agreed/segmented-index';
import { ProvenanceFinder, type ParagraphProvenance } from '../../core/agreed/provenance';
import { escapeMarkdown } from '../../core/assist/markdown';
import type { ResolutionDocument } from '../../core';
import type { Feature, OpenDraft, ServerContext } from '../context';
import { compareEverywhere, documentsEverywhere, documentUri, withRemoteProvenance } from './remote-provenance';
import {
  CompareRequest,
  CorpusDocumentsRequest,
  ProvenanceRequest,
  type CompareParams,
  type CompareResult,
  type CorpusDocumentInfo,
  type ParagraphProvenanceInfo,
  type ProvenanceParams,
  type ProvenanceResult,
} from '../protocol';

/** Work done in one turn of the event loop before letting other requests in (ms). */
const SLICE_MS = 8;

const TEXTS = {
  en: {
    agreed: (a: number) => `agreed ${a} % · new ${100 - a} %`,
    closest: (score: number, symbol: string, where: string) => `closest ${score} % ${symbol} ${where}`,
    sources: 'Agreed language in this paragraph',
    shared: (n: number) => `${n} % of the paragraph`,
    none: 'No corpus document uses this wording (no stretch of 8 characters or more).',
  },
  zh: {
    agreed: (a: number) => `商定语言 ${a} % · 新语言 ${100 - a} %`,
    closest: (score: number, symbol: string, where: string) => `最接近 ${score} % ${symbol} ${where}`,
    sources: '本段中的商定语言',
    shared: (n: number) => `占本段 ${n} %`,
    none: '语料中没有文件使用这一措辞(没有 8 个字或更长的相同片段)。',
  },
} as const;

/** The lens title of one paragraph, in the display language. */
export function lensTitle(p: ParagraphProvenance, locale: 'en' | 'zh'): string {
  // The place in the display language, as the hovers give it (preambular paragraph 1, 序言部分第 1 段).
  const where = p.closest && placeName(locale, p.closest.where);
  if (p.closest?.score === 100) return `100 % ${p.closest.symbol} ${where}`;
  const say = TEXTS[locale];
  return say.agreed(p.agreed) + (p.closest ? ` · ${say.closest(p.closest.score, p.closest.symbol, where!)}` : '');
}

function place(x: { symbol: string; where: string; file?: string; line?: number }) {
  return { symbol: x.symbol, where: x.where, ...(x.file ? { uri: pathToFileURL(x.file).toString() } : {}), ...(x.line !== undefined ? { line: x.line } : {}) };
}

export function provenanceInfo(p: ParagraphProvenance): ParagraphProvenanceInfo {
  return {
    line: p.line,
    agreed: p.agreed,
    new: p.newInLine,
    closest: p.closest ? { ...place(p.closest), score: p.closest.score } : null,
    sources: p.sources.map((s) => ({ ...place(s), shared: s.shared })),
  };
}

/** Keeps one finder per phrase index (a reloaded corpus starts afresh). */
class ProvenanceKeeper {
  private finder?: ProvenanceFinder;
  private waiting?: NodeJS.Timeout;

  constructor(private readonly ctx: ServerContext) {}

  current(): ProvenanceFinder | undefined {
    // With an index segment, provenance still reads the base alone (see SegmentedIndex; left to do).
    const phrases = this.ctx.phraseSource;
    const source = phrases instanceof SegmentedIndex ? phrases.base : phrases;
    if (!(source instanceof PhraseIndex)) return undefined;
    if (this.finder?.index !== source) this.finder = new ProvenanceFinder(source);
    return this.finder;
  }

  /** Asks the client to fetch the lenses again once the index is ready (it answered none before). */
  refreshWhenReady(): void {
    if (this.waiting || !this.ctx.initializeParams?.capabilities.workspace?.codeLens?.refreshSupport) return;
    const check = () => {
      if (this.current()) {
        this.waiting = undefined;
        void this.ctx.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      } else this.waiting = setTimeout(check, 500);
    };
    this.waiting = setTimeout(check, 500);
  }

  /** Every paragraph's provenance, computed in slices; undefined when the draft changed or the request was cancelled meanwhile. */
  async ofDraft(draft: OpenDraft, token?: CancellationToken): Promise<ParagraphProvenance[] | undefined> {
    const finder = this.current();
    if (!finder) return [];
    const { model, document } = draft;
    const result: { i: number; local: ParagraphProvenance }[] = [];
    let sliceStart = Date.now();
    for (let i = 0; i < model.paragraphs.length; i++) {
      const p = model.paragraphs[i];
      // Known paragraphs cost nothing; only new text takes time and may make us yield.
      if (!finder.known(model.text.slice(p.body.start, p.body.end)) && Date.now() - sliceStart > SLICE_MS) {
        await new Promise((next) => setImmediate(next));
        if (token?.isCancellationRequested || this.ctx.documents.get(document.uri)?.version !== document.version) return undefined;
        sliceStart = Date.now();
      }
      const found = finder.ofParagraph(model, i);
      if (found) result.push({ i, local: found });
    }
    // The corpus database's paragraphs join when they come within the budget.
    const merged = await withRemoteProvenance(this.ctx, model, finder.index, result, 'draft');
    if (token?.isCancellationRequested || this.ctx.documents.get(document.uri)?.version !== document.version) return undefined;
    return merged;
  }
}

const keepers = new WeakMap<ServerContext, ProvenanceKeeper>();

/** The paragraph whose opening (label, opener, or first characters) is at `offset`. */
function paragraphOpeningAt(model: ResolutionDocument, offset: number): number | undefined {
  for (const p of model.paragraphs) {
    const end = Math.max(p.opener?.span.end ?? 0, Math.min(p.body.end, p.body.start + 2));
    if (offset >= p.span.start && offset <= end) return p.index;
  }
  return undefined;
}

/**
 * The sources of the paragraph whose opening is at `position`, as Markdown (corpus text escaped);
 * undefined elsewhere or before the index is ready. Hover adds it to what it says.
 */
export async function provenanceHover(ctx: ServerContext, draft: OpenDraft, position: Position): Promise<string | undefined> {
  const finder = keepers.get(ctx)?.current();
  if (!finder) return undefined;
  const i = paragraphOpeningAt(draft.model, draft.model.lines.offsetAt(position));
  if (i === undefined) return undefined;
  const local = finder.ofParagraph(draft.model, i);
  if (!local) return undefined;
  const [p] = await withRemoteProvenance(ctx, draft.model, finder.index, [{ i, local }], 'hover');
  const say = TEXTS[ctx.locale()];
  const lines = [`**${say.sources}**: ${escapeMarkdown(lensTitle(p, ctx.locale()))}`, ''];
  if (p.sources.length === 0) lines.push(say.none);
  for (const s of p.sources) {
    const name = `${s.symbol} ${placeName(ctx.locale(), s.where)}`;
    const link = s.file ? `[${escapeMarkdown(name)}](${pathToFileURL(s.file).toString()}${s.line !== undefined ? `#L${s.line + 1}` : ''})` : escapeMarkdown(name);
    lines.push(`- ${link} · ${say.shared(s.shared)}`);
  }
  return lines.join('\n');
}

async function compare(ctx: ServerContext, keeper: ProvenanceKeeper, params: CompareParams): Promise<CompareResult> {
  const draft = ctx.draft(params?.uri);
  if (!draft) return { with: null, problem: 'the draft is not open', paragraphs: [] };
  const withWhat = typeof params.with === 'string' ? (params.with.startsWith('file:') ? fileURLToPath(params.with) : params.with) : undefined;
  // The local corpus's documents and the corpus database's, when it answers.
  const outcome = await compareEverywhere(ctx, draft.model, withWhat, keeper.current()?.index);
  return {
    with: outcome.with ? { symbol: outcome.with.symbol, uri: documentUri(outcome.with.file), rule: outcome.with.rule, reason: outcome.with.reason } : null,
    ...(outcome.recalledMissing ? { recalledMissing: outcome.recalledMissing } : {}),
    ...(outcome.problem ? { problem: outcome.problem } : {}),
    paragraphs: outcome.paragraphs.map((p) => ({
      status: p.status,
      ...(p.line !== undefined ? { line: p.line } : {}),
      ...(p.withLine !== undefined ? { withLine: p.withLine } : {}),
      inserted: p.inserted,
      deleted: p.deleted,
    })),
  };
}

export const provenanceFeature: Feature = {
  name: 'provenance',
  capabilities: () => ({ codeLensProvider: { resolveProvider: false } }),
  register(ctx) {
    const keeper = new ProvenanceKeeper(ctx);
    keepers.set(ctx, keeper);
    ctx.connection.onCodeLens((params, token) =>
      ctx.safelyAsync('code lens', [] as CodeLens[], async () => {
        const draft = ctx.draft(params.textDocument.uri);
        if (!draft) return [];
        if (!keeper.current()) {
          keeper.refreshWhenReady();
          return [];
        }
        const paragraphs = await keeper.ofDraft(draft, token);
        if (!paragraphs) return [];
        const locale = ctx.locale();
        return paragraphs.map((p) => ({
          range: { start: { line: p.line, character: 0 }, end: { line: p.line, character: 0 } },
          // No action: the lens is information (the hover of the paragraph's opening lists the sources).
          command: { title: lensTitle(p, locale), command: '' },
        }));
      }),
    );
    ctx.connection.onRequest(ProvenanceRequest, (params: ProvenanceParams, token: CancellationToken) =>
      ctx.safelyAsync('provenance', { ready: false, paragraphs: [] } as ProvenanceResult, async () => {
        const draft = ctx.draft(params?.uri);
        if (!draft || !keeper.current()) return { ready: !!keeper.current(), paragraphs: [] };
        const paragraphs = await keeper.ofDraft(draft, token);
        return { ready: true, paragraphs: (paragraphs ?? []).map(provenanceInfo) };
      }),
    );
    ctx.connection.onRequest(CompareRequest, (params: CompareParams) =>
      ctx.safelyAsync('compare', { with: null, problem: 'the comparison failed', paragraphs: [] } as CompareResult, () => compare(ctx, keeper, params)),
    );
    ctx.connection.onRequest(CorpusDocumentsRequest, () =>
      ctx.safelyAsync('corpus documents', [] as CorpusDocumentInfo[], async () =>
        (await documentsEverywhere(ctx)).map((d) => ({ symbol: d.symbol, ...(d.title ? { title: d.title } : {}), uri: documentUri(d.file) })),
      ),
    );
  },
};
