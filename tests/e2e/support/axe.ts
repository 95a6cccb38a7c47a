// axe-core on a screen of the app, in the light and the dark theme, against
// WCAG 2.2 A/AA. A violation is printed whole (rule, impact, every node with
// its selector and axe's own summary of what is wrong), so a failing run says
// what to fix without a rerun.
import AxeBuilder from '@axe-core/playwright';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/**
 * Structure axe files under best practices rather than WCAG tags, asked for by
 * name: one main landmark at the top level, an h1 on every screen, headings
 * one level at a time, all content inside landmarks, unique landmark names.
 */
export const STRUCTURE_RULES = ['landmark-one-main', 'landmark-no-duplicate-main', 'landmark-main-is-top-level', 'page-has-heading-one', 'heading-order', 'empty-heading', 'region', 'landmark-unique'];

export type Scheme = 'light' | 'dark';

export interface ScreenOptions {
  /** CSS selectors axe leaves out (e.g. a sandboxed iframe no script can enter; its document is checked on its own). */
  exclude?: string[];
}

export async function axeScan(page: Page, options: ScreenOptions = {}, rules?: string[]): Promise<AxeResults> {
  let builder = new AxeBuilder({ page });
  builder = rules ? builder.withRules(rules) : builder.withTags(WCAG_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  return builder.analyze();
}

export function describeViolations(screen: string, violations: Result[]): string {
  const lines: string[] = [];
  for (const v of violations) {
    lines.push(`[${screen}] ${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.helpUrl}`);
    for (const node of v.nodes.slice(0, 8)) {
      lines.push(`    at ${node.target.join(' ')}`);
      lines.push(`       ${node.html.replace(/\s+/g, ' ').slice(0, 200)}`);
      if (node.failureSummary) lines.push(...node.failureSummary.split('\n').map((l) => `       ${l}`));
    }
    if (v.nodes.length > 8) lines.push(`    … and ${v.nodes.length - 8} more nodes`);
  }
  return lines.join('\n');
}

/**
 * Scan the page as it is now in both themes (prefers-color-scheme emulated),
 * wait for the theme's styles to apply, and leave it in `restore` after; then
 * its structure (STRUCTURE_RULES) once.
 * Returns the violations as printable text, '' when there are none.
 */
export async function scanBothThemes(page: Page, screen: string, options: ScreenOptions = {}, restore: Scheme = 'light'): Promise<string> {
  const out: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const result = await axeScan(page, options);
    if (result.violations.length > 0) out.push(describeViolations(`${screen}, ${scheme}`, result.violations));
  }
  // The structure is the same in both themes: once.
  const structure = await axeScan(page, options, STRUCTURE_RULES);
  if (structure.violations.length > 0) out.push(describeViolations(`${screen}, structure`, structure.violations));
  await page.emulateMedia({ colorScheme: restore });
  return out.join('\n');
}
