/* seed-check.c — compare extraction with a truth.jsonl (seeds, make-corpus)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "dossier-extract.h"
#include "seed-check.h"

/* White space of any kind folded to single spaces, trimmed. */
static char *
fold (const char *s)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  const char *p;

  if (s == NULL)
    return g_string_free (out, FALSE);
  for (p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0 || c == 0x202F)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static const char *
get_string (JsonObject *o,
            const char *member)
{
  JsonNode *n = json_object_get_member (o, member);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

typedef struct
{
  GString *fails;
  guint    fields;
  guint    fields_ok;
} FileCheck;

static void
check (FileCheck  *fc,
       const char *field,
       gboolean    ok,
       const char *expected,
       const char *got)
{
  fc->fields++;
  if (ok)
    {
      fc->fields_ok++;
      return;
    }
  g_string_append_printf (fc->fails, "\n    %s: expected “%.80s” got “%.80s”", field,
                          expected ? expected : "(null)", got ? got : "(null)");
}

static void
check_equal (FileCheck  *fc,
             const char *field,
             const char *expected,
             const char *got)
{
  g_autofree char *fe = fold (expected);
  g_autofree char *fg = fold (got);

  if (expected == NULL)
    check (fc, field, got == NULL, expected, got);
  else
    check (fc, field, got != NULL && strcmp (fe, fg) == 0, fe, fg);
}

gboolean
seed_check_dir (const char         *dir,
                const char *const  *skip_suffixes,
                GString            *report,
                SeedScore          *score,
                GError            **error)
{
  g_autofree char *truth_path = g_build_filename (dir, "truth.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  guint i;

  if (!g_file_get_contents (truth_path, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (i = 0; lines[i]; i++)
    {
      JsonObject *o;
      const char *file;
      const char *const *skip;
      gboolean skipped = FALSE;
      g_autofree char *path = NULL;
      g_autoptr(GFile) gfile = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autoptr(DossierExtracted) e = NULL;
      g_autofree char *body = NULL;
      g_autofree char *date = NULL;
      FileCheck fc = { g_string_new (NULL), 0, 0 };

      if (*g_strstrip (lines[i]) == '\0')
        {
          g_string_free (fc.fails, TRUE);
          continue;
        }
      if (!json_parser_load_from_data (parser, lines[i], -1, error))
        {
          g_string_free (fc.fails, TRUE);
          return FALSE;
        }
      o = json_node_get_object (json_parser_get_root (parser));
      file = get_string (o, "file");
      for (skip = skip_suffixes; file && skip && *skip; skip++)
        if (g_str_has_suffix (file, *skip))
          skipped = TRUE;
      if (file == NULL || skipped)
        {
          g_string_free (fc.fails, TRUE);
          continue;
        }

      path = g_build_filename (dir, file, NULL);
      gfile = g_file_new_for_path (path);
      e = dossier_extract_file (gfile, NULL, &local_error);
      score->files++;
      if (e == NULL)
        {
          g_string_append_printf (report, "FAIL %s: %s\n", file, local_error->message);
          g_string_free (fc.fails, TRUE);
          continue;
        }
      body = fold (e->body);
      date = dossier_date_to_string (&e->published);

      if (json_object_has_member (o, "title"))
        check_equal (&fc, "title", get_string (o, "title"), e->title);
      if (json_object_has_member (o, "source") && get_string (o, "source") != NULL)
        check_equal (&fc, "source", get_string (o, "source"), e->source);
      if (json_object_has_member (o, "date"))
        check_equal (&fc, "date", get_string (o, "date"), date);
      if (get_string (o, "url") != NULL)
        check_equal (&fc, "url", get_string (o, "url"), e->url);
      if (get_string (o, "body_first") != NULL)
        {
          g_autofree char *want = fold (get_string (o, "body_first"));

          check (&fc, "body_first", g_str_has_prefix (body, want), want, body);
        }
      if (get_string (o, "body_last") != NULL)
        {
          g_autofree char *want = fold (get_string (o, "body_last"));
          gsize bl = strlen (body);

          check (&fc, "body_last", g_str_has_suffix (body, want), want,
                 bl > 80 ? body + bl - 80 : body);
        }
      if (json_object_has_member (o, "not_in_body"))
        {
          JsonArray *a = json_object_get_array_member (o, "not_in_body");
          guint k;

          for (k = 0; a && k < json_array_get_length (a); k++)
            {
              g_autofree char *bad = fold (json_array_get_string_element (a, k));

              check (&fc, "not_in_body", strstr (body, bad) == NULL, bad, "(present)");
            }
        }
      if (get_string (o, "body") != NULL)
        check_equal (&fc, "body", get_string (o, "body"), e->body);

      score->fields += fc.fields;
      score->fields_ok += fc.fields_ok;
      if (fc.fields == fc.fields_ok)
        {
          score->files_ok++;
          g_string_append_printf (report, "ok   %s (%u fields)\n", file, fc.fields);
        }
      else
        g_string_append_printf (report, "FAIL %s (%u/%u fields)%s\n", file, fc.fields_ok,
                                fc.fields, fc.fails->str);
      g_string_free (fc.fails, TRUE);
    }
  return TRUE;
}
