/**
 * The corpus database beside the local corpus (`resolutionDrafter.corpus.server`): completion,
 * hovers and similar text are answered locally first, and the database's answer is merged in when
 * it comes within a budget; a database that is slow, down or refuses the login never holds a
 * request up. Its state goes to the client as `resolutionDrafter/corpusServerStatus` (the status
 * bar) and to the log, one line per change.
 */
import {
  chineseAssist,
  completeAt,
  hoverAt,
  sortKnowledge,
  symbolAt,
  symbolKey,
  titleKey,
  COMPLETION_LIMIT,
  type AssistHover,
  type CompletionAnswer,
  type CorpusKnowledge,
  type DrafterSettings,
  type KnownResolution,
  type OpenerUse,
  type ResolutionDocument,
  type SymbolFacts,
  type TitleUse,
} from '../../core';
import { MessageType, ShowMessageNotification } from 'vscode-languageserver/node';
import type { SimilarParagraph } from '../../core/agreed/phrase-index';
import type { Continuation, PhraseSource } from '../../core/agreed/types';
import type { Locale } from '../../core/rules';
import { displayConnection, isConnectionString, SET_LOGIN_COMMAND_TITLE } from '../../corpus/postgres/connection';
import { splitPassword } from '../../corpus/postgres/url-password';
import { RemoteCorpus, type CorpusServerStatus } from '../../corpus/postgres/remote';
import type { Feature, ServerContext } from '../context';
import { CorpusServerStatusNotification, CorpusServerStatusRequest } from '../protocol';

/** How long a completion or hover waits for the database (ms) before answering with the local corpus alone. */
export const TYPING_BUDGET = 50;
/** How long a similar-text request waits for the database (asked for, not typed). */
export const SIMILAR_BUDGET = 400;

interface Options {
  corpusServer?: unknown;
  corpusServerPassword?: unknown;
  corpusServerBudget?: unknown;
}

const remotes = new WeakMap<ServerContext, RemoteCorpus>();

/** The corpus database of this server, when one is set and answering. */
export function availableRemote(ctx: ServerContext): RemoteCorpus | undefined {
  const remote = remotes.get(ctx);
  return remote?.available ? remote : undefined;
}

/** A budget (ms), or the one the initialization options set (`corpusServerBudget`, for tests and slow networks). */
export function budgetOf(ctx: ServerContext, fallback: number): number {
  const b = (ctx.initializeParams?.initializationOptions as Options | undefined)?.corpusServerBudget;
  return typeof b === 'number' && b > 0 ? Math.min(b, 10_000) : fallback;
}

/** The value of `work` if it settles within `ms`, else undefined (the work goes on and is dropped). A failure is undefined too. */
export function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}

/** A phrase source that answers what was asked before from a table (the database's continuations). */
class AnsweredPhrases implements PhraseSource {
  constructor(private readonly answers: Map<string, Continuation[]>) {}
  continuations(before: string, limit = 10): Continuation[] {
    return (this.answers.get(before) ?? []).slice(0, limit);
  }
}

/** Records what completion asks the phrase source, answering nothing. */
class AskedPhrases implements PhraseSource {
  readonly asked = new Map<string, number>();
  continuations(before: string, limit = 10): Continuation[] {
    this.asked.set(before, Math.max(limit, this.asked.get(before) ?? 0));
    return [];
  }
}

/** Knowledge made of what the database said for one request. */
function requestKnowledge(parts: { openers?: OpenerUse[]; titles?: TitleUse[]; resolutions?: KnownResolution[]; symbols?: SymbolFacts[] }): CorpusKnowledge {
  const openers = new Map((parts.openers ?? []).map((o) => [o.base, o]));
  const titles = new Map((parts.titles ?? []).map((t) => [titleKey(t.title), t]));
  const symbols = new Map((parts.symbols ?? []).map((s) => [symbolKey(s.symbol), s]));
  return sortKnowledge(openers, titles, symbols, chineseAssist, parts.resolutions ?? []);
}

/** The database's completions at `offset` (undefined when it has none in time). */
async function remoteCompletion(remote: RemoteCorpus, model: ResolutionDocument, offset: number, settings: DrafterSettings, locale: Locale, withContinuations: boolean): Promise<CompletionAnswer> {
  const t = chineseAssist;
  const at = Math.max(0, Math.min(offset, model.text.length));
  const line = model.lines.positionAt(at).line;
  const before = model.text.slice(model.lines.lineStarts[line], at);
  // What completion will look up in the phrase source, found by asking it once with nothing.
  const asked = new AskedPhrases();
  completeAt(model, offset, requestKnowledge({}), asked, settings, locale, withContinuations);
  const open = before.lastIndexOf(t.titleOpen);
  const inTitle = open >= 0 && before.indexOf(t.titleClose, open) < 0;
  const cited = inTitle ? null : t.citationTyped.exec(before);
  const [openers, titles, resolutions, ...continuations] = await Promise.all([
    remote.openers(),
    inTitle ? remote.titles(before.slice(open + t.titleOpen.length), COMPLETION_LIMIT) : Promise.resolve([]),
    cited ? remote.resolutions(cited[1], COMPLETION_LIMIT) : Promise.resolve([]),
    ...[...asked.asked].map(([query, limit]) => remote.continuations(query, limit)),
  ]);
  const answers = new Map([...asked.asked.keys()].map((query, i) => [query, continuations[i]]));
  return completeAt(model, offset, requestKnowledge({ openers, titles, resolutions }), new AnsweredPhrases(answers), settings, locale, withContinuations);
}

/**
 * The local completions with the database's merged in after them (an item the local corpus
 * already offers is not repeated), when the database answers within the budget.
 */
export async function withRemoteCompletion(ctx: ServerContext, model: ResolutionDocument, offset: number, settings: DrafterSettings, local: CompletionAnswer, withContinuations: boolean): Promise<CompletionAnswer> {
  const remote = availableRemote(ctx);
  if (!remote) return local;
  const answer = await withinBudget(remoteCompletion(remote, model, offset, settings, ctx.locale(), withContinuations), budgetOf(ctx, TYPING_BUDGET));
  if (!answer || answer.items.length === 0) return local;
  const key = (i: CompletionAnswer['items'][number]) => `${i.kind}\u0000${i.label}\u0000${i.edit.newText}`;
  const have = new Set(local.items.map(key));
  const added = answer.items.filter((i) => !have.has(key(i)));
  return {
    context: local.context === 'none' ? answer.context : local.context,
    isIncomplete: true,
    items: [...local.items, ...added].slice(0, COMPLETION_LIMIT),
  };
}

function mergeFacts(a: SymbolFacts, b: SymbolFacts): SymbolFacts {
  const union = <T>(x: T[], y: T[]) => [...x, ...y.filter((v) => !x.includes(v))];
  return {
    ...a,
    kind: a.kind === 'other' ? b.kind : a.kind,
    titles: union(a.titles, b.titles),
    dates: union(a.dates, b.dates),
    footnotes: union(a.footnotes, b.footnotes),
    citedBy: [...a.citedBy, ...b.citedBy.filter((c) => !a.citedBy.some((s) => s.symbol === c.symbol && s.line === c.line))],
    draft: a.draft ?? b.draft,
  };
}

/**
 * The local hover, with what the database knows when it answers in time: a symbol's facts merged,
 * a title's or an opener's uses where the local corpus has none (or fewer).
 */
export async function withRemoteHover(ctx: ServerContext, model: ResolutionDocument, offset: number, local: AssistHover | undefined): Promise<AssistHover | undefined> {
  const remote = availableRemote(ctx);
  if (!remote || local?.kind === 'footnote' || local?.kind === 'paragraph') return local;
  const work = async (): Promise<AssistHover | undefined> => {
    const symbol = symbolAt(model, offset);
    const title = symbol ? undefined : model.titles.find((x) => offset >= x.span.start && offset <= x.span.end);
    const [facts, titleUse, openers] = await Promise.all([
      symbol ? remote.symbol(symbol.symbol) : Promise.resolve(undefined),
      title ? remote.title(title.title) : Promise.resolve(undefined),
      !symbol && !title ? remote.openers() : Promise.resolve([]),
    ]);
    return hoverAt(model, offset, requestKnowledge({ symbols: facts ? [facts] : [], titles: titleUse ? [titleUse] : [], openers }));
  };
  const answer = await withinBudget(work(), budgetOf(ctx, TYPING_BUDGET));
  if (!answer) return local;
  if (!local) return answer;
  if (local.kind === 'symbol' && answer.kind === 'symbol') {
    if (!answer.facts) return local;
    const facts = local.facts ? mergeFacts(local.facts, answer.facts) : answer.facts;
    return { ...local, facts, symbol: facts.symbol, documentKind: facts.kind };
  }
  if (local.kind === 'title' && answer.kind === 'title') return (answer.use?.uses ?? 0) > (local.use?.uses ?? 0) ? answer : local;
  if (local.kind === 'opener' && answer.kind === 'opener') {
    const uses = (h: typeof local) => (h.use ? h.use.preambular + h.use.operative : 0);
    return uses(answer) > uses(local) ? answer : local;
  }
  return local;
}

/** Local similar paragraphs with the database's merged in, best first, each paragraph once. */
export async function withRemoteSimilar<T extends SimilarParagraph>(ctx: ServerContext, text: string, limit: number, local: T[], convert: (p: SimilarParagraph) => T): Promise<T[]> {
  const remote = availableRemote(ctx);
  if (!remote) return local;
  const found = await withinBudget(remote.similar(text, { limit, minScore: 50 }), budgetOf(ctx, SIMILAR_BUDGET));
  if (!found || found.length === 0) return local;
  const key = (p: SimilarParagraph) => `${p.symbol}\u0000${p.where}\u0000${p.text}`;
  const have = new Set(local.map(key));
  // A stable sort: on the same score the local paragraph comes first.
  return [...local, ...found.filter((p) => !have.has(key(p))).map(convert)].sort((a, b) => b.score - a.score).slice(0, limit);
}

/** The corpus database named in the initialization options (the client resolves names and passwords). */
export const remoteCorpusFeature: Feature = {
  name: 'remote-corpus',
  register(ctx) {
    ctx.connection.onRequest(CorpusServerStatusRequest, () => remotes.get(ctx)?.status ?? null);
  },
  initialized(ctx) {
    const options = (ctx.initializeParams?.initializationOptions ?? {}) as Options;
    const given = typeof options.corpusServer === 'string' ? options.corpusServer.trim() : '';
    if (!given) return;
    // A password written in the setting (`user:…@`, `?password=`) is never used, whoever passes it
    // (the extension takes it out already): passwords come from corpusServerPassword or PGPASSFILE.
    const { connectionString: server, password: written } = splitPassword(given);
    if (written !== undefined) {
      const warning = `Resolution Drafter: the password written in the corpus database setting (${displayConnection(server)}) is ignored: store it with “${SET_LOGIN_COMMAND_TITLE}”, or put it in a .pgpass line`;
      ctx.connection.console.warn(warning);
      // A notification (window.showWarningMessage would be a request waiting for the user's choice).
      void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: warning });
    }
    if (!isConnectionString(server)) {
      const status: CorpusServerStatus = { state: 'refused', server, message: `no connection is stored under the name '${server}': run "Resolution Drafter: Set the corpus database login"` };
      ctx.connection.console.warn(`corpus database: ${status.message}`);
      void ctx.connection.sendNotification(CorpusServerStatusNotification, status);
      return;
    }
    const password = typeof options.corpusServerPassword === 'string' ? options.corpusServerPassword : undefined;
    const remote = new RemoteCorpus({ connectionString: server, password, queryTimeout: 2000, locale: ctx.locale() }, (status) => {
      // One line per change of state; the message never holds a password (see connection.ts).
      const line = `corpus database ${displayConnection(server)}: ${status.message}`;
      if (status.state === 'connected') {
        ctx.log(line);
        // Lenses made without the database (before it answered, or while it was away) are asked for again.
        if (ctx.initializeParams?.capabilities.workspace?.codeLens?.refreshSupport) void ctx.connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
      }
      else if (status.state !== 'connecting') ctx.connection.console.warn(`${line}; local corpus only${status.retryIn ? `, trying again in ${Math.round(status.retryIn / 1000)} s` : ''}`);
      void ctx.connection.sendNotification(CorpusServerStatusNotification, status);
    });
    remotes.set(ctx, remote);
    void remote.start();
  },
};
