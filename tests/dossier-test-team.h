/* dossier-test-team.h — what the team tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * team_pg is the test's PostgreSQL (NULL, with team_pg_missing saying
 * why, when there is none: NEED_SERVER() then skips the test).
 */
#pragma once

#include "dossier-library.h"
#include "dossier-team.h"
#include "dossier-test-postgres.h"

G_BEGIN_DECLS

extern DossierTestPostgres *team_pg;
extern char *team_pg_missing;

#define NEED_SERVER() \
  G_STMT_START { if (team_pg == NULL) { g_test_skip (team_pg_missing); return; } } G_STMT_END

/* a team database @name, set up; its address for members */
char                 *team_new                (const char      *name);
void                  team_add_member         (const char      *team,
                                               const char      *name,
                                               const char      *role);
/* links @library as @member (whose password is their name) */
void                  team_share              (DossierLibrary  *library,
                                               const char      *url,
                                               const char      *member);
DossierTeamSyncStats  team_sync_ok            (DossierLibrary  *library,
                                               const char      *member);
DossierAnnotation    *team_note_by_uuid       (DossierLibrary  *library,
                                               const char      *uuid);
char                 *team_note_text_of       (DossierLibrary  *library,
                                               const char      *uuid);
/* every note as "note uuid author text" and every article as "article
 * uuid title | source", sorted: what converged libraries share */
char                 *team_library_state      (DossierLibrary  *library);
/* every person listed, once the library has found the people of its
 * articles: "name [variant|…] mentions quotes", sorted */
char                 *team_people_state       (DossierLibrary  *library);
guint                 team_n_conflicts        (DossierLibrary  *library);
char                 *team_article_uuid_of    (DossierLibrary  *library,
                                               gint64           id);
/* Runs dossier-cli ($DOSSIER_CLI) with @input on its standard input;
 * returns its exit status and its standard output in @out. */
int                   team_run_cli            (const char      *input,
                                               char           **out,
                                               const char      *first,
                                               ...) G_GNUC_NULL_TERMINATED;
/* the same with an array of arguments, the program first and NULL last;
 * the standard error in @err_out when not NULL */
int                   team_run_cli_argv       (const char      *input,
                                               char           **out,
                                               char           **err_out,
                                               GPtrArray       *argv);

/* the server refuses @sql (with @n_params @params) for want of rights */
void                  team_assert_refused     (DossierTeamServer *server,
                                               const char        *sql,
                                               guint              n_params,
                                               const char       **params);

G_END_DECLS
