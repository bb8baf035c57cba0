/* dossier-article-row.c — one row of the article list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-article-row"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-article-row.h"

struct _DossierArticleRow
{
  GtkWidget       parent_instance;

  DossierArticle *article;
  GSignalGroup   *signals;

  /* Template widgets */
  GtkLabel       *title_label;
  GtkLabel       *source_label;
  GtkLabel       *date_label;
  GtkWidget      *notes_box;
  GtkLabel       *notes_label;
  GtkLabel       *snippet_label;
  GtkWidget      *unread_dot;
};

G_DEFINE_FINAL_TYPE (DossierArticleRow, dossier_article_row, GTK_TYPE_WIDGET)

char *
dossier_format_date (const DossierDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  if (date == NULL || date->precision == DOSSIER_DATE_PRECISION_UNKNOWN)
    return g_strdup (_("Undated"));
  dt = g_date_time_new_utc (date->year, MAX (date->month, 1), MAX (date->day, 1), 0, 0, 0);
  if (dt == NULL)
    return g_strdup (_("Undated"));
  switch (date->precision)
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%d", date->year);
    case DOSSIER_DATE_PRECISION_MONTH:
      /* TRANSLATORS: a month and year, as in "Apr 2013"; see strftime(3) */
      return g_date_time_format (dt, _("%b %Y"));
    case DOSSIER_DATE_PRECISION_DAY:
    default:
      /* TRANSLATORS: a day, as in "15 Apr 2013"; see strftime(3) */
      return g_date_time_format (dt, _("%-d %b %Y"));
    }
}

/* "Fri 4 Jul 2014", "Jul 2014" or "2014" */
char *
dossier_format_suggested_date (const DossierDate *date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_utc (date->year, MAX (date->month, 1), MAX (date->day, 1),
                                                 0, 0, 0);

  if (dt == NULL)
    return g_strdup ("?");
  switch (date->precision)
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      return g_strdup_printf ("%d", date->year);
    case DOSSIER_DATE_PRECISION_MONTH:
      return g_date_time_format (dt, _("%b %Y"));
    case DOSSIER_DATE_PRECISION_DAY:
    default:
      /* TRANSLATORS: a suggested day, as in "Fri 4 Jul 2014"; see strftime(3) */
      return g_date_time_format (dt, _("%a %-d %b %Y"));
    }
}

/* A note's tags are indexed as their JSON list, ["claim","quote"]: in a
 * snippet they read as #claim #quote.  A list the snippet cut short, or
 * one with escapes, stays as it is. */
static gboolean
append_tag_list (GString     *out,
                 const char  *p,
                 const char **end)
{
  g_autoptr(GString) tags = g_string_new (NULL);

  if (*p != '[')
    return FALSE;
  p++;
  while (*p == '"')
    {
      const char *close = p + 1;

      while (*close != '\0' && *close != '"' && *close != '\\' && *close != '\n')
        close++;
      if (*close != '"')
        return FALSE;
      if (tags->len > 0)
        g_string_append_c (tags, ' ');
      g_string_append_c (tags, '#');
      g_string_append_len (tags, p + 1, close - p - 1);
      p = close + 1;
      if (*p == ',')
        p++;
      else
        break;
    }
  if (*p != ']')
    return FALSE;
  g_string_append (out, tags->str);
  *end = p + 1;
  return TRUE;
}

/* A snippet may span paragraphs: in a row it is one run of text. */
static char *
join_paragraphs (const char *snippet)
{
  GString *out = g_string_new (NULL);

  for (const char *p = snippet; p && *p; p++)
    {
      if (*p == '\n' || *p == '\r')
        {
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          while (p[1] == '\n' || p[1] == '\r' || p[1] == ' ')
            p++;
          g_string_append_c (out, ' ');
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static char *
tidy_tag_lists (const char *text)
{
  GString *out = g_string_new (NULL);
  g_autofree char *snippet = join_paragraphs (text);
  const char *p = snippet;

  while (p && *p)
    {
      const char *bracket = strchr (p, '[');
      const char *end;

      if (bracket == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, bracket - p);
      if ((bracket[1] == '"' || bracket[1] == ']') && append_tag_list (out, bracket, &end))
        p = end;
      else
        {
          g_string_append_c (out, '[');
          p = bracket + 1;
        }
    }
  return g_string_free (out, FALSE);
}

char *
dossier_snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *tidy = tidy_tag_lists (snippet);
  const char *p = tidy;

  while (p && *p)
    {
      const char *mark = strpbrk (p, "\001\002");
      g_autofree char *escaped = g_markup_escape_text (p, mark ? mark - p : -1);

      g_string_append (out, escaped);
      if (mark == NULL)
        break;
      g_string_append (out, *mark == '\001' ? "<b>" : "</b>");
      p = mark + 1;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
update (DossierArticleRow *self)
{
  DossierArticle *a = self->article;
  g_autofree char *date = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *accessible = NULL;
  const char *title;
  const char *source;
  guint n;

  if (a == NULL)
    return;

  title = dossier_article_get_title (a);
  source = dossier_article_get_source (a);
  n = dossier_article_get_annotation_count (a);
  date = dossier_format_date (dossier_article_get_published (a));

  /* a row whose page is still loading shows a quiet placeholder */
  gtk_label_set_label (self->title_label, title ? title : "");
  gtk_label_set_label (self->source_label, source ? source : (title ? _("Unknown source") : ""));
  gtk_label_set_label (self->date_label, title ? date : "");
  notes = g_strdup_printf ("%u", n);
  gtk_label_set_label (self->notes_label, notes);
  gtk_widget_set_visible (self->notes_box, n > 0);
  gtk_widget_set_tooltip_text (self->notes_box,
                               n ? (g_dngettext (NULL, "%u note", "%u notes", n)) : NULL);
  if (n)
    {
      g_autofree char *tip = g_strdup_printf (g_dngettext (NULL, "%u note", "%u notes", n), n);
      gtk_widget_set_tooltip_text (self->notes_box, tip);
    }

  if (dossier_article_get_snippet (a) != NULL)
    {
      snippet = dossier_snippet_to_markup (dossier_article_get_snippet (a));
      gtk_label_set_markup (self->snippet_label, snippet);
      gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), FALSE);

  /* unread: a dot before the title */
  gtk_widget_set_visible (self->unread_dot, title != NULL && !dossier_article_get_read (a));

  if (title != NULL)
    {
      g_autofree char *described = NULL;

      if (n > 0)
        accessible = g_strdup_printf (g_dngettext (NULL, "%s, %s, %s, %u note", "%s, %s, %s, %u notes", n),
                                      title, source ? source : _("Unknown source"), date, n);
      else
        accessible = g_strdup_printf ("%s, %s, %s", title, source ? source : _("Unknown source"), date);
      if (!dossier_article_get_read (a))
        /* TRANSLATORS: the accessible label of an unread article's row: "Unread, <title, source, date>" */
        described = g_strdup_printf (_("Unread, %s"), accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      described ? described : accessible, -1);
    }
}

static void
on_article_notify_cb (DossierArticleRow *self)
{
  update (self);
}

static void
dossier_article_row_dispose (GObject *object)
{
  GtkWidget *child;
  DossierArticleRow *self = DOSSIER_ARTICLE_ROW (object);

  g_clear_object (&self->signals);
  g_clear_object (&self->article);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_ARTICLE_ROW);
  /* children of the template that no field names */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_article_row_parent_class)->dispose (object);
}

static void
dossier_article_row_class_init (DossierArticleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_article_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-article-row.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, notes_box);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, notes_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, DossierArticleRow, unread_dot);
  gtk_widget_class_set_css_name (widget_class, "articlerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_article_row_init (DossierArticleRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->signals = g_signal_group_new (DOSSIER_TYPE_ARTICLE);
  g_signal_group_connect_swapped (self->signals, "notify", G_CALLBACK (on_article_notify_cb), self);
}

GtkWidget *
dossier_article_row_new (void)
{
  return g_object_new (DOSSIER_TYPE_ARTICLE_ROW, NULL);
}

DossierArticle *
dossier_article_row_get_article (DossierArticleRow *self)
{
  g_return_val_if_fail (DOSSIER_IS_ARTICLE_ROW (self), NULL);
  return self->article;
}

void
dossier_article_row_set_article (DossierArticleRow *self,
                                 DossierArticle    *article)
{
  g_return_if_fail (DOSSIER_IS_ARTICLE_ROW (self));

  if (!g_set_object (&self->article, article))
    return;
  g_signal_group_set_target (self->signals, article);
  update (self);
}
