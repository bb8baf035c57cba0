/* dossier-store.c — the connection, its worker thread, error mapping, the
 * statement cache and the one builder of SQL from a query's filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One thread owns the sqlite3 connection.  Work arrives as jobs on an
 * async queue; each job carries a GTask whose callback GTask delivers in
 * the caller's main context, so the UI thread never waits on the disk.
 */
#define G_LOG_DOMAIN "dossier-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>

#include "dossier-store-private.h"
#include "dossier-quotes.h"

/* 'DOSS': marks a SQLite file as a Dossier library */
#define DOSSIER_APPLICATION_ID 0x444f5353

typedef struct
{
  DossierStoreSyncFunc  func;
  gpointer              data;
  GCancellable         *cancellable;
  gpointer              result;
  GError               *error;
  gboolean              done;
  GMutex                mutex;
  GCond                 cond;
} SyncCall;

/* The queue's ranks: a call waits only for those of a lower rank, and
 * for those of its own queued before it */
typedef enum
{
  RANK_CALL,
  RANK_BACKGROUND,
  RANK_STOP,  /* after everything queued, whatever it is */
} Rank;

typedef struct
{
  DossierStoreFunc  func;
  GTask            *task;
  gpointer          data;
  GDestroyNotify    destroy;
  SyncCall         *sync;
  gboolean          stop;
  Rank              rank;
  guint64           order;
} Job;

G_DEFINE_FINAL_TYPE (DossierStore, dossier_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (dossier-store-error-quark, dossier_store_error)

static void
job_free (Job *job)
{
  if (job->destroy != NULL)
    job->destroy (job->data);
  g_clear_object (&job->task);
  g_free (job);
}

static gint
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *x = a, *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

static gpointer worker_main (gpointer data);

/* Queues @job (its thread started first if need be) by its rank */
static void
push_job (DossierStore *self,
          Job          *job)
{
  if (self->thread == NULL)
    self->thread = g_thread_new ("dossier-store", worker_main, self);
  g_async_queue_lock (self->queue);
  job->order = ++self->queued;
  g_async_queue_push_sorted_unlocked (self->queue, job, compare_jobs, NULL);
  g_async_queue_unlock (self->queue);
}

static gpointer
worker_main (gpointer data)
{
  DossierStore *self = data;

  for (;;)
    {
      Job *job = g_async_queue_pop (self->queue);

      if (job->stop)
        {
          job_free (job);
          break;
        }
      if (job->sync != NULL)
        {
          SyncCall *call = job->sync;
          gpointer result = NULL;
          GError *error = NULL;

          if (!g_cancellable_set_error_if_cancelled (call->cancellable, &error))
            result = call->func (self, call->data, call->cancellable, &error);
          g_mutex_lock (&call->mutex);
          call->result = result;
          call->error = error;
          call->done = TRUE;
          g_cond_signal (&call->cond);
          g_mutex_unlock (&call->mutex);
        }
      else if (!g_task_return_error_if_cancelled (job->task))
        job->func (self, job->task, job->data, g_task_get_cancellable (job->task));
      job_free (job);
    }

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->ranked_fts, g_free);
  g_clear_pointer (&self->ranked_by_id, g_array_unref);
  g_clear_pointer (&self->lengths, g_free);
  g_clear_pointer (&self->spare_rows, g_ptr_array_unref);
  g_clear_pointer (&self->spare_ranked, g_array_unref);
  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  return NULL;
}

static void
dossier_store_dispose (GObject *object)
{
  DossierStore *self = DOSSIER_STORE (object);

  dossier_store_close (self);

  G_OBJECT_CLASS (dossier_store_parent_class)->dispose (object);
}

static void
dossier_store_finalize (GObject *object)
{
  DossierStore *self = DOSSIER_STORE (object);

  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_free (self->path);

  G_OBJECT_CLASS (dossier_store_parent_class)->finalize (object);
}

static void
dossier_store_class_init (DossierStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_store_dispose;
  object_class->finalize = dossier_store_finalize;

  /* SQLite's memory statistics take a global lock on every allocation;
   * nothing reads them (a no-op when SQLite is already in use) */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
}

static void
dossier_store_init (DossierStore *self)
{
  self->queue = g_async_queue_new ();
}

DossierStore *
dossier_store_new (void)
{
  return g_object_new (DOSSIER_TYPE_STORE, NULL);
}

/* Queues @func with @task, at @rank */
static void
submit (DossierStore     *self,
        GTask            *task,
        DossierStoreFunc  func,
        gpointer          data,
        GDestroyNotify    destroy,
        Rank              rank)
{
  Job *job = g_new0 (Job, 1);

  job->func = func;
  job->task = g_object_ref (task);
  job->data = data;
  job->destroy = destroy;
  job->rank = rank;
  push_job (self, job);
}

void
dossier_store_submit (DossierStore     *self,
                      GTask            *task,
                      DossierStoreFunc  func,
                      gpointer          data,
                      GDestroyNotify    destroy)
{
  g_return_if_fail (DOSSIER_IS_STORE (self));
  g_return_if_fail (G_IS_TASK (task));

  submit (self, task, func, data, destroy, RANK_CALL);
}

void
dossier_store_submit_background (DossierStore     *self,
                                 GTask            *task,
                                 DossierStoreFunc  func,
                                 gpointer          data,
                                 GDestroyNotify    destroy)
{
  g_return_if_fail (DOSSIER_IS_STORE (self));
  g_return_if_fail (G_IS_TASK (task));

  submit (self, task, func, data, destroy, RANK_BACKGROUND);
}

gpointer
dossier_store_run (DossierStore          *self,
                   DossierStoreSyncFunc   func,
                   gpointer               data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  SyncCall call = { 0 };
  Job *job;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), NULL);
  g_return_val_if_fail (self->thread == NULL || g_thread_self () != self->thread, NULL);

  call.func = func;
  call.data = data;
  call.cancellable = cancellable;
  g_mutex_init (&call.mutex);
  g_cond_init (&call.cond);

  job = g_new0 (Job, 1);
  job->sync = &call;
  push_job (self, job);

  g_mutex_lock (&call.mutex);
  while (!call.done)
    g_cond_wait (&call.cond, &call.mutex);
  g_mutex_unlock (&call.mutex);
  g_mutex_clear (&call.mutex);
  g_cond_clear (&call.cond);

  if (call.error != NULL)
    g_propagate_error (error, call.error);
  return call.result;
}

void
dossier_store_close (DossierStore *self)
{
  Job *job;

  g_return_if_fail (DOSSIER_IS_STORE (self));

  if (self->thread == NULL)
    return;
  job = g_new0 (Job, 1);
  job->stop = TRUE;
  job->rank = RANK_STOP;
  push_job (self, job);
  g_thread_join (self->thread);
  self->thread = NULL;
}

/* --- worker thread --- */

static int
error_code_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB: return DOSSIER_STORE_ERROR_NOT_LIBRARY;
    case SQLITE_CORRUPT: return DOSSIER_STORE_ERROR_CORRUPT;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return DOSSIER_STORE_ERROR_BUSY;
    case SQLITE_FULL: return DOSSIER_STORE_ERROR_FULL;
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH: return DOSSIER_STORE_ERROR_OPEN;
    case SQLITE_CONSTRAINT: return DOSSIER_STORE_ERROR_DUPLICATE;
    default: return DOSSIER_STORE_ERROR_FAILED;
    }
}

static const char *
reason_for (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB: return _("it is not a Dossier library (not an SQLite database)");
    case SQLITE_CORRUPT: return _("the library file is damaged");
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return _("another program is using the library");
    case SQLITE_FULL: return _("the disk is full");
    case SQLITE_READONLY: return _("the library file is read-only");
    case SQLITE_CANTOPEN: return _("the file cannot be opened");
    case SQLITE_IOERR: return _("reading or writing the disk failed");
    case SQLITE_INTERRUPT: return _("the operation was cancelled");
    default: return NULL;
    }
}

sqlite3_stmt *
_dossier_store_prepare (DossierStore  *self,
                        const char    *sql,
                        const char    *what,
                        GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, what);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

int
_dossier_store_compare_ids (gconstpointer a,
                            gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

gboolean
_dossier_store_fail (DossierStore  *self,
                     GError       **error,
                     const char    *what)
{
  int rc = self->db ? sqlite3_extended_errcode (self->db) : SQLITE_CANTOPEN;
  const char *reason = reason_for (rc);

  /* A WAL library on a read-only disk or in a read-only folder fails as
   * "cannot open" (SQLite cannot make its -shm file): say why. */
  if ((rc & 0xff) == SQLITE_CANTOPEN && self->path != NULL &&
      g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_access (self->path, W_OK) != 0 || g_access (dir, W_OK) != 0)
        reason = reason_for (SQLITE_READONLY);
    }

  if ((rc & 0xff) == SQLITE_INTERRUPT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, reason);
      return FALSE;
    }
  g_set_error (error, DOSSIER_STORE_ERROR, error_code_for (rc),
               "%s: %s (%s)", what,
               reason ? reason : (self->db ? sqlite3_errmsg (self->db) : "?"),
               self->path ? self->path : "");
  return FALSE;
}

gboolean
_dossier_store_exec (DossierStore  *self,
                     const char    *sql,
                     GError       **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not update the library"));
  return TRUE;
}

void
_dossier_store_bind_text (sqlite3_stmt *stmt,
                          int           col,
                          const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, text, -1, SQLITE_TRANSIENT);
}

const char *
_dossier_store_column_text (sqlite3_stmt *stmt,
                            int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static int
pragma_int (DossierStore *self,
            const char   *sql,
            int          *rc_out)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc_out)
    *rc_out = rc;
  return value;
}

static void
watch_cb (GCancellable *cancellable,
          gpointer      data)
{
  DossierStore *self = data;

  if (self->db != NULL)
    sqlite3_interrupt (self->db);
}

gulong
dossier_store_watch_cancellable (DossierStore *self,
                                 GCancellable *cancellable)
{
  if (cancellable == NULL)
    return 0;
  return g_cancellable_connect (cancellable, G_CALLBACK (watch_cb), self, NULL);
}

void
dossier_store_unwatch_cancellable (DossierStore *self,
                                   GCancellable *cancellable,
                                   gulong        id)
{
  if (cancellable != NULL && id != 0)
    g_cancellable_disconnect (cancellable, id);
}

gboolean
dossier_store_open (DossierStore  *self,
                    const char    *path,
                    gboolean       create,
                    GError       **error)
{
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  gboolean exists;
  int app_id, version, n_tables;
  int rc;

  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->db == NULL, FALSE);

  g_free (self->path);
  self->path = g_strdup (path);
  exists = g_file_test (path, G_FILE_TEST_EXISTS);

  if (exists && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN,
                   _("Could not open the library %s: it is a folder"), path);
      return FALSE;
    }
  if (!exists && !create)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN,
                   _("Could not open the library %s: the file does not exist"), path);
      return FALSE;
    }
  if (exists && g_access (path, R_OK) != 0)
    {
      int saved = errno;

      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN,
                   _("Could not open the library %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (!exists)
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN,
                       _("Could not create the library %s: %s"), path, g_strerror (saved));
          return FALSE;
        }
      flags |= SQLITE_OPEN_CREATE;
    }

  rc = sqlite3_open_v2 (path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not open the library"));
      goto fail;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);

  /* Read before writing anything: never touch a file that isn't ours. */
  n_tables = pragma_int (self, "SELECT count(*) FROM sqlite_master", &rc);
  if (rc != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not open the library"));
      goto fail;
    }
  app_id = pragma_int (self, "PRAGMA application_id", &rc);
  version = pragma_int (self, "PRAGMA user_version", &rc);

  if (n_tables > 0 && app_id != DOSSIER_APPLICATION_ID)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_LIBRARY,
                   _("Could not open %s: it is an SQLite database, but not a Dossier library"),
                   path);
      goto fail;
    }
  if (version > DOSSIER_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_TOO_NEW,
                   _("Could not open %s: it was written by a newer version of Dossier "
                     "(library format %d; this version reads up to %d)"),
                   path, version, DOSSIER_STORE_SCHEMA_VERSION);
      goto fail;
    }

  if (pragma_int (self, "PRAGMA journal_mode=WAL", &rc) < 0 && rc != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not open the library"));
      goto fail;
    }
  if (!_dossier_store_exec (self, "PRAGMA synchronous=NORMAL;"
                                  "PRAGMA foreign_keys=ON;"
                                  "PRAGMA temp_store=MEMORY;"
                                  "PRAGMA cache_size=-16000;", error))
    goto fail;

  if (n_tables == 0 &&
      !_dossier_store_exec (self, "PRAGMA application_id=1146049363", error))
    goto fail;

  if (!_dossier_store_add_uuid_function (self, error) ||
      !_dossier_store_add_tokenizer (self, error) ||
      !_dossier_store_migrate (self, error) ||
      !_dossier_store_check_index (self, error) ||
      !_dossier_store_check_quotes (self, error) ||
      !_dossier_store_add_rank_function (self, error) ||
      !_dossier_store_add_snippet_function (self, error))
    goto fail;

  return TRUE;

fail:
  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  return FALSE;
}

gboolean
dossier_store_is_open (DossierStore *self)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);
  return self->db != NULL;
}

const char *
dossier_store_get_path (DossierStore *self)
{
  return self->path;
}

gboolean
dossier_store_begin (DossierStore  *self,
                     GError       **error)
{
  return _dossier_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
dossier_store_commit (DossierStore  *self,
                      GError       **error)
{
  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not save to the library"));
      dossier_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

void
dossier_store_rollback (DossierStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* SQLite's own ceiling for a map (SQLITE_MAX_MMAP_SIZE on 64-bit
 * systems); a larger file has its first part mapped, the rest read */
#define MAP_SIZE 2147418112

gboolean
dossier_store_map_for_reading (DossierStore  *self,
                               GError       **error)
{
  g_return_val_if_fail (DOSSIER_IS_STORE (self), FALSE);

  return _dossier_store_exec (self, "PRAGMA mmap_size = " G_STRINGIFY (MAP_SIZE), error);
}

gboolean
dossier_store_integrity_check (DossierStore  *self,
                               GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    return _dossier_store_fail (self, error, _("Could not check the library"));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 (_dossier_store_column_text (stmt, 0), "ok") == 0;
  if (!ok)
    g_set_error (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_CORRUPT,
                 _("The library %s is damaged: %s"), self->path,
                 stmt ? (_dossier_store_column_text (stmt, 0) ?: "?") : "?");
  sqlite3_finalize (stmt);
  return ok;
}

/* --- the statement cache: one prepared statement for each of
 * DossierStoreStmt, made when first asked for --- */

static const char * const stmt_sql[] = {
  [STMT_INSERT_ARTICLE] =
    "INSERT INTO articles (title, byline, source, url, language, published, date_precision,"
      " date_origin, published_jd, body, body_hash, file_name, content_hash, imported_at, id, uuid, read)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, " DOSSIER_SQL_UUID "), ?)",
  [STMT_INSERT_DATE_HINTS] =
    "INSERT OR REPLACE INTO date_hints (article_id, hints) VALUES (?, ?)",
  [STMT_FIND_DUPLICATE] =
    "SELECT id FROM articles WHERE (?1 IS NOT NULL AND url = ?1) OR body_hash = ?2 LIMIT 1",
  [STMT_GET_ARTICLE] =
    "SELECT " DOSSIER_ARTICLE_COLUMNS " FROM articles a WHERE a.id = ?",
  [STMT_GET_ARTICLE_BODY] =
    "SELECT " DOSSIER_ARTICLE_COLUMNS ", a.body FROM articles a WHERE a.id = ?",
  [STMT_UPDATE_ARTICLE] =
    "UPDATE articles SET title = ?, byline = ?, source = ?, url = ?, language = ?, published = ?,"
    " date_precision = ?, date_origin = ?, published_jd = ? WHERE id = ?",
  [STMT_SET_BODY] =
    "UPDATE articles SET body = ?, body_hash = ? WHERE id = ?",
  [STMT_DELETE_ARTICLE] =
    "DELETE FROM articles WHERE id = ?",
  [STMT_COUNT_ARTICLES] =
    "SELECT count(*) FROM articles",
  [STMT_INSERT_ANNOTATION] =
    "INSERT INTO annotations (uuid, article_id, color, note, tags, quote, prefix, suffix,"
    " start_offset, end_offset, orphan, created, modified, author)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, (SELECT member FROM team_link)))",
  [STMT_UPDATE_ANNOTATION] =
    "UPDATE annotations SET color = ?, note = ?, tags = ?, quote = ?, prefix = ?, suffix = ?,"
    " start_offset = ?, end_offset = ?, orphan = ?, modified = ?,"
    /* in a team library a note whose text, tags or colour a member changes
     * becomes that member's (a note moved by its article's new text, or
     * written by sync, keeps its author) */
    " author = coalesce((SELECT member FROM team_link WHERE applying = 0"
    "   AND (annotations.color IS NOT ?1 OR annotations.note IS NOT ?2 OR annotations.tags IS NOT ?3)),"
    "   author) WHERE id = ?",
  [STMT_DELETE_ANNOTATION] =
    "DELETE FROM annotations WHERE id = ?",
  [STMT_GET_ANNOTATION] =
    "SELECT id, uuid, article_id, color, note, tags, quote, prefix, suffix, start_offset,"
    " end_offset, orphan, created, modified, author FROM annotations WHERE id = ?",
  [STMT_GET_ANNOTATION_BY_UUID] =
    "SELECT id, uuid, article_id, color, note, tags, quote, prefix, suffix, start_offset,"
    " end_offset, orphan, created, modified, author FROM annotations WHERE uuid = ?",
  [STMT_ANNOTATIONS_OF_ARTICLE] =
    "SELECT id, uuid, article_id, color, note, tags, quote, prefix, suffix, start_offset,"
    " end_offset, orphan, created, modified, author FROM annotations WHERE article_id = ?"
    " ORDER BY orphan, start_offset, id",
  [STMT_BATCH_NOTES] =
    "INSERT OR IGNORE INTO notes_batch (article_id) VALUES (?)",
};
G_STATIC_ASSERT (G_N_ELEMENTS (stmt_sql) == N_STMTS);

sqlite3_stmt *
_dossier_store_stmt (DossierStore      *self,
                     DossierStoreStmt   which,
                     GError           **error)
{
  if (self->db == NULL)
    {
      g_set_error_literal (error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_OPEN,
                           _("The library is not open"));
      return NULL;
    }
  if (self->stmts[which] == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT,
                              &self->stmts[which], NULL) != SQLITE_OK)
        {
          _dossier_store_fail (self, error, _("Could not read the library"));
          return NULL;
        }
    }
  sqlite3_reset (self->stmts[which]);
  sqlite3_clear_bindings (self->stmts[which]);
  return self->stmts[which];
}

gboolean
_dossier_store_step_failed (DossierStore  *self,
                            int            rc,
                            GError       **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;
  _dossier_store_fail (self, error, _("Could not search the library"));
  return TRUE;
}

/* --- SQL assembled from fixed fragments: every value, and everything the
 * user typed, is bound as a parameter --- */

void
_dossier_store_sql_init (DossierStoreSql *b)
{
  b->sql = g_string_new (NULL);
  b->texts = g_ptr_array_new_with_free_func (g_free);
  b->ints = g_array_new (FALSE, FALSE, sizeof (gint64));
  b->pointers = g_ptr_array_new ();
  b->kinds = g_array_new (FALSE, FALSE, sizeof (char));
}

void
_dossier_store_sql_clear (DossierStoreSql *b)
{
  g_string_free (b->sql, TRUE);
  g_ptr_array_unref (b->texts);
  g_array_unref (b->ints);
  g_ptr_array_unref (b->pointers);
  g_array_unref (b->kinds);
}

void
_dossier_store_sql_text (DossierStoreSql *b,
                         const char      *value)
{
  char kind = 't';

  g_string_append_c (b->sql, '?');
  g_ptr_array_add (b->texts, g_strdup (value));
  g_array_append_val (b->kinds, kind);
}

void
_dossier_store_sql_int (DossierStoreSql *b,
                        gint64           value)
{
  char kind = 'i';

  g_string_append_c (b->sql, '?');
  g_array_append_val (b->ints, value);
  g_array_append_val (b->kinds, kind);
}

void
_dossier_store_sql_collector (DossierStoreSql      *b,
                              DossierRankCollector *collector)
{
  char kind = 'p';

  g_string_append_c (b->sql, '?');
  g_ptr_array_add (b->pointers, collector);
  g_array_append_val (b->kinds, kind);
}

sqlite3_stmt *
_dossier_store_sql_prepare (DossierStore     *self,
                            DossierStoreSql  *b,
                            GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  guint ti = 0, ii = 0, pi = 0;

  if (sqlite3_prepare_v2 (self->db, b->sql->str, -1, &stmt, NULL) != SQLITE_OK)
    {
      _dossier_store_fail (self, error, _("Could not search the library"));
      return NULL;
    }
  for (guint i = 0; i < b->kinds->len; i++)
    {
      switch (g_array_index (b->kinds, char, i))
        {
        case 't':
          _dossier_store_bind_text (stmt, i + 1, g_ptr_array_index (b->texts, ti++));
          break;
        case 'i':
          sqlite3_bind_int64 (stmt, i + 1, g_array_index (b->ints, gint64, ii++));
          break;
        default:
          _dossier_rank_collector_bind (g_ptr_array_index (b->pointers, pi++), stmt, i + 1);
          break;
        }
    }
  return stmt;
}

/* " AND a.id IN (SELECT rowid FROM articles_fts ...)" and the like: the
 * rows whose text matches (@exclude: does not match) @fts */
static void
append_match (DossierStoreSql    *b,
              DossierStoreFilter  what,
              gboolean            exclude,
              const char         *fts)
{
  if (what & DOSSIER_STORE_FILTER_NOTES)
    g_string_append (b->sql, exclude ? " AND n.id NOT IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH "
                                     : " AND n.id IN (SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ");
  else
    g_string_append (b->sql, exclude ? " AND a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH "
                                     : " AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ");
  _dossier_store_sql_text (b, fts);
  g_string_append (b->sql, ")");
}

/* " ?, ?, ?" for each of @values */
static void
append_list (DossierStoreSql *b,
             GPtrArray       *values)
{
  for (guint i = 0; i < values->len; i++)
    {
      if (i > 0)
        g_string_append (b->sql, ", ");
      _dossier_store_sql_text (b, g_ptr_array_index (values, i));
    }
}

/* The ids of the people @name names: by a variant, or by its surname
 * folded across spellings and scripts. */
static void
append_person_ids (DossierStoreSql *b,
                   const char      *name)
{
  g_autofree char *key = dossier_name_surname_key (name);
  g_autofree char *given = dossier_name_given_key (name);

  g_string_append (b->sql, "SELECT person_id FROM person_variants WHERE variant = ");
  _dossier_store_sql_text (b, name);
  g_string_append (b->sql, " COLLATE NOCASE UNION SELECT id FROM people WHERE surname_key = ");
  _dossier_store_sql_text (b, key);
  if (given != NULL)
    {
      g_string_append (b->sql, " AND (given_key IS NULL OR given_key = ");
      _dossier_store_sql_text (b, given);
      g_string_append (b->sql, ")");
    }
}

void
_dossier_store_sql_filters (DossierStoreSql    *b,
                            DossierQuery       *query,
                            DossierStoreFilter  what)
{
  gboolean notes = (what & DOSSIER_STORE_FILTER_NOTES) != 0;

  if (query == NULL)
    return;

  if ((what & DOSSIER_STORE_FILTER_WORDS) && query->fts != NULL)
    append_match (b, what, FALSE, query->fts);
  if ((what & DOSSIER_STORE_FILTER_EXCLUDED) && query->fts_exclude != NULL)
    append_match (b, what, TRUE, query->fts_exclude);
  if (query->sources->len > 0)
    {
      g_string_append (b->sql, " AND a.source COLLATE NOCASE IN (");
      append_list (b, query->sources);
      g_string_append (b->sql, ")");
    }
  /* tags and colours: of the note itself, or of the article or any of its notes */
  for (guint i = 0; i < query->tags->len; i++)
    {
      const char *tag = g_ptr_array_index (query->tags, i);

      if (notes)
        {
          g_string_append (b->sql, " AND EXISTS (SELECT 1 FROM json_each(n.tags) j WHERE j.value = ");
          _dossier_store_sql_text (b, tag);
          g_string_append (b->sql, " COLLATE NOCASE)");
          continue;
        }
      /* the article's own tags, or those of one of its notes */
      g_string_append (b->sql, " AND (EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ");
      _dossier_store_sql_text (b, tag);
      g_string_append (b->sql, ") OR EXISTS (SELECT 1 FROM annotations n, json_each(n.tags) j"
                               " WHERE n.article_id = a.id AND j.value = ");
      _dossier_store_sql_text (b, tag);
      g_string_append (b->sql, " COLLATE NOCASE))");
    }
  if (query->colors->len > 0)
    {
      if (notes)
        g_string_append (b->sql, " AND n.color IN (");
      else
        g_string_append (b->sql, " AND EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id AND n.color IN (");
      append_list (b, query->colors);
      g_string_append (b->sql, notes ? ")" : "))");
    }
  /* author:NAME: the note's author, or one of the article's notes'; a
   * note with no author yet in a shared library is its own member's */
  if (query->authors->len > 0)
    {
      if (notes)
        g_string_append (b->sql, " AND coalesce(n.author, (SELECT member FROM team_link)) COLLATE NOCASE IN (");
      else
        g_string_append (b->sql, " AND EXISTS (SELECT 1 FROM annotations n WHERE n.article_id = a.id"
                                 " AND coalesce(n.author, (SELECT member FROM team_link)) COLLATE NOCASE IN (");
      append_list (b, query->authors);
      g_string_append (b->sql, notes ? ")" : "))");
    }
  if (query->from_jd >= 0)
    {
      g_string_append (b->sql, " AND a.published_jd >= ");
      _dossier_store_sql_int (b, query->from_jd);
    }
  if (query->to_jd >= 0)
    {
      g_string_append (b->sql, " AND a.published_jd <= ");
      _dossier_store_sql_int (b, query->to_jd);
    }
  /* (a note's article always has notes) */
  if (query->has_notes && !notes)
    g_string_append (b->sql, " AND a.annotation_count > 0");
  if (query->undated)
    g_string_append (b->sql, " AND a.published_jd IS NULL");
  if (query->suggested)
    g_string_append (b->sql, " AND a.date_precision < 3 AND a.id IN (SELECT article_id FROM date_suggestions"
                             " WHERE state = 0 AND published IS NOT NULL)");
  if (query->read >= 0)
    g_string_append (b->sql, query->read ? " AND a.read != 0" : " AND a.read = 0");
  if (query->feed > 0)
    {
      g_string_append (b->sql, " AND a.id IN (SELECT article_id FROM feed_entries WHERE feed_id = ");
      _dossier_store_sql_int (b, query->feed);
      g_string_append (b->sql, ")");
    }
  if (query->story > 0)
    {
      g_string_append (b->sql, " AND a.id IN (SELECT article_id FROM story_members WHERE story_id = ");
      _dossier_store_sql_int (b, query->story);
      g_string_append (b->sql, ")");
    }
  /* person:NAME and quote:NAME: a name or variant as written, or a
   * surname however spelt */
  for (guint i = 0; i < query->people->len; i++)
    {
      g_string_append (b->sql, " AND a.id IN (SELECT m.article_id FROM mentions m WHERE m.person_id IN (");
      append_person_ids (b, g_ptr_array_index (query->people, i));
      g_string_append (b->sql, ") UNION SELECT qp.article_id FROM quotes qp WHERE qp.status < 2 AND qp.person_id IN (");
      append_person_ids (b, g_ptr_array_index (query->people, i));
      g_string_append (b->sql, "))");
    }
  for (guint i = 0; i < query->quoted->len; i++)
    {
      g_string_append (b->sql, " AND EXISTS (SELECT 1 FROM quotes qq WHERE qq.article_id = a.id AND qq.status < 2"
                               " AND qq.person_id IN (");
      append_person_ids (b, g_ptr_array_index (query->quoted, i));
      g_string_append (b->sql, ")");
      for (guint k = 0; k < query->quote_terms->len; k++)
        {
          g_string_append (b->sql, " AND instr(lower(qq.text), lower(");
          _dossier_store_sql_text (b, g_ptr_array_index (query->quote_terms, k));
          g_string_append (b->sql, ")) > 0");
        }
      g_string_append (b->sql, ")");
    }
}

void
_dossier_store_sql_filtered_ids (DossierStoreSql *b,
                                 DossierQuery    *query)
{
  g_string_append (b->sql, "SELECT a.id FROM articles a INDEXED BY articles_timeline WHERE 1");
  _dossier_store_sql_filters (b, query, DOSSIER_STORE_FILTER_ONLY);
}
