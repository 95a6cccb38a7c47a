// The import's state in the window, driven by main's events so that an import
// started from the menu, a button or a drop shows the same progress.
import { useCallback, useEffect, useState } from 'react';
import type { PathGrantValue } from '../../../../shared/contract/grants.ts';
import type { ImportProgressValue, ImportReportSummaryValue } from '../../../../shared/contract/import.ts';
import type { ErrorValue } from '../../../../shared/result.ts';
import { api } from '../../api/client.ts';

export type ImportState =
  | { phase: 'idle' }
  | { phase: 'running'; paths: string[]; progress: ImportProgressValue | null; cancelling: boolean }
  | { phase: 'done'; report: ImportReportSummaryValue }
  | { phase: 'failed'; error: { code: string; message: string } };

const ZONE_KEY = 'copydesk.import.timezone';

function savedZone(): string {
  try {
    return localStorage.getItem(ZONE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function useImport() {
  const [state, setState] = useState<ImportState>({ phase: 'idle' });
  // The zone assumed for source times that name none ('' = this computer's); remembered between sessions.
  const [zone, setZoneState] = useState(savedZone);
  const setZone = useCallback((value: string) => {
    setZoneState(value);
    try {
      localStorage.setItem(ZONE_KEY, value);
    } catch {
      // storage unavailable: the choice lasts for this session only
    }
  }, []);

  useEffect(() => {
    const offs = [
      api.import.onStarted(({ paths }) => setState({ phase: 'running', paths, progress: null, cancelling: false })),
      api.import.onProgress((progress) => setState((s) => (s.phase === 'running' ? { ...s, progress } : s))),
      api.import.onFinished((result) => setState(result.ok ? { phase: 'done', report: result.report } : { phase: 'failed', error: result.error })),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  // What to import reaches main as a grant it issued for the user's dialog choice or drop, never as paths.
  const start = useCallback(
    async (grant: PathGrantValue | null): Promise<ErrorValue | null> => {
      if (grant === null) return null;
      const result = await api.import.start(zone ? { grant: grant.id, timezone: zone } : { grant: grant.id });
      return result.ok ? null : result.error;
    },
    [zone],
  );

  const choose = useCallback(
    async (kind: 'files' | 'folder'): Promise<ErrorValue | null> => {
      const chosen = await api.app.choosePaths({ kind });
      if (!chosen.ok) return chosen.error;
      return start(chosen.value.grant);
    },
    [start],
  );

  const cancel = useCallback(async () => {
    setState((s) => (s.phase === 'running' ? { ...s, cancelling: true } : s));
    await api.import.cancel({});
  }, []);

  const dismiss = useCallback(() => setState({ phase: 'idle' }), []);

  return { state, start, choose, cancel, dismiss, zone, setZone };
}
