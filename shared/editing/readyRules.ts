// The desk's configurable rules for "ready" beyond the fixed checklist
// (headline, TK, length): a wire slugline, no lapsed embargo left on the copy,
// and an urgency on wire copy. Shared so the core enforces exactly what the
// editor shows live; the settings live in the archive (`settings` table, key
// `workflow`), so every desktop and the CLI on that archive apply the same ones.
import type { ArticleFields } from '../model/article.ts';

export interface ReadyRules {
  /** The wire slugline must not be empty. */
  slugline: boolean;
  /** An embargo whose instant has passed must be released (cleared) before ready: stale holds are not published by accident. */
  embargo: boolean;
  /** Wire copy (an article with a provider or an item identity) must carry an urgency, 1–9. */
  wireUrgency: boolean;
}

export const READY_RULE_NAMES = ['slugline', 'embargo', 'wireUrgency'] as const satisfies ReadonlyArray<keyof ReadyRules>;
export type ReadyRuleName = (typeof READY_RULE_NAMES)[number];

/**
 * Off for the slugline: copy written in house has none until the desk adopts
 * slugs, and an archive upgraded to this version must not find every story
 * blocked. The other two only bite where there is wire metadata to check.
 */
export const DEFAULT_READY_RULES: Readonly<ReadyRules> = Object.freeze({ slugline: false, embargo: true, wireUrgency: true });

/** Stored settings (possibly from an older or newer version) read through the defaults; unknown keys dropped. */
export function readyRulesFrom(stored: unknown): ReadyRules {
  const out: ReadyRules = { ...DEFAULT_READY_RULES };
  if (stored !== null && typeof stored === 'object') {
    for (const name of READY_RULE_NAMES) {
      const v = (stored as Record<string, unknown>)[name];
      if (typeof v === 'boolean') out[name] = v;
    }
  }
  return out;
}

/** What the wire rules look at. */
export interface WireReadyInput extends Pick<ArticleFields, 'slugline' | 'urgency' | 'embargoedUntil'> {
  /** The article is wire copy: it has a provider or an item identity (`source.itemId`). */
  wireCopy: boolean;
  /** The instant to judge the embargo against (ms since the epoch). */
  now: number;
}

export interface WireRuleVerdict {
  id: ReadyRuleName;
  ok: boolean;
  label: string;
  detail: string;
}

function utc(ms: number): string {
  return new Date(ms).toISOString().replace(/:\d{2}\.\d{3}Z$/u, 'Z');
}

/** A failing rule's detail names the rule, so the desk knows which setting asked for it. */
function named(id: ReadyRuleName, detail: string): string {
  return detail === '' ? '' : `${detail} (desk rule "${id}")`;
}

/** The verdict of each rule that is switched on, in READY_RULE_NAMES order. */
export function wireRuleVerdicts(input: WireReadyInput, rules: ReadyRules): WireRuleVerdict[] {
  return rawVerdicts(input, rules).map((v) => ({ ...v, detail: named(v.id, v.detail) }));
}

function rawVerdicts(input: WireReadyInput, rules: ReadyRules): WireRuleVerdict[] {
  const out: WireRuleVerdict[] = [];
  if (rules.slugline) {
    const ok = input.slugline.trim() !== '';
    out.push({ id: 'slugline', ok, label: 'Slugline present', detail: ok ? '' : 'The slugline is empty.' });
  }
  if (rules.embargo) {
    const at = input.embargoedUntil === null ? null : Date.parse(input.embargoedUntil);
    let detail = '';
    if (at !== null && !Number.isFinite(at)) detail = `The embargo time "${input.embargoedUntil}" cannot be read: set it again or release it.`;
    else if (at !== null && at <= input.now) detail = `The embargo (${utc(at)}) has passed: release it or set a new time.`;
    out.push({ id: 'embargo', ok: detail === '', label: 'No lapsed embargo', detail });
  }
  if (rules.wireUrgency) {
    const ok = !input.wireCopy || input.urgency !== null;
    out.push({ id: 'wireUrgency', ok, label: 'Urgency set on wire copy', detail: ok ? '' : 'This is wire copy without an urgency (1 flash … 9).' });
  }
  return out;
}

/** Whether an article counts as wire copy for the urgency rule. */
export function isWireCopy(article: { provider: string; source?: { itemId: string | null } | null }): boolean {
  return article.provider.trim() !== '' || (article.source?.itemId ?? null) !== null;
}
