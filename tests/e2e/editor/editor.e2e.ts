// The editor in Chromium against the real core (tests/e2e/support): writing,
// autosave across a reload and a crash, save/diff/restore, hostile paste,
// conflicts between two windows, and the ready checklist.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BODY_NODE_TYPES } from '../../../shared/editor/nodes.ts';
import { openSession, type Session } from '../support/session.ts';
import { caretToEnd, freshPage, history, newArticle, openInEditor, paste, readArchive, seedArticle, stored, waitSaved } from './helpers.ts';

let dir: string;
let archivePath: string;
let session: Session;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'copydesk-editor-e2e-'));
  archivePath = join(dir, 'archive.sqlite');
  seedArticle(archivePath, { headline: 'Harbour ferry timetable changes', targetLength: 12 }, ['The ferry will run TK times a day from June, the port said.']);
  seedArticle(archivePath, { headline: 'Library opens late on Thursdays' }, ['The central library will open until nine.']);
  seedArticle(archivePath, { headline: 'Paste target story' }, ['Start.']);
  seedArticle(archivePath, { headline: 'Two windows story' }, ['Shared text.']);
  seedArticle(archivePath, { headline: 'Formatting story' }, ['Intro.']);
  seedArticle(archivePath, { headline: 'Ferry checklist story', targetLength: 12 }, ['The ferry will run TK times a day from June, the port said.']);
  session = await openSession(archivePath);
});

afterEach(async () => {
  for (const p of session.context.pages()) await p.close().catch(() => undefined);
});

afterAll(async () => {
  await session?.close();
  rmSync(dir, { recursive: true, force: true });
});

function nodeTypes(node: { type: string; children?: unknown[] }, out = new Set<string>()): Set<string> {
  out.add(node.type);
  for (const child of (node.children ?? []) as Array<{ type: string; children?: unknown[] }>) nodeTypes(child, out);
  return out;
}

describe('the editor', () => {
  it('writes a new story, autosaves it, and has it back after a reload', async () => {
    const page = await freshPage(session);
    await newArticle(page);
    await page.getByLabel('Headline', { exact: true }).fill('Tram line reopens after storm');
    await caretToEnd(page);
    await page.keyboard.type('Trams ran again on Monday.');
    await waitSaved(page);
    const id = await page.locator('.cd-editor').getAttribute('data-article-id');
    expect(stored(archivePath, id!)).toMatchObject({ headline: 'Tram line reopens after storm', slug: 'tram-line-reopens-after-storm', bodyText: 'Trams ran again on Monday.' });
    await page.reload();
    await openInEditor(page, 'Tram line reopens after storm');
    await expect.poll(() => page.getByTestId('editor-body').innerText()).toBe('Trams ran again on Monday.');
    expect(await page.getByTestId('count-body').innerText()).toContain('5 words');
  });

  it('saves pending text when the app switches away from the editor at once', async () => {
    const page = await freshPage(session);
    await newArticle(page);
    await page.getByLabel('Headline', { exact: true }).fill('Switch away story');
    await caretToEnd(page);
    await page.keyboard.type('Typed just before leaving.');
    // File › Find (the menu) returns to the archive browser immediately, well inside the 1 s debounce.
    await page.evaluate(() => window.__copydeskEmit('copydesk:app!menu', { command: 'find' }));
    await page.getByTestId('editor-body').waitFor({ state: 'hidden' }); // its tab goes to the back (still mounted)
    const row = () => readArchive(archivePath, (a) => a.db.prepare("SELECT id FROM articles WHERE headline = 'Switch away story'").get() as { id: string } | undefined);
    await expect.poll(() => row()?.id ?? null).not.toBeNull();
    await expect.poll(() => stored(archivePath, row()!.id).bodyText).toBe('Typed just before leaving.');
  });

  it('loses at most ~2 s of typing when the page is killed mid-sentence', async () => {
    const page = await freshPage(session);
    await openInEditor(page, 'Library opens late on Thursdays');
    await caretToEnd(page);
    const typed = ' Staff said the change would help students revising for exams in the spring term.';
    const times: number[] = [];
    for (const ch of typed) {
      await page.keyboard.type(ch);
      times.push(Date.now());
      await page.waitForTimeout(40);
    }
    const cdp = await session.context.newCDPSession(page);
    const killedAt = Date.now();
    // The renderer dies at once: no unload handler, no last flush (the answer never comes).
    void cdp.send('Page.crash').catch(() => undefined);
    // Give an in-flight write time to commit; nothing after the crash can add text.
    await new Promise((r) => setTimeout(r, 500));
    const id = readId('Library opens late on Thursdays')!;
    const text = stored(archivePath, id).bodyText;
    const base = 'The central library will open until nine.';
    expect(text.startsWith(base)).toBe(true);
    const kept = text.length - base.length;
    expect(typed.startsWith(text.slice(base.length))).toBe(true);
    const firstLostAt = kept < typed.length ? times[kept]! : killedAt;
    console.log(`crash: kept ${kept} of ${typed.length} typed chars; the first lost one was typed ${killedAt - firstLostAt} ms before the kill`);
    expect(killedAt - firstLostAt, `kept ${kept} of ${typed.length} chars`).toBeLessThanOrEqual(2000);
    // A fresh window shows the recovered text.
    const page2 = await freshPage(session);
    await openInEditor(page2, 'Library opens late on Thursdays');
    await expect.poll(() => page2.getByTestId('editor-body').innerText()).toBe(text);
    await page2.close();
  });

  it('saves, edits, saves, compares and restores one field', async () => {
    const page = await freshPage(session);
    await openInEditor(page, 'Harbour ferry timetable changes');
    await page.getByLabel('Headline', { exact: true }).fill('Harbour ferry timetable halved');
    await page.keyboard.press('Control+s');
    await waitSaved(page);
    await caretToEnd(page);
    await page.keyboard.type(' Fares stay the same.');
    await page.keyboard.press('Control+s');
    await waitSaved(page);
    await page.getByRole('button', { name: 'History' }).click();
    const rows = page.locator('.cd-revisions tbody tr[data-revision]');
    await expect.poll(() => rows.count()).toBe(3);
    await page.getByLabel(/^Compare from revision/).first().check();
    await rows.last().getByLabel(/^Compare to revision/).check();
    await page.getByRole('button', { name: 'Compare A → B' }).click();
    const headline = page.locator('.cd-diff-field[data-field="headline"]');
    await expect.poll(() => headline.locator('del').allInnerTexts()).toEqual(['changes']);
    expect(await headline.locator('ins').allInnerTexts()).toEqual(['halved']);
    expect(await page.locator('.cd-diff-field[data-field="body"] ins').innerText()).toContain('Fares stay the same.');
    await page.getByRole('button', { name: 'Side by side' }).click();
    expect(await headline.locator('.cd-diff-side > div').count()).toBe(2);
    await headline.getByRole('button', { name: /^Restore headline from A \(revision/ }).click();
    await expect.poll(() => page.getByLabel('Headline', { exact: true }).inputValue()).toBe('Harbour ferry timetable changes');
    expect(await page.getByTestId('editor-body').innerText()).toContain('Fares stay the same.');
    const id = (await page.locator('.cd-editor').getAttribute('data-article-id'))!;
    expect(history(archivePath, id).map((r) => r.reason)).toEqual(['save', 'save', 'save', 'restore']);
    expect(stored(archivePath, id)).toMatchObject({ headline: 'Harbour ferry timetable changes' });
  });

  it('keeps only safe nodes from a hostile paste, and structure from a Word paste', async () => {
    const page = await freshPage(session);
    await openInEditor(page, 'Paste target story');
    await caretToEnd(page);
    await page.keyboard.press('Enter');
    await paste(page, {
      'text/html': [
        '<script>window.__pwned = 1</script><img src="https://evil.example/x.png" onerror="window.__pwned = 2">',
        '<h1 style="color:red" class="title" onclick="window.__pwned = 3">Big title</h1>',
        '<p class="MsoNormal" style="font-family:Comic Sans;color:red">Plain <b>bold</b> <span style="font-style:italic;background:yellow">slanted</span></p>',
        '<p><a href="javascript:window.__pwned = 4">bad link</a> and <a href="https://ok.example/path" target="_blank" onmouseover="x()">good link</a></p>',
        '<svg><script>window.__pwned = 5</script><a href="javascript:1"><text>svg text</text></a></svg>',
        '<iframe src="https://evil.example/"></iframe><object data="x"></object><form><input value="field"></form>',
        '<ul><li>one</li><li>two</li></ul><table><tr><td>cell text</td></tr></table>',
      ].join(''),
      'text/plain': 'fallback',
    });
    await paste(page, {
      'text/html':
        "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span>Word item one<o:p></o:p></p>" +
        "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span>Word item two<o:p></o:p></p>",
    });
    const body = page.getByTestId('editor-body');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await body.locator('script, img, svg, iframe, object, form, input, table').count()).toBe(0);
    const attrs = await body.evaluate((el) =>
      Array.from(el.querySelectorAll('*')).flatMap((n) => Array.from(n.attributes).map((a) => `${n.localName}[${a.name}=${a.value}]`)),
    );
    expect(attrs.filter((a) => /\[on|style=|javascript:/i.test(a))).toEqual([]);
    expect(await body.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['https://ok.example/path']);
    expect(await body.locator('h2').innerText()).toBe('Big title');
    expect(await body.locator('ul li').allInnerTexts()).toEqual(['one', 'two', 'Word item one', 'Word item two']);
    expect(await body.innerText()).toContain('bad link');
    expect(await body.locator('.cd-bold').allInnerTexts()).toEqual(['bold']);
    expect(await body.locator('.cd-italic').allInnerTexts()).toEqual(['slanted']);
    await waitSaved(page);
    const id = (await page.locator('.cd-editor').getAttribute('data-article-id'))!;
    const article = stored(archivePath, id);
    const types = [...nodeTypes(article.body.root)];
    expect(types.every((t) => (BODY_NODE_TYPES as readonly string[]).includes(t)), types.join(',')).toBe(true);
    expect(JSON.stringify(article.body)).not.toMatch(/javascript:|evil\.example|color:|font-family/);
  });

  it('detects a stale save from a second window and keeps both texts on "keep mine"', async () => {
    const page = await freshPage(session);
    await openInEditor(page, 'Two windows story');
    const other = await freshPage(session);
    await openInEditor(other, 'Two windows story');
    await caretToEnd(other);
    await other.keyboard.type(' Written in window two.');
    await waitSaved(other);
    await page.bringToFront();
    await caretToEnd(page);
    await page.keyboard.type(' Written in window one.');
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ timeout: 10_000 });
    expect(await dialog.innerText()).toContain('changed elsewhere');
    await dialog.getByRole('button', { name: 'Keep mine on top' }).click();
    await waitSaved(page);
    const id = (await page.locator('.cd-editor').getAttribute('data-article-id'))!;
    const texts = history(archivePath, id).map((r) => r.id);
    const bodies = texts.map((rev) => readRevisionText(id, rev));
    expect(bodies).toContain('Shared text. Written in window two.');
    expect(bodies.at(-1)).toBe('Shared text. Written in window one.');
    await other.close();
  });

  it('formats with Markdown shortcuts and the toolbar, edits links safely, and undoes', async () => {
    const page = await freshPage(session);
    await openInEditor(page, 'Formatting story');
    await caretToEnd(page);
    const body = page.getByTestId('editor-body');
    await page.keyboard.press('Enter');
    await page.keyboard.type('## Council reaction');
    expect(await body.locator('h2').innerText()).toBe('Council reaction');
    expect(await page.getByLabel('Block type').inputValue()).toBe('h2');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- first point');
    await page.keyboard.press('Enter');
    await page.keyboard.type('second point');
    expect(await body.locator('ul li').allInnerTexts()).toEqual(['first point', 'second point']);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+b');
    await page.keyboard.type('Strong words');
    expect(await page.getByRole('button', { name: 'Bold (Ctrl+B)' }).getAttribute('aria-pressed')).toBe('true');
    expect(await body.locator('.cd-bold').innerText()).toBe('Strong words');
    await page.keyboard.press('Shift+Home');
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.getByLabel('Link URL').fill('javascript:alert(1)');
    await page.getByLabel('Link URL').press('Enter');
    expect(await page.getByRole('alert').filter({ hasText: 'Links must be' }).count()).toBe(1);
    await page.getByLabel('Link URL').fill('example.com/council');
    await page.getByLabel('Link URL').press('Enter');
    expect(await body.locator('a').getAttribute('href')).toBe('https://example.com/council');
    await page.keyboard.press('End');
    await page.keyboard.type(' extra');
    await page.keyboard.press('Control+z');
    await expect.poll(() => body.innerText()).not.toContain(' extra');
    await waitSaved(page);
    const id = (await page.locator('.cd-editor').getAttribute('data-article-id'))!;
    const types = [...nodeTypes(stored(archivePath, id).body.root)];
    expect(types).toEqual(expect.arrayContaining(['heading', 'list', 'listitem', 'link']));
  });

  it('shows the ready checklist and blocks ready until the TK is gone', async () => {
    const page = await freshPage(session);
    await openInEditor(page, 'Ferry checklist story');
    const checklist = page.getByRole('region', { name: 'Ready checklist' });
    await expect.poll(() => checklist.locator('li[data-item="tk"]').getAttribute('data-ok')).toBe('false');
    expect(await checklist.innerText()).toContain('1 TK marker still in the copy.');
    expect(await page.getByTestId('count-tk').innerText()).toBe('TK markers: 1');
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('ready');
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Not ready');
    await page.getByTestId('editor-body').click();
    await page.keyboard.press('Control+f');
    await page.getByLabel('Find', { exact: true }).fill('TK');
    await page.getByLabel('Replace with').fill('four');
    await expect.poll(() => page.locator('.cd-find-count').innerText()).toBe('1 of 1');
    await page.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => checklist.getAttribute('data-ready')).toBe('true');
    await page.getByRole('combobox', { name: 'Status', exact: true }).selectOption('ready');
    const id = (await page.locator('.cd-editor').getAttribute('data-article-id'))!;
    await expect.poll(() => stored(archivePath, id).status).toBe('ready');
    expect(stored(archivePath, id).bodyText).toContain('run four times');
    expect(history(archivePath, id).at(-1)!.reason).toBe('status');
  });
});

function readId(headline: string): string | undefined {
  const row = readArchive(archivePath, (a) => a.db.prepare('SELECT id FROM articles WHERE headline = ?').get(headline) as { id: string } | undefined);
  return row?.id;
}

function readRevisionText(id: string, revisionId: number): string {
  return readArchive(archivePath, (a) => a.getRevision(id, revisionId).bodyText);
}
