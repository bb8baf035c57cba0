/* test-app-export.c — the parsers of Pocket, Omnivore, Wallabag and
 * Instapaper exports, on the sample exports of tests/data/apps and on
 * hostile input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <archive.h>
#include <archive_entry.h>

#include "dossier-app-export.h"
#include "dossier-test-util.h"

static DossierAppExport *
parse_data_file (DossierAppKind  kind,
                 const char     *name)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  g_autofree char *data = dossier_test_data_read (&len, "apps", name, NULL);
  DossierAppExport *export;

  g_assert_cmpint (dossier_app_export_detect ((const guint8 *) data, len), ==, kind);
  export = dossier_app_export_parse (DOSSIER_APP_UNKNOWN, (const guint8 *) data, len, name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (export);
  g_assert_cmpint (export->kind, ==, kind);
  return export;
}

static DossierAppEntry *
entry (DossierAppExport *export,
       guint             i)
{
  g_assert_cmpuint (i, <, export->entries->len);
  return g_ptr_array_index (export->entries, i);
}

static void
test_pocket_csv (void)
{
  g_autoptr(DossierAppExport) x = parse_data_file (DOSSIER_APP_POCKET, "pocket.csv");
  DossierAppEntry *e;

  g_assert_cmpuint (x->entries->len, ==, 7);
  e = entry (x, 0);
  g_assert_null (e->error);
  g_assert_cmpstr (e->url, ==, "https://www.example.com/news/suez-canal-cleared");
  g_assert_cmpstr (e->title, ==, "How the Suez Canal Was Cleared");
  g_assert_cmpint (e->saved_at, ==, G_GINT64_CONSTANT (1617235200) * G_USEC_PER_SEC);
  g_assert_cmpstrv (e->tags, ((const char *[]) { "shipping", "logistics", NULL }));
  g_assert_true (e->read);
  g_assert_null (e->body);
  g_assert_cmpuint (e->row, ==, 2);

  e = entry (x, 1);
  g_assert_cmpstr (e->title, ==, "Notes on \"slow\" software, part 2");
  g_assert_false (e->read);
  g_assert_cmpstr (entry (x, 2)->title, ==, NULL);

  e = entry (x, 3);
  g_assert_cmpstr (e->error, ==, "row 5: no URL");
  e = entry (x, 4);
  g_assert_cmpstr (e->error, ==, "row 6: “yesterday” is not a date");
  e = entry (x, 5);
  g_assert_null (e->error);
  g_assert_cmpstr (e->title, ==, "A title, with a comma\nand a line break");
  g_assert_cmpstrv (e->tags, ((const char *[]) { "long reads", "essays", NULL }));
  e = entry (x, 6);
  g_assert_cmpstr (e->error, ==, "row 8: the text is not UTF-8 (unknown encoding)");
  g_assert_nonnull (e->source_id);
}

static void
test_pocket_html (void)
{
  g_autoptr(DossierAppExport) x = parse_data_file (DOSSIER_APP_POCKET, "pocket.html");
  DossierAppEntry *e;

  g_assert_cmpuint (x->entries->len, ==, 4);
  e = entry (x, 1);
  g_assert_cmpstr (e->title, ==, "Notes on “slow” software, part 2");
  g_assert_false (e->read);
  g_assert_cmpstr (entry (x, 2)->error, ==, "row 3: no URL");
  e = entry (x, 3);
  g_assert_true (e->read);
  g_assert_cmpstrv (e->tags, ((const char *[]) { "history", NULL }));
  g_assert_cmpint (e->saved_at, ==, G_GINT64_CONSTANT (1500000000) * G_USEC_PER_SEC);
}

static void
test_instapaper (void)
{
  g_autoptr(DossierAppExport) x = parse_data_file (DOSSIER_APP_INSTAPAPER, "instapaper.csv");
  DossierAppEntry *e;
  DossierAppHighlight *h;

  g_assert_cmpuint (x->entries->len, ==, 6);
  e = entry (x, 0);
  g_assert_null (e->error);
  g_assert_cmpuint (e->highlights->len, ==, 1);
  h = g_ptr_array_index (e->highlights, 0);
  g_assert_cmpstr (h->quote, ==, "Attention is the scarce resource, not information.");
  g_assert_true (entry (x, 1)->read);
  g_assert_true (entry (x, 2)->starred);
  g_assert_cmpstrv (entry (x, 3)->tags, ((const char *[]) { "Recipes", NULL }));
  g_assert_cmpstr (entry (x, 4)->error, ==, "row 6: no URL");
  g_assert_cmpstr (entry (x, 5)->error, ==, "row 7: “not-a-time” is not a date");
}

static void
test_wallabag (void)
{
  g_autoptr(DossierAppExport) x = parse_data_file (DOSSIER_APP_WALLABAG, "wallabag.json");
  DossierAppEntry *e;
  DossierAppHighlight *h;

  g_assert_cmpuint (x->entries->len, ==, 5);
  e = entry (x, 0);
  g_assert_null (e->error);
  g_assert_cmpstr (e->source_id, ==, "41");
  g_assert_true (e->read);
  g_assert_true (e->starred);
  g_assert_cmpstr (e->byline, ==, "Ana Ribeiro");
  g_assert_cmpstrv (e->tags, ((const char *[]) { "climate", "oceans", NULL }));
  g_assert_nonnull (strstr (e->body, "salt-tolerant rice"));
  g_assert_null (strstr (e->body, "<p>"));
  g_assert_cmpuint (e->highlights->len, ==, 3);
  h = g_ptr_array_index (e->highlights, 0);
  g_assert_cmpstr (h->note, ==, "Compare with the 1990 survey.");
  g_assert_cmpint (h->created, >, 0);
  h = g_ptr_array_index (e->highlights, 1);
  g_assert_null (h->note);

  e = entry (x, 1);
  g_assert_cmpstrv (e->tags, ((const char *[]) { "software", NULL }));
  g_assert_false (e->read);
  g_assert_null (entry (x, 2)->body);
  g_assert_null (entry (x, 2)->error);
  g_assert_cmpstr (entry (x, 3)->error, ==, "entry 4: no URL");
  g_assert_cmpstr (entry (x, 4)->error, ==, "entry 5: “the fifth of never” is not a date");
}

static void
test_omnivore (void)
{
  g_autoptr(DossierAppExport) x = parse_data_file (DOSSIER_APP_OMNIVORE, "omnivore.zip");
  DossierAppEntry *e;
  DossierAppHighlight *h;

  g_assert_cmpuint (x->entries->len, ==, 3);
  e = entry (x, 0);
  g_assert_null (e->error);
  g_assert_cmpstr (e->byline, ==, "Marta Kowalska");
  g_assert_true (e->read);
  g_assert_cmpstrv (e->tags, ((const char *[]) { "travel", "rail", NULL }));
  g_assert_nonnull (strstr (e->body, "sleeper trains are running again"));
  g_assert_cmpuint (e->highlights->len, ==, 3);
  h = g_ptr_array_index (e->highlights, 0);
  g_assert_cmpstr (h->quote, ==, "cabins on the Vienna to Brussels line sell out weeks in advance");
  g_assert_cmpstr (h->note, ==, "Check the summer timetable.");
  h = g_ptr_array_index (e->highlights, 1);
  g_assert_null (h->note);
  h = g_ptr_array_index (e->highlights, 2);
  g_assert_cmpstr (h->note, ==, "An orphan that must be kept.");

  e = entry (x, 1);
  g_assert_cmpstrv (e->tags, ((const char *[]) { "botany", NULL }));
  g_assert_nonnull (strstr (e->body, "rhizoids"));
  g_assert_false (e->read);
  /* the content file is missing: a link kept with its highlight */
  e = entry (x, 2);
  g_assert_null (e->error);
  g_assert_null (e->body);
  g_assert_cmpuint (e->highlights->len, ==, 1);
}

static void
test_omnivore_traversal (void)
{
  g_autoptr(GError) error = NULL;
  gsize len;
  g_autofree char *data = dossier_test_data_read (&len, "apps", "omnivore-traversal.zip", NULL);
  DossierAppExport *x;

  x = dossier_app_export_parse (DOSSIER_APP_OMNIVORE, (const guint8 *) data, len, "evil.zip", &error);
  g_assert_null (x);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "evil.zip"));
  g_assert_nonnull (strstr (error->message, "../../x"));
}

/* A ZIP of @mb megabytes of one repeated byte, deflated to a few hundred
 * kilobytes, under a name the parser reads. */
static GBytes *
make_zip_bomb (guint mb)
{
  struct archive *a = archive_write_new ();
  struct archive_entry *e = archive_entry_new ();
  gsize size = 4 * 1024 * 1024;
  guint8 *out = g_malloc (size);
  g_autofree char *chunk = g_malloc (1024 * 1024);
  const char *meta = "[{\"id\":\"1\",\"slug\":\"bomb\",\"url\":\"https://example.com/\"}]";
  size_t used = 0;

  memset (chunk, 'a', 1024 * 1024);
  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_memory (a, out, size, &used), ==, ARCHIVE_OK);

  archive_entry_set_pathname (e, "metadata_0_to_0.json");
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_entry_set_size (e, strlen (meta));
  archive_write_header (a, e);
  archive_write_data (a, meta, strlen (meta));

  archive_entry_clear (e);
  archive_entry_set_pathname (e, "content/bomb.md");
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_entry_set_size (e, (la_int64_t) mb * 1024 * 1024);
  archive_write_header (a, e);
  for (guint i = 0; i < mb; i++)
    archive_write_data (a, chunk, 1024 * 1024);
  archive_entry_free (e);
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
  return g_bytes_new_take (out, used);
}

static void
test_omnivore_bomb (void)
{
  g_autoptr(GBytes) bomb = make_zip_bomb (80);
  g_autoptr(GError) error = NULL;
  gsize len;
  const guint8 *data = g_bytes_get_data (bomb, &len);
  DossierAppExport *x;

  /* far smaller than what it unpacks to */
  g_assert_cmpuint (len, <, 2 * 1024 * 1024);
  x = dossier_app_export_parse (DOSSIER_APP_UNKNOWN, data, len, "bomb.zip", &error);
  g_assert_null (x);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "bomb.zip"));
  g_assert_nonnull (strstr (error->message, "content/bomb.md"));
}

static void
test_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) csv = g_string_new ("title,url,time_added,tags,status\n\"");
  DossierAppExport *x;
  const char *bad_json = "[{\"url\": \"https://example.com\", \"title\": ";

  /* invalid JSON */
  x = dossier_app_export_parse (DOSSIER_APP_WALLABAG, (const guint8 *) bad_json, strlen (bad_json),
                                "broken.json", &error);
  g_assert_null (x);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE);
  g_assert_true (g_str_has_prefix (error->message, "broken.json: not valid JSON"));
  g_clear_error (&error);

  /* not a ZIP at all */
  x = dossier_app_export_parse (DOSSIER_APP_OMNIVORE, (const guint8 *) "PK\003\004garbage", 11,
                                "short.zip", &error);
  g_assert_null (x);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "short.zip: "));
  g_clear_error (&error);

  /* an unknown kind */
  x = dossier_app_export_parse (DOSSIER_APP_UNKNOWN, (const guint8 *) "hello", 5, "hello.txt", &error);
  g_assert_null (x);
  g_assert_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE);
  g_clear_error (&error);

  /* a row with a field of 5 MB: that row fails, the next one is read */
  for (guint i = 0; i < 5 * 1024 * 1024 / 16; i++)
    g_string_append (csv, "0123456789abcdef");
  g_string_append (csv, "\",https://example.com/huge,1700000000,,unread\n"
                        "fine,https://example.com/fine,1700000000,,unread\n");
  x = dossier_app_export_parse (DOSSIER_APP_POCKET, (const guint8 *) csv->str, csv->len,
                                "huge.csv", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (x->entries->len, ==, 2);
  g_assert_cmpstr (entry (x, 0)->error, ==, "row 2: a field is longer than 4 MB");
  g_assert_null (entry (x, 1)->error);
  dossier_app_export_free (x);
}

static void
test_kind_names (void)
{
  for (DossierAppKind k = DOSSIER_APP_POCKET; k <= DOSSIER_APP_INSTAPAPER; k++)
    g_assert_cmpint (dossier_app_kind_from_string (dossier_app_kind_to_string (k)), ==, k);
  g_assert_cmpint (dossier_app_kind_from_string ("delicious"), ==, DOSSIER_APP_UNKNOWN);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/app-export/pocket-csv", test_pocket_csv);
  g_test_add_func ("/app-export/pocket-html", test_pocket_html);
  g_test_add_func ("/app-export/instapaper", test_instapaper);
  g_test_add_func ("/app-export/wallabag", test_wallabag);
  g_test_add_func ("/app-export/omnivore", test_omnivore);
  g_test_add_func ("/app-export/omnivore-traversal", test_omnivore_traversal);
  g_test_add_func ("/app-export/omnivore-bomb", test_omnivore_bomb);
  g_test_add_func ("/app-export/hostile", test_hostile);
  g_test_add_func ("/app-export/kind-names", test_kind_names);
  return g_test_run ();
}
