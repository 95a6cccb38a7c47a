import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { fakeClock, tempArchive, type TempArchive } from '../testing/tempArchive.ts';
import { revisionsToPrune } from './retention.ts';
import { EditorService } from './service.ts';
import { DAY, DEFAULT_HISTORY_SETTINGS, MINUTE } from './settings.ts';

let t: TempArchive | undefined;
afterEach(() => t?.cleanup());

/** Ten days of editing: each day, 6 autosave revisions (one per 10+ minutes), and a status change on day 3. */
function tenDaysOfEditing(settings = {}) {
  const clock = fakeClock('2026-03-01T08:00:00.000Z');
  t = tempArchive({ clock });
  const service = new EditorService(t.archive, settings);
  const article = service.create({ headline: 'Long-running story', body: bodyFromParagraphs(['Day zero.']) });
  let version = article.version;
  for (let day = 0; day < 10; day++) {
    clock.set(new Date(Date.parse('2026-03-01T09:00:00.000Z') + day * DAY).toISOString());
    for (let k = 0; k < 6; k++) {
      clock.advance(11 * MINUTE);
      version = service.autosave({ id: article.id, baseVersion: version, body: bodyFromParagraphs([`Day ${day} edit ${k}.`]) }).version;
    }
    if (day === 2) version = service.setStatus({ id: article.id, status: 'edited', baseVersion: version }).article!.version;
  }
  return { clock, service, article };
}

describe('retention', () => {
  it('thins autosaves older than 7 days to one per day and keeps everything newer', () => {
    const { service, article, clock } = tenDaysOfEditing();
    const nowMs = clock.now().getTime();
    const revs = service.history(article.id);
    const autosaves = revs.filter((r) => r.reason === 'autosave');
    const old = autosaves.filter((r) => nowMs - Date.parse(r.createdAt) > 7 * DAY);
    const days = new Set(old.map((r) => r.createdAt.slice(0, 10)));
    expect(old.length).toBe(days.size);
    expect(days.size).toBeGreaterThanOrEqual(2);
    // Of each whole day before the cutoff (1 and 2 March), only the newest autosave survives.
    const wholeOldDays = old.filter((r) => r.createdAt < '2026-03-03');
    expect(wholeOldDays.map((r) => r.createdAt)).toEqual(['2026-03-01T10:06:00.000Z', '2026-03-02T10:06:00.000Z']);
    const recent = autosaves.filter((r) => nowMs - Date.parse(r.createdAt) <= 7 * DAY);
    expect(recent.length).toBeGreaterThanOrEqual(7 * 6);
    // The import/save and the status revision are kept forever.
    expect(revs.filter((r) => r.reason === 'save')).toHaveLength(1);
    expect(revs.filter((r) => r.reason === 'status')).toHaveLength(1);
  });

  it('keeps named autosaves and the latest revision, and frees unreferenced snapshots', () => {
    const { service, article, clock, } = tenDaysOfEditing({ retention: { keepAllForMs: DAY } });
    const first = service.history(article.id).find((r) => r.reason === 'autosave')!;
    service.nameRevision(article.id, first.id, 'as published');
    const before = t!.archive.db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number };
    clock.advance(30 * DAY);
    const result = service.prune();
    expect(result.deleted).toBeGreaterThan(0);
    const revs = service.history(article.id);
    expect(revs.some((r) => r.id === first.id && r.name === 'as published')).toBe(true);
    const latest = revs[revs.length - 1]!;
    expect(latest.createdAt.startsWith('2026-03-10')).toBe(true);
    const after = t!.archive.db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number };
    expect(after.n).toBeLessThan(before.n);
    expect(t!.archive.check().ok).toBe(true);
  });

  it('never prunes the latest revision even when it is an old unnamed autosave', () => {
    const rows = [
      { id: 1, createdAt: '2026-01-01T10:00:00.000Z', reason: 'autosave' as const, name: null, hash: 'a' },
      { id: 2, createdAt: '2026-01-01T11:00:00.000Z', reason: 'autosave' as const, name: null, hash: 'b' },
      { id: 3, createdAt: '2026-01-01T09:00:00.000Z', reason: 'autosave' as const, name: null, hash: 'c' },
    ];
    const doomed = revisionsToPrune(rows, DEFAULT_HISTORY_SETTINGS.retention, Date.parse('2026-02-01T00:00:00.000Z'));
    // id 3 is the latest by id (clock went back); it survives, and so does the newest other of the day.
    expect(doomed.map((r) => r.id)).toEqual([1]);
  });

  it('is configurable: thinning save revisions too when asked', () => {
    const rows = [
      { id: 1, createdAt: '2026-01-01T10:00:00.000Z', reason: 'save' as const, name: null, hash: 'a' },
      { id: 2, createdAt: '2026-01-01T11:00:00.000Z', reason: 'save' as const, name: null, hash: 'b' },
      { id: 3, createdAt: '2026-01-01T12:00:00.000Z', reason: 'import' as const, name: null, hash: 'c' },
      { id: 4, createdAt: '2026-01-20T12:00:00.000Z', reason: 'save' as const, name: null, hash: 'd' },
    ];
    const now = Date.parse('2026-02-01T00:00:00.000Z');
    expect(revisionsToPrune(rows, DEFAULT_HISTORY_SETTINGS.retention, now)).toEqual([]);
    const policy = { ...DEFAULT_HISTORY_SETTINGS.retention, thinnedReasons: ['save' as const] };
    expect(revisionsToPrune(rows, policy, now).map((r) => r.id)).toEqual([1]);
  });
});

describe('retention with a shared archive', () => {
  it('never prunes a revision a remote knows, and keeps the chain of parents whole when it prunes unpushed ones', () => {
    const { service, article, clock } = tenDaysOfEditing({ retention: { keepAllForMs: DAY } });
    const db = t!.archive.db;
    db.prepare("INSERT INTO remotes (name, url, added_at) VALUES ('desk', 'postgres://x@h/d', 'now')").run();
    // The first five days were pushed.
    const pushed = service.history(article.id).filter((r) => r.createdAt < '2026-03-06');
    for (const r of pushed) db.prepare('INSERT INTO remote_revisions (remote_id, revision_id) VALUES (1, ?)').run(r.id);
    clock.advance(30 * DAY);
    expect(service.prune().deleted).toBeGreaterThan(0);
    const after = service.history(article.id);
    for (const r of pushed) expect(after.some((a) => a.id === r.id)).toBe(true);
    // Every parent named is still held: the chain goes from the newest revision down to the first.
    const rids = new Set(after.map((r) => r.rid));
    for (const r of after) for (const p of r.parents) expect(rids.has(p)).toBe(true);
    expect(after.filter((r) => r.parents.length === 0)).toHaveLength(1);
    const head = db.prepare('SELECT head_rid FROM articles WHERE id = ?').pluck().get(article.id);
    expect(head).toBe(after[after.length - 1]?.rid);
  });
});
