/** Shared by the document tests: the drafts every round trip covers, and LibreOffice. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { draftLines } from '../../server/src/core/layout/assemble';

/** Every bundled corpus draft and every fixture of another shape. */
export function roundTripDrafts(): { name: string; text: string }[] {
  const from = (dir: string) =>
    readdirSync(dir)
      .filter((n) => n.endsWith('.unres'))
      .sort()
      .map((n) => ({ name: join(dir, n), text: readFileSync(join(dir, n), 'utf8') }));
  return [...from('corpus'), ...from('test/fixtures'), ...from('test/fixtures/shapes')].filter((d) => !d.name.endsWith('broken.unres'));
}

const CJK = '\\u3000-\\u9fff\\uff00-\\uffef';
const WRAP_SPACE = new RegExp(`(?<=[${CJK}])\\s+(?=[\\x21-\\x7e])|(?<=[\\x21-\\x7e])\\s+(?=[${CJK}])|(?<=[⁰¹²³⁴⁵⁶⁷⁸⁹])\\s+`, 'g');

/**
 * A draft's lines as a PDF's text layer can give them back: without a space between a Chinese
 * character and a digit or Latin letter (where a line wraps the PDF draws no glyph for it) and a
 * space right after a footnote marker.
 */
export const comparable = (text: string): string[] => draftLines(text).map((l) => l.replace(WRAP_SPACE, ''));

/** Whether LibreOffice (soffice) is installed; `.ci/run` installs it. */
export function hasLibreOffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** Why a test needing LibreOffice skips locally (under CI it must run). */
export function libreOfficeSkip(): string | false {
  if (hasLibreOffice()) return false;
  if (process.env.CI) throw new Error('LibreOffice is missing under CI: .ci/run installs libreoffice-writer-nogui');
  return 'LibreOffice is not installed (apt-get install libreoffice-writer-nogui fonts-noto-cjk poppler-utils)';
}

/** Converts files with LibreOffice headless, in one run with its own profile; returns the folder of the results. */
export function convertWithLibreOffice(files: string[], to: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'rd-lo-'));
  const result = spawnSync('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, ...files], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dir },
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr || result.error}`);
  return dir;
}
