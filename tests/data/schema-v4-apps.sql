-- A Dossier library as schema 4 wrote it: the schema 3 fixture's three
-- articles and one open date suggestion.  The fixture for the migration
-- test of the step that adds imports from other apps.
PRAGMA application_id = 1146049363;
BEGIN TRANSACTION;
CREATE TABLE articles (  id          INTEGER PRIMARY KEY,  title       TEXT NOT NULL,  source      TEXT,  url         TEXT,  published   TEXT,  body        TEXT NOT NULL,  imported_at INTEGER NOT NULL, byline TEXT, language TEXT, date_precision INTEGER NOT NULL DEFAULT 0, date_origin INTEGER NOT NULL DEFAULT 0, published_jd INTEGER, body_hash TEXT, file_name TEXT, content_hash TEXT, annotation_count INTEGER NOT NULL DEFAULT 0, notes TEXT NOT NULL DEFAULT '');
INSERT INTO articles VALUES(1,'Harbour Talks Open With a Handshake','The Harbour Ledger',NULL,'2010-03-18',replace('Delegates from both riverbank councils met on Thursday in the old customs house to reopen talks on shared dredging costs.\n\n"We came to listen before we came to bargain," said council chair Otto Brenn, who called the first session constructive.\n\nThe next round is planned for April, when engineers will present a survey of the silted channel.','\n',char(10)),1796417488947279,'Mira Lenk','en',3,1,733849,'7b4fbfe126895f482a5808ad64fc86f0b24117fc7e7364f5d7ab6d2ce354517b','harbour-talks.txt',NULL,0,'');
INSERT INTO articles VALUES(2,'Dredging Deal Signed After Two Years',NULL,NULL,'2012-04-02',replace('The two councils signed a dredging agreement on Monday that splits the cost of clearing the channel according to cargo tonnage.\n\nOtto Brenn said the deal proved that patient talks could settle even a decades-old quarrel.\n\nCritics on the east bank said the tonnage formula favoured the larger port.','\n',char(10)),1796417488947606,NULL,'en',3,1,734595,'e63ea1edc309c9806e19828d8f03f1bedb5c562973f5072168e0a354893b61eb','dredging-deal.txt',NULL,0,'');
INSERT INTO articles VALUES(3,'Talks Resume on the Channel',NULL,NULL,NULL,replace('Delegates met again on Thursday after the talks of March 18, 2010 ended without a deal.\n\nThe next round is planned for the spring, council chair Otto Brenn said.','\n',char(10)),1796417488947643,NULL,'en',0,0,NULL,'f82dfd899b31de3eecbec833213f184572a0d6e15a78992a7cc34e0074a64c12','undated.txt',NULL,0,'');
CREATE TABLE annotations (  id           INTEGER PRIMARY KEY,  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,  color        TEXT NOT NULL DEFAULT 'yellow',  note         TEXT NOT NULL DEFAULT '',  quote        TEXT NOT NULL,  start_offset INTEGER NOT NULL,  end_offset   INTEGER NOT NULL,  created      INTEGER NOT NULL, uuid TEXT, tags TEXT NOT NULL DEFAULT '[]', prefix TEXT NOT NULL DEFAULT '', suffix TEXT NOT NULL DEFAULT '', orphan INTEGER NOT NULL DEFAULT 0, modified INTEGER NOT NULL DEFAULT 0);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, byline, body, notes,  content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE annotations_fts USING fts5(quote, note, tags,  content='annotations', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TABLE boilerplate (  source      TEXT NOT NULL,  fingerprint TEXT NOT NULL,  articles    INTEGER NOT NULL,  flagged     INTEGER NOT NULL DEFAULT 0,  PRIMARY KEY (source, fingerprint)) WITHOUT ROWID;
INSERT INTO boilerplate VALUES('The Harbour Ledger','101:6c823c55ef910835',1,0);
INSERT INTO boilerplate VALUES('The Harbour Ledger','78:1ff99f22f9a58c30',1,0);
INSERT INTO boilerplate VALUES('The Harbour Ledger','96:b863a6789c2712e2',1,0);
CREATE TABLE saved_searches (  id    INTEGER PRIMARY KEY,  name  TEXT NOT NULL,  query TEXT NOT NULL);
CREATE UNIQUE INDEX annotations_uuid ON annotations(uuid);
CREATE INDEX annotations_article ON annotations(article_id, start_offset);
CREATE INDEX articles_published ON articles(published_jd, id);
CREATE INDEX articles_source ON articles(source COLLATE NOCASE);
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_body_hash ON articles(body_hash);
CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN  INSERT INTO articles_fts(rowid, title, byline, body, notes)    VALUES (new.id, new.title, new.byline, new.body, new.notes);END;
CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN  INSERT INTO articles_fts(articles_fts, rowid, title, byline, body, notes)    VALUES ('delete', old.id, old.title, old.byline, old.body, old.notes);END;
CREATE TRIGGER articles_au AFTER UPDATE OF title, byline, body, notes ON articles BEGIN  INSERT INTO articles_fts(articles_fts, rowid, title, byline, body, notes)    VALUES ('delete', old.id, old.title, old.byline, old.body, old.notes);  INSERT INTO articles_fts(rowid, title, byline, body, notes)    VALUES (new.id, new.title, new.byline, new.body, new.notes);END;
CREATE TRIGGER annotations_ai AFTER INSERT ON annotations BEGIN  INSERT INTO annotations_fts(rowid, quote, note, tags) VALUES (new.id, new.quote, new.note, new.tags);  UPDATE articles SET annotation_count = annotation_count + 1,    notes = coalesce((SELECT group_concat(quote || ' ' || note || ' ' || tags, ' ')                      FROM annotations WHERE article_id = new.article_id), '')    WHERE id = new.article_id;END;
CREATE TRIGGER annotations_ad AFTER DELETE ON annotations BEGIN  INSERT INTO annotations_fts(annotations_fts, rowid, quote, note, tags)    VALUES ('delete', old.id, old.quote, old.note, old.tags);  UPDATE articles SET annotation_count = annotation_count - 1,    notes = coalesce((SELECT group_concat(quote || ' ' || note || ' ' || tags, ' ')                      FROM annotations WHERE article_id = old.article_id), '')    WHERE id = old.article_id;END;
CREATE TRIGGER annotations_au AFTER UPDATE OF quote, note, tags ON annotations BEGIN  INSERT INTO annotations_fts(annotations_fts, rowid, quote, note, tags)    VALUES ('delete', old.id, old.quote, old.note, old.tags);  INSERT INTO annotations_fts(rowid, quote, note, tags) VALUES (new.id, new.quote, new.note, new.tags);  UPDATE articles SET    notes = coalesce((SELECT group_concat(quote || ' ' || note || ' ' || tags, ' ')                      FROM annotations WHERE article_id = new.article_id), '')    WHERE id = new.article_id;END;
CREATE INDEX articles_timeline ON articles(published_jd, id, date_precision, annotation_count, source);
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)');
INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild');
CREATE TABLE date_suggestions (  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,  published   TEXT,  precision   INTEGER NOT NULL DEFAULT 0,  confidence  REAL NOT NULL DEFAULT 0,  evidence    TEXT NOT NULL DEFAULT '',  state       INTEGER NOT NULL DEFAULT 0,  computed_at INTEGER NOT NULL);
CREATE INDEX date_suggestions_open ON date_suggestions(state, confidence);
INSERT INTO date_suggestions (article_id, published, precision, confidence, evidence, state, computed_at) SELECT id, '2010-06-01', 3, 0.7, 'a date in the text', 0, 1700000000000000 FROM articles WHERE published IS NULL;
PRAGMA user_version = 4;
COMMIT;
