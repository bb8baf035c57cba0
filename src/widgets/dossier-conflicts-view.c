/* dossier-conflicts-view.c — a team library's conflicts, each with both
 * versions side by side, to keep one or both
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each conflict is a card: what it is about, this library's version on
 * the left and the team's on the right (each with who made it), and the
 * buttons that resolve it.  Keep Both is there for notes only: the other
 * kinds are one value.  The list is read again after each resolution and
 * whenever the window asks (after a sync).
 */
#define G_LOG_DOMAIN "dossier-conflicts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-conflicts-view.h"
#include "dossier-team-account.h"
#include "dossier-member-color.h"

struct _DossierConflictsView
{
  AdwBin          parent_instance;

  DossierLibrary *library;
  GCancellable   *cancellable;
  GPtrArray      *conflicts;   /* (element-type DossierTeamConflict), NULL before the first read */
  char           *member;
  guint           reading;
  gboolean        resolving;

  /* Template widgets */
  GtkWidget      *stack;
  GtkWidget      *list;
};

G_DEFINE_FINAL_TYPE (DossierConflictsView, dossier_conflicts_view, ADW_TYPE_BIN)

enum { PROP_0, PROP_N_CONFLICTS, N_PROPS };
static GParamSpec *properties[N_PROPS];

static char *
describe (const DossierTeamConflict *c)
{
  if (g_strcmp0 (c->kind, "annotation") == 0)
    return g_strdup (_("A note"));
  if (g_strcmp0 (c->kind, "saved-search") == 0)
    return g_strdup (_("A saved search"));
  if (g_strcmp0 (c->kind, "person-name") == 0)
    return g_strdup (_("A person’s name"));
  if (g_strcmp0 (c->kind, "article-field") == 0 && g_strcmp0 (c->field, "deleted") == 0)
    return g_strdup (_("Whether the article is deleted"));
  if (g_strcmp0 (c->kind, "article-field") == 0)
    /* TRANSLATORS: %s is a field of an article, such as "title" or "byline" */
    return g_strdup_printf (_("The article’s %s"), c->field);
  return g_strdup (c->kind);
}

/* One version: over it, who made it (a dot of their colour before the
 * heading, as beside their notes), then its text. */
static GtkWidget *
make_side (const char *heading,
           const char *author,
           const char *text,
           const char *empty)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title = gtk_label_new (heading);
  GtkWidget *body = gtk_label_new (text != NULL ? text : empty);

  gtk_widget_set_hexpand (box, TRUE);
  if (author != NULL)
    {
      GtkWidget *chip = dossier_member_chip_new (author);

      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (head), chip);
    }
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (head), title);
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_yalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  if (text == NULL)
    gtk_widget_add_css_class (body, "dim-label");
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), body);
  g_object_set_data (G_OBJECT (box), "dossier-heading", title);
  g_object_set_data (G_OBJECT (box), "dossier-text", body);
  return box;
}

static void on_resolve_clicked_cb (GtkButton *button, DossierConflictsView *self);

static GtkWidget *
make_button (DossierConflictsView *self,
             const char           *label,
             const char           *keep,
             guint                 index)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data (G_OBJECT (button), "dossier-keep", (gpointer) keep);
  g_object_set_data (G_OBJECT (button), "dossier-index", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_resolve_clicked_cb), self);
  return button;
}

static GtkWidget *
make_card (DossierConflictsView      *self,
           const DossierTeamConflict *c,
           guint                      index)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *sides = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *what = describe (c);
  GtkWidget *title = gtk_label_new (what);
  g_autoptr(GDateTime) at = g_date_time_new_from_unix_local (c->at / G_USEC_PER_SEC);
  g_autofree char *when = at ? g_date_time_format (at, "%x %H:%M") : g_strdup ("");
  g_autofree char *mine_heading = NULL;
  g_autofree char *theirs_heading = NULL;
  GtkWidget *mine, *theirs;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "team-conflict");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "title-4");
  gtk_box_append (GTK_BOX (card), title);

  /* TRANSLATORS: over this library's version: "Mine (ana)" */
  mine_heading = self->member != NULL ? g_strdup_printf (_("Mine (%s)"), self->member) : g_strdup (_("Mine"));
  /* TRANSLATORS: over the team's version: "Theirs (ben, 05/12/2026 09:12)" */
  theirs_heading = g_strdup_printf (_("Theirs (%s, %s)"), c->author != NULL ? c->author : _("unknown"), when);
  gtk_box_set_homogeneous (GTK_BOX (sides), TRUE);
  mine = make_side (mine_heading, self->member, c->mine, _("Deleted here"));
  theirs = make_side (theirs_heading, c->author, c->theirs, _("Deleted or refused by the team"));
  gtk_widget_set_name (mine, "mine");
  gtk_widget_set_name (theirs, "theirs");
  gtk_box_append (GTK_BOX (sides), mine);
  gtk_box_append (GTK_BOX (sides), theirs);
  gtk_box_append (GTK_BOX (card), sides);

  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), make_button (self, _("Keep _Mine"), "mine", index));
  gtk_box_append (GTK_BOX (buttons), make_button (self, _("Keep _Theirs"), "theirs", index));
  if (g_strcmp0 (c->kind, "annotation") == 0 && c->mine != NULL && c->theirs != NULL)
    gtk_box_append (GTK_BOX (buttons), make_button (self, _("Keep _Both"), "both", index));
  gtk_box_append (GTK_BOX (card), buttons);

  for (GtkWidget *w = gtk_widget_get_first_child (card); w; w = gtk_widget_get_next_sibling (w))
    {
      gtk_widget_set_margin_start (w, 12);
      gtk_widget_set_margin_end (w, 12);
    }
  gtk_widget_set_margin_top (title, 12);
  gtk_widget_set_margin_bottom (buttons, 12);
  return card;
}

static void
show_conflicts (DossierConflictsView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_box_remove (GTK_BOX (self->list), child);
  for (guint i = 0; self->conflicts != NULL && i < self->conflicts->len; i++)
    gtk_box_append (GTK_BOX (self->list), make_card (self, self->conflicts->pdata[i], i));
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    self->conflicts != NULL && self->conflicts->len > 0 ? "list" : "none");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(DossierConflictsView) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *list = dossier_team_list_conflicts_finish (DOSSIER_LIBRARY (source), result, &error);

  self->reading--;
  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the conflicts: %s", error->message);
      return;
    }
  /* only the last of reads that overlap is shown */
  if (self->reading > 0)
    {
      g_ptr_array_unref (list);
      return;
    }
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = list;
  self->resolving = FALSE;
  gtk_widget_set_sensitive (self->list, TRUE);
  show_conflicts (self);
}

static void
on_resolved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierConflictsView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_team_resolve_finish (DOSSIER_LIBRARY (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not resolve the conflict: %s", error->message);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    dossier_conflicts_view_reload (self);
}

static void
on_resolve_clicked_cb (GtkButton            *button,
                       DossierConflictsView *self)
{
  dossier_conflicts_view_resolve (self,
                                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "dossier-index")),
                                  g_object_get_data (G_OBJECT (button), "dossier-keep"));
}

static void
dossier_conflicts_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierConflictsView *self = DOSSIER_CONFLICTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_N_CONFLICTS:
      g_value_set_int (value, dossier_conflicts_view_get_n_conflicts (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_conflicts_view_dispose (GObject *object)
{
  DossierConflictsView *self = DOSSIER_CONFLICTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->library);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  G_OBJECT_CLASS (dossier_conflicts_view_parent_class)->dispose (object);
}

static void
dossier_conflicts_view_finalize (GObject *object)
{
  DossierConflictsView *self = DOSSIER_CONFLICTS_VIEW (object);

  g_clear_object (&self->cancellable);
  g_free (self->member);
  G_OBJECT_CLASS (dossier_conflicts_view_parent_class)->finalize (object);
}

static void
dossier_conflicts_view_class_init (DossierConflictsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_conflicts_view_get_property;
  object_class->dispose = dossier_conflicts_view_dispose;
  object_class->finalize = dossier_conflicts_view_finalize;

  properties[PROP_N_CONFLICTS] = g_param_spec_int ("n-conflicts", NULL, NULL, -1, G_MAXINT, -1,
                                                   G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossierapp/Dossier/ui/dossier-conflicts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierConflictsView, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierConflictsView, list);
  gtk_widget_class_set_css_name (widget_class, "conflictsview");
}

static void
dossier_conflicts_view_init (DossierConflictsView *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_conflicts_view_new (DossierLibrary *library)
{
  DossierConflictsView *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  self = g_object_new (DOSSIER_TYPE_CONFLICTS_VIEW, NULL);
  self->library = g_object_ref (library);
  return GTK_WIDGET (self);
}

void
dossier_conflicts_view_reload (DossierConflictsView *self)
{
  g_return_if_fail (DOSSIER_IS_CONFLICTS_VIEW (self));
  self->reading++;
  dossier_team_list_conflicts_async (self->library, self->cancellable, on_listed_cb, g_object_ref (self));
}

int
dossier_conflicts_view_get_n_conflicts (DossierConflictsView *self)
{
  g_return_val_if_fail (DOSSIER_IS_CONFLICTS_VIEW (self), -1);
  return self->conflicts != NULL ? (int) self->conflicts->len : -1;
}

void
dossier_conflicts_view_set_member (DossierConflictsView *self,
                                   const char           *member)
{
  g_return_if_fail (DOSSIER_IS_CONFLICTS_VIEW (self));
  if (g_strcmp0 (self->member, member) == 0)
    return;
  g_free (self->member);
  self->member = g_strdup (member);
  if (self->conflicts != NULL)
    show_conflicts (self);
}

void
dossier_conflicts_view_resolve (DossierConflictsView *self,
                                guint                 index,
                                const char           *keep)
{
  DossierTeamConflict *c;

  g_return_if_fail (DOSSIER_IS_CONFLICTS_VIEW (self));
  g_return_if_fail (self->conflicts != NULL && index < self->conflicts->len);
  if (self->resolving)
    return;
  c = self->conflicts->pdata[index];
  /* one at a time: the list read after it tells what is left */
  gtk_widget_set_sensitive (self->list, FALSE);
  self->resolving = TRUE;
  dossier_team_resolve_async (self->library, c->id, keep, self->cancellable,
                              on_resolved_cb, g_object_ref (self));
}

/* the box of the @index-th conflict's @side ("mine", "theirs") */
static GtkWidget *
find_side (DossierConflictsView *self,
           guint                 index,
           const char           *side)
{
  GtkWidget *card = gtk_widget_get_first_child (self->list);
  GtkWidget *sides;

  for (guint i = 0; card != NULL && i < index; i++)
    card = gtk_widget_get_next_sibling (card);
  if (card == NULL)
    return NULL;
  sides = gtk_widget_get_next_sibling (gtk_widget_get_first_child (card));
  for (GtkWidget *w = gtk_widget_get_first_child (sides); w; w = gtk_widget_get_next_sibling (w))
    if (g_strcmp0 (gtk_widget_get_name (w), side) == 0)
      return w;
  return NULL;
}

char *
dossier_conflicts_view_get_text (DossierConflictsView *self,
                                 guint                 index,
                                 const char           *side)
{
  GtkWidget *w;

  g_return_val_if_fail (DOSSIER_IS_CONFLICTS_VIEW (self), NULL);
  if ((w = find_side (self, index, side)) == NULL)
    return NULL;
  return g_strdup_printf ("%s\n%s",
                          gtk_label_get_text (GTK_LABEL (g_object_get_data (G_OBJECT (w), "dossier-heading"))),
                          gtk_label_get_text (GTK_LABEL (g_object_get_data (G_OBJECT (w), "dossier-text"))));
}

GtkWidget *
dossier_conflicts_view_get_author_chip (DossierConflictsView *self,
                                        guint                 index,
                                        const char           *side)
{
  GtkWidget *w;
  GtkWidget *first;

  g_return_val_if_fail (DOSSIER_IS_CONFLICTS_VIEW (self), NULL);
  if ((w = find_side (self, index, side)) == NULL)
    return NULL;
  first = gtk_widget_get_first_child (gtk_widget_get_first_child (w));
  return gtk_widget_has_css_class (first, "member-chip") ? first : NULL;
}
