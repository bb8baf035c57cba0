/* seed-check.h — compare extraction with a truth.jsonl (seeds, make-corpus)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint files;
  guint files_ok;
  guint fields;
  guint fields_ok;
} SeedScore;

/* Runs dossier_extract_file() on every file listed in DIR/truth.jsonl and
 * checks title, source, date, url, body_first, body_last, not_in_body and
 * body (whichever the line has; strings compared after folding white
 * space).  Appends one line per file to @report ("ok FILE" or
 * "FAIL FILE: field: expected … got …").  Files whose name ends in one of
 * @skip_suffixes (NULL-terminated, may be NULL) are not checked. */
gboolean seed_check_dir (const char         *dir,
                         const char *const  *skip_suffixes,
                         GString            *report,
                         SeedScore          *score,
                         GError            **error);

G_END_DECLS
