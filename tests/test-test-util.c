/* test-test-util.c — the helpers every test relies on: folders removed
 * whole and nothing beyond them, the temporary library, waits that end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "dossier-test-util.h"

static void
write_file (const char *dir,
            const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "text", -1, NULL));
}

/* A folder with nested and read-only folders goes whole; a link in it to
 * a folder outside is removed as a link, and what it points at stays. */
static void
test_remove_tree (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *outside = dossier_test_make_tmp_dir ();
  g_autofree char *deep = g_build_filename (dir, "a", "b", "c", NULL);
  g_autofree char *locked = g_build_filename (dir, "locked", NULL);
  g_autofree char *link = g_build_filename (dir, "elsewhere", NULL);
  g_autofree char *kept = g_build_filename (outside, "kept.txt", NULL);

  g_assert_cmpint (g_mkdir_with_parents (deep, 0755), ==, 0);
  write_file (deep, "one.txt");
  write_file (dir, "two.txt");
  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  write_file (locked, "three.txt");
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
  write_file (outside, "kept.txt");
  g_assert_cmpint (symlink (outside, link), ==, 0);

  dossier_test_remove_tree (dir);
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (kept, G_FILE_TEST_IS_REGULAR));

  /* nothing there: nothing to do */
  dossier_test_remove_tree (dir);
  dossier_test_remove_tree (outside);
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));
}

/* The fixture form: an open, empty library.db in its own folder */
static void
test_library_fixture (DossierTestLibrary *t,
                      gconstpointer       data)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(DossierLibrary) other = NULL;
  g_autofree char *expected = g_build_filename (t->dir, "library.db", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_test (t->dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpstr (dossier_library_get_path (t->library), ==, expected);
  g_assert_cmpuint (dossier_library_count_sync (t->library, &error), ==, 0);
  g_assert_no_error (error);
  dossier_article_set_title (a, "Harbour talks");
  dossier_article_set_body (a, "The talks resumed.");
  g_assert_cmpint (dossier_library_add_article_sync (t->library, a, NULL, &error), >, 0);
  g_assert_no_error (error);

  /* another library beside it is another file, empty */
  other = dossier_test_library_open_other (t, "other.db");
  g_assert_cmpuint (dossier_library_count_sync (other, &error), ==, 0);
  g_assert_cmpuint (dossier_library_count_sync (t->library, &error), ==, 1);
  dossier_library_close (other);
}

/* The plain form, and what it leaves behind: nothing */
static void
test_library_plain (void)
{
  g_autofree char *dir = NULL;

  {
    g_autoptr(DossierTestLibrary) t = dossier_test_library_new ();
    g_autoptr(DossierArticle) a = dossier_article_new ();
    g_autoptr(GError) error = NULL;

    dir = g_strdup (t->dir);
    dossier_article_set_title (a, "Ferry strike");
    dossier_article_set_body (a, "The ferries stayed in port.");
    g_assert_cmpint (dossier_library_add_article_sync (t->library, a, NULL, &error), >, 0);
    g_assert_no_error (error);
  }
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gpointer
set_later_thread (gpointer data)
{
  g_usleep (20 * 1000);
  g_atomic_int_set ((int *) data, 1);
  return NULL;
}

/* Waits end when the condition holds, on the default context and on one
 * of the test's own */
static void
test_wait (void)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) source = g_timeout_source_new (10);
  gboolean fired = FALSE, on_own = FALSE;
  int from_thread = 0;
  GThread *thread;

  g_timeout_add (10, set_flag_cb, &fired);
  dossier_test_wait_until (fired);
  g_assert_true (fired);

  g_source_set_callback (source, set_flag_cb, &on_own, NULL);
  g_source_attach (source, context);
  dossier_test_wait_until_full (context, 5, on_own);
  g_assert_true (on_own);

  /* a change that no source announces: polled */
  thread = g_thread_new ("set-later", set_later_thread, &from_thread);
  dossier_test_poll_until (g_atomic_int_get (&from_thread) == 1);
  g_thread_join (thread);
}

/* A wait whose condition never holds fails the test at its limit, and
 * says what it waited for */
static void
test_wait_times_out (void)
{
  if (g_test_subprocess ())
    {
      gboolean never = FALSE;

      dossier_test_wait_until_full (NULL, 1, never);
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*timed out after * s waiting for: never*");
}

static void
test_data (void)
{
  g_autofree char *path = dossier_test_data_path ("cli", "harbour-talks.txt", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_str_has_suffix (path, "/cli/harbour-talks.txt"));
  contents = dossier_test_data_read (&length, "cli", "harbour-talks.txt", NULL);
  g_assert_true (g_str_has_prefix (contents, "Harbour Talks Open With a Handshake\n"));
  g_assert_cmpuint (length, ==, strlen (contents));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/TestUtil/remove-tree", test_remove_tree);
  g_test_add ("/Dossier/TestUtil/library-fixture", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_library_fixture, dossier_test_library_teardown);
  g_test_add_func ("/Dossier/TestUtil/library-plain", test_library_plain);
  g_test_add_func ("/Dossier/TestUtil/wait", test_wait);
  g_test_add_func ("/Dossier/TestUtil/wait-times-out", test_wait_times_out);
  g_test_add_func ("/Dossier/TestUtil/data", test_data);

  return g_test_run ();
}
