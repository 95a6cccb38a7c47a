// The "ready" checklist, live: what still blocks moving the story to ready,
// and the desk's configurable rules (kept in the archive, so switching one
// here applies to the CLI and every other editor of this archive too).
import { useId } from 'react';
import type { Checklist } from '../../../../shared/editing/workflow.ts';
import { READY_RULE_NAMES, type ReadyRuleName, type ReadyRules } from '../../../../shared/editing/readyRules.ts';

const RULE_LABELS: Readonly<Record<ReadyRuleName, string>> = {
  slugline: 'Require a slugline',
  embargo: 'Refuse a lapsed embargo until it is released',
  wireUrgency: 'Require an urgency on wire copy',
};

export interface ReadyChecklistProps {
  checklist: Checklist;
  /** The desk's rules and a way to switch them; without them the rules are not shown. */
  rules?: ReadyRules;
  onRule?(name: ReadyRuleName, on: boolean): void;
}

export function ReadyChecklist({ checklist, rules, onRule }: ReadyChecklistProps) {
  const titleId = useId();
  return (
    <section className="cd-checklist" aria-labelledby={titleId} data-ready={checklist.ready}>
      <h2 id={titleId}>
        Ready checklist <span aria-hidden="true">{checklist.ready ? '✓' : ''}</span>
      </h2>
      <ul>
        {checklist.items.map((item) => (
          <li key={item.id} data-item={item.id} data-ok={item.ok}>
            <span aria-hidden="true">{item.ok ? '✓' : '✗'}</span> {item.label}
            {!item.ok && <div className="cd-blocker">{item.detail}</div>}
          </li>
        ))}
      </ul>
      {rules && onRule && (
        <details className="cd-desk-rules">
          <summary>Desk rules</summary>
          {READY_RULE_NAMES.map((name) => (
            <label key={name} className="cd-desk-rule">
              <input type="checkbox" name={`rule-${name}`} checked={rules[name]} onChange={(e) => onRule(name, e.target.checked)} /> {RULE_LABELS[name]}
            </label>
          ))}
        </details>
      )}
    </section>
  );
}
