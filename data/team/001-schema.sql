-- Dossier team database, migration 1: the shared tables, their versions
-- and tombstones, three group roles and row-level security.
--
-- Run by `dossier-cli team init` in one transaction, as a role that may
-- create roles.  The group roles are named after the database
-- (<database>_owner, _editor, _reader), so one server can hold several
-- teams.  Members are login roles in one of the groups.

CREATE TABLE dossier_team (
  id          integer PRIMARY KEY CHECK (id = 1),
  owner_role  name NOT NULL,
  editor_role name NOT NULL,
  reader_role name NOT NULL
);

DO $$
DECLARE
  db text := current_database();
  kind text;
BEGIN
  FOREACH kind IN ARRAY ARRAY['owner', 'editor', 'reader'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = db || '_' || kind) THEN
      EXECUTE format('CREATE ROLE %I NOLOGIN', db || '_' || kind);
    END IF;
  END LOOP;
  INSERT INTO dossier_team VALUES (1, db || '_owner', db || '_editor', db || '_reader');
  -- only members connect
  EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', db);
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I, %I', db,
                 db || '_owner', db || '_editor', db || '_reader');
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', db, current_user);
END
$$;

-- 'owner', 'editor', 'reader', or NULL for a role that is no member
CREATE FUNCTION dossier_role(who name DEFAULT current_user) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT CASE
    WHEN pg_has_role(who, t.owner_role, 'MEMBER') THEN 'owner'
    WHEN pg_has_role(who, t.editor_role, 'MEMBER') THEN 'editor'
    WHEN pg_has_role(who, t.reader_role, 'MEMBER') THEN 'reader'
  END
  FROM dossier_team t
$$;

-- Every change of a shared row takes the next version of one sequence.
-- Writers take one lock until they commit, so versions become visible in
-- their order and a client that pulls "version > last seen" misses none.
CREATE SEQUENCE dossier_version;

CREATE FUNCTION dossier_stamp() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(1146049363);
  NEW.version := nextval('dossier_version');
  NEW.changed_by := session_user;
  RETURN NEW;
END
$$;

CREATE FUNCTION dossier_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('dossier_changes', '');
  RETURN NULL;
END
$$;

CREATE TABLE articles (
  uuid           uuid PRIMARY KEY,
  title          text NOT NULL,
  byline         text,
  source         text,
  url            text,
  language       text,
  published      text,
  date_precision integer NOT NULL DEFAULT 0,
  date_origin    integer NOT NULL DEFAULT 0,
  body           text NOT NULL DEFAULT '',
  file_name      text,
  imported_at    bigint NOT NULL DEFAULT 0,
  added_by       name NOT NULL DEFAULT session_user,
  deleted        boolean NOT NULL DEFAULT false,
  revived_by     name,
  changed_by     name,
  version        bigint NOT NULL DEFAULT 0
);

CREATE TABLE annotations (
  uuid         uuid PRIMARY KEY,
  article_uuid uuid NOT NULL REFERENCES articles (uuid),
  color        text NOT NULL DEFAULT 'yellow',
  note         text NOT NULL DEFAULT '',
  tags         text NOT NULL DEFAULT '[]',
  quote        text NOT NULL DEFAULT '',
  prefix       text NOT NULL DEFAULT '',
  suffix       text NOT NULL DEFAULT '',
  start_offset integer NOT NULL DEFAULT 0,
  end_offset   integer NOT NULL DEFAULT 0,
  orphan       boolean NOT NULL DEFAULT false,
  created      bigint NOT NULL DEFAULT 0,
  modified     bigint NOT NULL DEFAULT 0,
  author       name NOT NULL DEFAULT session_user,
  deleted      boolean NOT NULL DEFAULT false,
  changed_by   name,
  version      bigint NOT NULL DEFAULT 0
);

CREATE TABLE saved_searches (
  uuid       uuid PRIMARY KEY,
  name       text NOT NULL,
  query      text NOT NULL,
  author     name NOT NULL DEFAULT session_user,
  deleted    boolean NOT NULL DEFAULT false,
  changed_by name,
  version    bigint NOT NULL DEFAULT 0
);

CREATE INDEX articles_version ON articles (version);
CREATE INDEX annotations_version ON annotations (version);
CREATE INDEX annotations_article ON annotations (article_uuid);
CREATE INDEX saved_searches_version ON saved_searches (version);

CREATE TRIGGER articles_stamp BEFORE INSERT OR UPDATE ON articles
  FOR EACH ROW EXECUTE FUNCTION dossier_stamp();
CREATE TRIGGER annotations_stamp BEFORE INSERT OR UPDATE ON annotations
  FOR EACH ROW EXECUTE FUNCTION dossier_stamp();
CREATE TRIGGER saved_searches_stamp BEFORE INSERT OR UPDATE ON saved_searches
  FOR EACH ROW EXECUTE FUNCTION dossier_stamp();
CREATE TRIGGER articles_notify AFTER INSERT OR UPDATE ON articles
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_notify();
CREATE TRIGGER annotations_notify AFTER INSERT OR UPDATE ON annotations
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_notify();
CREATE TRIGGER saved_searches_notify AFTER INSERT OR UPDATE ON saved_searches
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_notify();

-- A note added to an article that was deleted brings the article back,
-- marked with who did, and with its other notes.
CREATE FUNCTION dossier_revive_article(article uuid) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF dossier_role(session_user) IS DISTINCT FROM 'owner'
     AND dossier_role(session_user) IS DISTINCT FROM 'editor' THEN
    RAISE EXCEPTION 'permission denied to restore an article'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  UPDATE articles SET deleted = false, revived_by = session_user
    WHERE uuid = article AND deleted;
  IF FOUND THEN
    UPDATE annotations SET version = 0 WHERE article_uuid = article AND NOT deleted;
  END IF;
END
$$;

-- The server applies that rule itself, so no client can forget it.
CREATE FUNCTION dossier_note_revives() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
BEGIN
  IF NOT NEW.deleted AND EXISTS (SELECT 1 FROM articles WHERE uuid = NEW.article_uuid AND deleted) THEN
    UPDATE articles SET deleted = false, revived_by = session_user
      WHERE uuid = NEW.article_uuid AND deleted;
    UPDATE annotations SET version = 0
      WHERE article_uuid = NEW.article_uuid AND NOT deleted AND uuid <> NEW.uuid;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER annotations_revive AFTER INSERT OR UPDATE OF deleted ON annotations
  FOR EACH ROW EXECUTE FUNCTION dossier_note_revives();

-- Rows are never removed: a deletion is a tombstone (deleted = true) that
-- every client pulls.  So nobody is granted DELETE.
REVOKE ALL ON articles, annotations, saved_searches, dossier_team FROM PUBLIC;
REVOKE ALL ON FUNCTION dossier_revive_article(uuid) FROM PUBLIC;
DO $$
DECLARE
  t dossier_team%ROWTYPE;
BEGIN
  SELECT * INTO t FROM dossier_team;
  EXECUTE format('GRANT SELECT ON articles, annotations, saved_searches, dossier_team TO %I, %I, %I',
                 t.owner_role, t.editor_role, t.reader_role);
  EXECUTE format('GRANT INSERT, UPDATE ON articles, annotations, saved_searches TO %I, %I',
                 t.owner_role, t.editor_role);
  EXECUTE format('GRANT EXECUTE ON FUNCTION dossier_revive_article(uuid) TO %I, %I',
                 t.owner_role, t.editor_role);
END
$$;

ALTER TABLE articles ENABLE ROW LEVEL SECURITY;
ALTER TABLE annotations ENABLE ROW LEVEL SECURITY;
ALTER TABLE saved_searches ENABLE ROW LEVEL SECURITY;

-- only members read
CREATE POLICY members_read ON articles FOR SELECT
  USING ((SELECT dossier_role()) IS NOT NULL);
CREATE POLICY members_read ON annotations FOR SELECT
  USING ((SELECT dossier_role()) IS NOT NULL);
CREATE POLICY members_read ON saved_searches FOR SELECT
  USING ((SELECT dossier_role()) IS NOT NULL);

-- owners change everything; editors add articles and change those they
-- added; readers write nothing (they hold no INSERT or UPDATE either)
CREATE POLICY writers_add ON articles FOR INSERT
  WITH CHECK ((SELECT dossier_role()) = 'owner'
              OR ((SELECT dossier_role()) = 'editor' AND added_by = session_user));
CREATE POLICY writers_change ON articles FOR UPDATE
  USING ((SELECT dossier_role()) = 'owner'
         OR ((SELECT dossier_role()) = 'editor' AND added_by = session_user))
  WITH CHECK ((SELECT dossier_role()) = 'owner'
              OR ((SELECT dossier_role()) = 'editor' AND added_by = session_user));

-- editors add notes to any article, as themselves, and change or delete
-- only their own notes
CREATE POLICY writers_add ON annotations FOR INSERT
  WITH CHECK ((SELECT dossier_role()) IN ('owner', 'editor') AND author = session_user);
CREATE POLICY writers_change ON annotations FOR UPDATE
  USING ((SELECT dossier_role()) = 'owner'
         OR ((SELECT dossier_role()) = 'editor' AND author = session_user))
  WITH CHECK ((SELECT dossier_role()) = 'owner'
              OR ((SELECT dossier_role()) = 'editor' AND author = session_user));

CREATE POLICY writers_add ON saved_searches FOR INSERT
  WITH CHECK ((SELECT dossier_role()) IN ('owner', 'editor') AND author = session_user);
CREATE POLICY writers_change ON saved_searches FOR UPDATE
  USING ((SELECT dossier_role()) = 'owner'
         OR ((SELECT dossier_role()) = 'editor' AND author = session_user))
  WITH CHECK ((SELECT dossier_role()) = 'owner'
              OR ((SELECT dossier_role()) = 'editor' AND author = session_user));

GRANT USAGE ON SCHEMA public TO PUBLIC;
