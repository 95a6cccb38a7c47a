// What "nothing lost, nothing doubled" means, measured on an archive file.
import { Archive } from '../../../electron/archive/archive.ts';

export interface SetCheck {
  articles: number;
  lost: number;
  duplicated: number;
  unexpected: number;
}

/** Compare the archive's headlines with the distinct headlines of the source. */
export function compareHeadlines(path: string, expected: Set<string>): SetCheck {
  const archive = Archive.open(path, { readonly: true });
  try {
    const rows = archive.db.prepare('SELECT headline, count(*) AS n FROM articles GROUP BY headline').all() as Array<{ headline: string; n: number }>;
    const seen = new Map(rows.map((r) => [r.headline, r.n]));
    let lost = 0;
    for (const h of expected) if (!seen.has(h)) lost += 1;
    let duplicated = 0;
    let unexpected = 0;
    for (const [h, n] of seen) {
      if (n > 1) duplicated += n - 1;
      if (!expected.has(h)) unexpected += n;
    }
    return { articles: rows.reduce((s, r) => s + r.n, 0), lost, duplicated, unexpected };
  } finally {
    archive.close();
  }
}
