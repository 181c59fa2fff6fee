// A small test runner for the extension test suite: runs scenarios one after another inside the
// editor's extension host, prints each outcome, writes a JSON report when RD_SUITE_REPORT names a
// file (the code-server test reads it), and rejects when any scenario failed, which the editor
// turns into a non-zero exit code.
import { writeFileSync } from 'node:fs';

/** One scenario of the suite. */
export interface Scenario {
  name: string;
  /** A feature the scenario needs that may not be built yet; see `runScenarios`' `pending`. */
  needs?: string;
  run(): Promise<void>;
}

/** What happened to one scenario. */
export interface ScenarioOutcome {
  name: string;
  passed: boolean;
  ms: number;
  error?: string;
  /** Why it did not run: the feature it needs is not built yet (says which piece of work brings it). */
  pending?: string;
}

/** The report written to RD_SUITE_REPORT. */
export interface SuiteReport {
  passed: number;
  failed: number;
  pending: number;
  outcomes: ScenarioOutcome[];
}

/** Bounds a scenario so that one that hangs fails with its name rather than stalling the editor. */
function bounded<T>(promise: Promise<T>, ms: number, name: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, fail) => { timer = setTimeout(() => fail(new Error(`${name}: no outcome within ${ms / 1000} s`)), ms); });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/**
 * Runs the scenarios (those whose name contains RD_SUITE_GREP, when set) and reports. `pending`
 * maps a feature that is not built yet to the reason; scenarios that need it are reported pending
 * with that reason instead of run. Only features proven absent belong there (the server does not
 * offer them, the manifest does not contribute them): once built, the scenarios run and can fail.
 */
export async function runScenarios(scenarios: Scenario[], options: { timeoutMs?: number; pending?: Map<string, string> } = {}): Promise<SuiteReport> {
  const grep = process.env.RD_SUITE_GREP;
  const selected = grep ? scenarios.filter((s) => s.name.includes(grep)) : scenarios;
  const outcomes: ScenarioOutcome[] = [];
  for (const scenario of selected) {
    const started = Date.now();
    const pending = scenario.needs ? options.pending?.get(scenario.needs) : undefined;
    if (pending) {
      outcomes.push({ name: scenario.name, passed: false, ms: 0, pending });
      console.log(`  - ${scenario.name}: pending, ${pending}`);
      continue;
    }
    try {
      await bounded(scenario.run(), options.timeoutMs ?? 30_000, scenario.name);
      outcomes.push({ name: scenario.name, passed: true, ms: Date.now() - started });
      console.log(`  ✔ ${scenario.name} (${Date.now() - started} ms)`);
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      outcomes.push({ name: scenario.name, passed: false, ms: Date.now() - started, error: message });
      console.error(`  ✖ ${scenario.name}\n    ${message.replace(/\n/g, '\n    ')}`);
    }
  }
  const report: SuiteReport = {
    passed: outcomes.filter((o) => o.passed).length,
    failed: outcomes.filter((o) => !o.passed && !o.pending).length,
    pending: outcomes.filter((o) => o.pending).length,
    outcomes,
  };
  if (process.env.RD_SUITE_REPORT) writeFileSync(process.env.RD_SUITE_REPORT, JSON.stringify(report, null, 2));
  console.log(`${report.passed} passed, ${report.failed} failed, ${report.pending} pending`);
  return report;
}
