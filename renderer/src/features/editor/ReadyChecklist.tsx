// The "ready" checklist, live: what still blocks moving the story to ready.
import type { Checklist } from '../../../../shared/editing/workflow.ts';

export function ReadyChecklist({ checklist }: { checklist: Checklist }) {
  return (
    <section className="cd-checklist" aria-label="Ready checklist" data-ready={checklist.ready}>
      <h3>Ready checklist {checklist.ready ? '✓' : ''}</h3>
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
