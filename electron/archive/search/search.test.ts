import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyFromParagraphs } from '../../../shared/editor/build.ts';
import type { SearchResult } from '../../../shared/model/search.ts';
import type { Archive, NewArticle } from '../archive.ts';
import { type TempArchive, tempArchive } from '../testing/tempArchive.ts';
import { compileQuery } from './query/compile.ts';
import { parseQuery } from './query/parser.ts';
import { buildSearchSql } from './search.ts';

let t: TempArchive;
let archive: Archive;
const ids: Record<string, string> = {};

const ARTICLES: Record<string, NewArticle> = {
  election: {
    headline: 'Mayor wins the election',
    byline: 'By Jane Doe',
    section: 'Politics',
    tags: ['vote', 'city'],
    status: 'published',
    postedAt: '2019-01-09T07:31:00+09:00',
    updatedAt: '2019-02-01T10:00:00+09:00',
    body: bodyFromParagraphs(['The city voted on Tuesday. Turnout was high across every district.', 'The mayor thanked voters.']),
  },
  economy: {
    headline: 'Exports slow in spring',
    dek: 'Election worries weigh on trade',
    section: 'Business',
    tags: ['trade'],
    status: 'ready',
    postedAt: '2019-03-15T09:00:00+09:00',
    body: bodyFromParagraphs(['Exporters blamed the strong currency. Economists expect electricity prices to rise.']),
  },
  sports: {
    headline: 'Late goal settles the derby',
    byline: 'By John Smith',
    section: 'Sport',
    tags: ['football'],
    status: 'draft',
    postedAt: '2020-06-01T20:00:00+01:00',
    updatedAt: '2020-06-02T08:00:00+01:00',
    body: bodyFromParagraphs(['A late goal decided the derby. Fans celebrated the election of a new club captain.']),
  },
  korean: {
    headline: '김정은 위원장, 신년사 발표',
    byline: '홍길동 기자',
    section: '정치',
    status: 'published',
    postedAt: '2019-01-01T09:00:00+09:00',
    body: bodyFromParagraphs(['북한 김정은이 신년사에서 비핵화 권리에 대해 언급했다.', '전문가들은 대화 재개를 전망했다.']),
  },
  japanese: {
    headline: '東京都知事選挙の結果',
    section: '政治',
    postedAt: '2020-07-05T21:00:00+09:00',
    body: bodyFromParagraphs(['東京都知事選挙で現職が再選された。投票率は前回を下回った。']),
  },
  symbols: {
    headline: 'C++ and the "quoted" word',
    section: 'Tech',
    postedAt: '2021-01-01T00:00:00Z',
    body: bodyFromParagraphs(['Developers argued about C++ templates, e-mail and the café downstairs.']),
  },
};

beforeAll(() => {
  t = tempArchive();
  archive = t.archive;
  for (const [key, input] of Object.entries(ARTICLES)) ids[key] = archive.createArticle(input).id;
});
afterAll(() => t.cleanup());

const found = (r: SearchResult) => r.hits.map((h) => Object.keys(ids).find((k) => ids[k] === h.id)).sort();
const search = (q: string, sort?: 'relevance' | 'posted' | 'updated') => archive.search(q, { limit: 50, ...(sort ? { sort } : {}) });

describe('the query language', () => {
  it.each([
    ['mayor', ['election']],
    ['mayor voters', ['election']],
    ['"late goal"', ['sports']],
    ['"goal late"', []],
    ['elect*', ['economy', 'election', 'sports']],
    ['election OR derby', ['economy', 'election', 'sports']],
    ['election NOT derby', ['economy', 'election']],
    ['election -captain', ['economy', 'election']],
    ['(mayor OR exports) city', ['election']],
    ['headline:election', ['election']],
    ['byline:smith', ['sports']],
    ['byline:"jane doe"', ['election']],
    ['section:business', ['economy']],
    ['section:Politics mayor', ['election']],
    ['tag:football', ['sports']],
    ['status:ready', ['economy']],
    ['-section:sport election', ['economy', 'election']],
    ['posted:2019', ['economy', 'election', 'korean']],
    ['posted:2019-01', ['election', 'korean']],
    ['posted:2019-01-09', ['election']],
    ['posted:2019-01-02..2019-03-31', ['economy', 'election']],
    ['posted:..2019-01-05', ['korean']],
    ['updated:2020', ['sports']],
    ['cafe', ['symbols']],
    ['café', ['symbols']],
    ['김정은', ['korean']],
    ['권리', ['korean']],
    ['신년사', ['korean']],
    ['headline:신년사', ['korean']],
    ['byline:홍길동', ['korean']],
    ['東京', ['japanese']],
    ['知事選', ['japanese']],
    ['投票率', ['japanese']],
    ['mayor OR 김정은', ['election', 'korean']],
  ])('%s', (query, expected) => {
    expect(found(search(query))).toEqual(expected);
  });

  it('gives the total independently of limit and offset', () => {
    const page1 = archive.search('elect*', { limit: 1 });
    const page2 = archive.search('elect*', { limit: 1, offset: 1 });
    expect(page1.total).toBe(3);
    expect(page1.hits).toHaveLength(1);
    expect(page2.hits[0]?.id).not.toBe(page1.hits[0]?.id);
  });

  it('ranks a headline match above a body-only match', () => {
    const r = search('election');
    expect(r.hits[0]?.id).toBe(ids.election);
    expect(r.hits.at(-1)?.id).toBe(ids.sports);
    expect(r.hits.every((h, i, all) => i === 0 || (all[i - 1] as { score: number }).score >= h.score)).toBe(true);
  });

  it('sorts by posted and by updated time, newest first', () => {
    expect(search('elect*', 'posted').hits.map((h) => h.id)).toEqual([ids.sports, ids.economy, ids.election]);
    expect(search('elect*', 'updated').hits.map((h) => h.id)).toEqual([ids.sports, ids.economy, ids.election]);
    expect(search('', 'posted').hits[0]?.id).toBe(ids.symbols);
  });

  it('returns snippets as data segments with the matches marked', () => {
    const hit = search('"late goal"').hits[0];
    expect(hit?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['late goal']);
    expect(hit?.snippet.map((s) => s.text).join('')).toContain('A late goal decided the derby.');
    const ko = search('권리').hits[0];
    expect(ko?.snippet.filter((s) => s.match).map((s) => s.text)).toEqual(['권리']);
  });

  it('lists every article for an empty query', () => {
    expect(search('').total).toBe(Object.keys(ARTICLES).length);
  });
});

describe('queries that would break a naive search', () => {
  const hostile = [
    '"', '""', '"""', '"unclosed phrase', 'mayor"', '(', ')', '((mayor', 'mayor))', ')(', 'OR', 'AND', 'NOT', 'OR OR OR',
    'mayor OR', 'NOT NOT', 'AND mayor', '-', '--', '- mayor', '*', '**', 'mayor**', '^', '^mayor', ':', 'headline:', 'section:',
    'posted:', 'posted:2019-13', 'posted:2019-02-30', 'posted:banana', 'posted:2020..2019', 'status:lost', '{headline}: mayor',
    'headline : mayor', 'NEAR(mayor voters)', 'mayor + voters', 'col:mayor', 'a:b:c', '\\', "'; DROP TABLE articles; --",
    '%', '_', '😀', '😀 mayor', '\u0000', '\u200b', 'ｍａｙｏｒ', 'a'.repeat(10_000), 'mayor '.repeat(2000),
    '"'.repeat(999), '('.repeat(500) + 'mayor', 'x'.repeat(200) + '*', '김', '"김정은', '-김정은', 'NOT 김정은', '{', '}', '[]', '@#$%',
  ];
  it.each(hostile.map((q) => [q.length > 40 ? `${q.slice(0, 40)}… (${q.length} chars)` : JSON.stringify(q), q]))('%s does not throw', (_label, q) => {
    const r = archive.search(q);
    expect(Array.isArray(r.hits)).toBe(true);
    expect(r.total).toBeGreaterThanOrEqual(r.hits.length);
  });

  it('has at least 30 hostile cases', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(30);
  });

  it('degrades to the closest literal search', () => {
    expect(found(search('"late goal'))).toEqual(['sports']);
    expect(search('"late goal').notices.join(' ')).toMatch(/unclosed quote/);
    expect(found(search('mayor OR'))).toEqual(['election']);
    expect(found(search('((mayor'))).toEqual(['election']);
    expect(found(search('c++'))).toEqual(['symbols']);
    expect(found(search('e-mail'))).toEqual(['symbols']);
    expect(found(search("'; DROP TABLE articles; --"))).toEqual([]);
    expect(search('mayor').total).toBe(1);
    expect(search('posted:banana').notices.join(' ')).toMatch(/not a date/);
    expect(search('*').total).toBe(0);
  });
});

describe('the query plan', () => {
  it('orders relevance hits by FTS5 rank with no temporary B-tree sort, with or without filters', () => {
    for (const q of ['election', 'election section:politics', 'elect* tag:vote posted:2019', '김정은']) {
      const parsed = parseQuery(q);
      for (const minRowid of [null, 2]) {
        const { sql, params } = buildSearchSql(compileQuery(parsed.root), 'relevance', minRowid);
        const plan = archive.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 20, 0) as Array<{ detail: string }>;
        const details = plan.map((p) => p.detail).join('\n');
        expect(details).toMatch(/VIRTUAL TABLE/);
        expect(details).not.toMatch(/TEMP B-TREE/);
      }
    }
  });
});

describe('ranking very common words', () => {
  it('ranks only the most recently added matches past the window, with an exact total and a notice', async () => {
    const { searchArticles } = await import('./search.ts');
    const local = tempArchive();
    try {
      const made: string[] = [];
      for (let i = 0; i < 12; i += 1) made.push(local.archive.createArticle({ headline: `Common word ${i}`, body: bodyFromParagraphs(['common text']) }).id);
      const r = searchArticles(local.archive.db, 'common', { limit: 50 }, { rankWindow: 5 });
      expect(r.total).toBe(12);
      expect(r.hits.map((h) => h.id).sort()).toEqual(made.slice(-5).sort());
      expect(r.notices.join(' ')).toMatch(/most recently added of 12 matches/);
      const full = searchArticles(local.archive.db, 'common', { limit: 50 }, { rankWindow: 100 });
      expect(full.hits).toHaveLength(12);
      expect(full.notices).toEqual([]);
    } finally {
      local.cleanup();
    }
  });
});

describe('facets for the filter chips', () => {
  it('counts sections and tags, most used first', () => {
    const facets = archive.facets();
    expect(facets.sections).toEqual(expect.arrayContaining([{ value: 'Politics', count: 1 }, { value: '정치', count: 1 }]));
    expect(facets.sections).toHaveLength(6);
    expect(facets.tags.map((t) => t.value).sort()).toEqual(['city', 'football', 'trade', 'vote']);
  });
});
