// Prepared statements cached per connection. Preparing costs as much as
// running a small insert, and the importer runs the same few statements
// hundreds of thousands of times.
import type { Statement } from 'better-sqlite3';
import type { Db } from './open.ts';

const caches = new WeakMap<Db, Map<string, Statement>>();
const MAX_PER_DB = 200;

export function stmt(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_PER_DB) cache.delete(cache.keys().next().value as string);
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
