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

extern gboolean opt_json;

int             usage_error        (const char         *command,
                                    const char         *message);
/* Parses the common options and @entries; FALSE with *@exit_code set. */
gboolean        parse_args         (const char         *command,
                                    const char         *params,
                                    GOptionEntry       *entries,
                                    int                *argc,
                                    char             ***argv,
                                    int                *exit_code);
DossierLibrary *open_library       (gboolean            create);
gboolean        parse_id           (const char         *text,
                                    gint64             *id);
void            print_json         (JsonBuilder        *b,
                                    gboolean            pretty);
void            add_string_or_null (JsonBuilder        *b,
                                    const char         *member,
                                    const char         *value);
void            build_annotation   (JsonBuilder        *b,
                                    DossierAnnotation  *a);

/* dossier-cli-team.c */
int cmd_team              (int argc, char **argv);
int cmd_share             (int argc, char **argv);
int cmd_sync              (int argc, char **argv);
int cmd_conflicts         (int argc, char **argv);
int cmd_resolve           (int argc, char **argv);
int cmd_edit_annotation   (int argc, char **argv);
int cmd_delete_annotation (int argc, char **argv);

G_END_DECLS
