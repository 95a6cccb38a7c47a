import { describe, expect, it } from 'vitest';
import { DEFAULT_READY_RULES, isWireCopy, readyRulesFrom, wireRuleVerdicts } from './readyRules.ts';
import { readyChecklist } from './workflow.ts';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const all = { slugline: true, embargo: true, wireUrgency: true };
const clean = { slugline: 'BC-Rates', urgency: 3, embargoedUntil: null, wireCopy: true, now: NOW };

describe('ready rules', () => {
  it('pass clean wire copy', () => {
    expect(wireRuleVerdicts(clean, all).map((v) => [v.id, v.ok])).toEqual([
      ['slugline', true],
      ['embargo', true],
      ['wireUrgency', true],
    ]);
  });

  it('name the rule that fails and why', () => {
    const v = wireRuleVerdicts({ ...clean, slugline: '  ', urgency: null, embargoedUntil: '2026-12-03T09:00:00+09:00' }, all);
    expect(v.every((x) => !x.ok)).toBe(true);
    expect(v[0]!.detail).toBe('The slugline is empty. (desk rule "slugline")');
    expect(v[1]!.detail).toBe('The embargo (2026-12-03T00:00Z) has passed: release it or set a new time. (desk rule "embargo")');
    expect(v[2]!.detail).toContain('wire copy without an urgency');
  });

  it('let a future embargo through (it is a hold, not a mistake) and refuse an unreadable one', () => {
    expect(wireRuleVerdicts({ ...clean, embargoedUntil: '2026-12-04T00:00:00Z' }, all)[1]!.ok).toBe(true);
    expect(wireRuleVerdicts({ ...clean, embargoedUntil: '2026-12-03T12:00:00Z' }, all)[1]!.ok).toBe(false);
    expect(wireRuleVerdicts({ ...clean, embargoedUntil: 'soon' }, all)[1]!.detail).toContain('cannot be read');
  });

  it('ask an urgency only of wire copy', () => {
    expect(wireRuleVerdicts({ ...clean, urgency: null, wireCopy: false }, all)[2]!.ok).toBe(true);
    expect(isWireCopy({ provider: 'dpa' })).toBe(true);
    expect(isWireCopy({ provider: '', source: { itemId: 'urn:x' } })).toBe(true);
    expect(isWireCopy({ provider: ' ', source: { itemId: null } })).toBe(false);
  });

  it('check only the rules that are on', () => {
    expect(wireRuleVerdicts({ ...clean, slugline: '' }, { ...all, slugline: false }).map((v) => v.id)).toEqual(['embargo', 'wireUrgency']);
    expect(wireRuleVerdicts({ ...clean, slugline: '' }, DEFAULT_READY_RULES).some((v) => v.id === 'slugline')).toBe(false);
  });

  it('read stored settings through the defaults, ignoring wrong shapes', () => {
    expect(readyRulesFrom(undefined)).toEqual(DEFAULT_READY_RULES);
    expect(readyRulesFrom({ slugline: true, embargo: 'yes', other: true })).toEqual({ ...DEFAULT_READY_RULES, slugline: true });
    expect(readyRulesFrom([true])).toEqual(DEFAULT_READY_RULES);
  });

  it('join the fixed checklist when the wire fields are given', () => {
    const base = { headline: 'H', dek: '', bodyText: 'copy', targetLength: null };
    expect(readyChecklist(base).items.map((i) => i.id)).toEqual(['headline', 'tk', 'length']);
    const list = readyChecklist({ ...base, wire: { ...clean, slugline: '' }, rules: all });
    expect(list.ready).toBe(false);
    expect(list.items.filter((i) => !i.ok).map((i) => i.id)).toEqual(['slugline']);
  });
});
