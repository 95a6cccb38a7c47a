// Step 7 adds `revision_items` (which version of a wire item an import
// revision holds): an older archive comes through untouched, and afterwards
// imports of items record their versions there.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import { Archive } from '../archive.ts';
import { tempDir } from '../testing/tempArchive.ts';
import { LATEST_VERSION, MIGRATIONS } from './index.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const STEP = MIGRATIONS.findIndex((m) => m.name === 'item-versions');
const dump = (a: Archive, table: string) => a.db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all();

describe('migration 7: item-versions', () => {
  it('keeps every article and revision of an archive made before it, then records item versions, and cascades with revisions', () => {
    expect(STEP).toBeGreaterThan(0);
    expect(MIGRATIONS[STEP]?.version).toBe(7);
    const t = tempDir();
    cleanup = t.cleanup;
    const path = join(t.dir, 'before.sqlite');
    const old = Archive.open(path, { migrations: MIGRATIONS.slice(0, STEP) });
    const a = old.createArticle({ headline: 'Harbour plan approved', body: bodyFromParagraphs(['The council approved the plan.']), source: { path: '/in/a.txt' } });
    old.save({ id: a.id, baseVersion: 1, fields: { status: 'ready', urgency: 3 } });
    const before = { articles: dump(old, 'articles'), revisions: dump(old, 'revisions'), snapshots: dump(old, 'snapshots') };
    expect(old.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'revision_items'").pluck().get()).toBe(0);
    old.close();

    const migrated = Archive.open(path);
    expect(migrated.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect({ articles: dump(migrated, 'articles'), revisions: dump(migrated, 'revisions'), snapshots: dump(migrated, 'snapshots') }).toEqual(before);
    expect(dump(migrated, 'revision_items')).toEqual([]);
    expect(migrated.listRevisions(a.id).map((r) => r.itemVersion)).toEqual([undefined, undefined]);
    expect(migrated.check()).toMatchObject({ ok: true, problems: [] });

    const item = migrated.createArticle({
      headline: 'Wire item',
      source: { path: '/in/item.xml', itemProvider: 'dpa', itemId: 'urn:x', itemVersion: 4 },
    });
    const [rev] = migrated.listRevisions(item.id);
    expect(rev?.itemVersion).toBe(4);
    expect(dump(migrated, 'revision_items')).toEqual([{ revision_id: rev?.id, item_version: 4 }]);
    expect(() => migrated.db.prepare('INSERT INTO revision_items (revision_id, item_version) VALUES (999999, 1)').run()).toThrow(/FOREIGN KEY/u);
    migrated.db.prepare('DELETE FROM articles WHERE id = ?').run(item.id);
    expect(dump(migrated, 'revision_items')).toEqual([]);
    expect(migrated.check()).toMatchObject({ ok: true });

    const fresh = Archive.open(join(t.dir, 'fresh.sqlite'));
    const schema = (x: Archive) => x.db.prepare("SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'search_index_%' ORDER BY name").all();
    expect(schema(migrated)).toEqual(schema(fresh));
    fresh.close();
    migrated.close();
  });
});
