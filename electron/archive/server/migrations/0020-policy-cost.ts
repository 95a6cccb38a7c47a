import type { ServerMigration } from './types.ts';

// The same rules as step 1, written so that checking them costs what the rows
// a statement touches cost, not what the whole archive holds. Measured with
// EXPLAIN (ANALYZE, BUFFERS) as an editor (BENCHMARKS.md, "Sync"): a pull
// batch of 2,000 revisions read every article the user may see, calling
// `on_desk` (a query per call) on each, once for the batch and again for its
// bodies — the first pull of 100,000 articles spent most of its server time
// there, and more with every article added.
//
// - The caller's desks are read once per statement: `(SELECT …)` around an
//   uncorrelated call is an InitPlan, evaluated once, where a bare call in a
//   policy runs for every row. `on_desk` keeps its meaning (write checks and
//   the `me` view still call it per row) and becomes inlinable.
// - A revision (head, lock event) is readable when its article is: the
//   EXISTS is a probe of `articles` by primary key per row read. Left to
//   itself the planner turns it into a hash of every visible article, built
//   per statement (it cannot see the LIMIT of a pull); `OFFSET 0` is
//   PostgreSQL's documented fence that keeps the probe (no semantic change).
//   The same for a body, readable through a revision that names it.
export const policyCost: ServerMigration = {
  version: 2,
  name: 'policy-cost',
  up: `
CREATE FUNCTION copydesk.my_desks() RETURNS text[] LANGUAGE sql STABLE
  AS $$ SELECT ARRAY(SELECT u.desk FROM copydesk.user_desks u WHERE u.user_name = current_user) $$;
CREATE OR REPLACE FUNCTION copydesk.on_desk(d text) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT copydesk.has_role('admin') OR d = ANY (copydesk.my_desks()) $$;

ALTER POLICY desks_read ON copydesk.desks
  USING ((SELECT copydesk.has_role('admin')) OR name = ANY ((SELECT copydesk.my_desks())::text[]));
ALTER POLICY articles_read ON copydesk.articles
  USING ((SELECT copydesk.has_role('admin')) OR desk = ANY ((SELECT copydesk.my_desks())::text[]));
ALTER POLICY revisions_read ON copydesk.revisions
  USING (EXISTS (SELECT 1 FROM copydesk.articles a WHERE a.id = revisions.article_id OFFSET 0));
ALTER POLICY heads_read ON copydesk.heads
  USING (EXISTS (SELECT 1 FROM copydesk.articles a WHERE a.id = heads.article_id OFFSET 0));
ALTER POLICY lock_events_read ON copydesk.lock_events
  USING (EXISTS (SELECT 1 FROM copydesk.articles a WHERE a.id = lock_events.article_id OFFSET 0));
ALTER POLICY bodies_read ON copydesk.bodies
  USING (created_by = current_user OR EXISTS (SELECT 1 FROM copydesk.revisions r WHERE r.body_hash = bodies.hash OFFSET 0));
`,
};
