// Family 2's measuring side, shared by the family (core kills) and its child
// (renderer kills): what was typed, what the archive kept, how much typing the
// kill cost, and whether the file and every revision row are still sound.
// Plain Node (core only), so both the node and the e2e tsconfig accept it.
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { Archive } from '../../../electron/archive/archive.ts';

/** One kill: the child (or the family) fills this in while typing. */
export interface TrialRecord {
  kind: 'renderer' | 'core';
  /** An article seeded for this trial, or a brand-new one made from the File menu. */
  target: 'existing' | 'new';
  id: string;
  /** The body text before typing started. */
  base: string;
  /** What the trial meant to type, in full; only a prefix was typed before the kill. */
  text: string;
  /** When each typed character was in the page (ms since epoch), in order. */
  times: number[];
  killedAt: number;
}

export interface TrialOutcome {
  typed: number;
  kept: number;
  /** Time between the first lost character and the kill; 0 when nothing was lost. */
  lostMs: number;
  failures: string[];
  /** What the archive holds for the article (the next session must show exactly this). */
  stored: { headline: string; text: string };
}

/** What the family asks of crashEditingChild.ts (its argv[2], as JSON). */
export interface ChildTrial {
  target: { kind: 'existing'; id: string; headline: string } | { kind: 'new'; headline: string };
  text: string;
  killAfterMs: number;
}

export interface ChildConfig {
  mode: 'renderer' | 'core';
  archivePath: string;
  trials: ChildTrial[];
  /** null: the CI size reports the typing lost without a bar (tests/faults/lib/timeBars.ts). */
  lossBarMs: number | null;
  /** core mode: the article the previous (killed) child typed into. */
  verify?: { id: string; headline: string };
}

const WORDS = ['council', 'ferry', 'harbour', 'budget', 'the', 'said', 'on', 'Monday', 'residents', 'would', 'plan', 'new', 'school', 'road', 'late', 'and'];

/** A sentence-like run of about `length` characters (seeded by the caller's rng). */
export function typingText(next: () => number, length: number, leadingSpace: boolean): string {
  let out = leadingSpace ? ' ' : '';
  while (out.length < length) out += `${WORDS[Math.floor(next() * WORDS.length)]}${next() < 0.12 ? '. ' : ' '}`;
  return out.slice(0, length);
}

/**
 * Seed one article per trial, dated a day back: its newest revision is then
 * older than the autosave-revision interval, so the trial's first autosave
 * also writes a revision (the rows a kill could break), not only the working copy.
 */
export function seedTrialArticles(archivePath: string, count: number): Array<{ id: string; headline: string; base: string }> {
  const dayAgo = { now: () => new Date(Date.now() - 86_400_000) };
  const archive = Archive.open(archivePath, { clock: dayAgo });
  try {
    const out = [];
    for (let i = 0; i < count; i++) {
      const headline = `Crash trial ${i} council story`;
      const base = `Trial ${i}: the council met on Tuesday.`;
      const article = archive.createArticle({ headline, body: bodyFromParagraphs([base]) }, 'save');
      out.push({ id: article.id, headline, base });
    }
    return out;
  } finally {
    archive.close();
  }
}

/** Open the archive as a restarted app would and measure one trial. */
export function measureTrial(archivePath: string, rec: TrialRecord, lossBarMs: number | null): TrialOutcome {
  const failures: string[] = [];
  const archive = Archive.open(archivePath);
  try {
    const report = archive.check();
    if (!report.ok) failures.push(`check after the kill: ${JSON.stringify(report.problems).slice(0, 300)}`);
    failures.push(...brokenRows(archive));
    let stored = { headline: '', text: '' };
    try {
      const article = archive.getArticle(rec.id);
      stored = { headline: article.headline, text: article.bodyText };
      for (const rev of archive.listRevisions(rec.id)) {
        try {
          archive.getRevision(rec.id, rev.id);
        } catch (error) {
          failures.push(`revision ${rev.id} of ${rec.id} does not load: ${(error as Error).message}`);
        }
      }
    } catch (error) {
      failures.push(`the draft ${rec.id} is gone: ${(error as Error).message}`);
    }
    const label = `${rec.kind} kill, ${rec.target} article`;
    let kept = 0;
    if (!stored.text.startsWith(rec.base)) failures.push(`${label}: the text before typing was damaged: ${JSON.stringify(stored.text.slice(0, 80))}`);
    else {
      const added = stored.text.slice(rec.base.length);
      if (!rec.text.startsWith(added)) failures.push(`${label}: the archive holds text that was not typed: ${JSON.stringify(added.slice(0, 80))}`);
      else kept = added.length;
    }
    // A key press in flight at the kill may have landed without its time being recorded.
    const typed = Math.max(rec.times.length, kept);
    const firstLostAt = kept < rec.times.length ? (rec.times[kept] as number) : rec.killedAt;
    const lostMs = kept >= typed ? 0 : Math.max(0, rec.killedAt - firstLostAt);
    if (lossBarMs !== null && lostMs > lossBarMs) failures.push(`${label}: lost ${lostMs} ms of typing (kept ${kept} of ${typed} chars; bar ${lossBarMs} ms)`);
    return { typed, kept, lostMs, failures, stored };
  } finally {
    archive.close();
  }
}

/** Revision rows whose snapshot, body or article does not resolve, and articles without a body. */
function brokenRows(archive: Archive): string[] {
  const out: string[] = [];
  const revisions = archive.db
    .prepare(
      `SELECT r.id FROM revisions r
       LEFT JOIN snapshots s ON s.id = r.snapshot_id
       LEFT JOIN bodies b ON b.id = s.body_id
       LEFT JOIN articles a ON a.seq = r.article_seq
       WHERE s.id IS NULL OR b.id IS NULL OR a.seq IS NULL OR NOT json_valid(s.fields)`,
    )
    .all() as Array<{ id: number }>;
  if (revisions.length) out.push(`${revisions.length} broken revision rows (e.g. ${revisions[0]!.id})`);
  const articles = archive.db.prepare('SELECT a.id FROM articles a LEFT JOIN bodies b ON b.id = a.body_id WHERE b.id IS NULL').all() as Array<{ id: string }>;
  if (articles.length) out.push(`${articles.length} articles without a body (e.g. ${articles[0]!.id})`);
  const missingRevision = archive.db.prepare('SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.article_seq = a.seq)').all() as Array<{ id: string }>;
  if (missingRevision.length) out.push(`${missingRevision.length} articles with no revision at all (e.g. ${missingRevision[0]!.id})`);
  return out;
}
