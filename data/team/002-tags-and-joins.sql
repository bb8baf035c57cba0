-- Dossier team database, migration 2: an article's tags and the stories a
-- member joined are shared too.  Their UUIDs are made from their parts
-- (the article's UUID and the tag, or the two articles' UUIDs), so a tag
-- two members add is one row.

CREATE TABLE article_tags (
  uuid         uuid PRIMARY KEY,
  article_uuid uuid NOT NULL REFERENCES articles (uuid),
  tag          text NOT NULL,
  author       name NOT NULL DEFAULT session_user,
  deleted      boolean NOT NULL DEFAULT false,
  changed_by   name,
  version      bigint NOT NULL DEFAULT 0
);

CREATE TABLE story_joins (
  uuid         uuid PRIMARY KEY,
  article_uuid uuid NOT NULL REFERENCES articles (uuid),
  other_uuid   uuid NOT NULL REFERENCES articles (uuid),
  author       name NOT NULL DEFAULT session_user,
  deleted      boolean NOT NULL DEFAULT false,
  changed_by   name,
  version      bigint NOT NULL DEFAULT 0
);

CREATE INDEX article_tags_version ON article_tags (version);
CREATE INDEX story_joins_version ON story_joins (version);

CREATE TRIGGER article_tags_stamp BEFORE INSERT OR UPDATE ON article_tags
  FOR EACH ROW EXECUTE FUNCTION dossier_stamp();
CREATE TRIGGER story_joins_stamp BEFORE INSERT OR UPDATE ON story_joins
  FOR EACH ROW EXECUTE FUNCTION dossier_stamp();
CREATE TRIGGER article_tags_notify AFTER INSERT OR UPDATE ON article_tags
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_notify();
CREATE TRIGGER story_joins_notify AFTER INSERT OR UPDATE ON story_joins
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_notify();

-- A tag or join added again after it was removed becomes the adder's.
CREATE FUNCTION dossier_readd() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.deleted AND NOT NEW.deleted THEN
    NEW.author := session_user;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER article_tags_readd BEFORE UPDATE ON article_tags
  FOR EACH ROW EXECUTE FUNCTION dossier_readd();
CREATE TRIGGER story_joins_readd BEFORE UPDATE ON story_joins
  FOR EACH ROW EXECUTE FUNCTION dossier_readd();

REVOKE ALL ON article_tags, story_joins FROM PUBLIC;
DO $$
DECLARE
  t dossier_team%ROWTYPE;
BEGIN
  SELECT * INTO t FROM dossier_team;
  EXECUTE format('GRANT SELECT ON article_tags, story_joins TO %I, %I, %I',
                 t.owner_role, t.editor_role, t.reader_role);
  EXECUTE format('GRANT INSERT, UPDATE ON article_tags, story_joins TO %I, %I',
                 t.owner_role, t.editor_role);
END
$$;

ALTER TABLE article_tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE story_joins ENABLE ROW LEVEL SECURITY;

-- only members read
CREATE POLICY members_read ON article_tags FOR SELECT
  USING ((SELECT dossier_role()) IS NOT NULL);
CREATE POLICY members_read ON story_joins FOR SELECT
  USING ((SELECT dossier_role()) IS NOT NULL);

-- owners change everything; editors add tags and joins to any article, as
-- themselves, change or remove only their own, and may add one again that
-- another removed; readers write nothing
CREATE POLICY writers_add ON article_tags FOR INSERT
  WITH CHECK ((SELECT dossier_role()) IN ('owner', 'editor') AND author = session_user);
CREATE POLICY writers_change ON article_tags FOR UPDATE
  USING ((SELECT dossier_role()) = 'owner'
         OR ((SELECT dossier_role()) = 'editor' AND (author = session_user OR deleted)))
  WITH CHECK ((SELECT dossier_role()) = 'owner'
              OR ((SELECT dossier_role()) = 'editor' AND author = session_user));
CREATE POLICY writers_add ON story_joins FOR INSERT
  WITH CHECK ((SELECT dossier_role()) IN ('owner', 'editor') AND author = session_user);
CREATE POLICY writers_change ON story_joins FOR UPDATE
  USING ((SELECT dossier_role()) = 'owner'
         OR ((SELECT dossier_role()) = 'editor' AND (author = session_user OR deleted)))
  WITH CHECK ((SELECT dossier_role()) = 'owner'
              OR ((SELECT dossier_role()) = 'editor' AND author = session_user));
