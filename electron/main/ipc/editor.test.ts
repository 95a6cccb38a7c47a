import { afterEach, describe, expect, it } from 'vitest';
import { bodyFromParagraphs, bodyState, linkNode, paragraph, textNode } from '../../../shared/editor/build.ts';
import { bodySchema, editorContract } from '../../../shared/contract/editor.ts';
import { tempArchive, type TempArchive } from '../../archive/testing/tempArchive.ts';
import { editorHandlers } from './editor.ts';

let t: TempArchive | undefined;
afterEach(() => t?.cleanup());

describe('editor IPC handlers', () => {
  it('serve a create → autosave → save → diff → restore round trip', async () => {
    t = tempArchive();
    const a = t.archive;
    const opened = await editorHandlers.create.run(a, { headline: 'New story' });
    expect(opened).toMatchObject({ unrecorded: false, article: { headline: 'New story', status: 'draft' } });
    const id = opened.article.id;
    const auto = await editorHandlers.autosave.run(a, { id, baseVersion: opened.article.version, body: bodyFromParagraphs(['Hello desk.']) });
    const saved = await editorHandlers.save.run(a, { id, baseVersion: auto.version, fields: { headline: 'New story, updated' }, name: 'sent to desk' });
    const { revisions } = await editorHandlers.history.run(a, { id });
    expect(revisions.map((r) => r.name)).toEqual([null, 'sent to desk']);
    const diff = await editorHandlers.diff.run(a, { id, from: revisions[0]!.id, to: 'current' });
    expect(diff.fields.filter((f) => f.changed).map((f) => f.field)).toEqual(['headline', 'body']);
    const restored = await editorHandlers.restore.run(a, { id, revisionId: revisions[0]!.id, field: 'headline', baseVersion: saved.version });
    expect(restored.article).toMatchObject({ headline: 'New story', bodyText: 'Hello desk.' });
  });
});

describe('editor contract schemas', () => {
  it('accept a body built from the registry', () => {
    const body = bodyState([paragraph([textNode('See '), linkNode('https://example.com/a', [textNode('this')])])]);
    expect(bodySchema.safeParse(body).success).toBe(true);
  });

  it('refuse unknown node types and unsafe link schemes', () => {
    const script = { root: { ...bodyFromParagraphs(['x']).root, children: [{ type: 'script', version: 1, children: [] }] } };
    expect(bodySchema.safeParse(script).success).toBe(false);
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>', 'vbscript:x', 'not a url']) {
      const body = bodyState([paragraph([linkNode(url, [textNode('click')])])]);
      expect(bodySchema.safeParse(body).success, url).toBe(false);
    }
  });

  it('refuse extra keys and bad versions in payloads', () => {
    const autosave = editorContract.methods.autosave.input;
    expect(autosave.safeParse({ id: 'abc', baseVersion: 0 }).success).toBe(false);
    expect(autosave.safeParse({ id: 'abc', baseVersion: 1, sql: 'DROP' }).success).toBe(false);
    expect(autosave.safeParse({ id: 'abc', baseVersion: 1, fields: { status: 'filed' } }).success).toBe(false);
    expect(autosave.safeParse({ id: 'abc', baseVersion: 1, fields: { headline: 'ok', targetLength: null } }).success).toBe(true);
  });
});
