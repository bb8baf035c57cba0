/* dossier-test-util.h — what the tests share: temporary folders and
 * libraries, waiting on the main context with a time limit, test data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "dossier-library.h"
#include "dossier-app-import.h"

G_BEGIN_DECLS

/* {{{ Temporary folders */

/* A new empty folder under the temporary directory, named after the test
 * program; the test fails when it cannot be made. */
char           *dossier_test_make_tmp_dir        (void);

/* Removes @path and everything under it, as far as it can; symbolic links
 * are removed, never followed.  A missing @path is not an error. */
void            dossier_test_remove_tree         (const char         *path);

/* }}} */

/* {{{ A library in a temporary folder */

/* library.db, open and empty, in a folder of its own */
typedef struct
{
  char           *dir;
  DossierLibrary *library;
} DossierTestLibrary;

/* As a GLib fixture: g_test_add (path, DossierTestLibrary, data,
 * dossier_test_library_setup, test, dossier_test_library_teardown), or
 * called from a fixture that holds a DossierTestLibrary among others.
 * Teardown closes the library, drops the fixture's reference and removes
 * the folder with all that was written in it. */
void            dossier_test_library_setup       (DossierTestLibrary *t,
                                                  gconstpointer       data);
void            dossier_test_library_teardown    (DossierTestLibrary *t,
                                                  gconstpointer       data);

/* The same as a plain value, for a test that needs one now and then */
DossierTestLibrary *dossier_test_library_new     (void);
void            dossier_test_library_free        (DossierTestLibrary *t);

/* Another library, @name in the same folder, open and empty */
DossierLibrary *dossier_test_library_open_other  (DossierTestLibrary *t,
                                                  const char         *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierTestLibrary, dossier_test_library_free)

/* An article of The Harbour Ledger, added; its id */
gint64          dossier_test_add_article         (DossierLibrary     *library,
                                                  const char         *title,
                                                  const char         *body);
/* A yellow note on the first characters of an article, added */
DossierAnnotation *dossier_test_add_note         (DossierLibrary     *library,
                                                  gint64              article_id,
                                                  const char         *quote,
                                                  const char         *note);

/* }}} */

/* {{{ Waiting with a time limit */

/* How many times slower than a plain build this run may be: 4 under
 * AddressSanitizer, times $DOSSIER_TEST_TIMEOUT_MULTIPLIER when that is
 * set.  Time limits of tests that guard against a gross slowdown (the
 * budgets themselves are the benchmark's) are multiplied by it. */
guint dossier_test_slowdown (void);

/* For a test's main() after g_test_run(): lets the threads of GLib's
 * thread pools (name lookups, GTask threads), whose work is done, leave
 * before the process does, polling up to ten seconds.  LeakSanitizer
 * checks at exit and fails ("Tracer caught signal 11") when a thread ends
 * in the middle of its check.  Returns how many pool threads are left. */
guint dossier_test_settle_threads (void);

/* SQLite's integrity check of @library, run on the store's thread (its
 * connection is that thread's alone); fails the test when unsound. */
void dossier_test_assert_library_sound (DossierLibrary *library);

/* The limit of dossier_test_wait_until() and dossier_test_poll_until(),
 * multiplied by $DOSSIER_TEST_TIMEOUT_MULTIPLIER when that is set (as
 * build-aux/memcheck does: valgrind makes everything slower). */
#define DOSSIER_TEST_WAIT_SECONDS 60

typedef struct
{
  GMainContext *context;
  GSource      *alarm;
  gint64        deadline;
  guint         seconds;
  gboolean      poll;
} DossierTestWait;

void            dossier_test_wait_begin          (DossierTestWait    *w,
                                                  GMainContext       *context,
                                                  guint               seconds,
                                                  gboolean            poll);
gboolean        dossier_test_wait_step           (DossierTestWait    *w,
                                                  const char         *what,
                                                  const char         *file,
                                                  int                 line,
                                                  const char         *func);
void            dossier_test_wait_end            (DossierTestWait    *w);

/* Iterates @context (NULL: the default one) until @cond holds.  When
 * @seconds pass first, the test fails there, with @cond in the message. */
#define dossier_test_wait_until_full(context, seconds, cond) \
  G_STMT_START { \
    DossierTestWait _dossier_wait; \
    dossier_test_wait_begin (&_dossier_wait, (context), (seconds), FALSE); \
    while (!(cond) && dossier_test_wait_step (&_dossier_wait, #cond, __FILE__, __LINE__, G_STRFUNC)) \
      ; \
    dossier_test_wait_end (&_dossier_wait); \
  } G_STMT_END

#define dossier_test_wait_until(cond) \
  dossier_test_wait_until_full (NULL, DOSSIER_TEST_WAIT_SECONDS, cond)

/* The same for a condition that no event of the context announces (a
 * widget's size, a state the store's thread changes): dispatches what is
 * pending without blocking and looks again every millisecond. */
#define dossier_test_poll_until_full(context, seconds, cond) \
  G_STMT_START { \
    DossierTestWait _dossier_wait; \
    dossier_test_wait_begin (&_dossier_wait, (context), (seconds), TRUE); \
    while (!(cond) && dossier_test_wait_step (&_dossier_wait, #cond, __FILE__, __LINE__, G_STRFUNC)) \
      ; \
    dossier_test_wait_end (&_dossier_wait); \
  } G_STMT_END

#define dossier_test_poll_until(cond) \
  dossier_test_poll_until_full (NULL, DOSSIER_TEST_WAIT_SECONDS, cond)

/* A signal handler for g_signal_connect_swapped (): sets *@flag */
void            dossier_test_set_flag            (gboolean           *flag);

/* }}} */

/* {{{ Test data */

/* A file under tests/data (TEST_DATA_DIR), given as path elements */
char           *dossier_test_data_path           (const char         *first_element,
                                                  ...) G_GNUC_NULL_TERMINATED;

/* Its contents, NUL-terminated; the test fails when it cannot be read.
 * @length may be NULL. */
char           *dossier_test_data_read           (gsize              *length,
                                                  const char         *first_element,
                                                  ...) G_GNUC_NULL_TERMINATED;

/* }}} */

/* {{{ Imports */

/* Imports @path, an export of another app, as the window does (in a
 * thread, the library's ::changed in this main context), and waits for
 * it: the number of articles it added. */
guint           dossier_test_import_app_export   (DossierLibrary     *library,
                                                  DossierAppKind      kind,
                                                  const char         *path);

/* }}} */

G_END_DECLS
