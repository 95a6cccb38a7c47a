// The "ready" checklist, live: what still blocks moving the story to ready.
import { useId } from 'react';
import type { Checklist } from '../../../../shared/editing/workflow.ts';

export function ReadyChecklist({ checklist }: { checklist: Checklist }) {
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
    </section>
  );
}
