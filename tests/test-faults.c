/* test-faults.c — a full disk, a read-only or locked library, and
 * dossier-cli killed mid-import: clean errors, nothing lost, nothing partial
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The full-disk and read-only cases mount a small tmpfs and need root
 * (they skip otherwise; read-only falls back to chmod for other users).
 * The kill test runs $DOSSIER_CLI; DOSSIER_CRASH_TRIALS sets how many
 * times it is killed (default 20; build-aux/bench-style full runs: 100).
 */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "dossier-export.h"
#include "dossier-library.h"
#include "dossier-test-util.h"

/* --- helpers -------------------------------------------------------------- */

static gboolean
run_quiet (const char * const *argv)
{
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL |
                     G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

/* A small tmpfs at @dir; FALSE when not permitted (not root, no mount). */
static gboolean
mount_tmpfs (const char *dir,
             const char *size)
{
  g_autofree char *opt = g_strdup_printf ("size=%s", size);
  const char *argv[] = { "mount", "-t", "tmpfs", "-o", opt, "tmpfs", dir, NULL };

  if (getuid () != 0)
    return FALSE;
  return run_quiet (argv);
}

static void
umount_dir (const char *dir)
{
  const char *argv[] = { "umount", dir, NULL };

  g_assert_true (run_quiet (argv));
}

/* The text of article @i of batch @tag: unique, about @paragraphs × 400
 * bytes, ending with a line that says it is complete. */
static char *
article_text (guint tag,
              guint i,
              guint paragraphs)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "Harbour report %u-%u on the dredging deal\n\nBy Test Writer\n\n", tag, i);
  for (guint p = 0; p < paragraphs; p++)
    g_string_append_printf (s, "Paragraph %u of report %u-%u: negotiators met again on the quay "
                               "and said the dredging deal was close; unions asked for guarantees, "
                               "the port authority published figures for tonnage marker%ux%ux%u, "
                               "and ferry crews waited for a vote that was postponed until the "
                               "following week, when the minister is expected to visit.\n\n",
                            p, tag, i, tag, i, p);
  g_string_append_printf (s, "End of report %u-%u.\n", tag, i);
  return g_string_free (s, FALSE);
}

static void
write_articles (const char *dir,
                guint       tag,
                guint       n,
                guint       paragraphs)
{
  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%u-%04u.txt", tag, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *text = article_text (tag, i, paragraphs);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, text, -1, &error);
      g_assert_no_error (error);
    }
}

static DossierLibrary *
open_library (const char *path,
              gboolean    create)
{
  g_autoptr(GError) error = NULL;
  DossierLibrary *library = dossier_library_new (path);

  dossier_library_open_sync (library, create, &error);
  g_assert_no_error (error);
  return library;
}

static void
assert_sound (DossierLibrary *library)
{
  dossier_test_assert_library_sound (library);
}

/* The article is whole: its body ends with the file's last line. */
static void
assert_complete (DossierLibrary *library,
                 gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) a = dossier_library_get_article_sync (library, id, &error);
  const char *title;
  guint tag = 0, i = 0;
  g_autofree char *end = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (a);
  title = dossier_article_get_title (a);
  g_assert_cmpint (sscanf (title, "Harbour report %u-%u", &tag, &i), ==, 2);
  end = g_strdup_printf ("End of report %u-%u.", tag, i);
  g_assert_true (g_str_has_suffix (dossier_article_get_body (a), end));
}

typedef struct
{
  GArray *ids;   /* reported imported */
} Reported;

static void
on_progress (const DossierImportResult *r,
             guint                      done,
             guint                      total,
             gpointer                   user_data)
{
  Reported *rep = user_data;

  if (r->status == DOSSIER_IMPORT_IMPORTED)
    g_array_append_val (rep->ids, r->id);
}

/* --- a full disk ---------------------------------------------------------- */

static void
test_full_disk_import (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *src = g_build_filename (dir, "articles", NULL);
  g_autofree char *mnt = g_build_filename (dir, "disk", NULL);
  g_autofree char *db = g_build_filename (mnt, "library.db", NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Reported rep = { ids };
  const char *paths[] = { src, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  DossierLibrary *library;

  g_mkdir_with_parents (mnt, 0755);
  if (!mount_tmpfs (mnt, "10m"))
    {
      g_test_skip ("mounting a small tmpfs needs root");
      dossier_test_remove_tree (dir);
      return;
    }
  /* ~2,000 articles of ~3 KB in batches of 1,024: the first fits, the
   * second does not */
  write_articles (src, 1, 2000, 7);

  library = open_library (db, TRUE);
  results = dossier_library_import_sync (library, paths, on_progress, &rep, NULL, &error);
  g_assert_null (results);
  g_assert_nonnull (error);
  g_test_message ("full disk: %s (%u articles were committed first)", error->message, ids->len);
  g_assert_true (g_error_matches (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_FULL));
  g_assert_nonnull (strstr (error->message, "full"));
  g_assert_cmpuint (ids->len, >, 0);
  g_assert_cmpuint (ids->len, <, 2000);
  dossier_library_close (library);
  g_object_unref (library);

  /* reopened: sound, and exactly what was reported, each article whole */
  library = open_library (db, FALSE);
  assert_sound (library);
  g_assert_cmpuint (dossier_library_count_sync (library, NULL), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    assert_complete (library, g_array_index (ids, gint64, i));
  dossier_library_close (library);
  g_object_unref (library);

  umount_dir (mnt);
  dossier_test_remove_tree (dir);
}

static void
test_full_disk_export (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *mnt = g_build_filename (dir, "disk", NULL);
  g_autofree char *vault = g_build_filename (mnt, "vault", NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (vault);
  g_autoptr(GPtrArray) entries = dossier_export_entries_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;

  g_mkdir_with_parents (mnt, 0755);
  if (!mount_tmpfs (mnt, "64k"))
    {
      g_test_skip ("mounting a small tmpfs needs root");
      dossier_test_remove_tree (dir);
      return;
    }
  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(DossierArticle) a = dossier_article_new ();
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_object_unref);
      g_autofree char *title = g_strdup_printf ("Harbour report %u", i);
      g_autofree char *body = article_text (2, i, 3);

      dossier_article_set_id (a, i + 1);
      dossier_article_set_title (a, title);
      dossier_article_set_body (a, body);
      for (guint k = 0; k < 3; k++)
        {
          DossierAnnotation *n = dossier_annotation_new ();
          g_autofree char *note = g_strnfill (900, 'n');

          dossier_annotation_set_article_id (n, i + 1);
          dossier_annotation_set_quote (n, "negotiators met again on the quay");
          dossier_annotation_set_note (n, note);
          g_ptr_array_add (notes, n);
        }
      g_ptr_array_add (entries, dossier_export_entry_new (a, notes));
    }
  g_assert_false (dossier_export_write_folder (entries, NULL, folder, FALSE, NULL, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("full disk export: %s", error->message);
  g_assert_true (g_error_matches (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE));
  /* nothing partial is left behind: no notes file, no temporary file */
  d = g_dir_open (vault, 0, NULL);
  if (d != NULL)
    {
      const char *name = g_dir_read_name (d);

      g_assert_null (name);
      g_clear_pointer (&d, g_dir_close);
    }
  umount_dir (mnt);
  dossier_test_remove_tree (dir);
}

/* --- a read-only library -------------------------------------------------- */

static void
test_read_only (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *mnt = g_build_filename (dir, "disk", NULL);
  g_autofree char *db = g_build_filename (mnt, "library.db", NULL);
  g_autofree char *src = g_build_filename (dir, "articles", NULL);
  const char *paths[] = { src, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  gboolean mounted;
  DossierLibrary *library;

  g_mkdir_with_parents (mnt, 0755);
  mounted = mount_tmpfs (mnt, "4m");
  if (!mounted && getuid () == 0)
    {
      g_test_skip ("root ignores file modes, and no tmpfs could be mounted");
      dossier_test_remove_tree (dir);
      return;
    }
  write_articles (src, 3, 3, 2);

  library = open_library (db, TRUE);
  results = dossier_library_import_sync (library, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&results, g_ptr_array_unref);
  dossier_library_close (library);
  g_object_unref (library);

  if (mounted)
    {
      const char *argv[] = { "mount", "-o", "remount,ro", mnt, NULL };

      g_assert_true (run_quiet (argv));
    }
  else
    {
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);

      g_chmod (db, 0444);
      g_chmod (wal, 0444);
      g_chmod (shm, 0444);
      g_chmod (mnt, 0555);
    }

  /* it opens with a clear message, or opens and can be read; either way
   * a change is refused with a clear message and nothing is lost */
  library = dossier_library_new (db);
  if (!dossier_library_open_sync (library, FALSE, &error))
    {
      g_test_message ("read-only open: %s", error->message);
      g_assert_nonnull (strstr (error->message, "library.db"));
      g_assert_nonnull (strstr (error->message, "read-only"));
    }
  else
    {
      g_autofree char *more = g_build_filename (dir, "more", NULL);
      const char *more_paths[] = { more, NULL };

      g_assert_cmpuint (dossier_library_count_sync (library, NULL), ==, 3);
      write_articles (more, 4, 2, 2);
      results = dossier_library_import_sync (library, more_paths, NULL, NULL, NULL, &error);
      g_assert_null (results);
      g_assert_nonnull (error);
      g_test_message ("read-only import: %s", error->message);
      g_assert_nonnull (strstr (error->message, "read-only"));
      g_assert_cmpuint (dossier_library_count_sync (library, NULL), ==, 3);
    }
  dossier_library_close (library);
  g_object_unref (library);

  if (mounted)
    umount_dir (mnt);
  else
    g_chmod (mnt, 0755);
  dossier_test_remove_tree (dir);
}

/* --- a library held by another program ------------------------------------ */

static void
test_locked (void)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autofree char *src = g_build_filename (dir, "articles", NULL);
  const char *paths[] = { src, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;
  DossierLibrary *library;
  sqlite3 *other = NULL;
  gint64 t0;

  write_articles (src, 5, 2, 2);
  library = open_library (db, TRUE);
  g_assert_cmpuint (dossier_library_count_sync (library, NULL), ==, 0);

  /* another program takes the write lock and keeps it */
  g_assert_cmpint (sqlite3_open (db, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN EXCLUSIVE", NULL, NULL, NULL), ==, SQLITE_OK);

  t0 = g_get_monotonic_time ();
  results = dossier_library_import_sync (library, paths, NULL, NULL, NULL, &error);
  g_assert_null (results);
  g_assert_nonnull (error);
  g_test_message ("locked: %s after %.1f s", error->message, (g_get_monotonic_time () - t0) / 1e6);
  g_assert_true (g_error_matches (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_BUSY));
  g_assert_nonnull (strstr (error->message, "another program"));
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 30 * G_USEC_PER_SEC * (gint64) dossier_test_slowdown ());
  g_clear_error (&error);

  /* let go: the same import now goes through */
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  results = dossier_library_import_sync (library, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (dossier_library_count_sync (library, NULL), ==, 2);
  assert_sound (library);
  dossier_library_close (library);
  g_object_unref (library);
  dossier_test_remove_tree (dir);
}

/* --- kill -9 during imports ----------------------------------------------- */

typedef struct
{
  gint64 id;
  char  *file;
} Committed;

static void
committed_clear (gpointer p)
{
  g_free (((Committed *) p)->file);
}

/* Every complete line of `import --json` output that says "imported". */
static void
parse_reported (const char *out,
                GArray     *committed)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  guint n = g_strv_length (lines);

  /* the last piece has no newline: it may be cut short by the kill */
  for (guint i = 0; i + 1 < n; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o;

      if (!json_parser_load_from_data (parser, lines[i], -1, NULL))
        continue;
      o = json_node_get_object (json_parser_get_root (parser));
      if (g_strcmp0 (json_object_get_string_member (o, "status"), "imported") == 0)
        {
          Committed c = { json_object_get_int_member (o, "id"),
                          g_strdup (json_object_get_string_member (o, "file")) };
          g_array_append_val (committed, c);
        }
    }
}

static char *
read_all (int fd)
{
  GString *s = g_string_new (NULL);
  char buf[4096];
  gssize n;

  while ((n = read (fd, buf, sizeof buf)) > 0 || (n < 0 && errno == EINTR))
    if (n > 0)
      g_string_append_len (s, buf, n);
  return g_string_free (s, FALSE);
}

static void
test_kill_import (void)
{
  const char *cli = g_getenv ("DOSSIER_CLI");
  const char *trials_env = g_getenv ("DOSSIER_CRASH_TRIALS");
  guint trials = trials_env ? (guint) atoi (trials_env) : 20;
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "library.db", NULL);
  g_autoptr(GArray) committed = g_array_new (FALSE, TRUE, sizeof (Committed));
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  guint killed_mid = 0;
  gint64 full_us = 0;

  if (cli == NULL || !g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("DOSSIER_CLI is not set");
      dossier_test_remove_tree (dir);
      return;
    }
  g_array_set_clear_func (committed, committed_clear);

  for (guint t = 0; t <= trials; t++)
    {
      g_autofree char *src = g_strdup_printf ("%s/batch-%u", dir, t);
      const char *argv[] = { cli, "import", "--library", db, "--json", src, NULL };
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      GPid pid;
      int out_fd, status;
      gint64 t0, delay;

      /* 600 new articles each time: a few batches of the importer */
      write_articles (src, 100 + t, 600, 2);
      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                               G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      t0 = g_get_monotonic_time ();
      if (t == 0)
        {
          /* the first import runs to the end, to time it */
          out = read_all (out_fd);
          waitpid (pid, &status, 0);
          full_us = g_get_monotonic_time () - t0;
          g_assert_true (WIFEXITED (status));
        }
      else
        {
          delay = g_rand_int_range (rand, 0, (gint32) MAX (full_us, 1000));
          g_usleep (delay);
          kill (pid, SIGKILL);
          out = read_all (out_fd);
          waitpid (pid, &status, 0);
          if (WIFSIGNALED (status))
            killed_mid++;
        }
      close (out_fd);
      g_spawn_close_pid (pid);
      parse_reported (out, committed);

      /* after every kill: sound, and everything reported is there, whole */
      {
        DossierLibrary *library = open_library (db, FALSE);

        assert_sound (library);
        for (guint i = 0; i < committed->len; i++)
          assert_complete (library, g_array_index (committed, Committed, i).id);
        g_assert_cmpuint (dossier_library_count_sync (library, NULL), >=, committed->len);
        dossier_library_close (library);
        g_object_unref (library);
      }
      dossier_test_remove_tree (src);
    }
  g_test_message ("%u trials, %u killed mid-import, %u articles reported and found (a full import took %.2f s)",
                  trials, killed_mid, committed->len, full_us / 1e6);
  g_assert_cmpuint (killed_mid, >, trials / 4);
  dossier_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Dossier/Faults/full-disk-import", test_full_disk_import);
  g_test_add_func ("/Dossier/Faults/full-disk-export", test_full_disk_export);
  g_test_add_func ("/Dossier/Faults/read-only", test_read_only);
  g_test_add_func ("/Dossier/Faults/locked", test_locked);
  g_test_add_func ("/Dossier/Faults/kill-import", test_kill_import);
  return g_test_run ();
}
