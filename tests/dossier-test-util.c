/* dossier-test-util.c — what the tests share: temporary folders and
 * libraries, waiting on the main context with a time limit, test data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "dossier-test-util.h"

/* {{{ Temporary folders */

char *
dossier_test_make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  const char *prgname = g_get_prgname ();
  g_autofree char *program = g_path_get_basename (prgname != NULL ? prgname : "test");
  g_autofree char *template = g_strdup_printf ("dossier-%s-XXXXXX", program);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dir);
  return dir;
}

void
dossier_test_remove_tree (const char *path)
{
  g_return_if_fail (path != NULL);

  /* a link to a folder is removed as a link: what it points at stays */
  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* a test may have left it read-only */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          dossier_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* }}} */

/* {{{ A library in a temporary folder */

static DossierLibrary *
open_library (const char *dir,
              const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  DossierLibrary *library = dossier_library_new (path);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = dossier_library_open_sync (library, TRUE, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return library;
}

void
dossier_test_library_setup (DossierTestLibrary *t,
                            gconstpointer       data)
{
  t->dir = dossier_test_make_tmp_dir ();
  t->library = open_library (t->dir, "library.db");
}

void
dossier_test_library_teardown (DossierTestLibrary *t,
                               gconstpointer       data)
{
  if (t->library != NULL)
    dossier_library_close (t->library);
  g_clear_object (&t->library);
  if (t->dir != NULL)
    dossier_test_remove_tree (t->dir);
  g_clear_pointer (&t->dir, g_free);
}

DossierTestLibrary *
dossier_test_library_new (void)
{
  DossierTestLibrary *t = g_new0 (DossierTestLibrary, 1);

  dossier_test_library_setup (t, NULL);
  return t;
}

void
dossier_test_library_free (DossierTestLibrary *t)
{
  if (t == NULL)
    return;
  dossier_test_library_teardown (t, NULL);
  g_free (t);
}

DossierLibrary *
dossier_test_library_open_other (DossierTestLibrary *t,
                                 const char         *name)
{
  g_return_val_if_fail (t != NULL && t->dir != NULL, NULL);
  return open_library (t->dir, name);
}

/* }}} */

/* {{{ Waiting with a time limit */

/* GLib names its pools' threads "pool-…" */
static guint
count_pool_threads (void)
{
  g_autoptr(GDir) dir = g_dir_open ("/proc/self/task", 0, NULL);
  const char *tid;
  guint n = 0;

  if (dir == NULL)
    return 0;
  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename ("/proc/self/task", tid, "comm", NULL);
      g_autofree char *comm = NULL;

      if (g_file_get_contents (path, &comm, NULL, NULL) && g_str_has_prefix (comm, "pool"))
        n++;
    }
  return n;
}

guint
dossier_test_settle_threads (void)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint n;

  g_thread_pool_set_max_unused_threads (0);
  while ((n = count_pool_threads ()) > 0 && g_get_monotonic_time () < deadline)
    {
      g_thread_pool_stop_unused_threads ();
      g_usleep (10 * 1000);
    }
  return n;
}

static gpointer
integrity_op (DossierStore  *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return dossier_store_integrity_check (store, error) ? GINT_TO_POINTER (1) : NULL;
}

void
dossier_test_assert_library_sound (DossierLibrary *library)
{
  g_autoptr(GError) error = NULL;
  gpointer ok = dossier_store_run (dossier_library_get_store (library), integrity_op, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ok);
}

guint
dossier_test_slowdown (void)
{
  const char *multiplier = g_getenv ("DOSSIER_TEST_TIMEOUT_MULTIPLIER");
  guint64 factor = multiplier != NULL ? g_ascii_strtoull (multiplier, NULL, 10) : 1;

  factor = CLAMP (factor, 1, 100);
#ifdef __SANITIZE_ADDRESS__
  factor *= 4;
#endif
  return (guint) factor;
}

static guint
scaled_seconds (guint seconds)
{
  return seconds * dossier_test_slowdown ();
}

static gboolean
alarm_cb (gpointer data)
{
  /* nothing to do: it only wakes the blocked iteration at the limit */
  return G_SOURCE_CONTINUE;
}

void
dossier_test_wait_begin (DossierTestWait *w,
                         GMainContext    *context,
                         guint            seconds,
                         gboolean         poll)
{
  w->context = context != NULL ? context : g_main_context_default ();
  w->seconds = scaled_seconds (seconds);
  w->deadline = g_get_monotonic_time () + (gint64) w->seconds * G_USEC_PER_SEC;
  w->poll = poll;
  w->alarm = NULL;
  if (!poll)
    {
      w->alarm = g_timeout_source_new (w->seconds * 1000);
      g_source_set_name (w->alarm, "dossier-test-wait");
      g_source_set_callback (w->alarm, alarm_cb, NULL, NULL);
      g_source_attach (w->alarm, w->context);
    }
}

/* One iteration, or a failed test when the limit has passed (then FALSE,
 * should the test's assertions not be fatal). */
gboolean
dossier_test_wait_step (DossierTestWait *w,
                        const char      *what,
                        const char      *file,
                        int              line,
                        const char      *func)
{
  if (g_get_monotonic_time () >= w->deadline)
    {
      g_autofree char *message = g_strdup_printf ("timed out after %u s waiting for: %s", w->seconds, what);

      g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
      return FALSE;
    }
  if (!w->poll)
    g_main_context_iteration (w->context, TRUE);
  else if (!g_main_context_iteration (w->context, FALSE))
    g_usleep (1000);
  return TRUE;
}

void
dossier_test_wait_end (DossierTestWait *w)
{
  if (w->alarm != NULL)
    {
      g_source_destroy (w->alarm);
      g_clear_pointer (&w->alarm, g_source_unref);
    }
}

void
dossier_test_set_flag (gboolean *flag)
{
  *flag = TRUE;
}

/* }}} */

/* {{{ Test data */

static char *
data_path_valist (const char *first_element,
                  va_list    *args)
{
  g_autofree char *relative = g_build_filename_valist (first_element, args);

  return g_build_filename (TEST_DATA_DIR, relative, NULL);
}

char *
dossier_test_data_path (const char *first_element,
                        ...)
{
  va_list args;
  char *path;

  va_start (args, first_element);
  path = data_path_valist (first_element, &args);
  va_end (args);
  return path;
}

char *
dossier_test_data_read (gsize      *length,
                        const char *first_element,
                        ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize len = 0;
  va_list args;

  va_start (args, first_element);
  path = data_path_valist (first_element, &args);
  va_end (args);
  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  if (length != NULL)
    *length = len;
  return contents;
}

/* }}} */

gint64
dossier_test_add_article (DossierLibrary *library,
                          const char     *title,
                          const char     *body)
{
  g_autoptr(DossierArticle) article = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  dossier_article_set_title (article, title);
  dossier_article_set_body (article, body);
  dossier_article_set_source (article, "The Harbour Ledger");
  id = dossier_library_add_article_sync (library, article, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

DossierAnnotation *
dossier_test_add_note (DossierLibrary *library,
                       gint64          article_id,
                       const char     *quote,
                       const char     *note)
{
  DossierAnnotation *a = dossier_annotation_new ();
  g_autoptr(GError) error = NULL;

  dossier_annotation_set_article_id (a, article_id);
  dossier_annotation_set_quote (a, quote);
  dossier_annotation_set_start (a, 0);
  dossier_annotation_set_end (a, (int) g_utf8_strlen (quote, -1));
  dossier_annotation_set_note (a, note);
  dossier_annotation_set_color (a, "yellow");
  g_assert_cmpint (dossier_library_add_annotation_sync (library, a, &error), >, 0);
  g_assert_no_error (error);
  return a;
}

/* {{{ Imports */

static void
on_app_imported_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAppImportSummary) s = dossier_app_import_finish (DOSSIER_LIBRARY (source), result, &error);
  gint *articles = user_data;

  g_assert_no_error (error);
  *articles = (gint) s->articles;
}

guint
dossier_test_import_app_export (DossierLibrary *library,
                                DossierAppKind  kind,
                                const char     *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gint articles = -1;

  dossier_app_import_async (library, kind, file, NULL, on_app_imported_cb, &articles);
  dossier_test_wait_until (articles >= 0);
  return (guint) articles;
}

/* }}} */
