// The status bar's shared-archive indicator: online or offline, changes
// waiting to go up, the last sync, conflicts; click to sync now. Hidden when
// the archive has no remote (a desktop on its own works as it always did).
import { useEffect, useState } from 'react';
import type { SyncStatusValue } from '../../../../shared/contract/sync.ts';
import { syncApi } from './api.ts';
import { ConnectForm } from './ConnectForm.tsx';
import './sync.css';

function ago(iso: string | null): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  return new Date(iso).toLocaleString();
}

export function SyncIndicator() {
  const [status, setStatus] = useState<SyncStatusValue | null>(null);
  const [busy, setBusy] = useState(false);
  const [connecting, setConnecting] = useState(false);
  useEffect(() => {
    let live = true;
    void syncApi.status({}).then((r) => live && r.ok && setStatus(r.value));
    const off = syncApi.onChanged((s) => setStatus(s));
    return () => {
      live = false;
      off();
    };
  }, []);
  const remote = status?.remotes[0];
  if (!status) return null;
  if (connecting)
    return (
      <ConnectForm
        remote={remote}
        onDone={(s) => {
          setStatus(s);
          setConnecting(false);
        }}
        onCancel={() => setConnecting(false)}
      />
    );
  if (!remote || !status.running)
    return (
      <button type="button" className="sync-indicator sync-offline" data-testid="sync-connect" onClick={() => setConnecting(true)}>
        {remote ? `${remote.name}: sign in to sync…` : 'Shared archive…'}
      </button>
    );
  const state = remote.online ? 'online' : 'offline';
  const syncNow = async () => {
    setBusy(true);
    await syncApi.syncNow({});
    const r = await syncApi.status({});
    if (r.ok) setStatus(r.value);
    setBusy(false);
  };
  return (
    <button
      type="button"
      className={`sync-indicator sync-${state}`}
      data-testid="sync-indicator"
      data-state={state}
      onClick={() => void syncNow()}
      disabled={busy}
      title={remote.lastError ?? `${remote.url} · desk ${remote.desk || '—'} · click to sync now`}
      aria-label={`Shared archive ${remote.name}: ${state}, ${remote.pending} changes waiting to go up, last sync ${ago(remote.lastSync)}${status.conflicts ? `, ${status.conflicts} in conflict` : ''}. Sync now.`}
    >
      <span aria-hidden="true">{remote.online ? '●' : '○'}</span> {state} · {remote.pending} waiting · synced {ago(remote.lastSync)}
      {status.conflicts > 0 && <span className="sync-conflicts"> · {status.conflicts} in conflict</span>}
    </button>
  );
}
