/* dossier-store-schema.c — creating and migrating the library's schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * PRAGMA user_version is the schema version.  Every step from the file's
 * version to DOSSIER_STORE_SCHEMA_VERSION runs in ONE transaction: if any
 * step fails, the file is left exactly as it was.  A new library is made
 * by running every step from 0, so the migrations are exercised always.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "dossier-store-private.h"
#include "dossier-date.h"

/* Version 1: articles, annotations, search over titles and bodies. */
static const char schema_v1[] =
  "CREATE TABLE articles ("
  "  id          INTEGER PRIMARY KEY,"
  "  title       TEXT NOT NULL,"
  "  source      TEXT,"
  "  url         TEXT,"
  "  published   TEXT,"
  "  body        TEXT NOT NULL,"
  "  imported_at INTEGER NOT NULL);"
  "CREATE TABLE annotations ("
  "  id           INTEGER PRIMARY KEY,"
  "  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  color        TEXT NOT NULL DEFAULT 'yellow',"
  "  note         TEXT NOT NULL DEFAULT '',"
  "  quote        TEXT NOT NULL,"
  "  start_offset INTEGER NOT NULL,"
  "  end_offset   INTEGER NOT NULL,"
  "  created      INTEGER NOT NULL);"
  "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='id');"
  "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);"
  "END;"
  "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);"
  "END;";

/* The dates a page's file held that import did not take for the article's
 * own (when it updated, the address of its picture…), one "kind date" a
 * line, evidence for its suggested date. */
static const char schema_date_hints[] =
  "CREATE TABLE date_hints ("
  "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  hints      TEXT NOT NULL);";

/* Version 2: bylines, languages, date precision and origin, duplicate
 * detection, tags and quote context on annotations, orphans; the search
 * index covers bylines and notes too; annotations get their own index;
 * boilerplate learning and saved searches. */
static const char schema_v2[] =
  "DROP TRIGGER articles_ai;"
  "DROP TRIGGER articles_ad;"
  "DROP TABLE articles_fts;"
  "ALTER TABLE articles ADD COLUMN byline TEXT;"
  "ALTER TABLE articles ADD COLUMN language TEXT;"
  "ALTER TABLE articles ADD COLUMN date_precision INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE articles ADD COLUMN date_origin INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE articles ADD COLUMN published_jd INTEGER;"
  "ALTER TABLE articles ADD COLUMN body_hash TEXT;"
  "ALTER TABLE articles ADD COLUMN file_name TEXT;"
  "ALTER TABLE articles ADD COLUMN content_hash TEXT;"
  "ALTER TABLE articles ADD COLUMN annotation_count INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE articles ADD COLUMN notes TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE annotations ADD COLUMN uuid TEXT;"
  "ALTER TABLE annotations ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';"
  "ALTER TABLE annotations ADD COLUMN prefix TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE annotations ADD COLUMN suffix TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE annotations ADD COLUMN orphan INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE annotations ADD COLUMN modified INTEGER NOT NULL DEFAULT 0;"
  /* dates: precision from the form, a sortable julian day of the first day */
  "UPDATE articles SET date_precision = CASE length(published)"
  "  WHEN 10 THEN 3 WHEN 7 THEN 2 WHEN 4 THEN 1 ELSE 0 END,"
  "  date_origin = CASE WHEN published IS NULL THEN 0 ELSE 1 END;"
  "UPDATE articles SET published_jd = CAST(julianday(CASE date_precision"
  "  WHEN 3 THEN published WHEN 2 THEN published || '-01' WHEN 1 THEN published || '-01-01' END) + 0.5 AS INTEGER)"
  /* SQLite counts from 4714 BC, GDate (dossier_date_to_julian) from 1 AD */
  "  - 1721425"
  "  WHERE date_precision > 0;"
  "UPDATE articles SET annotation_count = (SELECT count(*) FROM annotations WHERE article_id = articles.id),"
  "  notes = coalesce((SELECT group_concat(quote || ' ' || note, ' ') FROM annotations WHERE article_id = articles.id), '');"
  "UPDATE annotations SET modified = created,"
  "  uuid = lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2)"
  "    || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)));"
  "CREATE UNIQUE INDEX annotations_uuid ON annotations(uuid);"
  "CREATE INDEX annotations_article ON annotations(article_id, start_offset);"
  "CREATE INDEX articles_published ON articles(published_jd, id);"
  "CREATE INDEX articles_source ON articles(source COLLATE NOCASE);"
  "CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;"
  "CREATE INDEX articles_body_hash ON articles(body_hash);"
  "CREATE VIRTUAL TABLE articles_fts USING fts5(title, byline, body, notes,"
  "  content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
  "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
  "  INSERT INTO articles_fts(rowid, title, byline, body, notes)"
  "    VALUES (new.id, new.title, new.byline, new.body, new.notes);"
  "END;"
  "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, byline, body, notes)"
  "    VALUES ('delete', old.id, old.title, old.byline, old.body, old.notes);"
  "END;"
  "CREATE TRIGGER articles_au AFTER UPDATE OF title, byline, body, notes ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, byline, body, notes)"
  "    VALUES ('delete', old.id, old.title, old.byline, old.body, old.notes);"
  "  INSERT INTO articles_fts(rowid, title, byline, body, notes)"
  "    VALUES (new.id, new.title, new.byline, new.body, new.notes);"
  "END;"
  "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');"
  "INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)');"
  "CREATE VIRTUAL TABLE annotations_fts USING fts5(quote, note, tags,"
  "  content='annotations', content_rowid='id', tokenize='unicode61 remove_diacritics 2');"
  "INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild');"
  /* an annotation change keeps the article's count, the article's
   * searchable notes and the annotation index in step */
  "CREATE TRIGGER annotations_ai AFTER INSERT ON annotations BEGIN"
  "  INSERT INTO annotations_fts(rowid, quote, note, tags) VALUES (new.id, new.quote, new.note, new.tags);"
  "  UPDATE articles SET annotation_count = annotation_count + 1,"
  "    notes = coalesce((SELECT group_concat(quote || ' ' || note || ' ' || tags, ' ')"
  "                      FROM annotations WHERE article_id = new.article_id), '')"
  "    WHERE id = new.article_id;"
  "END;"
  "CREATE TRIGGER annotations_ad AFTER DELETE ON annotations BEGIN"
  "  INSERT INTO annotations_fts(annotations_fts, rowid, quote, note, tags)"
  "    VALUES ('delete', old.id, old.quote, old.note, old.tags);"
  "  UPDATE articles SET annotation_count = annotation_count - 1,"
  "    notes = coalesce((SELECT group_concat(quote || ' ' || note || ' ' || tags, ' ')"
  "                      FROM annotations WHERE article_id = old.article_id), '')"
  "    WHERE id = old.article_id;"
  "END;"
  "CREATE TRIGGER annotations_au AFTER UPDATE OF quote, note, tags ON annotations BEGIN"
  "  INSERT INTO annotations_fts(annotations_fts, rowid, quote, note, tags)"
  "    VALUES ('delete', old.id, old.quote, old.note, old.tags);"
  "  INSERT INTO annotations_fts(rowid, quote, note, tags) VALUES (new.id, new.quote, new.note, new.tags);"
  "  UPDATE articles SET"
  "    notes = coalesce((SELECT group_concat(quote || ' ' || note || ' ' || tags, ' ')"
  "                      FROM annotations WHERE article_id = new.article_id), '')"
  "    WHERE id = new.article_id;"
  "END;"
  "CREATE TABLE boilerplate ("
  "  source      TEXT NOT NULL,"
  "  fingerprint TEXT NOT NULL,"
  "  articles    INTEGER NOT NULL,"
  "  flagged     INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (source, fingerprint)) WITHOUT ROWID;"
  "CREATE TABLE saved_searches ("
  "  id    INTEGER PRIMARY KEY,"
  "  name  TEXT NOT NULL,"
  "  query TEXT NOT NULL);";

static gboolean
is_ascii_space (guchar b)
{
  /* g_unichar_isspace() on ASCII */
  return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
}

/* The duplicate key: the body with case and white space folded, that is
 * SHA-256 of g_utf8_casefold (body) with every run of white space made one
 * space and none at the ends.  Computed a run at a time (ASCII lowered by
 * hand, other runs casefolded by GLib) rather than by building the folded
 * and squeezed copies character by character, which cost a quarter of an
 * import; the key is byte-for-byte the same, so existing libraries keep
 * matching their duplicates. */
/* Version 3: an index with everything the timeline draws, so drawing
 * 100,000 articles never reads their records, whose later columns sit
 * behind the body. */
static const char schema_v3[] =
  "CREATE INDEX articles_timeline ON articles(published_jd, id, date_precision, annotation_count, source);";

/* Version 4: suggested dates for articles without a full date, with
 * their evidence (one reason a line) and whether the user accepted or
 * dismissed them. */
static const char schema_v4[] =
  "CREATE TABLE date_suggestions ("
  "  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  published   TEXT,"
  "  precision   INTEGER NOT NULL DEFAULT 0,"
  "  confidence  REAL NOT NULL DEFAULT 0,"
  "  evidence    TEXT NOT NULL DEFAULT '',"
  "  state       INTEGER NOT NULL DEFAULT 0,"
  "  computed_at INTEGER NOT NULL);"
  "CREATE INDEX date_suggestions_open ON date_suggestions(state, confidence);";

/* Stories: each article's sketch (a MinHash signature of its shingles and
 * the words of its lead), the articles most like each one, the stories
 * articles are grouped into, and the user's corrections: an article
 * pinned to a story, two articles whose stories the user joined.
 * Articles without a sketch are worked on in the background. */
static const char schema_stories[] =
  "CREATE TABLE sketches ("
  "  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  n_shingles  INTEGER NOT NULL,"
  "  minhash     BLOB NOT NULL,"
  "  terms       BLOB NOT NULL);"
  "CREATE TABLE similar ("
  "  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  other_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  similarity  REAL NOT NULL,"
  "  relation    INTEGER NOT NULL,"
  "  PRIMARY KEY (article_id, other_id)) WITHOUT ROWID;"
  "CREATE INDEX similar_other ON similar(other_id);"
  "CREATE TABLE stories ("
  "  id          INTEGER PRIMARY KEY,"
  "  created     INTEGER NOT NULL);"
  "CREATE TABLE story_members ("
  "  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
  "  story_id    INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,"
  "  pinned      INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX story_members_story ON story_members(story_id);"
  "CREATE TABLE story_joins ("
  "  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  other_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  PRIMARY KEY (article_id, other_id)) WITHOUT ROWID;"
  "CREATE INDEX story_joins_other ON story_joins(other_id);";

/* People and their quotes: the people and organisations the articles
 * name (one row however written; variants map each written form to its
 * person), which articles mention them, the quotations found in the
 * bodies (with each person's counts of both kept in their row, for the
 * People list), the user's corrections (kept by article and quoted words, so
 * that they survive finding the quotes again), and the articles whose
 * quotes are still to be found: every article of an existing library,
 * and any article added or whose body changes. */
static const char schema_people[] =
  "CREATE TABLE people ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL,"
  "  kind        INTEGER NOT NULL DEFAULT 0,"
  "  surname_key TEXT NOT NULL,"
  "  given_key   TEXT,"
  "  renamed     INTEGER NOT NULL DEFAULT 0,"
  "  mentions    INTEGER NOT NULL DEFAULT 0,"
  "  quotes      INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX people_key ON people(surname_key, given_key);"
  "CREATE INDEX people_rank ON people(quotes DESC, mentions DESC);"
  "CREATE TABLE person_variants ("
  "  variant     TEXT PRIMARY KEY COLLATE NOCASE,"
  "  person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE);"
  "CREATE INDEX person_variants_person ON person_variants(person_id);"
  "CREATE TABLE person_titles ("
  "  person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
  "  title       TEXT NOT NULL,"
  "  PRIMARY KEY (person_id, title)) WITHOUT ROWID;"
  "CREATE TABLE mentions ("
  "  person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
  "  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  count       INTEGER NOT NULL,"
  "  PRIMARY KEY (person_id, article_id)) WITHOUT ROWID;"
  "CREATE INDEX mentions_article ON mentions(article_id);"
  "CREATE TABLE quotes ("
  "  id           INTEGER PRIMARY KEY,"
  "  article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  person_id    INTEGER REFERENCES people(id) ON DELETE SET NULL,"
  "  start_offset INTEGER NOT NULL,"
  "  end_offset   INTEGER NOT NULL,"
  "  text         TEXT NOT NULL,"
  "  attribution  INTEGER NOT NULL,"
  "  status       INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX quotes_person ON quotes(person_id, article_id);"
  "CREATE INDEX quotes_article ON quotes(article_id);"
  "CREATE TABLE quote_corrections ("
  "  article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  text        TEXT NOT NULL,"
  "  person_id   INTEGER REFERENCES people(id) ON DELETE CASCADE,"
  "  rejected    INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (article_id, text));"
  "CREATE TABLE quote_queue ("
  "  article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE);"
  "INSERT INTO quote_queue(article_id) SELECT id FROM articles;"
  "CREATE TRIGGER quote_queue_ai AFTER INSERT ON articles BEGIN"
  "  INSERT OR IGNORE INTO quote_queue(article_id) VALUES (new.id);"
  "END;"
  "CREATE TRIGGER quote_queue_au AFTER UPDATE OF body ON articles BEGIN"
  "  INSERT OR IGNORE INTO quote_queue(article_id) VALUES (new.id);"
  "END;";

/* Articles from the web: every link that led to an article (the one the
 * user gave and the one the page was finally fetched from), so adding a
 * link again is known to be a duplicate before anything is fetched; the
 * feeds followed, and every entry of theirs dealt with (kept when its
 * article is deleted, so it is never imported again). */
static const char schema_web[] =
  "CREATE TABLE article_links ("
  "  url        TEXT PRIMARY KEY,"
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  given      INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX article_links_article ON article_links(article_id);"
  "CREATE TABLE feeds ("
  "  id            INTEGER PRIMARY KEY,"
  "  url           TEXT NOT NULL UNIQUE,"
  "  title         TEXT NOT NULL DEFAULT '',"
  "  site_url      TEXT,"
  "  etag          TEXT,"
  "  last_modified TEXT,"
  "  last_refresh  INTEGER NOT NULL DEFAULT 0,"
  "  last_error    TEXT,"
  "  retry_after   INTEGER NOT NULL DEFAULT 0,"
  "  paused        INTEGER NOT NULL DEFAULT 0,"
  "  added         INTEGER NOT NULL);"
  "CREATE TABLE feed_entries ("
  "  feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
  "  guid       TEXT NOT NULL,"
  "  article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,"
  "  seen       INTEGER NOT NULL,"
  "  PRIMARY KEY (feed_id, guid));"
  "CREATE INDEX feed_entries_article ON feed_entries(article_id);";

/* Imports from other apps (Pocket, Omnivore, Wallabag, Instapaper): a read
 * state and tags on articles, which entry of which export became which
 * article or pending link (so a second run adds nothing twice), and the
 * links that came without text, kept with their highlights to be fetched
 * later. */
static const char schema_app_imports[] =
  "ALTER TABLE articles ADD COLUMN read INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE article_tags ("
  "  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,"
  "  tag        TEXT NOT NULL COLLATE NOCASE,"
  "  PRIMARY KEY (article_id, tag)) WITHOUT ROWID;"
  "CREATE INDEX article_tags_tag ON article_tags(tag);"
  "CREATE TABLE pending_links ("
  "  id         INTEGER PRIMARY KEY,"
  "  url        TEXT NOT NULL UNIQUE,"
  "  title      TEXT,"
  "  kind       TEXT NOT NULL,"
  "  source_id  TEXT NOT NULL,"
  "  tags       TEXT NOT NULL DEFAULT '',"
  "  saved_at   INTEGER NOT NULL DEFAULT 0,"
  "  read       INTEGER NOT NULL DEFAULT 0,"
  "  added      INTEGER NOT NULL);"
  "CREATE TABLE pending_highlights ("
  "  pending_id INTEGER NOT NULL REFERENCES pending_links(id) ON DELETE CASCADE,"
  "  position   INTEGER NOT NULL,"
  "  quote      TEXT NOT NULL,"
  "  note       TEXT,"
  "  created    INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (pending_id, position)) WITHOUT ROWID;"
  "CREATE TABLE app_imports ("
  "  kind       TEXT NOT NULL,"
  "  source_id  TEXT NOT NULL,"
  "  article_id INTEGER REFERENCES articles(id) ON DELETE SET NULL,"
  "  pending_id INTEGER REFERENCES pending_links(id) ON DELETE SET NULL,"
  "  PRIMARY KEY (kind, source_id)) WITHOUT ROWID;"
  "CREATE INDEX app_imports_article ON app_imports(article_id);"
  "CREATE INDEX app_imports_pending ON app_imports(pending_id);";

/* The quotes' indexes hold their status (and a person's the article and
 * place of each quote), so that the People section's sparklines, a
 * person's quotes in time order and the people quoted beside them are
 * read from the indexes alone, without a row lookup per quote. */
static const char schema_quote_indexes[] =
  "DROP INDEX quotes_person;"
  "DROP INDEX quotes_article;"
  "CREATE INDEX quotes_person ON quotes(person_id, status, article_id, start_offset);"
  "CREATE INDEX quotes_article ON quotes(article_id, status, person_id);";

/* A listed article (search_deferred: waiting to be indexed, by an
 * import's batch or by the index's rebuild in the background) that is
 * deleted leaves the index alone.  One trigger decides and then takes it
 * off the list: with two, the one taking it off the list could fire
 * first, and the other then deleted from the index a row never indexed,
 * which breaks the index. */
static const char schema_search_rebuild[] =
  "DROP TRIGGER articles_ad;"
  "DROP TRIGGER articles_ad_deferred;"
  "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, byline, body, notes)"
  "    SELECT 'delete', old.id, old.title, old.byline, old.body, old.notes"
  "    WHERE NOT EXISTS (SELECT 1 FROM search_deferred WHERE article_id = old.id);"
  "  DELETE FROM search_deferred WHERE article_id = old.id;"
  "END;";

/* The columns a list shows of an article (its date, source and title),
 * keyed by id. An article's row holds its body, and the columns after
 * the body (published_jd, date_precision) live on its overflow pages:
 * a list that looks articles up by id reads them from this index
 * (INDEXED BY articles_list) instead, a few bytes per article instead
 * of the whole body. */
static const char schema_article_list_index[] =
  "CREATE INDEX articles_list ON articles(id, published_jd, date_precision, published, source, title);";

/* Indexes that answer the People list and a person's quotes alone.
 * The list's order (most quoted, most mentioned, then by name) is the
 * rank index's own, so neither the first page nor the whole list is
 * sorted.  A person's quotes as the command line and exports list them
 * (with their words, span and attribution) are one range of
 * quotes_listed, where reading them from the table read a page for
 * almost every quote: a much-quoted person's quotes are spread over the
 * whole table, which is in the order they were found.  The step can
 * run again over its own indexes (a library set back to an older
 * format, as the upgrade tests do). */
static const char schema_people_listing[] =
  "DROP INDEX IF EXISTS people_rank;"
  "CREATE INDEX people_rank ON people(quotes DESC, mentions DESC, name COLLATE NOCASE, id, kind);"
  "CREATE INDEX IF NOT EXISTS quotes_listed ON quotes(person_id, status, article_id, start_offset, end_offset, attribution, text);";

/* The version of the quote extractor that found the library's quotes,
 * as search_tokenizer keeps the tokenizer's: a build with a newer one
 * queues every article again (_dossier_store_check_quotes()).  Libraries
 * up to format 20 had theirs found by the first version. */
static const char schema_quote_extractor[] =
  "CREATE TABLE IF NOT EXISTS quote_extractor ("
  "  id      INTEGER PRIMARY KEY CHECK (id = 1),"
  "  version INTEGER NOT NULL);"
  "INSERT OR IGNORE INTO quote_extractor (id, version) VALUES (1, 1);";

/* An article's day and source by id, for a list of quotes: each quote
 * looks its article up here instead of in articles_list, which holds
 * titles too and is several times larger (the most quoted person of the
 * bench's library: 52,135 look-ups, 95-105 ms against 44-67 ms of
 * processor time for the query in sqlite3, memory-mapped). */
static const char schema_article_days[] =
  "CREATE INDEX IF NOT EXISTS articles_days ON articles(id, published_jd, published, source);";

/* The spellings of names in the search index, by their name keys: a row
 * per spelling and key, which the tokenizer records as it indexes a text
 * and a query's word looks its other spellings up in (see
 * dossier-store-tokenizer.c).  It is filled again with the index, which
 * the tokenizer's new revision makes at the next opening. */
static const char schema_name_vocabulary[] =
  "CREATE TABLE IF NOT EXISTS search_names ("
  "  term     TEXT NOT NULL,"
  "  spelling TEXT NOT NULL,"
  "  PRIMARY KEY (term, spelling)) WITHOUT ROWID;";

/* Each person's quotes counted by the day of their articles, for the
 * People section's sparklines: the first 200 people's are one range of
 * this table each (35,072 rows on the bench's library), where counting
 * their quotes read 828,120 entries of quotes_person and looked each
 * article's day up.  Only quotes found or corrected (status < 2) of
 * dated articles count.  Triggers keep it equal to the quotes in the
 * same statement that changes them: a quote found, reassigned, rejected
 * or deleted (by a merge, a re-extraction or its article's deletion),
 * and an article given another date.  The lookups of an article's day
 * go through articles_days, since the day comes after the body in an
 * article's row.  An article's quotes deleted by the cascade after it
 * is gone find no day: the article's trigger took them off before. */
static const char schema_person_days[] =
  "CREATE TABLE IF NOT EXISTS person_days ("
  "  person_id INTEGER NOT NULL,"
  "  jd        INTEGER NOT NULL,"
  "  quotes    INTEGER NOT NULL,"
  "  PRIMARY KEY (person_id, jd)) WITHOUT ROWID;"
  "DELETE FROM person_days;"
  "INSERT INTO person_days (person_id, jd, quotes)"
  "  SELECT q.person_id, a.published_jd, count(*)"
  "  FROM quotes q INDEXED BY quotes_person JOIN articles a INDEXED BY articles_days ON a.id = q.article_id"
  "  WHERE q.person_id IS NOT NULL AND q.status < 2 AND a.published_jd IS NOT NULL"
  "  GROUP BY q.person_id, a.published_jd;"
  "DROP TRIGGER IF EXISTS quotes_days_ai;"
  "DROP TRIGGER IF EXISTS quotes_days_ad;"
  "DROP TRIGGER IF EXISTS quotes_days_au;"
  "DROP TRIGGER IF EXISTS articles_days_bd;"
  "DROP TRIGGER IF EXISTS articles_days_au;"
  "CREATE TRIGGER quotes_days_ai AFTER INSERT ON quotes"
  "  WHEN new.person_id IS NOT NULL AND new.status < 2 BEGIN"
  "  INSERT INTO person_days (person_id, jd, quotes)"
  "    SELECT new.person_id, published_jd, 1 FROM articles INDEXED BY articles_days"
  "    WHERE id = new.article_id AND published_jd IS NOT NULL"
  "    ON CONFLICT (person_id, jd) DO UPDATE SET quotes = quotes + 1;"
  "END;"
  "CREATE TRIGGER quotes_days_ad AFTER DELETE ON quotes"
  "  WHEN old.person_id IS NOT NULL AND old.status < 2 BEGIN"
  "  UPDATE person_days SET quotes = quotes - 1 WHERE person_id = old.person_id"
  "    AND jd = (SELECT published_jd FROM articles INDEXED BY articles_days WHERE id = old.article_id);"
  "  DELETE FROM person_days WHERE person_id = old.person_id AND quotes <= 0"
  "    AND jd = (SELECT published_jd FROM articles INDEXED BY articles_days WHERE id = old.article_id);"
  "END;"
  "CREATE TRIGGER quotes_days_au AFTER UPDATE OF person_id, status, article_id ON quotes"
  "  WHEN old.person_id IS NOT new.person_id OR (old.status < 2) IS NOT (new.status < 2)"
  "    OR old.article_id IS NOT new.article_id BEGIN"
  "  UPDATE person_days SET quotes = quotes - 1"
  "    WHERE old.person_id IS NOT NULL AND old.status < 2 AND person_id = old.person_id"
  "    AND jd = (SELECT published_jd FROM articles INDEXED BY articles_days WHERE id = old.article_id);"
  "  DELETE FROM person_days WHERE person_id = old.person_id AND quotes <= 0"
  "    AND jd = (SELECT published_jd FROM articles INDEXED BY articles_days WHERE id = old.article_id);"
  "  INSERT INTO person_days (person_id, jd, quotes)"
  "    SELECT new.person_id, published_jd, 1 FROM articles INDEXED BY articles_days"
  "    WHERE new.person_id IS NOT NULL AND new.status < 2"
  "    AND id = new.article_id AND published_jd IS NOT NULL"
  "    ON CONFLICT (person_id, jd) DO UPDATE SET quotes = quotes + 1;"
  "END;"
  "CREATE TRIGGER articles_days_bd BEFORE DELETE ON articles"
  "  WHEN old.published_jd IS NOT NULL BEGIN"
  "  UPDATE person_days SET quotes = quotes - (SELECT count(*) FROM quotes q"
  "      WHERE q.article_id = old.id AND q.person_id = person_days.person_id AND q.status < 2)"
  "    WHERE jd = old.published_jd"
  "    AND person_id IN (SELECT person_id FROM quotes WHERE article_id = old.id AND status < 2);"
  "  DELETE FROM person_days WHERE jd = old.published_jd AND quotes <= 0"
  "    AND person_id IN (SELECT person_id FROM quotes WHERE article_id = old.id AND status < 2);"
  "END;"
  "CREATE TRIGGER articles_days_au AFTER UPDATE OF published_jd ON articles"
  "  WHEN old.published_jd IS NOT new.published_jd BEGIN"
  "  UPDATE person_days SET quotes = quotes - (SELECT count(*) FROM quotes q"
  "      WHERE q.article_id = new.id AND q.person_id = person_days.person_id AND q.status < 2)"
  "    WHERE jd = old.published_jd"
  "    AND person_id IN (SELECT person_id FROM quotes WHERE article_id = new.id AND status < 2);"
  "  DELETE FROM person_days WHERE jd = old.published_jd AND quotes <= 0"
  "    AND person_id IN (SELECT person_id FROM quotes WHERE article_id = new.id AND status < 2);"
  "  INSERT INTO person_days (person_id, jd, quotes)"
  "    SELECT person_id, new.published_jd, count(*) FROM quotes"
  "    WHERE article_id = new.id AND person_id IS NOT NULL AND status < 2 AND new.published_jd IS NOT NULL"
  "    GROUP BY person_id"
  "    ON CONFLICT (person_id, jd) DO UPDATE SET quotes = quotes + excluded.quotes;"
  "END;";

/* A team library: every shared row gets a UUID that is the same in every
 * member's library, notes record their author, and a library linked to a
 * team database (team_link) keeps its own changes queued until they are
 * pushed (team_queue, filled by triggers, so edits made offline survive
 * restarts), the server version each row was last seen at with its
 * fields as they were then (team_rows), and the conflicts a person has
 * to resolve (team_conflicts).  While team_link.applying is set, changes
 * pulled from the server are written without being queued. */
#define TEAM_QUEUE_WHEN " WHEN EXISTS (SELECT 1 FROM team_link WHERE applying = 0)"
static const char schema_team[] =
  "ALTER TABLE articles ADD COLUMN uuid TEXT;"
  "UPDATE articles SET uuid = " DOSSIER_SQL_UUID ";"
  "CREATE UNIQUE INDEX articles_uuid ON articles(uuid);"
  "ALTER TABLE saved_searches ADD COLUMN uuid TEXT;"
  "UPDATE saved_searches SET uuid = " DOSSIER_SQL_UUID ";"
  "CREATE UNIQUE INDEX saved_searches_uuid ON saved_searches(uuid);"
  "ALTER TABLE annotations ADD COLUMN author TEXT;"
  "CREATE TABLE team_link ("
  "  id           INTEGER PRIMARY KEY CHECK (id = 1),"
  "  server       TEXT NOT NULL,"
  "  member       TEXT NOT NULL,"
  "  last_version INTEGER NOT NULL DEFAULT 0,"
  "  applying     INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE team_rows ("
  "  kind    TEXT NOT NULL,"
  "  uuid    TEXT NOT NULL,"
  "  version INTEGER NOT NULL,"
  "  base    TEXT,"
  "  PRIMARY KEY (kind, uuid)) WITHOUT ROWID;"
  "CREATE TABLE team_queue ("
  "  kind    TEXT NOT NULL,"
  "  uuid    TEXT NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (kind, uuid)) WITHOUT ROWID;"
  "CREATE TABLE team_conflicts ("
  "  id       INTEGER PRIMARY KEY,"
  "  kind     TEXT NOT NULL,"
  "  row_uuid TEXT NOT NULL,"
  "  field    TEXT,"
  "  mine     TEXT,"
  "  theirs   TEXT,"
  "  author   TEXT,"
  "  at       INTEGER NOT NULL,"
  "  mine_row TEXT);"
  "CREATE TRIGGER team_articles_ai AFTER INSERT ON articles" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('article', new.uuid, 0);"
  "END;"
  "CREATE TRIGGER team_articles_au AFTER UPDATE OF title, byline, source, url, language,"
  "  published, date_precision, date_origin, body ON articles" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('article', new.uuid, 0);"
  "END;"
  "CREATE TRIGGER team_articles_ad AFTER DELETE ON articles" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('article', old.uuid, 1);"
  "END;"
  "CREATE TRIGGER team_annotations_ai AFTER INSERT ON annotations" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('annotation', new.uuid, 0);"
  "END;"
  "CREATE TRIGGER team_annotations_au AFTER UPDATE OF color, note, tags, quote, prefix, suffix,"
  "  start_offset, end_offset, orphan ON annotations" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('annotation', new.uuid, 0);"
  "END;"
  /* the notes of a deleted article stay on the server with it */
  "CREATE TRIGGER team_annotations_ad AFTER DELETE ON annotations" TEAM_QUEUE_WHEN
  "  AND EXISTS (SELECT 1 FROM articles WHERE id = old.article_id) BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('annotation', old.uuid, 1);"
  "END;"
  "CREATE TRIGGER team_searches_ai AFTER INSERT ON saved_searches" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('search', new.uuid, 0);"
  "END;"
  "CREATE TRIGGER team_searches_au AFTER UPDATE OF name, query ON saved_searches" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('search', new.uuid, 0);"
  "END;"
  "CREATE TRIGGER team_searches_ad AFTER DELETE ON saved_searches" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('search', old.uuid, 1);"
  "END;";

/* Batched notes: while an article's id is in notes_batch, a note added
 * to it does not rewrite the article's searchable notes (and so its whole
 * row in the search index); the writer that filled notes_batch writes
 * the notes of each listed article once and empties the table before its
 * transaction ends (dossier_store_write_batched_notes), so outside a
 * transaction the table is always empty.  An import that adds thousands
 * of highlights indexes each article once instead of once per highlight. */
static const char schema_notes_batch[] =
  "CREATE TABLE notes_batch ("
  "  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE);"
  "DROP TRIGGER annotations_ai;"
  "CREATE TRIGGER annotations_ai AFTER INSERT ON annotations BEGIN"
  "  INSERT INTO annotations_fts(rowid, quote, note, tags) VALUES (new.id, new.quote, new.note, new.tags);"
  "  UPDATE articles SET annotation_count = annotation_count + 1 WHERE id = new.article_id;"
  "  UPDATE articles SET notes = " DOSSIER_SQL_NOTES_OF ("new.article_id")
  "    WHERE id = new.article_id"
  "      AND NOT EXISTS (SELECT 1 FROM notes_batch WHERE article_id = new.article_id);"
  "END;";
/* A team library shares an article's tags and the stories a person
 * joined too.  Each such row's UUID is made from its parts
 * (dossier_row_uuid), so a tag two members add is one row, not two.
 * Saved searches changed after a library was shared are queued under the
 * kind sync reads ('saved-search'). */
static const char schema_team_tags[] =
  "ALTER TABLE article_tags ADD COLUMN uuid TEXT;"
  "UPDATE article_tags SET uuid = " DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = article_id)", "tag") ";"
  "CREATE UNIQUE INDEX article_tags_uuid ON article_tags(uuid);"
  "ALTER TABLE story_joins ADD COLUMN uuid TEXT;"
  "UPDATE story_joins SET uuid = " DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = article_id)",
                                                         "(SELECT uuid FROM articles WHERE id = other_id)") ";"
  "CREATE UNIQUE INDEX story_joins_uuid ON story_joins(uuid);"
  "CREATE TRIGGER team_tags_ai AFTER INSERT ON article_tags" TEAM_QUEUE_WHEN " AND new.uuid IS NOT NULL BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('article-tag', new.uuid, 0);"
  "END;"
  /* the tags and joins of a deleted article stay on the server with it */
  "CREATE TRIGGER team_tags_ad AFTER DELETE ON article_tags" TEAM_QUEUE_WHEN " AND old.uuid IS NOT NULL"
  "  AND EXISTS (SELECT 1 FROM articles WHERE id = old.article_id) BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('article-tag', old.uuid, 1);"
  "END;"
  "CREATE TRIGGER team_joins_ai AFTER INSERT ON story_joins" TEAM_QUEUE_WHEN " AND new.uuid IS NOT NULL BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('story-join', new.uuid, 0);"
  "END;"
  "CREATE TRIGGER team_joins_ad AFTER DELETE ON story_joins" TEAM_QUEUE_WHEN " AND old.uuid IS NOT NULL"
  "  AND EXISTS (SELECT 1 FROM articles WHERE id = old.article_id)"
  "  AND EXISTS (SELECT 1 FROM articles WHERE id = old.other_id) BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('story-join', old.uuid, 1);"
  "END;"
  "DROP TRIGGER team_searches_ai;"
  "DROP TRIGGER team_searches_au;"
  "DROP TRIGGER team_searches_ad;"
  "CREATE TRIGGER team_searches_ai AFTER INSERT ON saved_searches" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('saved-search', new.uuid, 0);"
  "END;"
  "CREATE TRIGGER team_searches_au AFTER UPDATE OF name, query ON saved_searches" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('saved-search', new.uuid, 0);"
  "END;"
  "CREATE TRIGGER team_searches_ad AFTER DELETE ON saved_searches" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('saved-search', old.uuid, 1);"
  "END;"
  "INSERT OR REPLACE INTO team_queue SELECT 'saved-search', uuid, deleted FROM team_queue WHERE kind = 'search';"
  "DELETE FROM team_queue WHERE kind = 'search';"
  "INSERT OR IGNORE INTO team_queue SELECT 'article-tag', uuid, 0 FROM article_tags"
  "  WHERE uuid IS NOT NULL AND EXISTS (SELECT 1 FROM team_link);"
  "INSERT OR IGNORE INTO team_queue SELECT 'story-join', uuid, 0 FROM story_joins"
  "  WHERE uuid IS NOT NULL AND EXISTS (SELECT 1 FROM team_link);";

/* A team library shares the user's corrections too: a quote's speaker
 * corrected or rejected (quote_corrections) and an article moved out of
 * its story or into another (a pinned story_members row).  Their UUIDs
 * are made from their parts (the article's UUID and the quote's words,
 * or the article's UUID and "story"), the same in every library. */
#define TEAM_QUOTE_FIX_UUID(row) \
  DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = " row ".article_id)", row ".text")
#define TEAM_PIN_UUID(row) \
  DOSSIER_SQL_ROW_UUID ("(SELECT uuid FROM articles WHERE id = " row ".article_id)", "'story'")
static const char schema_team_corrections[] =
  "CREATE TRIGGER team_quote_fixes_ai AFTER INSERT ON quote_corrections" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('quote-correction', " TEAM_QUOTE_FIX_UUID ("new") ", 0);"
  "END;"
  "CREATE TRIGGER team_quote_fixes_au AFTER UPDATE ON quote_corrections" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('quote-correction', " TEAM_QUOTE_FIX_UUID ("new") ", 0);"
  "END;"
  /* the corrections of a deleted article stay on the server with it */
  "CREATE TRIGGER team_quote_fixes_ad AFTER DELETE ON quote_corrections" TEAM_QUEUE_WHEN
  "  AND EXISTS (SELECT 1 FROM articles WHERE id = old.article_id) BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('quote-correction', " TEAM_QUOTE_FIX_UUID ("old") ", 1);"
  "END;"
  "CREATE TRIGGER team_pins_ai AFTER INSERT ON story_members" TEAM_QUEUE_WHEN " AND new.pinned = 1 BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('story-pin', " TEAM_PIN_UUID ("new") ", 0);"
  "END;"
  "CREATE TRIGGER team_pins_au AFTER UPDATE OF story_id, pinned ON story_members" TEAM_QUEUE_WHEN
  "  AND (new.pinned = 1 OR old.pinned = 1) BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('story-pin', " TEAM_PIN_UUID ("new") ", new.pinned = 0);"
  "END;"
  "CREATE TRIGGER team_pins_ad AFTER DELETE ON story_members" TEAM_QUEUE_WHEN
  "  AND old.pinned = 1 AND EXISTS (SELECT 1 FROM articles WHERE id = old.article_id) BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('story-pin', " TEAM_PIN_UUID ("old") ", 1);"
  "END;"
  "INSERT OR IGNORE INTO team_queue SELECT 'quote-correction', " TEAM_QUOTE_FIX_UUID ("quote_corrections") ", 0"
  "  FROM quote_corrections WHERE EXISTS (SELECT 1 FROM team_link);"
  "INSERT OR IGNORE INTO team_queue SELECT 'story-pin', " TEAM_PIN_UUID ("story_members") ", 0"
  "  FROM story_members WHERE pinned = 1 AND EXISTS (SELECT 1 FROM team_link);";

/* A team library shares the user's corrections of people too.  People
 * have no identity every library shares, so each correction is kept as
 * what it says of a written name: the variant belongs to the person
 * called @name (a rename gives every variant of the person the new name,
 * a merge the kept person's name, a split the variant's own).  The rows
 * are the user's corrections only; people renamed or split before, the
 * ones a library can still tell, are written as such. */
#define TEAM_PERSON_UUID(variant) DOSSIER_SQL_ROW_UUID ("'person'", variant)
static const char schema_team_people[] =
  "CREATE TABLE person_fixes ("
  "  uuid        TEXT PRIMARY KEY,"
  "  variant     TEXT NOT NULL,"
  "  name        TEXT NOT NULL);"
  "INSERT OR IGNORE INTO person_fixes (uuid, variant, name)"
  "  SELECT " TEAM_PERSON_UUID ("v.variant") ", v.variant, p.name"
  "  FROM person_variants v JOIN people p ON p.id = v.person_id WHERE p.renamed = 1;"
  "CREATE TRIGGER team_person_fixes_ai AFTER INSERT ON person_fixes" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('person-name', new.uuid, 0);"
  "END;"
  "CREATE TRIGGER team_person_fixes_au AFTER UPDATE ON person_fixes" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('person-name', new.uuid, 0);"
  "END;"
  "CREATE TRIGGER team_person_fixes_ad AFTER DELETE ON person_fixes" TEAM_QUEUE_WHEN " BEGIN"
  "  INSERT OR REPLACE INTO team_queue VALUES ('person-name', old.uuid, 1);"
  "END;"
  "INSERT OR IGNORE INTO team_queue SELECT 'person-name', uuid, 0"
  "  FROM person_fixes WHERE EXISTS (SELECT 1 FROM team_link);";

/* Read and unread came with the web's articles; before, only another
 * app's export said whether an article was read.  Everything else a
 * library held when it was upgraded counts as read, so that the unread
 * articles are the new ones, not a whole library. */
static const char schema_read_state[] =
  "UPDATE articles SET read = 1 WHERE read = 0"
  "  AND id NOT IN (SELECT article_id FROM app_imports WHERE article_id IS NOT NULL);";

/* Search that knows word forms and names: both text indexes are made
 * again with the "dossier" tokenizer (dossier-store-tokenizer.c), whose
 * version is kept beside them; _dossier_store_check_index() fills them. */
static const char schema_stemming[] =
  "DROP TABLE articles_fts;"
  "CREATE VIRTUAL TABLE articles_fts USING fts5(title, byline, body, notes,"
  "  content='articles', content_rowid='id', tokenize='dossier');"
  "INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 2.0)');"
  "DROP TABLE annotations_fts;"
  "CREATE VIRTUAL TABLE annotations_fts USING fts5(quote, note, tags,"
  "  content='annotations', content_rowid='id', tokenize='dossier');"
  "CREATE TABLE search_tokenizer ("
  "  id      INTEGER PRIMARY KEY CHECK (id = 1),"
  "  version TEXT NOT NULL);"
  "INSERT INTO search_tokenizer (id, version) VALUES (1, '');"
  /* An import's batch indexes its articles in one statement before it
   * commits (dossier_store_index_deferred()), not one at a time: FTS5
   * writes what it holds to disk at every statement that follows a
   * write, so a statement per article made a segment per article and
   * merged them over and over.  While the row 0 is in search_deferred
   * (only inside a batch's transaction, never committed), new articles
   * are listed there instead of indexed, and changes to listed articles
   * leave the index alone: the batch's last statement indexes them as
   * they are then. */
  "CREATE TABLE search_deferred (article_id INTEGER PRIMARY KEY);"
  "DROP TRIGGER articles_ai;"
  "DROP TRIGGER articles_ad;"
  "DROP TRIGGER articles_au;"
  "CREATE TRIGGER articles_ai AFTER INSERT ON articles"
  "  WHEN NOT EXISTS (SELECT 1 FROM search_deferred WHERE article_id = 0) BEGIN"
  "  INSERT INTO articles_fts(rowid, title, byline, body, notes)"
  "    VALUES (new.id, new.title, new.byline, new.body, new.notes);"
  "END;"
  "CREATE TRIGGER articles_ai_deferred AFTER INSERT ON articles"
  "  WHEN EXISTS (SELECT 1 FROM search_deferred WHERE article_id = 0) BEGIN"
  "  INSERT INTO search_deferred(article_id) VALUES (new.id);"
  "END;"
  "CREATE TRIGGER articles_ad AFTER DELETE ON articles"
  "  WHEN NOT EXISTS (SELECT 1 FROM search_deferred WHERE article_id = old.id) BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, byline, body, notes)"
  "    VALUES ('delete', old.id, old.title, old.byline, old.body, old.notes);"
  "END;"
  "CREATE TRIGGER articles_ad_deferred AFTER DELETE ON articles"
  "  WHEN EXISTS (SELECT 1 FROM search_deferred WHERE article_id = old.id) BEGIN"
  "  DELETE FROM search_deferred WHERE article_id = old.id;"
  "END;"
  "CREATE TRIGGER articles_au AFTER UPDATE OF title, byline, body, notes ON articles"
  "  WHEN NOT EXISTS (SELECT 1 FROM search_deferred WHERE article_id = old.id) BEGIN"
  "  INSERT INTO articles_fts(articles_fts, rowid, title, byline, body, notes)"
  "    VALUES ('delete', old.id, old.title, old.byline, old.body, old.notes);"
  "  INSERT INTO articles_fts(rowid, title, byline, body, notes)"
  "    VALUES (new.id, new.title, new.byline, new.body, new.notes);"
  "END;";

char *
dossier_store_body_hash (const char *body)
{
  return _dossier_store_body_hash (body);
}

char *
_dossier_store_body_hash (const char *body)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gboolean space = FALSE;
  gboolean any = FALSE;
  const char *p;

  if (body == NULL)
    body = "";
  if (!g_utf8_validate (body, -1, NULL))
    {
      /* never stored (bodies are normalised), but keep the old way */
      g_autofree char *folded = g_utf8_casefold (body, -1);
      g_autoptr(GString) squeezed = g_string_sized_new (strlen (folded));

      for (p = folded; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (g_unichar_isspace (c) || c == 0x00A0)
            {
              space = TRUE;
              continue;
            }
          if (space && squeezed->len > 0)
            g_string_append_c (squeezed, ' ');
          space = FALSE;
          g_string_append_unichar (squeezed, c);
        }
      return g_compute_checksum_for_string (G_CHECKSUM_SHA256, squeezed->str, squeezed->len);
    }

  p = body;
  while (*p)
    {
      const char *run = p;

      if ((guchar) *p < 0x80)
        {
          guchar buf[256];
          gsize n = 0;

          if (is_ascii_space ((guchar) *p))
            {
              space = TRUE;
              p++;
              continue;
            }
          if (space && any)
            g_checksum_update (sum, (const guchar *) " ", 1);
          space = FALSE;
          any = TRUE;
          while ((guchar) *p < 0x80 && *p && !is_ascii_space ((guchar) *p))
            {
              buf[n++] = g_ascii_tolower (*p++);
              if (n == sizeof buf)
                {
                  g_checksum_update (sum, buf, n);
                  n = 0;
                }
            }
          g_checksum_update (sum, buf, n);
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          g_autofree char *folded = NULL;

          if (g_unichar_isspace (c) || c == 0x00A0)
            {
              space = TRUE;
              p = g_utf8_next_char (p);
              continue;
            }
          if (space && any)
            g_checksum_update (sum, (const guchar *) " ", 1);
          space = FALSE;
          any = TRUE;
          /* casefolding never makes or removes white space */
          while ((guchar) *p >= 0x80)
            {
              c = g_utf8_get_char (p);
              if (g_unichar_isspace (c) || c == 0x00A0)
                break;
              p = g_utf8_next_char (p);
            }
          folded = g_utf8_casefold (run, p - run);
          g_checksum_update (sum, (const guchar *) folded, strlen (folded));
        }
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* Fills body_hash for rows that came from version 1. */
static gboolean
hash_old_bodies (DossierStore  *self,
                 GError       **error)
{
  sqlite3_stmt *select = NULL;
  sqlite3_stmt *update = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT id, body FROM articles WHERE body_hash IS NULL",
                          -1, &select, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (self->db, "UPDATE articles SET body_hash = ? WHERE id = ?",
                          -1, &update, NULL) != SQLITE_OK)
    goto out;

  while (sqlite3_step (select) == SQLITE_ROW)
    {
      g_autofree char *hash = _dossier_store_body_hash (_dossier_store_column_text (select, 1));

      sqlite3_bind_text (update, 1, hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (update, 2, sqlite3_column_int64 (select, 0));
      if (sqlite3_step (update) != SQLITE_DONE)
        goto out;
      sqlite3_reset (update);
    }
  ok = TRUE;

out:
  if (!ok)
    _dossier_store_fail (self, error, _("Could not upgrade the library"));
  sqlite3_finalize (select);
  sqlite3_finalize (update);
  return ok;
}

gboolean
_dossier_store_migrate (DossierStore  *self,
                        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = 0;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  if (version == DOSSIER_STORE_SCHEMA_VERSION)
    return TRUE;

  if (!dossier_store_begin (self, error))
    return FALSE;

  switch (version)
    {
    case 0:
      if (!_dossier_store_exec (self, schema_v1, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 1:
      if (!_dossier_store_exec (self, schema_v2, &local_error) ||
          !hash_old_bodies (self, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 2:
      if (!_dossier_store_exec (self, schema_v3, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 3:
      if (!_dossier_store_exec (self, schema_v4, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 4:
      if (!_dossier_store_exec (self, schema_stories, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 5:
      if (!_dossier_store_exec (self, schema_people, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 6:
      if (!_dossier_store_exec (self, schema_web, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 7:
      if (!_dossier_store_exec (self, schema_app_imports, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 8:
      if (!_dossier_store_exec (self, schema_team, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 9:
      if (!_dossier_store_exec (self, schema_notes_batch, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 10:
      if (!_dossier_store_exec (self, schema_date_hints, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 11:
      if (!_dossier_store_exec (self, schema_team_tags, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 12:
      if (!_dossier_store_exec (self, schema_read_state, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 13:
      if (!_dossier_store_exec (self, schema_stemming, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 14:
      if (!_dossier_store_exec (self, schema_quote_indexes, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 15:
      if (!_dossier_store_exec (self, schema_search_rebuild, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 16:
      if (!_dossier_store_exec (self, schema_article_list_index, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 17:
      if (!_dossier_store_exec (self, schema_team_corrections, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 18:
      if (!_dossier_store_exec (self, schema_team_people, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 19:
      if (!_dossier_store_exec (self, schema_people_listing, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 20:
      if (!_dossier_store_exec (self, schema_quote_extractor, &local_error))
        goto fail;
      if (!_dossier_store_exec (self, schema_article_days, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 21:
      if (!_dossier_store_exec (self, schema_name_vocabulary, &local_error))
        goto fail;
      G_GNUC_FALLTHROUGH;
    case 22:
      if (!_dossier_store_exec (self, schema_person_days, &local_error))
        goto fail;
      break;
    default:
      g_assert_not_reached ();
    }

  /* user_version cannot be bound; the value is our own constant */
  if (!_dossier_store_exec (self, "PRAGMA user_version = " G_STRINGIFY (DOSSIER_STORE_SCHEMA_VERSION),
                            &local_error))
    goto fail;

  return dossier_store_commit (self, error);

fail:
  dossier_store_rollback (self);
  g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_MIGRATION,
               _("Could not upgrade the library %s from format %d to %d: %s. "
                 "The file was left unchanged."),
               self->path, version, DOSSIER_STORE_SCHEMA_VERSION, local_error->message);
  return FALSE;
}
