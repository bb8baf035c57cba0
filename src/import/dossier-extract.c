/* dossier-extract.c — turn one file's bytes into a DossierExtracted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-extract"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>
#include <uchardet.h>

#include "dossier-extract.h"
#include "dossier-html-extract.h"
#include "dossier-markdown.h"
#include "dossier-text-extract.h"

/* How much of the start of a file the sniffers look at. */
#define SNIFF_SIZE 8192

typedef enum
{
  KIND_TEXT,
  KIND_MARKDOWN,
  KIND_HTML,
} Kind;

typedef struct
{
  const char *magic;
  gsize       len;
  gsize       offset;
  const char *what;    /* "a PDF document" */
} Magic;

static const Magic magics[] = {
  { "%PDF-", 5, 0, N_("a PDF document") },
  { "\x89PNG\r\n\x1a\n", 8, 0, N_("a PNG image") },
  { "\xff\xd8\xff", 3, 0, N_("a JPEG image") },
  { "GIF87a", 6, 0, N_("a GIF image") },
  { "GIF89a", 6, 0, N_("a GIF image") },
  { "BM", 2, 0, NULL },                 /* too short alone: checked below */
  { "II*\0", 4, 0, N_("a TIFF image") },
  { "MM\0*", 4, 0, N_("a TIFF image") },
  { "\x1f\x8b", 2, 0, N_("a gzip archive") },
  { "BZh", 3, 0, NULL },
  { "\xfd" "7zXZ\0", 6, 0, N_("an xz archive") },
  { "7z\xbc\xaf\x27\x1c", 6, 0, N_("a 7-Zip archive") },
  { "Rar!\x1a\x07", 6, 0, N_("a RAR archive") },
  { "\x28\xb5\x2f\xfd", 4, 0, N_("a Zstandard archive") },
  { "\x7f" "ELF", 4, 0, N_("a program (ELF executable)") },
  { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, 0, N_("a Microsoft Office (OLE) document") },
  { "SQLite format 3\0", 16, 0, N_("an SQLite database") },
  { "OggS", 4, 0, N_("an Ogg audio or video file") },
  { "fLaC", 4, 0, N_("a FLAC audio file") },
  { "ID3", 3, 0, N_("an MP3 audio file") },
  { "ftyp", 4, 4, N_("an MP4/QuickTime video or HEIF image") },
  { "\x1a\x45\xdf\xa3", 4, 0, N_("a Matroska/WebM video") },
  { "wOFF", 4, 0, N_("a web font") },
  { "wOF2", 4, 0, N_("a web font") },
  { "\0\0\1\0", 4, 0, N_("an icon image") },
  { "%!PS", 4, 0, N_("a PostScript document") },
  { "{\\rtf", 5, 0, N_("an RTF document") },
  { "AT&TFORM", 8, 0, N_("a DjVu document") },
};

static gboolean
has_magic (const guchar *data,
           gsize         len,
           const char   *magic,
           gsize         mlen,
           gsize         offset)
{
  return len >= offset + mlen && memcmp (data + offset, magic, mlen) == 0;
}

static gboolean
contains (const guchar *data,
          gsize         len,
          const char   *needle)
{
  gsize nlen = strlen (needle);

  if (len < nlen)
    return FALSE;
  return memmem (data, len, needle, nlen) != NULL;
}

/* The kind of binary file, or NULL when the data may be text. */
static const char *
sniff_binary (const guchar *data,
              gsize         len)
{
  gsize n = MIN (len, SNIFF_SIZE);
  guint i;

  if (has_magic (data, len, "PK\x03\x04", 4, 0) || has_magic (data, len, "PK\x05\x06", 4, 0))
    {
      if (contains (data, MIN (len, 256), "mimetypeapplication/epub+zip"))
        return N_("an EPUB e-book");
      if (contains (data, MIN (len, 256), "mimetypeapplication/vnd.oasis.opendocument"))
        return N_("an OpenDocument file");
      if (contains (data, n, "word/"))
        return N_("a Word document (DOCX)");
      if (contains (data, n, "xl/"))
        return N_("an Excel spreadsheet (XLSX)");
      if (contains (data, n, "ppt/"))
        return N_("a PowerPoint presentation (PPTX)");
      return N_("a ZIP archive");
    }
  if (has_magic (data, len, "RIFF", 4, 0) && len >= 12)
    {
      if (has_magic (data, len, "WEBP", 4, 8))
        return N_("a WebP image");
      if (has_magic (data, len, "WAVE", 4, 8))
        return N_("a WAV audio file");
      if (has_magic (data, len, "AVI ", 4, 8))
        return N_("an AVI video");
      return N_("a RIFF media file");
    }
  if (has_magic (data, len, "BZh", 3, 0) && len > 3 && data[3] >= '1' && data[3] <= '9')
    return N_("a bzip2 archive");
  if (has_magic (data, len, "BM", 2, 0) && len > 14 && data[6] == 0 && data[7] == 0
      && data[8] == 0 && data[9] == 0)
    return N_("a BMP image");
  if (has_magic (data, len, "MZ", 2, 0) && memchr (data, 0, n) != NULL)
    return N_("a Windows program");
  if (has_magic (data, len, "\xff\xfb", 2, 0) || has_magic (data, len, "\xff\xf3", 2, 0))
    return N_("an MP3 audio file");

  for (i = 0; i < G_N_ELEMENTS (magics); i++)
    if (magics[i].what != NULL
        && has_magic (data, len, magics[i].magic, magics[i].len, magics[i].offset))
      return magics[i].what;

  /* NUL bytes mean binary data (UTF-16 and UTF-32 are handled before) */
  if (memchr (data, 0, n) != NULL)
    return "binary data";

  /* many control characters other than white space */
  {
    guint controls = 0;

    for (i = 0; i < n; i++)
      if (data[i] < 0x20 && data[i] != '\n' && data[i] != '\r' && data[i] != '\t'
          && data[i] != '\f' && data[i] != 0x1b)
        controls++;
    if (n >= 32 && controls * 10 > n)
      return "binary data";
  }
  return NULL;
}

/* UTF-16 without a BOM: text has NUL high bytes for every ASCII space,
 * digit and punctuation mark (all of them for Latin text), always in the
 * same half of each pair; the other half is almost never NUL. */
static const char *
sniff_utf16 (const guchar *data,
             gsize         len)
{
  gsize n = MIN (len, 1024) & ~(gsize) 1;
  guint even = 0, odd = 0;
  gsize i;

  if (n < 16)
    return NULL;
  for (i = 0; i < n; i += 2)
    {
      if (data[i] == 0)
        even++;
      if (data[i + 1] == 0)
        odd++;
    }
  if (odd * 10 >= n / 2 && even * 100 <= n / 2)
    return "UTF-16LE";
  if (even * 10 >= n / 2 && odd * 100 <= n / 2)
    return "UTF-16BE";
  return NULL;
}

/* Counts well-formed multi-byte UTF-8 sequences and bytes that are not
 * part of one. */
static void
count_utf8 (const guchar *data,
            gsize         len,
            guint        *good,
            guint        *bad)
{
  const char *p = (const char *) data;
  const char *end = p + len;

  *good = *bad = 0;
  while (p < end)
    {
      const char *stop;

      if (g_utf8_validate_len (p, end - p, &stop))
        break;
      *bad += 1;
      p = stop + 1;
    }
  for (p = (const char *) data; p < end; p++)
    if (((guchar) *p & 0xC0) == 0xC0)
      *good += 1;
  *good = *good > *bad ? *good - *bad : 0;
}

/* <meta charset="…">, <meta http-equiv="Content-Type" content="…; charset=…">
 * or <?xml … encoding="…"?> in the first bytes. */
static char *
sniff_declared_charset (const guchar *data,
                        gsize         len)
{
  gsize n = MIN (len, 4096);
  g_autofree char *head = g_ascii_strdown ((const char *) data, n);
  const char *p;

  /* a NUL would cut the copy short; fine for a sniff */
  for (p = strstr (head, "charset"); p != NULL; p = strstr (p + 1, "charset"))
    {
      const char *v = p + strlen ("charset");
      gsize vl;

      while (*v == ' ')
        v++;
      if (*v != '=')
        continue;
      v++;
      while (*v == ' ' || *v == '"' || *v == '\'')
        v++;
      vl = strspn (v, "abcdefghijklmnopqrstuvwxyz0123456789-_:.");
      if (vl > 0 && vl < 40)
        return g_strndup (v, vl);
    }
  if (g_str_has_prefix (head, "<?xml") && (p = strstr (head, "encoding=")) != NULL
      && p < strstr (head, "?>"))
    {
      const char *v = p + strlen ("encoding=");
      gsize vl;

      if (*v == '"' || *v == '\'')
        v++;
      vl = strspn (v, "abcdefghijklmnopqrstuvwxyz0123456789-_:.");
      if (vl > 0 && vl < 40)
        return g_strndup (v, vl);
    }
  return NULL;
}

static char *
detect_with_uchardet (const guchar *data,
                      gsize         len)
{
  uchardet_t ud = uchardet_new ();
  const char *cs;
  char *result = NULL;

  if (uchardet_handle_data (ud, (const char *) data, MIN (len, 64 * 1024)) == 0)
    {
      uchardet_data_end (ud);
      cs = uchardet_get_charset (ud);
      if (cs != NULL && *cs != '\0')
        result = g_strdup (cs);
    }
  uchardet_delete (ud);
  return result;
}

/* Windows-1252 is what "ISO-8859-1" and "ASCII" labels mean in practice. */
static const char *
charset_alias (const char *cs)
{
  if (g_ascii_strcasecmp (cs, "iso-8859-1") == 0 || g_ascii_strcasecmp (cs, "latin1") == 0
      || g_ascii_strcasecmp (cs, "latin-1") == 0 || g_ascii_strcasecmp (cs, "us-ascii") == 0
      || g_ascii_strcasecmp (cs, "ascii") == 0 || g_ascii_strcasecmp (cs, "iso_8859-1") == 0)
    return "WINDOWS-1252";
  if (g_ascii_strcasecmp (cs, "x-mac-cyrillic") == 0)
    return "MAC-CYRILLIC";
  if (g_ascii_strcasecmp (cs, "utf8") == 0)
    return "UTF-8";
  return cs;
}

static char *
convert_to_utf8 (const guchar *data,
                 gsize         len,
                 const char   *charset,
                 gsize        *out_len)
{
  const char *cs = charset_alias (charset);
  char *out;
  GError *error = NULL;

  out = g_convert ((const char *) data, len, "UTF-8", cs, NULL, out_len, &error);
  if (out == NULL && g_ascii_strcasecmp (cs, "WINDOWS-1252") == 0)
    {
      /* bytes 0x81, 0x8D … are undefined in Windows-1252 */
      g_clear_error (&error);
      out = g_convert ((const char *) data, len, "UTF-8", "ISO-8859-1", NULL, out_len, &error);
    }
  if (out == NULL)
    {
      g_debug ("cannot convert from %s: %s", cs, error->message);
      g_clear_error (&error);
    }
  return out;
}

/* UTF-16 by hand: unpaired surrogates become U+FFFD instead of failing
 * the whole file as iconv would. */
static char *
utf16_to_utf8 (const guchar *data,
               gsize         len,
               gboolean      big_endian,
               gsize        *out_len)
{
  GString *out = g_string_sized_new (len + len / 2);
  gsize i;

  for (i = 0; i + 1 < len; i += 2)
    {
      gunichar u = big_endian ? (data[i] << 8 | data[i + 1]) : (data[i + 1] << 8 | data[i]);

      if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len)
        {
          gunichar lo = big_endian ? (data[i + 2] << 8 | data[i + 3]) : (data[i + 3] << 8 | data[i + 2]);

          if (lo >= 0xDC00 && lo <= 0xDFFF)
            {
              u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
              i += 2;
            }
          else
            u = 0xFFFD;
        }
      else if (u >= 0xD800 && u <= 0xDFFF)
        u = 0xFFFD;
      if (u == 0)
        continue;
      g_string_append_unichar (out, u);
    }
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Decodes @data to UTF-8.  Never fails except on UTF-16 that is broken
 * beyond repair: everything else ends in g_utf8_make_valid(). */
static char *
decode (const guchar *data,
        gsize         len,
        gsize        *out_len,
        const char   *filename,
        GError      **error)
{
  const char *bom_charset = NULL;
  gsize skip = 0;
  g_autofree char *declared = NULL;
  g_autofree char *detected = NULL;
  char *out;

  if (has_magic (data, len, "\xef\xbb\xbf", 3, 0))
    {
      bom_charset = "UTF-8";
      skip = 3;
    }
  else if (has_magic (data, len, "\xff\xfe\0\0", 4, 0))
    {
      bom_charset = "UTF-32LE";
      skip = 4;
    }
  else if (has_magic (data, len, "\0\0\xfe\xff", 4, 0))
    {
      bom_charset = "UTF-32BE";
      skip = 4;
    }
  else if (has_magic (data, len, "\xff\xfe", 2, 0))
    {
      bom_charset = "UTF-16LE";
      skip = 2;
    }
  else if (has_magic (data, len, "\xfe\xff", 2, 0))
    {
      bom_charset = "UTF-16BE";
      skip = 2;
    }
  else
    bom_charset = sniff_utf16 (data, len);

  data += skip;
  len -= skip;

  if (bom_charset != NULL && strcmp (bom_charset, "UTF-8") != 0)
    {
      gsize even = len & ~(gsize) (g_str_has_prefix (bom_charset, "UTF-32") ? 3 : 1);

      if (g_str_has_prefix (bom_charset, "UTF-16"))
        out = utf16_to_utf8 (data, even, strcmp (bom_charset, "UTF-16BE") == 0, out_len);
      else
        out = convert_to_utf8 (data, even, bom_charset, out_len);
      if (out == NULL)
        {
          g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                       _("“%s” says it is %s but is not valid %s"), filename, bom_charset, bom_charset);
          return NULL;
        }
      return out;
    }

  /* valid UTF-8 (pure ASCII included) is UTF-8, whatever a stale meta
   * tag claims: legacy 8-bit text is practically never valid UTF-8 */
  if (g_utf8_validate_len ((const char *) data, len, NULL))
    {
      *out_len = len;
      return g_strndup ((const char *) data, len);
    }

  if (bom_charset == NULL)
    {
      guint good, bad;

      /* UTF-8 with a few broken bytes (a truncated copy, a bad join) */
      count_utf8 (data, len, &good, &bad);
      if (good >= 4 * bad)
        {
          out = g_utf8_make_valid ((const char *) data, len);
          *out_len = strlen (out);
          return out;
        }

      declared = sniff_declared_charset (data, len);
      if (declared != NULL && g_ascii_strcasecmp (declared, "utf-8") != 0
          && g_ascii_strcasecmp (declared, "utf8") != 0)
        {
          out = convert_to_utf8 (data, len, declared, out_len);
          if (out != NULL)
            return out;
        }

      detected = detect_with_uchardet (data, len);
      if (detected != NULL && g_ascii_strcasecmp (detected, "UTF-8") != 0
          && g_ascii_strcasecmp (detected, "ASCII") != 0)
        {
          out = convert_to_utf8 (data, len, detected, out_len);
          if (out != NULL)
            return out;
        }
      /* mostly-UTF-8 with a few bad bytes is repaired below; otherwise
       * Windows-1252 is the likeliest single-byte code page */
      if (detected == NULL || g_ascii_strcasecmp (detected, "UTF-8") != 0)
        {
          out = convert_to_utf8 (data, len, "WINDOWS-1252", out_len);
          if (out != NULL)
            return out;
        }
    }

  out = g_utf8_make_valid ((const char *) data, len);
  *out_len = strlen (out);
  return out;
}

static gboolean
has_extension (const char *filename,
               const char *const *exts)
{
  const char *dot;

  if (filename == NULL)
    return FALSE;
  dot = strrchr (filename, '.');
  if (dot == NULL || strchr (dot, '/') != NULL)
    return FALSE;
  for (; *exts; exts++)
    if (g_ascii_strcasecmp (dot + 1, *exts) == 0)
      return TRUE;
  return FALSE;
}

static Kind
sniff_kind (const char *text,
            gsize       len,
            const char *filename)
{
  static const char *const html_exts[] = { "html", "htm", "xhtml", "shtml", "xht", "php", "asp", "aspx", NULL };
  static const char *const md_exts[] = { "md", "markdown", "mdown", "mkd", "mkdn", "mdwn", NULL };
  gsize n = MIN (len, 2048);
  g_autofree char *head = NULL;
  const char *p;
  guint tags = 0;

  p = text;
  while (p < text + n && g_ascii_isspace (*p))
    p++;
  head = g_ascii_strdown (p, MIN (n - (p - text), 1024));

  if (g_str_has_prefix (head, "<!doctype html") || g_str_has_prefix (head, "<html")
      || g_str_has_prefix (head, "<head") || g_str_has_prefix (head, "<body")
      || (g_str_has_prefix (head, "<?xml") && strstr (head, "<html") != NULL)
      || (g_str_has_prefix (head, "<!--") && strstr (head, "<html") != NULL))
    return KIND_HTML;

  if (has_extension (filename, md_exts))
    return KIND_MARKDOWN;

  /* count tags that only HTML has */
  for (p = strchr (head, '<'); p != NULL; p = strchr (p + 1, '<'))
    if (g_str_has_prefix (p, "<p>") || g_str_has_prefix (p, "<p ") || g_str_has_prefix (p, "<div")
        || g_str_has_prefix (p, "<meta") || g_str_has_prefix (p, "<title") || g_str_has_prefix (p, "<br")
        || g_str_has_prefix (p, "<a href") || g_str_has_prefix (p, "<article") || g_str_has_prefix (p, "<span")
        || g_str_has_prefix (p, "<h1") || g_str_has_prefix (p, "<script") || g_str_has_prefix (p, "<table"))
      tags++;
  if (has_extension (filename, html_exts))
    return tags > 0 || strchr (head, '<') != NULL ? KIND_HTML : KIND_TEXT;
  if (tags >= 3)
    return KIND_HTML;

  /* Markdown without the extension: front matter, or a "# " headline */
  if (g_str_has_prefix (head, "---\n") || g_str_has_prefix (head, "---\r\n"))
    {
      const char *close = strstr (head + 4, "\n---");

      if (close != NULL && strstr (head, "title:") != NULL && strstr (head, "title:") < close)
        return KIND_MARKDOWN;
    }
  if (head[0] == '#' && (head[1] == ' ' || (head[1] == '#' && head[2] == ' ')))
    return KIND_MARKDOWN;

  return KIND_TEXT;
}

/* Public API */

DossierExtracted *
dossier_extract_bytes (GBytes      *bytes,
                       const char  *filename,
                       GError     **error)
{
  const guchar *data;
  gsize len;
  const char *binary;
  g_autofree char *text = NULL;
  gsize text_len = 0;
  const char *name = filename ? filename : "(unnamed)";
  DossierExtracted *result = NULL;
  Kind kind;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &len);
  if (len == 0 || data == NULL)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty"), name);
      return NULL;
    }
  if (len > DOSSIER_IMPORT_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (DOSSIER_IMPORT_MAX_SIZE);
      g_autofree char *size = g_format_size (len);

      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to import (%s; the limit is %s)"), name, size, limit);
      return NULL;
    }

  /* BOMs and BOM-less UTF-16 first: they contain NUL bytes */
  if (!(has_magic (data, len, "\xff\xfe", 2, 0) || has_magic (data, len, "\xfe\xff", 2, 0)
        || has_magic (data, len, "\0\0\xfe\xff", 4, 0) || sniff_utf16 (data, len) != NULL))
    {
      binary = sniff_binary (data, len);
      if (binary != NULL)
        {
          g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_BINARY,
                       _("“%s” is %s, not an article"), name, _(binary));
          return NULL;
        }
    }

  text = decode (data, len, &text_len, name, error);
  if (text == NULL)
    return NULL;

  /* a text that is only white space */
  {
    const char *p = text;

    while (*p && (g_ascii_isspace (*p) || strncmp (p, "\xc2\xa0", 2) == 0))
      p += *p == '\xc2' ? 2 : 1;
    if (*p == '\0')
      {
        g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                     _("“%s” contains only white space"), name);
        return NULL;
      }
  }

  kind = sniff_kind (text, text_len, filename);
  switch (kind)
    {
    case KIND_HTML:
      result = dossier_html_extract (text, text_len, name, error);
      break;
    case KIND_MARKDOWN:
      result = dossier_markdown_extract (text, text_len, name, error);
      break;
    case KIND_TEXT:
    default:
      result = dossier_text_extract (text, text_len, name, error);
      break;
    }
  return result;
}

DossierExtracted *
dossier_extract_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length = 0;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_path (file);
  if (name == NULL)
    name = g_file_get_uri (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }

  switch (g_file_info_get_file_type (info))
    {
    case G_FILE_TYPE_REGULAR:
      break;
    case G_FILE_TYPE_DIRECTORY:
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                   _("“%s” is a folder, not a file"), name);
      return NULL;
    default:
      /* FIFOs, devices and sockets would block or never end */
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                   _("“%s” is not a regular file"), name);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size > DOSSIER_IMPORT_MAX_SIZE)
    {
      g_autofree char *limit = g_format_size (DOSSIER_IMPORT_MAX_SIZE);
      g_autofree char *pretty = g_format_size (size);

      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("“%s” is too large to import (%s; the limit is %s)"), name, pretty, limit);
      return NULL;
    }
  if (size == 0)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes)"), name);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_IO,
                   _("Cannot read “%s”: %s"), name, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (contents, length);
  return dossier_extract_bytes (bytes, name, error);
}

static inline gboolean
is_fold_space (gunichar c)
{
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F
         || c == 0x205F || c == 0x3000 || c == 0x85 || c == '\t' || c == '\v' || c == '\f';
}

char *
dossier_text_normalize (const char *utf8,
                        gssize      len)
{
  g_autofree char *valid = NULL;
  g_autofree char *nfc = NULL;
  const char *src;
  const char *p, *end;
  GString *out;
  gboolean ascii = TRUE;
  gboolean pending_space = FALSE;
  guint pending_newlines = 0;
  gsize n;

  if (utf8 == NULL)
    return g_strdup ("");
  if (len < 0)
    len = strlen (utf8);

  if (!g_utf8_validate_len (utf8, len, NULL))
    {
      valid = g_utf8_make_valid (utf8, len);
      utf8 = valid;
      len = strlen (valid);
    }
  for (n = 0; n < (gsize) len; n++)
    if ((guchar) utf8[n] >= 0x80)
      {
        ascii = FALSE;
        break;
      }
  src = utf8;
  if (!ascii)
    {
      nfc = g_utf8_normalize (utf8, len, G_NORMALIZE_DEFAULT_COMPOSE);
      if (nfc != NULL)
        {
          src = nfc;
          len = strlen (nfc);
        }
    }

  out = g_string_sized_new (len + 1);
  end = src + len;
  for (p = src; p < end; )
    {
      guchar c = (guchar) *p;
      gunichar u;
      const char *next;

      if (c > ' ' && c < 0x7F)
        {
          /* a run of printable ASCII is copied whole */
          const char *q = p + 1;

          while (q < end && (guchar) *q > ' ' && (guchar) *q < 0x7F)
            q++;
          if (pending_newlines > 0)
            {
              g_string_append (out, pending_newlines > 1 ? "\n\n" : "\n");
              pending_newlines = 0;
            }
          else if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_len (out, p, q - p);
          p = q;
          continue;
        }
      if (c < 0x80)
        {
          u = c;
          next = p + 1;
        }
      else
        {
          u = g_utf8_get_char (p);
          next = g_utf8_next_char (p);
        }

      if (u == '\r')
        {
          /* \r\n or a lone \r: one line break */
          if (next < end && *next == '\n')
            next++;
          u = '\n';
        }
      if (u == '\n' || u == 0x2028 || u == 0x2029)
        {
          pending_space = FALSE;
          if (out->len > 0)
            pending_newlines += u == 0x2029 ? 2 : 1;
        }
      else if (u == ' ' || is_fold_space (u))
        pending_space = TRUE;
      else if (u < 0x20 || u == 0x7F || (u >= 0x80 && u < 0xA0) || u == 0x200B
               || u == 0xFEFF || u == 0x2060 || u == 0xAD)
        ; /* control and invisible characters */
      else
        {
          if (pending_newlines > 0)
            {
              g_string_append (out, pending_newlines > 1 ? "\n\n" : "\n");
              pending_newlines = 0;
              pending_space = FALSE;
            }
          else if (pending_space && out->len > 0)
            g_string_append_c (out, ' ');
          pending_space = FALSE;
          g_string_append_len (out, p, next - p);
        }
      p = next;
    }
  return g_string_free (out, FALSE);
}
