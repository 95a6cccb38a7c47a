// The values the filter chips offer: the most used sections, tags and
// providers, and the urgencies in use, with their counts. Small aggregates; the section index keeps the first cheap.
import type { Facets } from '../../../shared/model/search.ts';
import type { Db } from '../db/open.ts';
import { stmt } from '../db/statements.ts';

export function searchFacets(db: Db, limit = 60): Facets {
  const sections = stmt(
    db,
    `SELECT section AS value, count(*) AS count FROM articles WHERE section <> '' GROUP BY section COLLATE NOCASE ORDER BY count DESC LIMIT ?`,
  ).all(limit) as Facets['sections'];
  const tags = stmt(
    db,
    `SELECT j.value AS value, count(*) AS count FROM articles, json_each(articles.tags) AS j GROUP BY j.value ORDER BY count DESC LIMIT ?`,
  ).all(limit) as Facets['tags'];
  const providers = stmt(
    db,
    `SELECT provider AS value, count(*) AS count FROM articles WHERE provider <> '' GROUP BY provider COLLATE NOCASE ORDER BY count DESC, value COLLATE NOCASE LIMIT ?`,
  ).all(limit) as Facets['providers'];
  const urgencies = stmt(
    db,
    `SELECT CAST(urgency AS TEXT) AS value, count(*) AS count FROM articles WHERE urgency IS NOT NULL GROUP BY urgency ORDER BY urgency`,
  ).all() as Facets['urgencies'];
  return { sections, tags, providers, urgencies };
}
