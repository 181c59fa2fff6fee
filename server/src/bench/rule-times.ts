/**
 * How the parser and each rule grow with the draft (`npm run bench -- --sizes drafts`): each step
 * timed on drafts of 10 and 50 MB and the ratio of the two (5 for linear growth; the goal is at
 * most 6). The drafts are a long resolution of corpus paragraphs, the corpus texts one after
 * another, and the adversarial shapes of `big-drafts.ts`; for those the table gives the slowest
 * ratio of each step and, per shape, the findings before and after the per-draft limit.
 */
import { defaultSettings, parseDraft, rules, validate, type Catalogue, type ResolutionDocument } from '../core';
import { adversarialDrafts, concatenatedTexts, longResolution, type DraftSource } from './big-drafts';

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** The steps timed, in the order of the table: the parse, each rule, then all rules as the server runs them. */
export const STEP_PARSE = 'parse';
export const STEP_ALL = 'all rules, limited (validate)';

export interface StepTimes {
  /**
   * CPU ms per step (user and system, the fastest of the passes): on a machine shared with other
   * jobs the wall time mostly measures the waits for a core.
   */
  ms: Record<string, number>;
  /** Wall ms per step, the fastest of the passes. */
  wallMs: Record<string, number>;
  /** Findings of each rule without the limit, and all findings with and without it. */
  findings: Record<string, number>;
  /** UTF-8 bytes of the draft. */
  bytes: number;
  /** The limited findings as JSON (as the server would send them, roughly), in KB. */
  findingsKB: number;
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** How the steps are timed. */
export interface TimingOptions {
  /** Timed runs of each step on each draft (after one untimed run). */
  passes: number;
  /**
   * The collector (`--expose-gc`): a full collection before each step, and the young generation
   * emptied before each run, so that no run pays for the garbage of another. Without it, runs
   * follow each other as they come.
   */
  gc?: (options?: { type: 'minor' | 'major' }) => void;
}

const unlimited = { ...defaultSettings, maxProblems: 0 };

/**
 * Times the parse and every rule on drafts of several sizes: each step runs on every draft in turn
 * (once untimed, then `passes` rounds), so that the drafts of a step are timed in the same minutes
 * of a machine whose load comes and goes; each step's figure is its fastest run.
 */
export function timeStepsTogether(texts: readonly string[], catalogue: Catalogue | undefined, timing: TimingOptions): StepTimes[] {
  const out: StepTimes[] = texts.map((text) => ({ ms: {}, wallMs: {}, findings: {}, bytes: Buffer.byteLength(text), findingsKB: 0 }));
  const gc = timing.gc;
  const time = (step: string, work: (i: number) => void, before?: (i: number) => void, passes = timing.passes) => {
    gc?.({ type: 'major' });
    const cpu = texts.map(() => Infinity);
    const wall = texts.map(() => Infinity);
    for (let pass = 0; pass <= passes; pass++) {
      for (let i = 0; i < texts.length; i++) {
        before?.(i);
        gc?.({ type: 'minor' });
        const c = cpuMs();
        const t = now();
        work(i);
        const w = now() - t;
        const u = cpuMs() - c;
        // Pass 0 is the warm-up: the code compiled, the caches filled.
        if (pass === 0) continue;
        wall[i] = Math.min(wall[i], w);
        cpu[i] = Math.min(cpu[i], u);
      }
    }
    out.forEach((o, i) => {
      o.ms[step] = Math.round(cpu[i] * 10) / 10;
      o.wallMs[step] = Math.round(wall[i] * 10) / 10;
    });
  };
  const models: (ResolutionDocument | undefined)[] = texts.map(() => undefined);
  time(
    STEP_PARSE,
    (i) => {
      models[i] = parseDraft(texts[i]);
    },
    (i) => {
      // The model of the previous pass is garbage before this one starts.
      if (models[i]) {
        models[i] = undefined;
        gc?.({ type: 'major' });
      }
    },
    // The parse of 50 MB takes seconds, and is not what the table is for: fewer passes.
    Math.min(timing.passes, 3),
  );
  const context = { catalogue, today: new Date('2026-01-01') };
  const totals = texts.map(() => 0);
  for (const rule of rules) {
    time(rule.id, (i) => {
      const count = validate(models[i]!, unlimited, context, [rule]).length;
      out[i].findings[rule.id] = count;
    });
    out.forEach((o, i) => (totals[i] += o.findings[rule.id]));
  }
  time(STEP_ALL, (i) => {
    const limited = validate(models[i]!, defaultSettings, context);
    out[i].findings.shown = limited.length;
    out[i].findingsKB = Math.round(JSON.stringify(limited).length / 1024);
  });
  out.forEach((o, i) => (o.findings.all = totals[i]));
  return out;
}

/** Times the parse and every rule on one draft text. */
export function timeSteps(text: string, catalogue: Catalogue | undefined, passes: number, gc?: TimingOptions['gc']): StepTimes {
  return timeStepsTogether([text], catalogue, { passes, gc })[0];
}

/** The drafts of the table, by name: each makes a draft of about the given bytes. */
export function benchDrafts(sources: readonly DraftSource[]): Record<string, (bytes: number) => string> {
  return {
    'long resolution': (bytes) => longResolution(sources, bytes),
    'corpus texts one after another': (bytes) => concatenatedTexts(sources, bytes),
    ...Object.fromEntries(Object.entries(adversarialDrafts).map(([name, make]) => [`adversarial: ${name}`, make])),
  };
}

export type RuleTable = Record<string, Record<string, StepTimes>>;

/** Every draft of `benchDrafts` at every size (MB), the sizes of a draft timed together: draft name → size → times. */
export function ruleTable(sources: readonly DraftSource[], catalogue: Catalogue | undefined, sizes: readonly number[], timing: TimingOptions, log?: (line: string) => void): RuleTable {
  const table: RuleTable = {};
  for (const [name, make] of Object.entries(benchDrafts(sources))) {
    table[name] = {};
    const all = timeStepsTogether(sizes.map((size) => make(size * 1024 * 1024)), catalogue, timing);
    sizes.forEach((size, i) => {
      const times = all[i];
      table[name][size] = times;
      log?.(`${name}, ${size} MB: parse ${times.ms[STEP_PARSE]} ms CPU (${times.wallMs[STEP_PARSE]} wall), all rules ${times.ms[STEP_ALL]} ms CPU (${times.wallMs[STEP_ALL]} wall), ${times.findings.all} findings (${times.findings.shown} shown)`);
    });
  }
  return table;
}

/** A ratio as the table shows it; steps this fast at the larger size are timer noise. */
function ratio(small: number, large: number): string {
  if (large < 20) return '–';
  return (large / Math.max(small, 0.1)).toFixed(1);
}

/** The table as Markdown: rows the steps; columns each realistic draft at both sizes and the ratio, then the slowest adversarial ratio. */
export function ruleTableMarkdown(table: RuleTable, sizes: readonly [number, number]): string {
  const [small, large] = sizes.map(String);
  const realistic = Object.keys(table).filter((n) => !n.startsWith('adversarial'));
  const adversarial = Object.keys(table).filter((n) => n.startsWith('adversarial'));
  const steps = Object.keys(table[realistic[0]][small].ms);
  const head = ['step (CPU ms)', ...realistic.flatMap((n) => [`${n}, ${small} MB`, `${large} MB`, '×']), 'adversarial: slowest × (shape)'];
  const rows = steps.map((step) => {
    const cells = realistic.flatMap((n) => {
      const a = table[n][small].ms[step];
      const b = table[n][large].ms[step];
      return [String(a), String(b), ratio(a, b)];
    });
    let worst = { r: -1, shown: '–', shape: '' };
    for (const n of adversarial) {
      const a = table[n][small].ms[step];
      const b = table[n][large].ms[step];
      const r = b >= 20 ? b / Math.max(a, 0.1) : -1;
      if (r > worst.r) worst = { r, shown: ratio(a, b), shape: n.slice('adversarial: '.length) };
    }
    return [step, ...cells, worst.r < 0 ? '–' : `${worst.shown} (${worst.shape})`];
  });
  const shapes = Object.keys(table).map((n) => {
    const a = table[n][small];
    const b = table[n][large];
    return [n, String(a.findings.all), String(a.findings.shown), String(a.findingsKB), String(b.findings.all), String(b.findings.shown), String(b.findingsKB)];
  });
  const md = (cells: string[][]) => cells.map((r) => `| ${r.join(' | ')} |`).join('\n');
  const line = (n: number) => `|${'---|'.repeat(n)}`;
  return [
    md([head]),
    line(head.length),
    md(rows),
    '',
    md([['draft', `findings, ${small} MB`, 'shown', 'KB of JSON', `findings, ${large} MB`, 'shown', 'KB of JSON']]),
    line(7),
    md(shapes),
  ].join('\n');
}
