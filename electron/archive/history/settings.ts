// How often autosaves become revisions and how long they are kept. One object,
// so the app can make them configurable and tests can shrink them.
import type { RevisionReason } from '../../../shared/model/revision.ts';

export interface RetentionPolicy {
  /** Every revision younger than this is kept. */
  keepAllForMs: number;
  /** Older revisions of these reasons thin to one per bucket; all other reasons are kept forever. */
  thinnedReasons: readonly RevisionReason[];
  /** Bucket width for thinning (a UTC day by default): the newest revision in each bucket survives. */
  bucketMs: number;
}

export interface HistorySettings {
  /** Autosaves become a revision at most once per this interval. */
  autosaveRevisionIntervalMs: number;
  retention: RetentionPolicy;
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = {
  autosaveRevisionIntervalMs: 10 * MINUTE,
  retention: { keepAllForMs: 7 * DAY, thinnedReasons: ['autosave'], bucketMs: DAY },
};

export function historySettings(overrides: Partial<HistorySettings> & { retention?: Partial<RetentionPolicy> } = {}): HistorySettings {
  return {
    autosaveRevisionIntervalMs: overrides.autosaveRevisionIntervalMs ?? DEFAULT_HISTORY_SETTINGS.autosaveRevisionIntervalMs,
    retention: { ...DEFAULT_HISTORY_SETTINGS.retention, ...(overrides.retention ?? {}) },
  };
}
