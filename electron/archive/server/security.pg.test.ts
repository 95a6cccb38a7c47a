// Who may read and write what on the shared archive, checked two ways: as
// each role directly through PostgreSQL (psql, as that login role), and
// through the app's own paths (a replica syncing as that user). Plus hostile
// field values, stored and returned exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { EditorService } from '../history/service.ts';
import { connectServer } from './connect.ts';
import { breakLock, lockState, takeLock } from '../sync/locks.ts';
import { pendingCount } from '../sync/local.ts';
import { startDesk, type Replica, type TestDesk } from '../testing/syncDesk.ts';

let desk: TestDesk;
let politicsId: string;
let sportId: string;
let chief: Replica;

const as = (user: string) => ({ user, pw: desk.person(user).password });
const sql = (user: string, text: string) => desk.pg.psql(as(user).user, as(user).pw, text);
const attempt = (user: string, text: string) => desk.pg.psqlTry(as(user).user, as(user).pw, text);

beforeAll(async () => {
  desk = await startDesk();
  chief = desk.replica('cho', { desk: 'politics' });
  politicsId = chief.archive.createArticle({ headline: 'City budget', body: bodyFromParagraphs(['Politics body.']) }).id;
  sportId = chief.archive.createArticle({ headline: 'Cup final', desk: 'sport', body: bodyFromParagraphs(['Sport body.']) }).id;
  expect(await chief.sync()).toMatchObject({ pushed: 2, refused: 0 });
}, 180_000);
afterAll(() => desk?.stop());

describe('reading: nobody sees an article of a desk they are not on', () => {
  const visible = (user: string) => sql(user, 'SELECT string_agg(id, \',\' ORDER BY id) FROM copydesk.articles').split(',').filter(Boolean);
  it('psql as each role', () => {
    expect(visible('kim')).toEqual([politicsId]);
    expect(visible('ann')).toEqual([politicsId]);
    expect(visible('spo')).toEqual([sportId]);
    expect(visible('cho').sort()).toEqual([politicsId, sportId].sort());
    expect(visible('ada').sort()).toEqual([politicsId, sportId].sort());
    for (const table of ['revisions', 'heads']) {
      expect(sql('kim', `SELECT count(*) FROM copydesk.${table} WHERE article_id = '${sportId}'`)).toBe('0');
      expect(sql('spo', `SELECT count(*) FROM copydesk.${table} WHERE article_id = '${sportId}'`)).toBe('1');
    }
    // Bodies only through a revision you can read.
    expect(sql('kim', "SELECT count(*) FROM copydesk.bodies WHERE convert_from(data, 'UTF8') LIKE '%Sport body%'")).toBe('0');
    expect(sql('spo', "SELECT count(*) FROM copydesk.bodies WHERE convert_from(data, 'UTF8') LIKE '%Sport body%'")).toBe('1');
    expect(sql('kim', 'SELECT name FROM copydesk.users')).toBe('kim');
    expect(attempt('kim', 'SELECT 1').ok).toBe(true);
    expect(desk.pg.psqlTry('kim', 'not-the-password', 'SELECT 1').ok).toBe(false);
  });

  it('through the app: a replica pulls only its desks', async () => {
    const sport = desk.replica('spo');
    expect(await sport.sync()).toMatchObject({ pulled: 1 });
    expect(sport.archive.stats().articles).toBe(1);
    expect(sport.archive.getArticle(sportId).headline).toBe('Cup final');
    const politics = desk.replica('kim');
    expect(await politics.sync()).toMatchObject({ pulled: 1 });
    expect(() => politics.archive.getArticle(sportId)).toThrow(/No article/);
  });

  it('a chief subscribed to one desk pulls only that desk', async () => {
    const narrow = desk.replica('cho', { desk: 'sport', subscribe: ['sport'] });
    await narrow.sync();
    expect(narrow.archive.stats().articles).toBe(1);
  });
});

describe('writing: roles and desks, enforced by PostgreSQL', () => {
  // Literal values (read as the chief), so a refusal is the policy's and not an empty SELECT.
  const revisionInsert = (rid: string, article: string, deskName: string, reason: string, status: string, parent: string) => {
    const [hash, bodyHash] = sql('cho', `SELECT hash || ' ' || body_hash FROM copydesk.revisions WHERE article_id = '${article}' ORDER BY seq LIMIT 1`).split(' ');
    return `INSERT INTO copydesk.revisions (rid, article_id, parents, made_at, reason, hash, fields, body_hash, word_count, desk, status)
     VALUES ('${rid}', '${article}', ARRAY['${parent}'], 'now', '${reason}', '${hash}', '{}', '${bodyHash}', 0, '${deskName}', '${status}')`;
  };
  const head = (article: string) => sql('cho', `SELECT head_rid FROM copydesk.articles WHERE id = '${article}'`);

  it('psql: an editor writes its desk only, never moves, publishes or kills; history is append-only', () => {
    const p = head(politicsId);
    const s = head(sportId);
    expect(attempt('kim', revisionInsert('kim-ok', politicsId, 'politics', 'save', 'edited', p)).ok).toBe(true);
    expect(attempt('kim', revisionInsert('kim-sport', sportId, 'sport', 'save', 'edited', s)).err).toMatch(/row-level security/);
    expect(attempt('kim', revisionInsert('kim-move', politicsId, 'sport', 'save', 'edited', 'kim-ok')).err).toMatch(/row-level security/);
    expect(attempt('kim', revisionInsert('kim-pub', politicsId, 'politics', 'save', 'published', 'kim-ok')).err).toMatch(/row-level security/);
    expect(attempt('kim', revisionInsert('kim-kill', politicsId, 'politics', 'save', 'killed', 'kim-ok')).err).toMatch(/row-level security/);
    expect(attempt('kim', `INSERT INTO copydesk.revisions (rid, article_id, made_at, reason, hash, fields, body_hash, word_count, desk, status, created_by)
      SELECT 'kim-spoof', article_id, 'now', 'save', hash, fields, body_hash, 0, desk, status, 'lee' FROM copydesk.revisions WHERE rid = 'kim-ok'`).err).toMatch(/row-level security/);
    expect(attempt('kim', "UPDATE copydesk.revisions SET fields = '{}' WHERE rid = 'kim-ok'").err).toMatch(/permission denied/);
    expect(attempt('kim', "DELETE FROM copydesk.revisions WHERE rid = 'kim-ok'").err).toMatch(/permission denied/);
    expect(attempt('kim', `UPDATE copydesk.articles SET head_rid = NULL WHERE id = '${politicsId}'`).err).toMatch(/permission denied/);
    expect(attempt('kim', "INSERT INTO copydesk.desks (name) VALUES ('kims')").err).toMatch(/row-level security|permission denied/);
    expect(attempt('kim', 'CREATE ROLE mallory LOGIN').err).toMatch(/permission denied/);
    // A parent the archive does not hold is refused too.
    expect(attempt('kim', revisionInsert('kim-orphan', politicsId, 'politics', 'save', 'edited', 'no-such-parent')).err).toMatch(/parent the archive does not hold/);
    expect(sql('cho', "SELECT count(*) FROM copydesk.revisions WHERE rid LIKE 'kim-%'")).toBe('1');
  });

  it('psql: an archivist imports but does not edit; a chief publishes and moves; an admin manages', () => {
    const p = head(politicsId);
    expect(attempt('ann', revisionInsert('ann-save', politicsId, 'politics', 'save', 'edited', p)).err).toMatch(/row-level security/);
    expect(attempt('ann', revisionInsert('ann-import', politicsId, 'politics', 'import', 'draft', p)).ok).toBe(true);
    expect(attempt('cho', revisionInsert('cho-pub', politicsId, 'politics', 'status', 'published', 'ann-import')).ok).toBe(true);
    expect(attempt('kim', revisionInsert('kim-after-pub', politicsId, 'politics', 'save', 'published', 'cho-pub')).ok).toBe(true);
    expect(attempt('spo', 'SELECT 1 FROM copydesk.articles').out).toBe('1');
    expect(attempt('ada', "INSERT INTO copydesk.desks (name) VALUES ('culture')").ok).toBe(true);
    expect(attempt('cho', "INSERT INTO copydesk.desks (name) VALUES ('weather')").err).toMatch(/row-level security|permission denied/);
  });

  it('through the app: work the rules refuse stays on the replica, pending', async () => {
    const kim = desk.replica('kim');
    await kim.sync();
    const editor = new EditorService(kim.archive);
    const own = kim.archive.createArticle({ headline: 'Kim draft', body: bodyFromParagraphs(['Text.']) });
    editor.save({ id: own.id, baseVersion: own.version, fields: { desk: 'sport' } });
    const r = await kim.sync();
    expect(r.refused).toBeGreaterThanOrEqual(1);
    expect(sql('cho', `SELECT count(*) FROM copydesk.revisions r JOIN copydesk.articles a ON a.id = r.article_id WHERE a.id = '${own.id}'`)).toBe('1');
    const ann = desk.replica('ann');
    await ann.sync();
    const theirs = ann.archive.getArticle(politicsId);
    new EditorService(ann.archive).save({ id: politicsId, baseVersion: theirs.version, fields: { dek: 'archivist edit' } });
    expect((await ann.sync()).refused).toBeGreaterThanOrEqual(1);
    expect(sql('cho', `SELECT count(*) FROM copydesk.revisions WHERE article_id = '${politicsId}' AND created_by = 'ann' AND reason <> 'import'`)).toBe('0');
    expect(pendingCount(ann.archive.db, 1)).toBeGreaterThanOrEqual(1);
  });

  it('soft locks: taken, seen by the desk, refused to others, broken only by a chief (recorded)', async () => {
    const kim = await connectServer(desk.pg.url('kim'), { password: 'kim-password' });
    const lee = await connectServer(desk.pg.url('lee'), { password: 'lee-password' });
    const cho = await connectServer(desk.pg.url('cho'), { password: 'cho-password' });
    try {
      expect(await takeLock(kim, politicsId)).toMatchObject({ holder: 'kim', mine: true, shared: true });
      expect(await takeLock(lee, politicsId)).toMatchObject({ holder: 'kim', mine: false });
      expect(await lockState(lee, politicsId)).toMatchObject({ holder: 'kim' });
      await expect(breakLock(lee, politicsId)).rejects.toThrow(/chief/);
      expect(attempt('lee', `UPDATE copydesk.articles SET lock_user = 'lee' WHERE id = '${politicsId}'`).out).toBe('');
      expect(await breakLock(cho, politicsId)).toMatchObject({ holder: 'cho', mine: true });
      expect(sql('cho', `SELECT event || ':' || holder || ':' || created_by FROM copydesk.lock_events WHERE article_id = '${politicsId}' AND event = 'break'`)).toBe('break:kim:cho');
      expect(await lockState(kim, sportId)).toMatchObject({ shared: false });
    } finally {
      await Promise.all([kim.end(), lee.end(), cho.end()]);
    }
  });
});

describe('hostile field values travel exactly', () => {
  it('SQL, very long text, lone surrogates, NUL and control characters come back identical', async () => {
    const kim = desk.replica('kim');
    const lee = desk.replica('lee');
    await kim.sync();
    const hostile = {
      headline: "'; DROP TABLE copydesk.revisions; -- \\x00 $$ E'\\\\'",
      dek: 'long '.repeat(40_000),
      byline: 'lone \ud800 surrogate and \udfff reversed \udc00\ud800',
      dateline: 'nul \u0000 bell \u0007 bidi \u202e text',
      tags: ['"quoted"', '{braces}', 'back\\slash', '\ud83d\ude00'],
    };
    const created = kim.archive.createArticle({ ...hostile, body: bodyFromParagraphs(['Body with \ud800 and \u0000 inside.']) });
    new EditorService(kim.archive).nameRevision(created.id, kim.archive.listRevisions(created.id)[0]?.id as number, 'name \udfff');
    await kim.sync();
    await lee.sync();
    // The revision (the snapshot's fields JSON) holds every value exactly, lone surrogates included.
    const revOf = (r: Replica) => r.archive.getRevision(created.id, r.archive.listRevisions(created.id)[0]?.id as number);
    const back = revOf(lee);
    expect(back.fields).toMatchObject(hostile);
    expect(back.fields).toEqual(revOf(kim).fields);
    expect(back.body).toEqual(revOf(kim).body);
    expect(back.bodyText).toBe(created.bodyText);
    // The working copy and revision names are SQLite text columns (UTF-8: a lone surrogate reads back as U+FFFD on
    // every replica alike); everything else comes back identical there too.
    const row = lee.archive.getArticle(created.id);
    expect(row).toEqual({ ...kim.archive.getArticle(created.id), version: row.version, modifiedAt: row.modifiedAt, createdAt: row.createdAt });
    expect(row.headline).toBe(hostile.headline);
    expect(row.dek).toBe(hostile.dek);
    expect(row.dateline).toBe(hostile.dateline);
    expect(lee.archive.listRevisions(created.id)[0]).toMatchObject({ name: kim.archive.listRevisions(created.id)[0]?.name, hash: kim.archive.listRevisions(created.id)[0]?.hash });
    expect(sql('cho', `SELECT count(*) FROM copydesk.revisions WHERE article_id = '${created.id}'`)).toBe('1');
    expect(sql('cho', "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'copydesk' AND table_name = 'revisions'")).toBe('1');
  });
});
