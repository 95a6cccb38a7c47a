import type { ServerMigration } from './types.ts';

// The shared archive's first schema, in its own PostgreSQL schema `copydesk`.
// Content is stored as on the desktop: append-only revisions (full snapshots:
// the fields JSON exactly as the desktop wrote it, and a body by SHA-256),
// bodies stored once (the Lexical JSON, checked against its SHA-256),
// article heads. Every row says who (`created_by`, the login role, forced by
// its default and the policies) and when (`created_at`, the server's clock).
// Only an article's head pointer (with the desk its head names) and its lock
// are ever updated in place.
//
// Who may do what is PostgreSQL's own business: four group roles, granted to
// login roles by `copydesk server user add`, and row-level security keyed on
// the desks a user is on (`user_desks`). A policy sees through the caller's
// eyes (SECURITY INVOKER), so `psql` as that user shows exactly what the app
// shows. The few SECURITY DEFINER functions reveal nothing a caller could not
// see: whether a body hash exists (bodies travel once), and the trigger that
// keeps heads.
export const schema: ServerMigration = {
  version: 1,
  name: 'schema',
  up: `
CREATE SCHEMA copydesk;
CREATE TABLE copydesk.schema_version (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now(),
  applied_by text NOT NULL DEFAULT current_user
);

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'copydesk_archivist') THEN CREATE ROLE copydesk_archivist NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'copydesk_editor') THEN CREATE ROLE copydesk_editor NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'copydesk_chief') THEN CREATE ROLE copydesk_chief NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'copydesk_admin') THEN CREATE ROLE copydesk_admin NOLOGIN; END IF;
END $$;
-- A chief can do all an editor can; an admin all a chief can, on every desk.
GRANT copydesk_editor TO copydesk_chief;
GRANT copydesk_chief TO copydesk_admin;

GRANT USAGE ON SCHEMA copydesk TO copydesk_archivist, copydesk_editor, copydesk_chief, copydesk_admin;
GRANT SELECT ON copydesk.schema_version TO copydesk_archivist, copydesk_editor;

CREATE TABLE copydesk.desks (
  name text PRIMARY KEY CHECK (name <> '' AND length(name) <= 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT current_user
);

CREATE TABLE copydesk.users (
  name text PRIMARY KEY,
  role text NOT NULL CHECK (role IN ('archivist', 'editor', 'chief', 'admin')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT current_user
);

CREATE TABLE copydesk.user_desks (
  user_name text NOT NULL REFERENCES copydesk.users (name) ON DELETE CASCADE,
  desk text NOT NULL REFERENCES copydesk.desks (name),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT current_user,
  PRIMARY KEY (user_name, desk)
);

-- The body's Lexical JSON (UTF-8) under its SHA-256, which the server checks:
-- a body cannot be stored under another body's name. TOAST compresses it (lz4).
CREATE TABLE copydesk.bodies (
  hash text PRIMARY KEY CHECK (hash ~ '^[0-9a-f]{64}$'),
  data bytea COMPRESSION lz4 NOT NULL,
  CHECK (hash = encode(sha256(data), 'hex')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT current_user
);

-- The arrival order of revisions: a replica's pull cursor is a number of it.
CREATE SEQUENCE copydesk.arrival;

CREATE TABLE copydesk.articles (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 64),
  desk text NOT NULL REFERENCES copydesk.desks (name),
  -- Where an imported article came from, as JSON text (exact, whatever the bytes of a path).
  source text NOT NULL DEFAULT '{}',
  -- In place: the newest head to arrive, the desk it names, and when the article came to that desk.
  head_rid text,
  moved_seq bigint NOT NULL DEFAULT 0,
  -- In place: the soft lock.
  lock_user text,
  lock_since timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT current_user
);
CREATE INDEX articles_desk ON copydesk.articles (desk);
CREATE INDEX articles_moved ON copydesk.articles (moved_seq);

CREATE TABLE copydesk.revisions (
  rid text PRIMARY KEY CHECK (length(rid) BETWEEN 1 AND 64),
  seq bigint NOT NULL UNIQUE DEFAULT nextval('copydesk.arrival'),
  article_id text NOT NULL REFERENCES copydesk.articles (id),
  parents text[] NOT NULL DEFAULT '{}',
  -- When and by whom on the replica that made it (ISO text as the desktop keeps it; '' = before any remote).
  made_at text NOT NULL,
  author text NOT NULL DEFAULT '',
  reason text NOT NULL CHECK (reason ~ '^[a-z]{1,20}$'),
  -- The revision's name as a JSON string (exact for any text), or null.
  name text,
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  -- The snapshot's fields JSON exactly as the desktop stored it: the unit that syncs.
  fields text NOT NULL,
  body_hash text NOT NULL REFERENCES copydesk.bodies (hash),
  word_count integer NOT NULL,
  -- The desk and status the snapshot names, for the policies.
  desk text NOT NULL REFERENCES copydesk.desks (name),
  status text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT current_user
);
CREATE INDEX revisions_article ON copydesk.revisions (article_id, seq);
CREATE INDEX revisions_body ON copydesk.revisions (body_hash);

CREATE TABLE copydesk.heads (
  article_id text NOT NULL REFERENCES copydesk.articles (id),
  rid text NOT NULL REFERENCES copydesk.revisions (rid),
  PRIMARY KEY (article_id, rid)
);

CREATE TABLE copydesk.lock_events (
  id bigserial PRIMARY KEY,
  article_id text NOT NULL REFERENCES copydesk.articles (id),
  event text NOT NULL CHECK (event IN ('take', 'release', 'break')),
  holder text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL DEFAULT current_user
);

-- Who the caller is, for the policies (SECURITY INVOKER: current_user is the caller).
CREATE FUNCTION copydesk.has_role(r text) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT pg_has_role(current_user, 'copydesk_' || r, 'MEMBER') $$;
CREATE FUNCTION copydesk.on_desk(d text) RETURNS boolean LANGUAGE sql STABLE
  AS $$ SELECT copydesk.has_role('admin') OR EXISTS (SELECT 1 FROM copydesk.user_desks u WHERE u.user_name = current_user AND u.desk = d) $$;

-- A policy on revisions cannot read revisions itself (recursion): the first parent's status, through the owner.
CREATE FUNCTION copydesk.parent_status(parent text) RETURNS text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = copydesk, pg_temp
  AS $$ SELECT status FROM copydesk.revisions WHERE rid = parent $$;

ALTER TABLE copydesk.desks ENABLE ROW LEVEL SECURITY;
ALTER TABLE copydesk.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE copydesk.user_desks ENABLE ROW LEVEL SECURITY;
ALTER TABLE copydesk.bodies ENABLE ROW LEVEL SECURITY;
ALTER TABLE copydesk.articles ENABLE ROW LEVEL SECURITY;
ALTER TABLE copydesk.revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE copydesk.heads ENABLE ROW LEVEL SECURITY;
ALTER TABLE copydesk.lock_events ENABLE ROW LEVEL SECURITY;

CREATE POLICY desks_read ON copydesk.desks FOR SELECT USING (copydesk.on_desk(name));
CREATE POLICY desks_admin ON copydesk.desks FOR INSERT WITH CHECK (copydesk.has_role('admin') AND created_by = current_user);
CREATE POLICY users_read ON copydesk.users FOR SELECT USING (name = current_user OR copydesk.has_role('admin'));
CREATE POLICY users_admin ON copydesk.users FOR INSERT WITH CHECK (copydesk.has_role('admin') AND created_by = current_user);
CREATE POLICY users_admin_role ON copydesk.users FOR UPDATE USING (copydesk.has_role('admin'));
CREATE POLICY user_desks_read ON copydesk.user_desks FOR SELECT USING (user_name = current_user OR copydesk.has_role('admin'));
CREATE POLICY user_desks_admin ON copydesk.user_desks FOR INSERT WITH CHECK (copydesk.has_role('admin') AND created_by = current_user);

CREATE POLICY articles_read ON copydesk.articles FOR SELECT USING (copydesk.on_desk(desk));
CREATE POLICY articles_create ON copydesk.articles FOR INSERT
  WITH CHECK (copydesk.on_desk(desk) AND created_by = current_user AND head_rid IS NULL AND moved_seq = 0 AND lock_user IS NULL);
-- The lock: free, yours, stale (an hour) or, for a chief, anyone's; you may only set yourself or nobody.
CREATE POLICY articles_lock ON copydesk.articles FOR UPDATE
  USING (copydesk.on_desk(desk) AND (lock_user IS NULL OR lock_user = current_user OR lock_since < now() - interval '1 hour' OR copydesk.has_role('chief')))
  WITH CHECK (lock_user IS NULL OR lock_user = current_user);

CREATE POLICY revisions_read ON copydesk.revisions FOR SELECT
  USING (EXISTS (SELECT 1 FROM copydesk.articles a WHERE a.id = revisions.article_id));
-- Archivists import; editors edit their desks; only a chief moves an article to
-- another desk or publishes or kills it (an import may bring any status).
CREATE POLICY revisions_write ON copydesk.revisions FOR INSERT WITH CHECK (
  revisions.created_by = current_user
  AND copydesk.on_desk(revisions.desk)
  AND EXISTS (SELECT 1 FROM copydesk.articles a WHERE a.id = revisions.article_id AND (a.desk = revisions.desk OR copydesk.has_role('chief')))
  AND (revisions.reason = 'import' OR copydesk.has_role('editor'))
  AND (revisions.reason = 'import' OR copydesk.has_role('chief') OR revisions.status NOT IN ('published', 'killed')
       OR copydesk.parent_status(revisions.parents[1]) = revisions.status)
);
CREATE POLICY heads_read ON copydesk.heads FOR SELECT USING (EXISTS (SELECT 1 FROM copydesk.articles a WHERE a.id = heads.article_id));
-- A body is readable through a revision you can read (or while you are the one storing it: INSERT … ON CONFLICT checks the new row against this).
CREATE POLICY bodies_read ON copydesk.bodies FOR SELECT
  USING (created_by = current_user OR EXISTS (SELECT 1 FROM copydesk.revisions r WHERE r.body_hash = bodies.hash));
CREATE POLICY bodies_write ON copydesk.bodies FOR INSERT WITH CHECK (created_by = current_user);
CREATE POLICY lock_events_read ON copydesk.lock_events FOR SELECT USING (EXISTS (SELECT 1 FROM copydesk.articles a WHERE a.id = lock_events.article_id));
CREATE POLICY lock_events_write ON copydesk.lock_events FOR INSERT
  WITH CHECK (created_by = current_user AND EXISTS (SELECT 1 FROM copydesk.articles a WHERE a.id = lock_events.article_id)
              AND (event <> 'break' OR copydesk.has_role('chief')));

GRANT SELECT ON copydesk.desks, copydesk.users, copydesk.user_desks, copydesk.bodies, copydesk.articles,
  copydesk.revisions, copydesk.heads, copydesk.lock_events TO copydesk_archivist, copydesk_editor;
GRANT INSERT ON copydesk.bodies, copydesk.articles, copydesk.revisions TO copydesk_archivist, copydesk_editor;
GRANT UPDATE (lock_user, lock_since) ON copydesk.articles TO copydesk_editor;
GRANT INSERT ON copydesk.lock_events TO copydesk_editor;
GRANT USAGE ON SEQUENCE copydesk.arrival, copydesk.lock_events_id_seq TO copydesk_archivist, copydesk_editor;
GRANT INSERT ON copydesk.desks, copydesk.users, copydesk.user_desks TO copydesk_admin;
GRANT UPDATE (role) ON copydesk.users TO copydesk_admin;

-- Arrival order must equal commit order, or a pull could step over a revision
-- whose transaction committed after a later number was seen. Every statement
-- that adds revisions takes this lock first and keeps it to commit.
CREATE FUNCTION copydesk.serialize_arrivals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7310013);
  RETURN NULL;
END $$;
CREATE TRIGGER revisions_serialize BEFORE INSERT ON copydesk.revisions FOR EACH STATEMENT EXECUTE FUNCTION copydesk.serialize_arrivals();

-- Parents first: a revision names only revisions of its own article that the archive holds.
CREATE FUNCTION copydesk.check_parents() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = copydesk, pg_temp AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM unnest(NEW.parents) p WHERE NOT EXISTS (SELECT 1 FROM copydesk.revisions r WHERE r.rid = p AND r.article_id = NEW.article_id)) THEN
    RAISE EXCEPTION 'revision % names a parent the archive does not hold', NEW.rid USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER revisions_parents BEFORE INSERT ON copydesk.revisions FOR EACH ROW EXECUTE FUNCTION copydesk.check_parents();

-- Heads: a new revision replaces its parents as a head; the article points at
-- the newest head and sits on the desk that head names.
CREATE FUNCTION copydesk.keep_heads() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = copydesk, pg_temp AS $$
BEGIN
  DELETE FROM copydesk.heads WHERE article_id = NEW.article_id AND rid = ANY (NEW.parents);
  INSERT INTO copydesk.heads (article_id, rid) VALUES (NEW.article_id, NEW.rid);
  UPDATE copydesk.articles
     SET head_rid = NEW.rid,
         moved_seq = CASE WHEN desk <> NEW.desk THEN NEW.seq ELSE moved_seq END,
         desk = NEW.desk
   WHERE id = NEW.article_id;
  RETURN NULL;
END $$;
CREATE TRIGGER revisions_heads AFTER INSERT ON copydesk.revisions FOR EACH ROW EXECUTE FUNCTION copydesk.keep_heads();

-- Replicas LISTEN here to hear of new revisions at once (the payload names nothing).
CREATE FUNCTION copydesk.notify_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('copydesk_revisions', '');
  RETURN NULL;
END $$;
CREATE TRIGGER revisions_notify AFTER INSERT ON copydesk.revisions FOR EACH STATEMENT EXECUTE FUNCTION copydesk.notify_revisions();

-- Bodies travel once: which of these hashes the archive lacks (existence only, never content).
CREATE FUNCTION copydesk.missing_bodies(hashes text[]) RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = copydesk, pg_temp
  AS $$ SELECT h FROM unnest(hashes) h WHERE NOT EXISTS (SELECT 1 FROM copydesk.bodies b WHERE b.hash = h) $$;
GRANT EXECUTE ON FUNCTION copydesk.missing_bodies(text[]) TO copydesk_archivist, copydesk_editor;

-- Who am I: role and desks, as the app shows them.
CREATE VIEW copydesk.me WITH (security_invoker = true) AS
  SELECT current_user::text AS name,
         (SELECT role FROM copydesk.users WHERE name = current_user) AS role,
         ARRAY(SELECT d.name FROM copydesk.desks d WHERE copydesk.on_desk(d.name) ORDER BY d.name) AS desks;
GRANT SELECT ON copydesk.me TO copydesk_archivist, copydesk_editor;
`,
};
