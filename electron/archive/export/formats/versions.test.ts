// An exported item's identity through the real exporter and the CLI: the
// article's stable guid; a version that stays put when the same copy is
// exported again (in any format) and grows with each exported revision; the
// update or correction signal on later versions; guid and version in the
// report and the manifest. Each export still records an `export` revision.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../../shared/editor/build.ts';
import { runCli } from '../../../cli/run.ts';
import { Archive } from '../../archive.ts';
import { tempArchive, type TempArchive } from '../../testing/tempArchive.ts';
import { exportArticles } from '../exporter.ts';
import { copyHash } from '../identity.ts';

let t: TempArchive | undefined;
afterEach(() => t?.cleanup());

function exportOnce(archive: Archive, id: string, format: 'nitf' | 'newsml-g2' | 'ninjs' | 'html', dir: string) {
  const report = exportArticles(archive, [id], { outDir: dir, format });
  const file = report.files[0];
  if (!file?.file) throw new Error(`export failed: ${JSON.stringify(report)}`);
  return { file, text: readFileSync(join(dir, file.file), 'utf8'), manifest: JSON.parse(readFileSync(report.manifest, 'utf8')) as { articles: Array<{ guid?: string; version?: number }> } };
}

describe('export identity and versions', () => {
  it('keeps the guid, bumps the version only when the copy changed, and signals update then correction', () => {
    t = tempArchive();
    const { archive, dir } = t;
    const a = archive.createArticle({ headline: 'Harbour reopens', slugline: 'HARBOUR', body: bodyFromParagraphs(['The harbour reopened on Monday.']) });
    const guid = `urn:uuid:${a.id}`;

    const first = exportOnce(archive, a.id, 'newsml-g2', join(dir, 'e1'));
    expect(first.text).toMatch(new RegExp(`guid="${guid}" version="1"`, 'u'));
    expect(first.text).not.toContain('<signal');
    expect(first.file).toMatchObject({ guid, version: 1 });
    expect(first.manifest.articles[0]).toMatchObject({ guid, version: 1 });

    // Same copy again, and in another format: still version 1. A status change is not copy either.
    expect(exportOnce(archive, a.id, 'nitf', join(dir, 'e2')).text).toContain('<du-key key="HARBOUR" version="1" generation="1"/>');
    archive.save({ id: a.id, baseVersion: 1, fields: { status: 'ready' } });
    expect(JSON.parse(exportOnce(archive, a.id, 'ninjs', join(dir, 'e3')).text)).toMatchObject({ uri: guid, version: '1' });

    // An edit, exported: version 2, an update.
    archive.save({ id: a.id, baseVersion: 2, body: bodyFromParagraphs(['The harbour reopened on Tuesday.']) });
    const second = exportOnce(archive, a.id, 'newsml-g2', join(dir, 'e4'));
    expect(second.text).toMatch(new RegExp(`guid="${guid}" version="2"`, 'u'));
    expect(second.text).toContain('<signal qcode="sig:update"/>');

    // The desk marks it a correction and fixes it again: version 3, a correction.
    archive.save({ id: a.id, baseVersion: 3, fields: { signals: ['correction'] }, body: bodyFromParagraphs(['The harbour reopened on Wednesday.']) });
    const third = exportOnce(archive, a.id, 'nitf', join(dir, 'e5'));
    expect(third.text).toContain('version="3" generation="3"');
    expect(third.text).toContain('<correction info="Correction to version 2"');
    // Exporting the HTML page does not take a version of its own.
    exportOnce(archive, a.id, 'html', join(dir, 'e6'));
    expect(exportOnce(archive, a.id, 'newsml-g2', join(dir, 'e7')).text).toMatch(/version="3"/u);

    const exports = archive.listRevisions(a.id).filter((r) => r.reason === 'export');
    expect(exports).toHaveLength(7);
  });

  it('an earlier copy restored and exported again keeps the version it was first exported as', () => {
    t = tempArchive();
    const { archive, dir } = t;
    const a = archive.createArticle({ headline: 'Bridge closes', body: bodyFromParagraphs(['The bridge closed on Monday.']) });
    const v1 = archive.listRevisions(a.id)[0]?.id as number;
    exportOnce(archive, a.id, 'nitf', join(dir, 'e1'));
    exportOnce(archive, a.id, 'nitf', join(dir, 'e2'));
    // A workflow change is a new snapshot but the same copy: still version 1.
    archive.save({ id: a.id, baseVersion: 1, fields: { status: 'ready' } });
    expect(exportOnce(archive, a.id, 'ninjs', join(dir, 'e3')).file).toMatchObject({ version: 1 });
    archive.save({ id: a.id, baseVersion: 2, body: bodyFromParagraphs(['The bridge closed on Tuesday.']) });
    expect(exportOnce(archive, a.id, 'ninjs', join(dir, 'e4')).file).toMatchObject({ version: 2 });
    // The third snapshot exported, exported again unchanged: its copy is the second version.
    expect(exportOnce(archive, a.id, 'nitf', join(dir, 'e5')).file).toMatchObject({ version: 2 });
    archive.restore(a.id, v1, { baseVersion: 3 });
    // Monday's copy was version 1; exported again after Tuesday's, it is still version 1, and its next change is version 3.
    expect(exportOnce(archive, a.id, 'ninjs', join(dir, 'e6')).file).toMatchObject({ version: 1 });
    archive.save({ id: a.id, baseVersion: 4, body: bodyFromParagraphs(['The bridge closed on Wednesday.']) });
    expect(exportOnce(archive, a.id, 'newsml-g2', join(dir, 'e7')).file).toMatchObject({ version: 3 });
  });

  it('a copy hash ignores workflow state but not copy', () => {
    const base = { headline: 'H', dek: 'D' };
    expect(copyHash({ ...base, status: 'published', desk: 'sports' }, 'b')).toBe(copyHash({ ...base, status: 'draft' }, 'b'));
    expect(copyHash({ ...base, urgency: 2 }, 'b')).not.toBe(copyHash(base, 'b'));
    expect(copyHash(base, 'b')).not.toBe(copyHash(base, 'c'));
  });
});

describe('copydesk export --format nitf|newsml-g2|ninjs', () => {
  it('writes each format, with --ninjs-version and --provider, and refuses bad combinations', async () => {
    t = tempArchive();
    const id = t.archive.createArticle({ headline: 'Council votes', body: bodyFromParagraphs(['The council voted.']) }).id;
    t.archive.close();
    const run = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...args, '--db', (t as TempArchive).path], { out: (s) => out.push(s), err: (s) => err.push(s), env: {}, interactive: false });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const nitf = await run('export', id, '--out', join(t.dir, 'n'), '--format', 'nitf', '--provider', 'Harbour Desk', '--json');
    expect(nitf.code).toBe(0);
    const report = JSON.parse(nitf.out) as { files: Array<{ file: string; guid: string; version: number }> };
    expect(report.files[0]).toMatchObject({ guid: `urn:uuid:${id}`, version: 1 });
    expect(report.files[0]?.file).toMatch(/\.xml$/u);
    expect(readFileSync(join(t.dir, 'n', report.files[0]?.file ?? ''), 'utf8')).toContain('regsrc="Harbour Desk"');

    const ninjs = await run('export', id, '--out', join(t.dir, 'j'), '--format', 'ninjs', '--ninjs-version', '3', '--json');
    expect(ninjs.code).toBe(0);
    const file = (JSON.parse(ninjs.out) as { files: Array<{ file: string }> }).files[0]?.file ?? '';
    expect(JSON.parse(readFileSync(join(t.dir, 'j', file), 'utf8')).standard).toMatchObject({ name: 'ninjs', version: '3.1' });
    expect(JSON.parse(readFileSync(join(t.dir, 'j', 'manifest.json'), 'utf8'))).toMatchObject({ format: 'ninjs', ninjsVersion: 3 });

    expect((await run('export', id, '--out', join(t.dir, 'x1'), '--format', 'ninjs', '--ninjs-version', '4')).code).toBe(1);
    expect((await run('export', id, '--out', join(t.dir, 'x2'), '--format', 'nitf', '--ninjs-version', '2')).code).toBe(1);
    expect((await run('export', id, '--out', join(t.dir, 'x3'), '--format', 'nitf', '--provider', ' ')).code).toBe(1);
  });
});
