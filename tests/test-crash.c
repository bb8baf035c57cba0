/* test-crash.c — nothing reported as saved is lost to a SIGKILL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test runs itself as a child ("--child LIBRARY TRIAL") that makes
 * annotations through the library API as fast as it can and prints each
 * one's id, uuid and note only after the call returned — the moment the
 * window would show it as saved.  The parent kills the child with SIGKILL
 * after a random delay, then opens the library, runs PRAGMA
 * integrity_check and checks that every reported annotation is there with
 * its quote and note.  Many trials, each killed at a different moment.
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dossier-library.h"
#include "dossier-store.h"
#include "dossier-test-util.h"

#define N_TRIALS 120
#define QUOTE "the eastern channel"

static const char body[] =
  "The harbour commission met on Tuesday.\n\n"
  "Delegates agreed to dredge the eastern channel before winter; "
  "the cost will be shared by the three councils.\n\n"
  "Ferry crews said they were not consulted.";

static const char * const notes[] = {
  "Who pays? Check the council minutes.",
  "Ünïcödé — «кавычки», emoji 🛳️⚓, RTL: הנמל נסגר, zero\u200Bwidth, e\u0301",
  "Short.",
  "A longer note with **Markdown** and a list:\n\n- one\n- two\n- three",
};

/* --- the child --- */

static int
run_child (const char *path,
           const char *trial)
{
  g_autoptr(DossierLibrary) library = dossier_library_new (path);
  g_autoptr(GError) error = NULL;
  const char *tags[] = { "crash", trial, NULL };

  if (!dossier_library_open_sync (library, FALSE, &error))
    {
      g_printerr ("child: %s\n", error->message);
      return 1;
    }
  printf ("ready\n");
  fflush (stdout);
  for (guint n = 0; ; n++)
    {
      g_autoptr(DossierAnnotation) a = NULL;
      g_autofree char *note = g_strdup_printf ("%s [trial %s #%u]", notes[n % G_N_ELEMENTS (notes)], trial, n);

      a = dossier_library_annotate_sync (library, 1, QUOTE, note, tags,
                                         dossier_annotation_colors[n % DOSSIER_ANNOTATION_N_COLORS], &error);
      if (a == NULL)
        {
          g_printerr ("child: %s\n", error->message);
          return 1;
        }
      /* only now is it "saved": report it */
      printf ("%" G_GINT64_FORMAT "\t%s\t%u\n", dossier_annotation_get_id (a), dossier_annotation_get_uuid (a), n);
      fflush (stdout);
    }
  return 0;
}

/* --- the parent --- */

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *note;
} Reported;

static void
reported_free (gpointer data)
{
  Reported *r = data;

  g_free (r->uuid);
  g_free (r->note);
  g_free (r);
}

static gpointer
integrity_op (DossierStore  *store,
              gpointer       data,
              GCancellable  *cancellable,
              GError       **error)
{
  return dossier_store_integrity_check (store, error) ? GINT_TO_POINTER (1) : NULL;
}

/* Runs one child, kills it @delay_ms after it started (or, with
 * @after_ready, after it opened the library), adds what it reported. */
static void
run_trial (const char *exe,
           const char *path,
           guint       trial,
           gboolean    after_ready,
           guint       delay_ms,
           GPtrArray  *reported)
{
  g_autofree char *trial_str = g_strdup_printf ("%u", trial);
  const char *argv[] = { exe, "--child", path, trial_str, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  GPid pid;
  int fd, status;
  gint64 deadline;
  char buf[4096];
  ssize_t n;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &fd, NULL, &error));
  g_assert_no_error (error);

  /* read while waiting, so the child never blocks on a full pipe */
  deadline = g_get_monotonic_time () + (gint64) (after_ready ? 10000 : delay_ms) * 1000;
  for (;;)
    {
      gint64 left;
      struct pollfd p = { .fd = fd, .events = POLLIN };

      if (after_ready && strstr (out->str, "ready\n") != NULL)
        {
          after_ready = FALSE;
          deadline = g_get_monotonic_time () + (gint64) delay_ms * 1000;
        }
      left = deadline - g_get_monotonic_time ();
      if (left <= 0)
        break;
      if (poll (&p, 1, (int) MAX (1, left / 1000)) > 0)
        {
          n = read (fd, buf, sizeof buf);
          if (n <= 0)
            break;
          g_string_append_len (out, buf, n);
        }
    }
  kill (pid, SIGKILL);
  while (waitpid (pid, &status, 0) < 0 && errno == EINTR)
    ;
  g_spawn_close_pid (pid);
  while ((n = read (fd, buf, sizeof buf)) > 0)
    g_string_append_len (out, buf, n);
  close (fd);
  /* it died of our signal, not of an error of its own */
  g_assert_true (WIFSIGNALED (status));
  g_assert_cmpint (WTERMSIG (status), ==, SIGKILL);

  lines = g_strsplit (out->str, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      Reported *r;
      guint64 k;

      /* the last line may be cut short by the kill: only whole lines count */
      if (lines[i + 1] == NULL || g_strv_length (fields) != 3)
        continue;
      r = g_new0 (Reported, 1);
      r->id = g_ascii_strtoll (fields[0], NULL, 10);
      r->uuid = g_strdup (fields[1]);
      k = g_ascii_strtoull (fields[2], NULL, 10);
      r->note = g_strdup_printf ("%s [trial %u #%u]", notes[k % G_N_ELEMENTS (notes)], trial, (guint) k);
      g_ptr_array_add (reported, r);
    }
}

static void
check_library (const char *path,
               GPtrArray  *reported,
               guint      *n_stored)
{
  g_autoptr(DossierLibrary) library = dossier_library_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_assert_true (dossier_library_open_sync (library, FALSE, &error));
  g_assert_no_error (error);
  g_assert_nonnull (dossier_store_run (dossier_library_get_store (library), integrity_op, NULL, NULL, &error));
  g_assert_no_error (error);

  list = dossier_library_list_annotations_sync (library, 1, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      DossierAnnotation *a = g_ptr_array_index (list, i);
      gint64 *key = g_new (gint64, 1);

      *key = dossier_annotation_get_id (a);
      g_hash_table_insert (by_id, key, a);
    }
  for (guint i = 0; i < reported->len; i++)
    {
      Reported *r = g_ptr_array_index (reported, i);
      DossierAnnotation *a = g_hash_table_lookup (by_id, &r->id);

      if (a == NULL)
        g_error ("annotation %" G_GINT64_FORMAT " (%s) was reported saved but is gone", r->id, r->uuid);
      g_assert_cmpstr (dossier_annotation_get_uuid (a), ==, r->uuid);
      g_assert_cmpstr (dossier_annotation_get_quote (a), ==, QUOTE);
      g_assert_cmpstr (dossier_annotation_get_note (a), ==, r->note);
      g_assert_false (dossier_annotation_get_orphan (a));
    }
  /* keys are freed by hand: the table does not own them */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, by_id);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_free (key);
  }
  *n_stored = list->len;
  dossier_library_close (library);
}

static void
test_sigkill (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autoptr(GPtrArray) reported = g_ptr_array_new_with_free_func (reported_free);
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GError) error = NULL;
  guint n_stored = 0, n_empty = 0;
  guint32 seed;
  gint64 started = g_get_monotonic_time ();

  g_assert_nonnull (exe);
  {
    g_autoptr(DossierLibrary) library = dossier_library_new (path);
    g_autoptr(DossierArticle) article = dossier_article_new ();

    g_assert_true (dossier_library_open_sync (library, TRUE, &error));
    dossier_article_set_title (article, "Harbour commission");
    dossier_article_set_body (article, body);
    g_assert_cmpint (dossier_library_add_article_sync (library, article, NULL, &error), ==, 1);
    dossier_library_close (library);
  }

  seed = g_test_rand_int ();
  rand = g_rand_new_with_seed (seed);
  g_test_message ("seed %u", seed);

  for (guint trial = 0; trial < N_TRIALS; trial++)
    {
      /* one in five is killed at any moment from its start (often while
       * opening the library), the others at a random moment while
       * annotating: mostly early, some after a longer run */
      gboolean after_ready = g_rand_int_range (rand, 0, 5) != 0;
      guint delay = !after_ready ? g_rand_int_range (rand, 0, 80)
                    : g_rand_int_range (rand, 0, 100) < 75 ? g_rand_int_range (rand, 5, 60)
                    : g_rand_int_range (rand, 60, 250);
      guint before = reported->len;

      /* a slower build (the sanitizers) gets as much work done before
       * its kill as a plain one */
      if (after_ready)
        delay *= dossier_test_slowdown ();
      run_trial (exe, path, trial, after_ready, delay, reported);
      if (reported->len == before)
        n_empty++;
      /* check after every kill: a later run must not hide damage */
      check_library (path, reported, &n_stored);
    }

  g_test_message ("%u trials in %.1f s: %u annotations reported saved, %u stored, "
                  "%u trials killed before their first report",
                  N_TRIALS, (g_get_monotonic_time () - started) / 1e6, reported->len, n_stored, n_empty);
  /* the test is only a test if the children got work done */
  g_assert_cmpuint (reported->len, >, N_TRIALS);
  /* stored may exceed reported by at most one per trial: a commit that
   * the kill cut off before its line was printed */
  g_assert_cmpuint (n_stored, >=, reported->len);
  g_assert_cmpuint (n_stored, <=, reported->len + N_TRIALS);

  dossier_test_remove_tree (dir);
}

int
main (int argc, char *argv[])
{
  if (argc == 4 && g_strcmp0 (argv[1], "--child") == 0)
    return run_child (argv[2], argv[3]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Dossier/Crash/sigkill-while-annotating", test_sigkill);
  return g_test_run ();
}
