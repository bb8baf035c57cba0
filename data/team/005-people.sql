-- Dossier team database, migration 5: the members' corrections of
-- people are shared.  People are found in each library by its own
-- analysis, so a person has no identity every library shares; a
-- correction is kept as what it says of one written name: the variant
-- belongs to the person called so-and-so (person_names).  A rename gives
-- each of the person's variants the new name, a merge gives the merged
-- person's variants the name of the one kept, a split gives the variant
-- split off its own name.  Its UUID is made from the variant, so two
-- members correcting one name write one row, and the later push is a
-- conflict.  Editors and owners correct; readers write nothing.

CREATE TABLE person_names (
  uuid         uuid PRIMARY KEY,
  variant      text NOT NULL,
  name         text NOT NULL,
  author       name NOT NULL DEFAULT session_user,
  deleted      boolean NOT NULL DEFAULT false,
  changed_by   name,
  version      bigint NOT NULL DEFAULT 0
);

CREATE INDEX person_names_version ON person_names (version);

CREATE TRIGGER person_names_stamp BEFORE INSERT OR UPDATE ON person_names
  FOR EACH ROW EXECUTE FUNCTION dossier_stamp();
CREATE TRIGGER person_names_notify AFTER INSERT OR UPDATE ON person_names
  FOR EACH STATEMENT EXECUTE FUNCTION dossier_notify();

REVOKE ALL ON person_names FROM PUBLIC;
DO $$
DECLARE
  t dossier_team%ROWTYPE;
BEGIN
  SELECT * INTO t FROM dossier_team;
  EXECUTE format('GRANT SELECT ON person_names TO %I, %I, %I',
                 t.owner_role, t.editor_role, t.reader_role);
  EXECUTE format('GRANT INSERT, UPDATE ON person_names TO %I, %I',
                 t.owner_role, t.editor_role);
END
$$;

ALTER TABLE person_names ENABLE ROW LEVEL SECURITY;

-- only members read
CREATE POLICY members_read ON person_names FOR SELECT
  USING ((SELECT dossier_role()) IS NOT NULL);

-- editors and owners add corrections as themselves and change any;
-- readers write nothing
CREATE POLICY writers_add ON person_names FOR INSERT
  WITH CHECK ((SELECT dossier_role()) IN ('owner', 'editor') AND author = session_user);
CREATE POLICY writers_change ON person_names FOR UPDATE
  USING ((SELECT dossier_role()) IN ('owner', 'editor'))
  WITH CHECK ((SELECT dossier_role()) IN ('owner', 'editor'));
