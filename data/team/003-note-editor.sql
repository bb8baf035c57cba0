-- Dossier team database, migration 3: a note whose text, tags or colour
-- a member changes becomes that member's, whenever the change was made
-- (online, or offline and pushed later): the server sets it, so every
-- library pulls the same author.  A tombstone, a note brought back with
-- its article, or a note moved by its article's new text keeps its
-- author.  Only owners may change another's note (row-level security),
-- so for editors the author is theirs already.

CREATE FUNCTION dossier_note_editor() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.color IS DISTINCT FROM OLD.color OR NEW.note IS DISTINCT FROM OLD.note
     OR NEW.tags IS DISTINCT FROM OLD.tags THEN
    NEW.author := session_user;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER annotations_editor BEFORE UPDATE ON annotations
  FOR EACH ROW EXECUTE FUNCTION dossier_note_editor();
