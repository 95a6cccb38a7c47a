// Path grants: how a file or folder the user chose reaches main without the
// page ever naming a path. Main turns the user's act (its native dialog, or a
// drop on the window read by the preload) into a grant it holds; the page gets
// the grant's id and hands that back (import.start). A leaf module shared by
// the domains that mention grants.
import { z } from 'zod';

/** What a grant lets main do with its paths. An import grant is read; export and backup grants are written. */
export const GRANT_SCOPES = ['import', 'export', 'backup'] as const;
export type GrantScope = (typeof GRANT_SCOPES)[number];

export interface PathGrantValue {
  /** Unguessable (256 random bits), single use, short-lived, valid only for the window it was issued to. */
  id: string;
  /** What the user chose, for the window to show; main never takes a path back from the page. */
  paths: string[];
}

/** A grant id as the page may send it: shaped like one, or refused as invalid-payload before main looks it up. */
export const grantId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/);

/** Most paths one act may grant (a drop of a huge selection, a multi-select in the dialog). */
export const MAX_GRANT_PATHS = 10_000;
