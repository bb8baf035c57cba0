/* dossier-cli-private.h — what the command line's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "dossier-library.h"

G_BEGIN_DECLS

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
/* Adds "original_url" (the link the user gave) to an article of show
 * --json; FALSE after printing an error. */
gboolean        dossier_cli_add_web_details (JsonObject     *article,
                                             DossierLibrary *library,
                                             gint64          id);
/* dossier-cli-team.c */
int cmd_team              (int argc, char **argv);
int cmd_share             (int argc, char **argv);
int cmd_sync              (int argc, char **argv);
int cmd_conflicts         (int argc, char **argv);
int cmd_resolve           (int argc, char **argv);
int cmd_edit_annotation   (int argc, char **argv);
int cmd_delete_annotation (int argc, char **argv);

G_END_DECLS
