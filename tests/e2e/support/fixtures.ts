// Archives for the Chromium tests. Text is synthetic or from the seed and the
// ko/ja Wikinews corpora (CC BY 2.5): never bbc-news or reuters (research-only),
// because the screenshots in docs/ show what these archives hold.
import { existsSync, mkdirSync, readdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Archive } from '../../../electron/archive/archive.ts';
import { importPaths } from '../../../electron/archive/import/importer.ts';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import type { ArticleStatus } from '../../../shared/model/article.ts';

export const CORPUS = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'corpus');

const PLACES = ['Harbour', 'Northfield', 'Riverside', 'Eastgate', 'Hillcrest', 'Lakeview', 'Westmoor', 'Southbank'];
const SUBJECTS = ['council', 'school board', 'port authority', 'transit agency', 'hospital trust', 'water utility', 'library service', 'museum'];
const ACTIONS = ['approves', 'delays', 'rejects', 'reviews', 'funds', 'questions', 'expands', 'suspends'];
const PAST = ['approved', 'delayed', 'rejected', 'reviewed', 'funded', 'questioned', 'expanded', 'suspended'];
const OBJECTS = ['ferry timetable', 'budget plan', 'bridge repairs', 'night bus route', 'flood defences', 'reading programme', 'solar roof project', 'archive digitisation'];
const SECTIONS = ['local', 'business', 'politics', 'culture'];
const STATUSES: ArticleStatus[] = ['draft', 'edited', 'ready', 'published'];
const TAGS = ['transport', 'budget', 'environment', 'education', 'health'];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length] as T;
}

/** The i-th synthetic article: deterministic, so tests can name what they expect. */
export function syntheticArticle(i: number) {
  const place = pick(PLACES, i);
  const subject = pick(SUBJECTS, Math.floor(i / 3));
  const action = pick(ACTIONS, Math.floor(i / 5));
  const object = pick(OBJECTS, Math.floor(i / 7));
  const month = (i % 12) + 1;
  const day = (i % 27) + 1;
  const posted = `2019-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:${String(i % 60).padStart(2, '0')}:00+00:00`;
  const headline = `${place} ${subject} ${action} ${object}`;
  return {
    headline,
    section: pick(SECTIONS, i),
    status: pick(STATUSES, i),
    tags: [pick(TAGS, i), pick(TAGS, i + 2)],
    byline: `By Staff Writer ${(i % 9) + 1}`,
    language: 'en',
    postedAt: posted,
    updatedAt: posted,
    body: bodyFromParagraphs([
      `The ${place} ${subject} ${pick(PAST, Math.floor(i / 5))} the ${object} on Tuesday after a long meeting, officials said.`,
      `Residents asked how the ${object} would be paid for; the ${subject} said a report would follow within weeks. Reference ${i}.`,
    ]),
  };
}

/** Insert `count` synthetic articles in one transaction (fast: no import machinery). */
export function insertSynthetic(archive: Archive, count: number, start = 0): void {
  archive.db.transaction(() => {
    for (let i = start; i < start + count; i++) archive.insertWithRevision(syntheticArticle(i));
  })();
}

/** A small mixed archive: synthetic English plus the seed and some Korean and Japanese Wikinews. */
export async function buildBrowseArchive(path: string, options: { synthetic?: number; perLanguage?: number } = {}): Promise<void> {
  const archive = Archive.open(path);
  try {
    insertSynthetic(archive, options.synthetic ?? 240);
    const staging = `${path}-sources`;
    mkdirSync(staging, { recursive: true });
    copyCorpus('ko-wikinews', staging, options.perLanguage ?? 120);
    copyCorpus('ja-wikinews', staging, options.perLanguage ?? 120);
    copyFileSync(join(CORPUS, 'seed', 'donga-2019-01-09-denuke.txt'), join(staging, 'donga-2019-01-09-denuke.txt'));
    await importPaths(archive, [staging], { timezone: 'Asia/Seoul' });
  } finally {
    archive.close();
  }
}

function copyCorpus(name: string, into: string, count: number): void {
  const dir = join(CORPUS, name, 'articles');
  if (!existsSync(dir)) return;
  const target = join(into, name);
  mkdirSync(target, { recursive: true });
  for (const file of readdirSync(dir).sort().slice(0, count)) copyFileSync(join(dir, file), join(target, file));
}

/** A folder of plain-text files to import from the UI ("headline, blank line, body"). */
export function writeImportFolder(dir: string, count: number, offset = 10_000): string[] {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = syntheticArticle(offset + i);
    const name = `story-${String(i).padStart(5, '0')}.txt`;
    writeFileSync(join(dir, name), `${a.headline} (import ${i})\n\nImported copy number ${i} about the ${a.section} desk.\n\nSecond paragraph of file ${i}.\n`);
    names.push(name);
  }
  return names;
}
