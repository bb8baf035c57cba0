/* dossier-cli-json.c — JSON written as it is made, for long lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A JsonBuilder keeps a node, a value and a hash table entry for every
 * member, and the generator then walks them all: for the 52,000 quotes
 * of a much-quoted person that took longer than reading them.  This
 * writes the same bytes as print_json() (json-glib's pretty form: two
 * spaces a level, "name" : value, an empty array as []) straight into a
 * buffer that goes out in pieces of whole elements.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "dossier-cli-private.h"

/* written out when the buffer holds this much at an element's end */
#define FLUSH_AT (64 * 1024)

void
dossier_cli_write (GString *text)
{
  const char *charset;

  if (text->len == 0)
    return;
  /* as g_print() writes, without its copy of the whole text: straight
   * out on a UTF-8 console, else converted to the console's set */
  if (g_get_console_charset (&charset))
    fwrite (text->str, 1, text->len, stdout);
  else
    g_print ("%s", text->str);
  g_string_truncate (text, 0);
}

/* each piece ends between two elements, so no character is cut */
static void
flush (DossierJsonOut *o)
{
  dossier_cli_write (o->buf);
}

void
dossier_json_out_init (DossierJsonOut *o)
{
  memset (o, 0, sizeof *o);
  o->buf = g_string_sized_new (FLUSH_AT + 4096);
}

void
dossier_json_out_finish (DossierJsonOut *o)
{
  g_string_append_c (o->buf, '\n');
  flush (o);
  g_string_free (o->buf, TRUE);
  o->buf = NULL;
}

const char *
dossier_json_escape_byte (guchar c,
                          char   code[8])
{
  switch (c)
    {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default:
      if (c >= 0x1f && c != 0x7f)
        return NULL;
      g_snprintf (code, 8, "\\u%04x", c);
      return code;
    }
}

/* as json-glib escapes: the quote and backslash, the control characters
 * below 0x1f and DEL (0x1f itself is left as it is, as json-glib does) */
void
dossier_json_append_escaped (GString    *buf,
                             const char *s)
{
  const char *run = s;

  for (const char *p = s; *p != '\0'; p++)
    {
      char code[8];
      const char *esc = dossier_json_escape_byte ((guchar) *p, code);

      if (esc == NULL)
        continue;
      g_string_append_len (buf, run, p - run);
      g_string_append (buf, esc);
      run = p + 1;
    }
  g_string_append (buf, run);
}

static void
indent (GString *buf,
        guint    level)
{
  static const char spaces[] = "                                ";

  for (guint n = level * 2; n > 0;)
    {
      guint k = MIN (n, sizeof spaces - 1);

      g_string_append_len (buf, spaces, k);
      n -= k;
    }
}

/* the separator and indentation before an element, and its name */
static void
element (DossierJsonOut *o,
         const char     *name)
{
  if (o->depth > 0)
    {
      g_string_append (o->buf, o->count[o->depth - 1]++ > 0 ? ",\n" : "\n");
      indent (o->buf, o->depth);
    }
  if (name != NULL)
    {
      g_string_append_c (o->buf, '"');
      dossier_json_append_escaped (o->buf, name);
      g_string_append (o->buf, "\" : ");
    }
}

static void
begin (DossierJsonOut *o,
       const char     *name,
       char            open)
{
  g_return_if_fail (o->depth < G_N_ELEMENTS (o->count));

  element (o, name);
  g_string_append_c (o->buf, open);
  o->count[o->depth++] = 0;
}

static void
end (DossierJsonOut *o,
     char            close)
{
  g_return_if_fail (o->depth > 0);

  if (o->count[--o->depth] > 0)
    {
      g_string_append_c (o->buf, '\n');
      indent (o->buf, o->depth);
    }
  g_string_append_c (o->buf, close);
  /* an element of the outermost list is complete */
  if (o->depth <= 1 && o->buf->len >= FLUSH_AT)
    flush (o);
}

void
dossier_json_out_begin_array (DossierJsonOut *o,
                              const char     *name)
{
  begin (o, name, '[');
}

void
dossier_json_out_end_array (DossierJsonOut *o)
{
  end (o, ']');
}

void
dossier_json_out_begin_object (DossierJsonOut *o,
                               const char     *name)
{
  begin (o, name, '{');
}

void
dossier_json_out_end_object (DossierJsonOut *o)
{
  end (o, '}');
}

void
dossier_json_out_string (DossierJsonOut *o,
                         const char     *name,
                         const char     *value)
{
  element (o, name);
  if (value == NULL)
    {
      g_string_append (o->buf, "null");
      return;
    }
  g_string_append_c (o->buf, '"');
  dossier_json_append_escaped (o->buf, value);
  g_string_append_c (o->buf, '"');
}

void
dossier_json_out_int (DossierJsonOut *o,
                      const char     *name,
                      gint64          value)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 v = value < 0 ? -(guint64) value : (guint64) value;

  element (o, name);
  do
    {
      *--p = (char) ('0' + v % 10);
      v /= 10;
    }
  while (v > 0);
  if (value < 0)
    *--p = '-';
  g_string_append_len (o->buf, p, digits + sizeof digits - p);
}

void
dossier_json_out_null (DossierJsonOut *o,
                       const char     *name)
{
  element (o, name);
  g_string_append (o->buf, "null");
}

void
dossier_json_out_strv (DossierJsonOut *o,
                       const char     *name,
                       char          **strv)
{
  dossier_json_out_begin_array (o, name);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    dossier_json_out_string (o, NULL, strv[i]);
  dossier_json_out_end_array (o);
}
