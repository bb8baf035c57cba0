/* test-annotation-import.c — notes back in: our JSON-LD round trip,
 * Hypothesis exports, and files that must not touch the library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "dossier-annotation-import.h"
#include "dossier-exporter.h"
#include "dossier-test-util.h"
#include "test-export-common.h"

typedef DossierTestLibrary Fixture;

static const char pledges_body[] =
  "Moscow will seek closer ties with the United States but will not tolerate interference in its "
  "affairs and wants guarantees that a U.S. missile shield will not be used against Russia, under "
  "terms of a decree signed by President Vladimir Putin.\n\n"
  "The decree called integration among members of the Commonwealth of Independent States a \"key "
  "foreign policy direction\" and reiterated plans for a Eurasian Economic Union.";

static const char clinton_body[] =
  "Secretary of State Hillary Clinton and Foreign Minister Sergei Lavrov will meet in Geneva on "
  "Friday to press the “reset” button.\n\n"
  "Clinton said the meeting would cover arms control — and much else.";

static const char letter_old[] =
  "President Barack Obama has sent a letter to Vladimir Putin. The letter was delivered by "
  "national security adviser Tom Donilon.";
static const char letter_new[] =
  "President Barack Obama has sent a letter to Vladimir Putin, officials said on Monday.";

typedef struct
{
  gint64 pledges, clinton, letter;
} Articles;

static void
add_articles (DossierLibrary *library,
              Articles       *ids,
              gboolean        reversed,
              gboolean        with_letter)
{
  for (int step = 0; step < 3; step++)
    {
      int which = reversed ? 2 - step : step;

      if (which == 0)
        ids->pledges = test_add_article (library, "Putin Pledges to Seek Closer Ties With U.S.", "The Moscow Times",
                                         "https://www.themoscowtimes.com/2012/05/08/putin-pledges/",
                                         "2012-05-08", pledges_body);
      else if (which == 1)
        ids->clinton = test_add_article (library, "Clinton, Putin to Hold First Meeting Friday", "The Moscow Times",
                                         "https://www.themoscowtimes.com/2009/03/05/clinton", "2009-03",
                                         clinton_body);
      else if (with_letter)
        ids->letter = test_add_article (library, "Obama sends letter to Putin", "AP News", NULL, "2013-04-15",
                                        reversed ? letter_new : letter_old);
    }
}

static guint
n_annotations (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = dossier_library_list_annotations_sync (library, 0, NULL, &error);

  g_assert_no_error (error);
  return all->len;
}

static char *
export_json (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = dossier_export_collect_sync (library, NULL, 0, NULL, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  bytes = dossier_export_to_bytes (DOSSIER_EXPORT_JSON, entries, NULL, &error);
  g_assert_no_error (error);
  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static char *
write_temp (Fixture       *f,
            const char    *name,
            const char    *contents,
            gssize         len)
{
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, len, NULL));
  return path;
}

static char *
article_title (DossierLibrary *library,
               gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) a = dossier_library_get_article_sync (library, id, &error);

  g_assert_no_error (error);
  return g_strdup (dossier_article_get_title (a));
}

/* Our export, imported into another library that has the same articles
 * (added in another order, so with other ids), gives back every note
 * exactly: anchor, note, tags, colour, timestamps, orphan state, uuid. */
static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(DossierLibrary) other = dossier_test_library_open_other (f, "other.db");
  g_autoptr(GPtrArray) before = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL, *path = NULL;
  DossierAnnotationImportReport report;
  Articles a, b;
  guint n_orphans = 0, orphaned = 0;

  add_articles (f->library, &a, FALSE, TRUE);
  g_object_unref (test_annotate (f->library, a.pledges, "will not tolerate interference",
                                 "Red line, *again*.\n\n- sovereignty\n- “noninterference”\r\n\\ \"q\"\tz \xe2\x80\xa8 \x01 </script>", "sovereignty,Россия", "blue"));
  g_object_unref (test_annotate (f->library, a.pledges, "missile shield", NULL, NULL, NULL));
  g_object_unref (test_annotate (f->library, a.pledges, "Eurasian Economic Union", "EEU", "integration", "green"));
  g_object_unref (test_annotate (f->library, a.clinton, "press the “reset” button", "The reset.", "reset", "pink"));
  g_object_unref (test_annotate (f->library, a.clinton, "arms control — and much else", NULL, "arms control", "orange"));
  g_object_unref (test_annotate (f->library, a.letter, "national security adviser Tom Donilon", "Messenger", NULL, "purple"));
  g_object_unref (test_annotate (f->library, a.letter, "has sent a letter to Vladimir Putin", "Addressee", NULL, NULL));
  /* the letter's text changes: the Donilon note becomes an orphan */
  g_assert_true (dossier_library_set_body_sync (f->library, a.letter, letter_new, &orphaned, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (orphaned, ==, 1);

  before = dossier_library_list_annotations_sync (f->library, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 7);

  json = export_json (f->library);
  path = write_temp (f, "notes.json", json, -1);

  add_articles (other, &b, TRUE, TRUE);
  g_assert_cmpint (b.pledges, !=, a.pledges);
  g_assert_true (dossier_annotation_import_file (other, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 7);
  g_assert_cmpuint (report.unchanged, ==, 0);
  g_assert_cmpuint (report.unmatched, ==, 0);

  after = dossier_library_list_annotations_sync (other, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      DossierAnnotation *x = g_ptr_array_index (before, i);
      DossierAnnotation *y = test_find_uuid (after, dossier_annotation_get_uuid (x));
      g_autofree char *tx = NULL, *ty = NULL;

      g_assert_nonnull (y);
      tx = article_title (f->library, dossier_annotation_get_article_id (x));
      ty = article_title (other, dossier_annotation_get_article_id (y));
      g_assert_cmpstr (tx, ==, ty);
      g_assert_cmpstr (dossier_annotation_get_quote (x), ==, dossier_annotation_get_quote (y));
      g_assert_cmpstr (dossier_annotation_get_prefix (x), ==, dossier_annotation_get_prefix (y));
      g_assert_cmpstr (dossier_annotation_get_suffix (x), ==, dossier_annotation_get_suffix (y));
      g_assert_cmpint (dossier_annotation_get_start (x), ==, dossier_annotation_get_start (y));
      g_assert_cmpint (dossier_annotation_get_end (x), ==, dossier_annotation_get_end (y));
      g_assert_cmpstr (dossier_annotation_get_note (x), ==, dossier_annotation_get_note (y));
      g_assert_cmpstrv (dossier_annotation_get_tags (x), dossier_annotation_get_tags (y));
      g_assert_cmpstr (dossier_annotation_get_color (x), ==, dossier_annotation_get_color (y));
      g_assert_cmpint (dossier_annotation_get_created (x), ==, dossier_annotation_get_created (y));
      g_assert_cmpint (dossier_annotation_get_modified (x), ==, dossier_annotation_get_modified (y));
      g_assert_cmpint (dossier_annotation_get_orphan (x), ==, dossier_annotation_get_orphan (y));
      n_orphans += dossier_annotation_get_orphan (y);
    }
  g_assert_cmpuint (n_orphans, ==, 1);

  /* again: everything is already there */
  g_assert_true (dossier_annotation_import_file (other, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 0);
  g_assert_cmpuint (report.unchanged, ==, 7);
  g_assert_cmpuint (n_annotations (other), ==, 7);

  /* and into the library it came from */
  g_assert_true (dossier_annotation_import_file (f->library, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.unchanged, ==, 7);
  g_assert_cmpuint (n_annotations (f->library), ==, 7);
  dossier_library_close (other);
}

/* A note edited elsewhere (a later "modified") updates the library's copy;
 * an older copy does not. */
static void
test_newer_copy_wins (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(DossierAnnotation) a = NULL, now = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL, *edited = NULL, *later = NULL, *path = NULL, *older_json = NULL;
  DossierAnnotationImportReport report;
  JsonObject *item, *body;
  Articles ids;

  add_articles (f->library, &ids, FALSE, FALSE);
  a = test_annotate (f->library, ids.pledges, "missile shield", "first thought", "a", "yellow");
  json = export_json (f->library);

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  item = json_array_get_object_element (json_object_get_array_member (
           json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)), "first"),
           "items"), 0);
  body = json_array_get_object_element (json_object_get_array_member (item, "body"), 0);
  json_object_set_string_member (body, "value", "second thought");
  later = dossier_timestamp_to_iso (dossier_annotation_get_modified (a) + 1);
  json_object_set_string_member (item, "modified", later);
  json_generator_set_root (gen, json_parser_get_root (parser));
  edited = json_generator_to_data (gen, NULL);
  path = write_temp (f, "edited.json", edited, -1);

  g_assert_true (dossier_annotation_import_file (f->library, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 1);
  now = dossier_library_find_annotation_by_uuid_sync (f->library, dossier_annotation_get_uuid (a), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dossier_annotation_get_note (now), ==, "second thought");
  g_assert_cmpint (dossier_annotation_get_modified (now), ==, dossier_annotation_get_modified (a) + 1);
  g_assert_cmpuint (n_annotations (f->library), ==, 1);

  /* the original export is older now: nothing changes */
  older_json = write_temp (f, "older.json", json, -1);
  g_assert_true (dossier_annotation_import_file (f->library, older_json, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.unchanged, ==, 1);
  g_clear_object (&now);
  now = dossier_library_find_annotation_by_uuid_sync (f->library, dossier_annotation_get_uuid (a), &error);
  g_assert_cmpstr (dossier_annotation_get_note (now), ==, "second thought");
}

static void
test_hypothesis (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = dossier_test_data_path ("export", "hypothesis.json", NULL);
  g_autofree char *client = dossier_test_data_path ("export", "hypothesis-client.json", NULL);
  g_autoptr(GPtrArray) notes = NULL;
  g_autoptr(GError) error = NULL;
  DossierAnnotationImportReport report;
  DossierAnnotation *shield = NULL, *reset = NULL;
  gint64 created;
  Articles ids;

  add_articles (f->library, &ids, FALSE, TRUE);
  g_assert_true (dossier_annotation_import_file (f->library, path, &report, NULL, &error));
  g_assert_no_error (error);
  /* by URL; by the quote alone; a quote in no article; a page note */
  g_assert_cmpuint (report.imported, ==, 2);
  g_assert_cmpuint (report.unmatched, ==, 2);

  notes = dossier_library_list_annotations_sync (f->library, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (notes->len, ==, 2);
  for (guint i = 0; i < notes->len; i++)
    {
      DossierAnnotation *a = g_ptr_array_index (notes, i);

      if (dossier_annotation_get_article_id (a) == ids.pledges)
        shield = a;
      else if (dossier_annotation_get_article_id (a) == ids.clinton)
        reset = a;
    }
  g_assert_nonnull (shield);
  g_assert_nonnull (reset);

  g_assert_cmpstr (dossier_annotation_get_quote (shield), ==, "U.S. missile shield will not be used against Russia");
  g_assert_cmpstr (dossier_annotation_get_note (shield), ==, "The **missile shield** again.");
  g_assert_cmpstrv (dossier_annotation_get_tags (shield), ((const char *[]) { "missile defense", "decree", NULL }));
  g_assert_true (dossier_timestamp_from_iso ("2019-05-02T10:11:12.345678Z", &created));
  g_assert_cmpint (dossier_annotation_get_created (shield), ==, created);
  g_assert_cmpint (dossier_annotation_get_modified (shield), >, created);
  g_assert_false (dossier_annotation_get_orphan (shield));
  {
    g_autofree char *slice = g_utf8_substring (pledges_body, dossier_annotation_get_start (shield),
                                               dossier_annotation_get_end (shield));
    g_assert_cmpstr (slice, ==, dossier_annotation_get_quote (shield));
  }
  /* placed in our text, typographic quotes and all */
  g_assert_cmpstr (dossier_annotation_get_quote (reset), ==,
                   "will meet in Geneva on Friday to press the “reset” button");
  g_assert_null (dossier_annotation_get_note (reset));

  /* the same file again: nothing new */
  g_assert_true (dossier_annotation_import_file (f->library, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 0);
  g_assert_cmpuint (report.unchanged, ==, 2);
  g_assert_cmpuint (n_annotations (f->library), ==, 2);

  /* the Hypothesis client's own export format */
  g_assert_true (dossier_annotation_import_file (f->library, client, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 1);
  g_assert_cmpuint (n_annotations (f->library), ==, 3);
}

static void
assert_refused (Fixture       *f,
                const char    *path,
                int            code)
{
  g_autoptr(GError) error = NULL;
  DossierAnnotationImportReport report = { 9, 9, 9 };
  guint n = n_annotations (f->library);

  g_assert_false (dossier_annotation_import_file (f->library, path, &report, NULL, &error));
  g_assert_error (error, DOSSIER_ANNOTATION_IMPORT_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpuint (n_annotations (f->library), ==, n);
  g_assert_cmpuint (report.imported, ==, 0);
}

static void
test_bad_files (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *not_ours = dossier_test_data_path ("export", "not-annotations.json", NULL);
  g_autofree char *mixed = dossier_test_data_path ("export", "mixed-bad-item.json", NULL);
  g_autofree char *json = NULL, *truncated = NULL, *empty = NULL, *binary = NULL, *huge = NULL;
  g_autofree char *missing = g_build_filename (f->dir, "missing.json", NULL);
  g_autofree char *scalar = NULL;
  Articles ids;
  gint64 t0;
  int fd;

  add_articles (f->library, &ids, FALSE, FALSE);
  g_object_unref (test_annotate (f->library, ids.pledges, "missile shield", "kept", NULL, NULL));
  json = export_json (f->library);
  /* the library to import into has the article but not the note */
  dossier_library_close (f->library);
  g_clear_object (&f->library);
  f->library = dossier_test_library_open_other (f, "fresh.db");
  add_articles (f->library, &ids, FALSE, FALSE);

  assert_refused (f, not_ours, DOSSIER_ANNOTATION_IMPORT_ERROR_UNKNOWN);
  /* one bad item: nothing of the file goes in, not even the good item */
  assert_refused (f, mixed, DOSSIER_ANNOTATION_IMPORT_ERROR_UNKNOWN);
  g_assert_cmpuint (n_annotations (f->library), ==, 0);

  truncated = write_temp (f, "truncated.json", json, strlen (json) / 2);
  assert_refused (f, truncated, DOSSIER_ANNOTATION_IMPORT_ERROR_INVALID);
  empty = write_temp (f, "empty.json", "", 0);
  assert_refused (f, empty, DOSSIER_ANNOTATION_IMPORT_ERROR_INVALID);
  binary = write_temp (f, "binary.json", "\xff\xfe{\x00\"\x00", 6);
  assert_refused (f, binary, DOSSIER_ANNOTATION_IMPORT_ERROR_INVALID);
  scalar = write_temp (f, "scalar.json", "\"just a string\"", -1);
  assert_refused (f, scalar, DOSSIER_ANNOTATION_IMPORT_ERROR_UNKNOWN);
  assert_refused (f, missing, DOSSIER_ANNOTATION_IMPORT_ERROR_READ);
  assert_refused (f, f->dir, DOSSIER_ANNOTATION_IMPORT_ERROR_READ);

  /* over 64 MB: refused before reading (a sparse file, read instantly
   * otherwise would still take a while to parse) */
  huge = g_build_filename (f->dir, "huge.json", NULL);
  fd = g_open (huge, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "[", 1), ==, 1);
  g_assert_cmpint (ftruncate (fd, (off_t) DOSSIER_ANNOTATION_IMPORT_MAX_SIZE + 1), ==, 0);
  close (fd);
  t0 = g_get_monotonic_time ();
  assert_refused (f, huge, DOSSIER_ANNOTATION_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, G_USEC_PER_SEC / 2 * (gint64) dossier_test_slowdown ());

  /* the real export still imports afterwards */
  {
    g_autofree char *good = write_temp (f, "good.json", json, -1);
    g_autoptr(GError) error = NULL;
    DossierAnnotationImportReport report;

    g_assert_true (dossier_annotation_import_file (f->library, good, &report, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (report.imported, ==, 1);
  }
}

/* Cancelled half-way: rolled back, the library as it was. */
static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierLibrary) other = dossier_test_library_open_other (f, "other.db");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL, *path = NULL;
  DossierAnnotationImportReport report;
  Articles a, b;

  add_articles (f->library, &a, FALSE, FALSE);
  g_object_unref (test_annotate (f->library, a.pledges, "missile shield", NULL, NULL, NULL));
  g_object_unref (test_annotate (f->library, a.clinton, "Geneva", NULL, NULL, NULL));
  json = export_json (f->library);
  path = write_temp (f, "notes.json", json, -1);
  add_articles (other, &b, FALSE, FALSE);

  g_cancellable_cancel (cancellable);
  g_assert_false (dossier_annotation_import_file (other, path, &report, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (n_annotations (other), ==, 0);
  dossier_library_close (other);
}

/* Articles that are not in the library: their notes are reported, not
 * attached to something else. */
static void
test_unmatched (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(DossierLibrary) other = dossier_test_library_open_other (f, "other.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL, *path = NULL;
  DossierAnnotationImportReport report;
  Articles a, b = { 0 };

  add_articles (f->library, &a, FALSE, TRUE);
  g_object_unref (test_annotate (f->library, a.pledges, "missile shield", NULL, NULL, NULL));
  g_object_unref (test_annotate (f->library, a.letter, "Tom Donilon", "only in the letter", NULL, NULL));
  json = export_json (f->library);
  path = write_temp (f, "notes.json", json, -1);

  add_articles (other, &b, FALSE, FALSE);   /* no letter */
  g_assert_true (dossier_annotation_import_file (other, path, &report, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.imported, ==, 1);
  g_assert_cmpuint (report.unmatched, ==, 1);
  dossier_library_close (other);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  const char *cli = g_getenv ("DOSSIER_CLI");
  g_autofree char *path = dossier_test_data_path ("export", "hypothesis.json", NULL);
  g_autofree char *bad = dossier_test_data_path ("export", "not-annotations.json", NULL);
  g_autofree char *library = NULL, *out = NULL, *err = NULL;
  Articles ids;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("DOSSIER_CLI is not set");
      return;
    }
  add_articles (f->library, &ids, FALSE, TRUE);
  library = g_strdup (dossier_library_get_path (f->library));
  dossier_library_close (f->library);
  g_clear_object (&f->library);

  g_assert_cmpint (test_run ((const char *[]) { cli, "import-annotations", "--library", library, "--json", path, NULL },
                             &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "{\"imported\": 2, \"unchanged\": 0, \"unmatched\": 2}\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (test_run ((const char *[]) { cli, "import-annotations", "--library", library, bad, NULL },
                             &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "not-annotations.json"));
}

static void
on_change_cb (DossierLibrary             *library,
              const DossierLibraryChange *change,
              GArray                     *kinds)
{
  int kind = change->kind;

  g_array_append_val (kinds, kind);
}

static void
on_imported_async_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DossierAnnotationImportReport *report = user_data;

  g_assert_true (dossier_annotation_import_finish (DOSSIER_LIBRARY (source), result, report, &error));
  g_assert_no_error (error);
}

/* Notes imported in the background touch no article's text, date or
 * story: the library says so (NO_STORIES), so the Stories section and
 * the like read nothing again. */
static void
test_change_kind (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = dossier_test_data_path ("export", "hypothesis.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (int));
  DossierAnnotationImportReport report = { 0 };
  Articles ids;

  add_articles (f->library, &ids, FALSE, TRUE);
  g_signal_connect (f->library, "changed-in-detail", G_CALLBACK (on_change_cb), kinds);
  dossier_annotation_import_async (f->library, file, NULL, on_imported_async_cb, &report);
  dossier_test_wait_until (kinds->len > 0 && report.imported > 0);
  g_assert_cmpuint (report.imported, ==, 2);
  g_assert_cmpuint (kinds->len, ==, 1);
  g_assert_cmpint (g_array_index (kinds, int, 0), ==, DOSSIER_LIBRARY_CHANGE_NO_STORIES);
  g_signal_handlers_disconnect_by_data (f->library, kinds);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define FIXTURE_TEST(path, func) \
  g_test_add (path, Fixture, NULL, dossier_test_library_setup, func, dossier_test_library_teardown)

  FIXTURE_TEST ("/Dossier/AnnotationImport/round-trip", test_round_trip);
  FIXTURE_TEST ("/Dossier/AnnotationImport/newer-copy-wins", test_newer_copy_wins);
  FIXTURE_TEST ("/Dossier/AnnotationImport/hypothesis", test_hypothesis);
  FIXTURE_TEST ("/Dossier/AnnotationImport/bad-files", test_bad_files);
  FIXTURE_TEST ("/Dossier/AnnotationImport/cancelled", test_cancelled);
  FIXTURE_TEST ("/Dossier/AnnotationImport/unmatched", test_unmatched);
  FIXTURE_TEST ("/Dossier/AnnotationImport/cli", test_cli);
  FIXTURE_TEST ("/Dossier/AnnotationImport/change-kind", test_change_kind);

  return g_test_run ();
}
