/**
 * For a command line tool (the CLI, the benchmark) whose work is done: if anything still keeps
 * the process alive after `graceMs` (a worker, a child process, a connection or a timer left
 * open), name it on standard error and end the process. The watch itself never keeps it alive.
 */
export const KEPT_ALIVE = 'still alive after its work was done, kept by';

export function endWhenDone(label: string, graceMs = 5000): void {
  const timer = setTimeout(() => {
    const alive = (process as { getActiveResourcesInfo?: () => string[] }).getActiveResourcesInfo?.().filter((r) => r !== 'Timeout' && r !== 'TTYWrap') ?? [];
    process.stderr.write(`${label}: ${KEPT_ALIVE} ${alive.join(', ') || 'unknown handles'}; ending it\n`);
    process.exit(process.exitCode ?? 0);
  }, graceMs);
  timer.unref();
}
