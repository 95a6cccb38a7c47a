// Family 9 — hostile content end to end. The export issue's XSS corpus as
// files (HTML, Markdown, text, NITF, hostile file names; lib/hostileFiles.ts)
// goes through the real importer from the app's first-run page, is shown in
// the built renderer in Chromium (import report, archive list, preview, editor,
// export preview), exported in every format through the app, and each export
// is opened in Chromium with scripts on (hostileContentChild.ts does the
// browser part in its own process). Bar: 0 script executions, 0 dialogs;
// CSP violations are listed (something tried to run or load and was blocked).
// Needs the built renderer: builds it when out/renderer is missing or older
// than renderer/ or shared/ sources; SKIPPED with the reason when that fails
// or there is no Chromium.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chromiumProblem } from '../../e2e/support/browser.ts';
import { type ChildFigures, HOSTILE_PAYLOADS, writeHostileFiles } from '../lib/hostileFiles.ts';
import { REPO } from '../lib/cli.ts';
import { ensureRenderer } from '../lib/renderer.ts';
import { type FamilyOptions, type FamilyResult, scratch } from '../lib/util.ts';

const CHILD = resolve(import.meta.dirname, 'hostileContentChild.ts');

export async function hostileContent(opts: FamilyOptions): Promise<FamilyResult> {
  const started = Date.now();
  const result = (pass: boolean, figures: FamilyResult['figures'], failures: string[], skipped?: string): FamilyResult => ({
    family: 9,
    name: 'hostile content end to end',
    pass,
    ...(skipped ? { skipped } : {}),
    figures,
    failures,
    seconds: (Date.now() - started) / 1000,
  });
  const noChromium = chromiumProblem();
  if (noChromium) return result(true, {}, [], noChromium);
  const buildProblem = ensureRenderer(opts.log);
  if (buildProblem) return result(true, {}, [], buildProblem);

  const work = scratch('hostile');
  try {
    const files = writeHostileFiles(join(work.dir, 'src'));
    const config = { archivePath: join(work.dir, 'archive.sqlite'), sourceDir: files.dir, exportDir: join(work.dir, 'exports'), full: opts.full };
    const out = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = spawn(process.execPath, ['--import', 'tsx', CHILD, JSON.stringify(config)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const limit = setTimeout(() => child.kill('SIGKILL'), opts.full ? 1_800_000 : 300_000);
      child.on('close', (code) => {
        clearTimeout(limit);
        done({ code, stdout, stderr });
      });
    });
    const line = out.stdout.split('\n').find((l) => l.startsWith('@@figures '));
    if (!line) return result(false, {}, [`the browser run ended (code ${out.code}) without figures: ${out.stderr.slice(-1500)}`]);
    const f = JSON.parse(line.slice('@@figures '.length)) as ChildFigures & { crashed?: string };
    const failures: string[] = [];
    if (f.crashed) failures.push(`the browser run failed: ${f.crashed}`);
    failures.push(...f.executions.map((e) => `script ran: ${e}`), ...f.dialogs.map((d) => `dialog opened: ${d}`));
    failures.push(...f.openedOutside.map((u) => `a link was opened outside: ${u}`));
    failures.push(...f.pageErrors.map((e) => `page error: ${e}`));
    if (f.probeSelfTest.executions !== 2 || f.probeSelfTest.csp < 1) failures.push(`the probe is blind: its self-test saw ${f.probeSelfTest.executions} executions (want 2) and ${f.probeSelfTest.csp} CSP violations (want ≥ 1)`);
    const imported = Number(/([\d,]+) imported/.exec(f.importSummary)?.[1]?.replace(/,/g, '') ?? 0);
    if (imported < files.files * 0.9) failures.push(`only ${imported} of ${files.files} hostile files imported (${f.importSummary})`);
    for (const [format, n] of Object.entries(f.exportsWritten)) if (n !== f.articles) failures.push(`${format}: ${n} files exported for ${f.articles} articles`);
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    const cspKinds = new Map<string, number>();
    for (const v of f.csp) {
      const key = v.replace(/ sample .*| @ .*/, '');
      cspKinds.set(key, (cspKinds.get(key) ?? 0) + 1);
    }
    return result(failures.length === 0, {
      'payloads (XSS corpus + probe variants)': HOSTILE_PAYLOADS.length,
      'files written': `${files.files} (${Object.entries(files.byFormat).map(([k, v]) => `${v} ${k}`).join(', ')})`,
      'import (real importer, from the app)': f.importSummary.replace(/\s+/g, ' ').slice(0, 160),
      'articles in the archive': f.articles,
      'files not imported': f.notImported.length === 0 ? 0 : `${f.notImported.length}: ${f.notImported.join('; ').slice(0, 700)}`,
      'probe self-test': `${f.probeSelfTest.executions} executions, ${f.probeSelfTest.csp} CSP violations on a page built to trip it`,
      'views checked': `${sum(f.views) - (f.views['previews showing a payload as text'] ?? 0)} (${Object.entries(f.views).map(([k, v]) => `${v} ${k}`).join(', ')})`,
      'exports written (batch, every format)': `${sum(f.exportsWritten)} (${Object.entries(f.exportsWritten).map(([k, v]) => `${v} ${k}`).join(', ')})`,
      'exports opened in Chromium': `${sum(f.exportsChecked)} loads (${Object.entries(f.exportsChecked).map(([k, v]) => `${v} ${k}`).join(', ')}; html/fragment also without CSP)`,
      'script executions (must be 0)': f.executions.length,
      'dialogs (must be 0)': f.dialogs.length,
      'links opened outside': f.openedOutside.length,
      'CSP violations (blocked)': f.csp.length === 0 ? 0 : `${f.csp.length}: ${[...cspKinds].map(([k, n]) => `${n}× ${k}`).join('; ').slice(0, 600)}`,
      'CSP violations, first of each kind': [...new Map(f.csp.map((v) => [v.replace(/ sample .*| @ .*/, ''), v])).values()].join(' | ').slice(0, 900) || '—',
      'CSP refusals on the console': f.cspConsole.length === 0 ? 0 : `${f.cspConsole.length}: ${f.cspConsole.slice(0, 3).join(' | ').slice(0, 600)}`,
      'browser seconds': Object.entries(f.seconds).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '),
    }, failures);
  } finally {
    work.cleanup();
  }
}
