/* dossier-cli-private.h — what the command line's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-library.h"

G_BEGIN_DECLS

/* a command: its name, its arguments and what it does, for the usage;
 * NULL run for one of dossier-cli-exchange's */
typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  int       (*run) (int argc, char **argv);
} DossierCliCommand;

#define EXIT_USAGE 2
/* sync: the server did not answer; the changes stay queued */
#define EXIT_UNREACHABLE 3

/* the common options: --library FILE, --json */
extern char    *opt_library;
extern gboolean opt_json;

int             usage_error        (const char    *command,
                                    const char    *message);
/* Parses the common options and @entries; FALSE with *@exit_code set
 * when the command should stop. */
gboolean        parse_args         (const char    *command,
                                    const char    *params,
                                    GOptionEntry  *entries,
                                    int           *argc,
                                    char        ***argv,
                                    int           *exit_code);
/* The library of --library (or the default one), opened; NULL after
 * printing why not. */
DossierLibrary *open_library       (gboolean       create);
gboolean        parse_id           (const char    *text,
                                    gint64        *id);
void            print_json         (JsonBuilder   *b,
                                    gboolean       pretty);
void            add_string_or_null (JsonBuilder   *b,
                                    const char    *member,
                                    const char    *value);
void            build_annotation   (JsonBuilder   *b,
                                    DossierAnnotation *a);
/* One imported file or link (@member "file" or "url" in JSON): a line of
 * JSON with --json, else one of text; @reason only @with_reason. */
void            dossier_cli_print_result (const char *member,
                                          const char *source,
                                          int         status,
                                          gint64      id,
                                          gboolean    with_reason,
                                          const char *reason,
                                          const char *error);

/* Writes @text to standard output as g_print() would, and empties it. */
void dossier_cli_write             (GString        *text);

/* dossier-cli-json.c: a list written as JSON while it is made, in the
 * same form as print_json (…, TRUE) */
typedef struct
{
  GString *buf;
  guint    depth;
  guint    count[8];    /* the elements so far at each depth */
} DossierJsonOut;

void dossier_json_out_init         (DossierJsonOut *o);
/* what JSON writes for byte @c, as json-glib does (in @code for a
 * \u escape), or NULL for the byte itself */
const char *dossier_json_escape_byte (guchar     c,
                                      char       code[8]);
/* @s as a JSON string's characters, escaped as json-glib does */
void dossier_json_append_escaped   (GString        *buf,
                                    const char     *s);
/* writes what is left, with a line end, and frees the buffer */
void dossier_json_out_finish       (DossierJsonOut *o);
void dossier_json_out_begin_array  (DossierJsonOut *o,
                                    const char     *name);
void dossier_json_out_end_array    (DossierJsonOut *o);
void dossier_json_out_begin_object (DossierJsonOut *o,
                                    const char     *name);
void dossier_json_out_end_object   (DossierJsonOut *o);
/* NULL as null */
void dossier_json_out_string       (DossierJsonOut *o,
                                    const char     *name,
                                    const char     *value);
void dossier_json_out_int          (DossierJsonOut *o,
                                    const char     *name,
                                    gint64          value);
void dossier_json_out_null         (DossierJsonOut *o,
                                    const char     *name);
void dossier_json_out_strv         (DossierJsonOut *o,
                                    const char     *name,
                                    char          **strv);

/* dossier-cli-stories.c */
int             dossier_cli_similar (int argc, char **argv);
int             dossier_cli_stories (int argc, char **argv);
int             dossier_cli_delete  (int argc, char **argv);
/* dossier-cli-people.c */
int _dossier_cli_people (int argc, char **argv);
int _dossier_cli_quotes (int argc, char **argv);
/* dossier-cli-web.c */
int             dossier_cli_add             (int         argc,
                                             char      **argv);
int             dossier_cli_feeds           (int         argc,
                                             char      **argv);
/* dossier-cli-team.c */
int cmd_team              (int argc, char **argv);
int cmd_share             (int argc, char **argv);
int cmd_sync              (int argc, char **argv);
int cmd_conflicts         (int argc, char **argv);
int cmd_resolve           (int argc, char **argv);
int cmd_edit_annotation   (int argc, char **argv);
int cmd_delete_annotation (int argc, char **argv);

G_END_DECLS
