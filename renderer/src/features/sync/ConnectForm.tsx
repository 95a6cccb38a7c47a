// The shared archive's settings: its URL (your own user), the desk new
// articles go to, and the password — which main hands to the OS keychain,
// never to the archive. Checked by signing in before anything is saved.
import { useState } from 'react';
import type { RemoteStatusValue, SyncStatusValue } from '../../../../shared/contract/sync.ts';
import { syncApi } from './api.ts';

export function ConnectForm({ remote, onDone, onCancel }: { remote?: RemoteStatusValue | undefined; onDone(status: SyncStatusValue): void; onCancel(): void }) {
  const [url, setUrl] = useState(remote?.url ?? '');
  const [desk, setDesk] = useState(remote?.desk ?? '');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const r = await syncApi.connect({ name: remote?.name ?? 'desk', url: url.trim(), desk: desk.trim(), password });
    setBusy(false);
    setPassword('');
    if (!r.ok) return setError(r.error.message);
    onDone(r.value);
  };
  return (
    <form className="sync-connect" aria-label="Connect to a shared archive" onSubmit={(e) => void submit(e)}>
      <label>
        URL <input required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="postgres://you@server/copydesk?sslmode=require" />
      </label>
      <label>
        Desk <input value={desk} onChange={(e) => setDesk(e.target.value)} placeholder="politics" />
      </label>
      <label>
        Password <input required type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Connect
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <span role="alert" className="sync-connect-error">
          {error}
        </span>
      )}
    </form>
  );
}
