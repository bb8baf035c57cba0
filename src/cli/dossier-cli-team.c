/* dossier-cli-team.c — a library shared with a team, from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "dossier-cli-private.h"
#include "dossier-team.h"

static int
fail (GError *error)
{
  g_printerr ("dossier-cli: %s\n", error->message);
  return 1;
}

/* The first line of standard input, for --password-stdin; never echoed,
 * never on the command line. */
static char *
read_password (void)
{
  char buf[1024];
  size_t len;

  if (fgets (buf, sizeof buf, stdin) == NULL)
    return g_strdup ("");
  len = strlen (buf);
  while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
    buf[--len] = '\0';
  return g_strdup (buf);
}

static void
forget_password (char *password)
{
  if (password != NULL)
    memset (password, 0, strlen (password));
  g_free (password);
}

static int
team_init (int argc, char **argv)
{
  static char *server = NULL;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("The team’s database, as a PostgreSQL address"), N_("URL") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  guint n = 0;
  int code;

  if (!parse_args ("team init", "--server URL", entries, &argc, &argv, &code))
    return code;
  if (server == NULL || argc != 1)
    return usage_error ("team init", _("give the database with --server URL"));
  if (!dossier_team_init_server_sync (server, &n, &error))
    return fail (error);
  if (n > 0)
    g_print (ngettext ("The team database is ready (%u step applied).\n",
                       "The team database is ready (%u steps applied).\n", n), n);
  else
    g_print (_("The team database was already up to date.\n"));
  return 0;
}

static int
team_add_member (int argc, char **argv)
{
  static char *server = NULL, *role = NULL;
  static gboolean password_stdin = FALSE;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("The team’s database, as a PostgreSQL address"), N_("URL") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("editor or reader"), N_("ROLE") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin, N_("Read the member’s password from standard input"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  char *password = NULL;
  gboolean ok;
  int code;

  if (!parse_args ("team add-member", _("--server URL NAME --role ROLE"), entries, &argc, &argv, &code))
    return code;
  if (server == NULL || role == NULL || argc != 2)
    return usage_error ("team add-member", _("give --server URL, one NAME and --role editor|reader"));
  if (password_stdin)
    password = read_password ();
  ok = dossier_team_add_member_sync (server, argv[1], role, password, &error);
  forget_password (password);
  if (!ok)
    return fail (error);
  g_print (_("%s is now a member (%s).\n"), argv[1], role);
  return 0;
}

static int
team_remove_member (int argc, char **argv)
{
  static char *server = NULL;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("The team’s database, as a PostgreSQL address"), N_("URL") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  int code;

  if (!parse_args ("team remove-member", _("--server URL NAME"), entries, &argc, &argv, &code))
    return code;
  if (server == NULL || argc != 2)
    return usage_error ("team remove-member", _("give --server URL and one NAME"));
  if (!dossier_team_remove_member_sync (server, argv[1], &error))
    return fail (error);
  g_print (_("%s is no longer a member.\n"), argv[1]);
  return 0;
}

int
cmd_team (int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "init") == 0)
    return team_init (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "add-member") == 0)
    return team_add_member (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "remove-member") == 0)
    return team_remove_member (argc - 1, argv + 1);
  return usage_error ("team", _("use “team init”, “team add-member” or “team remove-member”"));
}

int
cmd_share (int argc, char **argv)
{
  static char *server = NULL, *user = NULL;
  static gboolean password_stdin = FALSE;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("The team’s database, as a PostgreSQL address"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("Your member name (default: the address’s or your login)"), N_("NAME") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin, N_("Read your password from standard input"), NULL },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierTeamLink) link = NULL;
  g_autoptr(GError) error = NULL;
  char *password = NULL;
  gboolean ok;
  int code;

  if (!parse_args ("share", "--server URL", entries, &argc, &argv, &code))
    return code;
  if (server == NULL || argc != 1)
    return usage_error ("share", _("give the team’s database with --server URL"));
  if (!(library = open_library (FALSE)))
    return 1;
  if (password_stdin)
    password = read_password ();
  ok = dossier_team_share_sync (library, server, user, password, &error);
  forget_password (password);
  if (!ok)
    return g_error_matches (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_UNREACHABLE)
           ? (fail (error), EXIT_UNREACHABLE) : fail (error);
  link = dossier_team_get_link_sync (library, NULL);
  g_print (_("Shared as %s; %u changes wait for “dossier-cli sync”.\n"),
           link ? link->member : "?", link ? link->n_queued : 0);
  return 0;
}

int
cmd_sync (int argc, char **argv)
{
  static gboolean password_stdin = FALSE;
  GOptionEntry entries[] = {
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &password_stdin,
      N_("Read your password from standard input (else ~/.pgpass or PGPASSWORD)"), NULL },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  DossierTeamSyncStats stats = { 0 };
  char *password = NULL;
  gboolean ok;
  int code;

  if (!parse_args ("sync", "", entries, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("sync", _("sync takes no arguments"));
  if (!(library = open_library (FALSE)))
    return 1;
  if (password_stdin)
    password = read_password ();
  ok = dossier_team_sync_sync (library, password, &stats, NULL, &error);
  forget_password (password);
  if (!ok)
    {
      fail (error);
      if (g_error_matches (error, DOSSIER_TEAM_ERROR, DOSSIER_TEAM_ERROR_UNREACHABLE))
        {
          g_printerr (_("dossier-cli: the changes stay queued for the next sync\n"));
          return EXIT_UNREACHABLE;
        }
      return 1;
    }
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "pulled");
      json_builder_add_int_value (b, stats.pulled);
      json_builder_set_member_name (b, "pushed");
      json_builder_add_int_value (b, stats.pushed);
      json_builder_set_member_name (b, "conflicts");
      json_builder_add_int_value (b, stats.conflicts);
      json_builder_set_member_name (b, "version");
      json_builder_add_int_value (b, stats.version);
      json_builder_set_member_name (b, "rows_sent");
      json_builder_add_int_value (b, stats.rows_sent);
      json_builder_set_member_name (b, "rows_received");
      json_builder_add_int_value (b, stats.rows_received);
      json_builder_end_object (b);
      print_json (b, FALSE);
      return 0;
    }
  g_print (_("Sent %u changes, received %u; %u new conflicts.\n"), stats.pushed, stats.pulled, stats.conflicts);
  return 0;
}

int
cmd_conflicts (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  int code;

  if (!parse_args ("conflicts", "", NULL, &argc, &argv, &code))
    return code;
  if (argc != 1)
    return usage_error ("conflicts", _("conflicts takes no arguments"));
  if (!(library = open_library (FALSE)))
    return 1;
  if (!(list = dossier_team_list_conflicts_sync (library, &error)))
    return fail (error);
  if (opt_json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_array (b);
      for (guint i = 0; i < list->len; i++)
        {
          DossierTeamConflict *c = list->pdata[i];
          g_autoptr(GDateTime) at = g_date_time_new_from_unix_utc (c->at / G_USEC_PER_SEC);
          g_autofree char *when = at ? g_date_time_format_iso8601 (at) : NULL;

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, c->id);
          add_string_or_null (b, "kind", c->kind);
          add_string_or_null (b, "row", c->row);
          if (c->field != NULL)
            add_string_or_null (b, "field", c->field);
          add_string_or_null (b, "mine", c->mine);
          add_string_or_null (b, "theirs", c->theirs);
          add_string_or_null (b, "author", c->author);
          add_string_or_null (b, "at", when);
          json_builder_end_object (b);
        }
      json_builder_end_array (b);
      print_json (b, TRUE);
      return 0;
    }
  if (list->len == 0)
    g_print (_("No conflicts.\n"));
  for (guint i = 0; i < list->len; i++)
    {
      DossierTeamConflict *c = list->pdata[i];

      g_print ("%6" G_GINT64_FORMAT "  %s %s%s%s  (%s)\n", c->id, c->kind, c->row,
               c->field ? " " : "", c->field ? c->field : "", c->author ? c->author : "?");
      g_print (_("        mine:   %s\n"), c->mine ? c->mine : _("(deleted)"));
      g_print (_("        theirs: %s\n"), c->theirs ? c->theirs : _("(deleted or refused)"));
    }
  return 0;
}

int
cmd_resolve (int argc, char **argv)
{
  static char *keep = NULL;
  GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_STRING, &keep, N_("mine, theirs or both"), N_("WHICH") },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int code;

  if (!parse_args ("resolve", _("ID --keep mine|theirs|both"), entries, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error ("resolve", _("give one conflict id (a positive number)"));
  if (keep == NULL)
    return usage_error ("resolve", _("--keep mine, theirs or both is required"));
  if (!(library = open_library (FALSE)))
    return 1;
  if (!dossier_team_resolve_sync (library, id, keep, &error))
    return fail (error);
  return 0;
}

int
cmd_edit_annotation (int argc, char **argv)
{
  static char *note = NULL, *color = NULL;
  static char **tags = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("The new note (Markdown)"), N_("TEXT") },
    { "tag", 0, 0, G_OPTION_ARG_STRING_ARRAY, &tags, N_("A tag (repeat for more); replaces the tags"), N_("TAG") },
    { "color", 0, 0, G_OPTION_ARG_STRING, &color, N_("yellow, green, blue, pink, purple or orange"), N_("COLOUR") },
    { NULL }
  };
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gint64 id;
  int code;

  if (!parse_args ("edit-annotation", "ID", entries, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error ("edit-annotation", _("give one note id (a positive number)"));
  if (color != NULL && !dossier_annotation_color_is_valid (color))
    return usage_error ("edit-annotation", _("the colour is one of yellow, green, blue, pink, purple or orange"));
  if (!(library = open_library (FALSE)))
    return 1;
  if (!(a = dossier_team_get_annotation_sync (library, id, &error)))
    return fail (error);
  if (note != NULL)
    dossier_annotation_set_note (a, *note ? note : NULL);
  if (tags != NULL)
    dossier_annotation_set_tags (a, (const char * const *) tags);
  if (color != NULL)
    dossier_annotation_set_color (a, color);
  dossier_annotation_set_modified (a, g_get_real_time ());
  if (!dossier_library_update_annotation_sync (library, a, &error))
    return fail (error);
  build_annotation (b, a);
  print_json (b, FALSE);
  return 0;
}

int
cmd_delete_annotation (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAnnotation) a = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;
  int code;

  if (!parse_args ("delete-annotation", "ID", NULL, &argc, &argv, &code))
    return code;
  if (argc != 2 || !parse_id (argv[1], &id))
    return usage_error ("delete-annotation", _("give one note id (a positive number)"));
  if (!(library = open_library (FALSE)))
    return 1;
  if (!(a = dossier_team_get_annotation_sync (library, id, &error)) ||
      !dossier_library_delete_annotation_sync (library, id, &error))
    return fail (error);
  return 0;
}
