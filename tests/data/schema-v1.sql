-- A Dossier library as version 0.0 (schema 1) wrote it: the fixture for
-- the v1 -> v2 migration test.  Schema 1 had no bylines, no tags, no
-- context around quotes and searched only titles and bodies.
PRAGMA application_id = 1146049363;
CREATE TABLE articles (
  id          INTEGER PRIMARY KEY,
  title       TEXT NOT NULL,
  source      TEXT,
  url         TEXT,
  published   TEXT,
  body        TEXT NOT NULL,
  imported_at INTEGER NOT NULL
);
CREATE TABLE annotations (
  id           INTEGER PRIMARY KEY,
  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  color        TEXT NOT NULL DEFAULT 'yellow',
  note         TEXT NOT NULL DEFAULT '',
  quote        TEXT NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset   INTEGER NOT NULL,
  created      INTEGER NOT NULL
);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id');
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;

INSERT INTO articles VALUES (1, 'Treaty talks resume in Geneva', 'Wire Service',
  'https://example.org/2010/03/treaty-talks', '2010-03-18',
  'Negotiators returned to Geneva on Thursday to finish the arms treaty.

Both sides called the talks constructive.', 1600000000000000);
INSERT INTO articles VALUES (2, 'A winter of sanctions', 'The Daily Example', NULL, '2014-12',
  'The sanctions announced in December widened the rift.

Markets fell sharply.', 1600000100000000);
INSERT INTO articles VALUES (3, 'Undated commentary on the reset', NULL, NULL, NULL,
  'The reset was never as simple as its button suggested.', 1600000200000000);
INSERT INTO annotations VALUES (1, 1, 'green', 'First sign of progress', 'called the talks constructive',
  82, 111, 1600000300000000);
INSERT INTO annotations VALUES (2, 2, 'pink', '', 'Markets fell sharply', 55, 75, 1600000400000000);
PRAGMA user_version = 1;
