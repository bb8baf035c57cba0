-- Dossier team database, migration 4: the members' corrections are
-- shared.  A quote's speaker corrected or the quote rejected
-- (quote_corrections: the quote by its article and words, the person by
-- name, none for a rejection), and an article moved out of its story or
-- into another (story_pins: the story by another article of it, the
-- article itself for a story of its own).  Their UUIDs are made from
-- their parts, so one correction two members make is one row.  Editors
-- and owners correct, whoever corrected before; readers write nothing.

CREATE TABLE quote_corrections (
  uuid         uuid PRIMARY KEY,
  article_uuid uuid NOT NULL REFERENCES articles (uuid),
  text         text NOT NULL,
  person       text,
  rejected     integer NOT NULL DEFAULT 0,
  author       name NOT NULL DEFAULT session_user,
  deleted      boolean NOT NULL DEFAULT false,
  changed_by   name,
  version      bigint NOT NULL DEFAULT 0
);

CREATE TABLE story_pins (
  uuid         uuid PRIMARY KEY,
  article_uuid uuid NOT NULL REFERENCES articles (uuid),
  anchor_uuid  uuid NOT NULL REFERENCES articles (uuid),
  author       name NOT NULL DEFAULT session_user,
  deleted      boolean NOT NULL DEFAULT false,
  changed_by   name,
  version      bigint NOT NULL DEFAULT 0
);

CREATE INDEX quote_corrections_version ON quote_corrections (version);
CREATE INDEX story_pins_version ON story_pins (version);

CREATE TRIGGER quote_corrections_stamp BEFORE INSERT OR UPDATE ON quote_corrections
  FOR EACH ROW EXECUTE FUNCTION dossier_stamp();
CREATE TRIGGER story_pins_stamp BEFORE INSERT OR UPDATE ON story_pins
  FOR EACH ROW EXECUTE FUNCTION dossier_stamp();
CREATE TRIGGER quote_corrections_notify AFTER INSERT OR UPDATE ON quote_corrections
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_notify();
CREATE TRIGGER story_pins_notify AFTER INSERT OR UPDATE ON story_pins
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_notify();

REVOKE ALL ON quote_corrections, story_pins FROM PUBLIC;
DO $$
DECLARE
  t dossier_team%ROWTYPE;
BEGIN
  SELECT * INTO t FROM dossier_team;
  EXECUTE format('GRANT SELECT ON quote_corrections, story_pins TO %I, %I, %I',
                 t.owner_role, t.editor_role, t.reader_role);
  EXECUTE format('GRANT INSERT, UPDATE ON quote_corrections, story_pins TO %I, %I',
                 t.owner_role, t.editor_role);
END
$$;

ALTER TABLE quote_corrections ENABLE ROW LEVEL SECURITY;
ALTER TABLE story_pins ENABLE ROW LEVEL SECURITY;

-- only members read
CREATE POLICY members_read ON quote_corrections FOR SELECT
  USING ((SELECT dossier_role()) IS NOT NULL);
CREATE POLICY members_read ON story_pins FOR SELECT
  USING ((SELECT dossier_role()) IS NOT NULL);

-- editors and owners add corrections as themselves and change or remove
-- any; readers write nothing
CREATE POLICY writers_add ON quote_corrections FOR INSERT
  WITH CHECK ((SELECT dossier_role()) IN ('owner', 'editor') AND author = session_user);
CREATE POLICY writers_change ON quote_corrections FOR UPDATE
  USING ((SELECT dossier_role()) IN ('owner', 'editor'))
  WITH CHECK ((SELECT dossier_role()) IN ('owner', 'editor'));
CREATE POLICY writers_add ON story_pins FOR INSERT
  WITH CHECK ((SELECT dossier_role()) IN ('owner', 'editor') AND author = session_user);
CREATE POLICY writers_change ON story_pins FOR UPDATE
  USING ((SELECT dossier_role()) IN ('owner', 'editor'))
  WITH CHECK ((SELECT dossier_role()) IN ('owner', 'editor'));
