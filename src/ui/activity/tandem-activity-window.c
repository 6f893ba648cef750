/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemActivityWindow"

#include "config.h"

#include <glib/gi18n.h>

#include "tandem-activity-window-private.h"
#include "tandem-date.h"
#include "tandem-error.h"
#include "tandem-store-campaigns.h"

/* What a save leads to. */
typedef enum
{
  THEN_NOTHING,
  THEN_CLOSE,
  THEN_ATTACH,
  THEN_SIMILAR,
  THEN_GO,
} SaveThen;

/* Which part of a repeating activity a save changes (D6). */
typedef enum
{
  SCOPE_ASK,
  SCOPE_SERIES,     /* not an occurrence: the activity itself */
  SCOPE_THIS,
  SCOPE_FOLLOWING,
  SCOPE_ALL,
} SaveScope;

typedef struct
{
  TandemActivityWindow *self;
  TandemActivity       *edited;
  SaveThen              then;
  SaveScope             scope;
  gboolean              outcome_asked;
  gboolean              revert_status;    /* put the status back if the user cancels */
  TandemStatus          previous_status;
} SaveRequest;

enum {
  SAVED,
  DELETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TandemActivityWindow, tandem_activity_window, ADW_TYPE_WINDOW)

static void load_activity (TandemActivityWindow *self,
                           TandemActivity       *activity);
static TandemActivity *collect (TandemActivityWindow *self,
                                gboolean              strict,
                                GError              **error);
static void start_save    (TandemActivityWindow *self,
                           SaveThen              then,
                           gboolean              revert_status,
                           TandemStatus          previous_status);

/* Helpers ------------------------------------------------------------------ */

static void
save_request_free (SaveRequest *req)
{
  g_clear_object (&req->self);
  g_clear_object (&req->edited);
  g_free (req);
}

static GTimeZone *
activity_zone (TandemActivity *activity)
{
  const char *tzid = tandem_activity_get_tzid (activity);
  GTimeZone *tz = NULL;

  if (tzid && *tzid)
    tz = g_time_zone_new_identifier (tzid);
  return tz ? tz : g_time_zone_new_local ();
}

static gboolean
ids_contain (const gint64 *ids,
             guint         n_ids,
             gint64        id)
{
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static void
append_ids (GString      *str,
            const gint64 *ids,
            guint         n_ids)
{
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (str, "%" G_GINT64_FORMAT ",", ids[i]);
  g_string_append_c (str, '|');
}

static void
append_time (GString   *str,
             GDateTime *dt)
{
  if (dt)
    g_string_append_printf (str, "%" G_GINT64_FORMAT "|", g_date_time_to_unix (dt));
  else
    g_string_append (str, "-|");
}

/* Everything the card edits, as one string, to tell whether anything
 * changed since the last load or save. */
static char *
fingerprint (TandemActivity *a)
{
  GString *str = g_string_new (NULL);
  const char *strings[] = {
    tandem_activity_get_title (a), tandem_activity_get_description (a),
    tandem_activity_get_details (a), tandem_activity_get_internal_notes (a),
    tandem_activity_get_reference (a), tandem_activity_get_link (a),
    tandem_activity_get_follow_up (a), tandem_activity_get_rrule (a),
    tandem_activity_get_campaign (a),
  };
  const TandemReminder *reminders;
  const gint64 *ids;
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_string_append_printf (str, "%s\x1f", strings[i] ? strings[i] : "");
  g_string_append_printf (str,
                          "%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                          "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT
                          "|%d|%d|%d|%d|%d|%d|%d|%d|%d|",
                          tandem_activity_get_category_id (a), tandem_activity_get_kind_id (a),
                          tandem_activity_get_type_id (a), tandem_activity_get_priority_id (a),
                          tandem_activity_get_goal_id (a), tandem_activity_get_company_id (a),
                          tandem_activity_get_project_id (a), tandem_activity_get_responsible_id (a),
                          tandem_activity_get_status (a), tandem_activity_get_outcome (a),
                          tandem_activity_get_direction (a), tandem_activity_get_public (a),
                          tandem_activity_get_open_ended (a), tandem_activity_get_all_day (a),
                          tandem_activity_get_busy (a), tandem_activity_get_needs_completing (a),
                          tandem_activity_get_visibility (a));
  ids = tandem_activity_get_property_ids (a, &n);
  append_ids (str, ids, n);
  ids = tandem_activity_get_person_ids (a, &n);
  append_ids (str, ids, n);
  ids = tandem_activity_get_performer_ids (a, &n);
  append_ids (str, ids, n);
  ids = tandem_activity_get_group_ids (a, &n);
  append_ids (str, ids, n);
  reminders = tandem_activity_get_reminders (a, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (str, "%d/%d,", reminders[i].minutes_before, reminders[i].channel);
  g_string_append_c (str, '|');
  append_time (str, tandem_activity_get_start (a));
  append_time (str, tandem_activity_get_end (a));
  return g_string_free (str, FALSE);
}

/* Copies what the card edits from @from to @to ("this and following",
 * "all"); the times and the rule are the caller's. */
static void
copy_edits (TandemActivity *from,
            TandemActivity *to)
{
  const TandemReminder *reminders;
  const gint64 *ids;
  guint n;

  tandem_activity_set_title (to, tandem_activity_get_title (from));
  tandem_activity_set_description (to, tandem_activity_get_description (from));
  tandem_activity_set_details (to, tandem_activity_get_details (from));
  tandem_activity_set_internal_notes (to, tandem_activity_get_internal_notes (from));
  tandem_activity_set_reference (to, tandem_activity_get_reference (from));
  tandem_activity_set_link (to, tandem_activity_get_link (from));
  tandem_activity_set_follow_up (to, tandem_activity_get_follow_up (from));
  tandem_activity_set_category_id (to, tandem_activity_get_category_id (from));
  tandem_activity_set_kind_id (to, tandem_activity_get_kind_id (from));
  tandem_activity_set_type_id (to, tandem_activity_get_type_id (from));
  tandem_activity_set_priority_id (to, tandem_activity_get_priority_id (from));
  tandem_activity_set_goal_id (to, tandem_activity_get_goal_id (from));
  ids = tandem_activity_get_property_ids (from, &n);
  tandem_activity_set_property_ids (to, ids, n);
  tandem_activity_set_status (to, tandem_activity_get_status (from));
  tandem_activity_set_outcome (to, tandem_activity_get_outcome (from));
  tandem_activity_set_direction (to, tandem_activity_get_direction (from));
  tandem_activity_set_company_id (to, tandem_activity_get_company_id (from));
  tandem_activity_set_project_id (to, tandem_activity_get_project_id (from));
  tandem_activity_set_campaign (to, tandem_activity_get_campaign (from));
  ids = tandem_activity_get_person_ids (from, &n);
  tandem_activity_set_person_ids (to, ids, n);
  tandem_activity_set_responsible_id (to, tandem_activity_get_responsible_id (from));
  ids = tandem_activity_get_performer_ids (from, &n);
  tandem_activity_set_performer_ids (to, ids, n);
  tandem_activity_set_public (to, tandem_activity_get_public (from));
  tandem_activity_set_busy (to, tandem_activity_get_busy (from));
  reminders = tandem_activity_get_reminders (from, &n);
  tandem_activity_set_reminders (to, reminders, n);
  tandem_activity_set_needs_completing (to, tandem_activity_get_needs_completing (from));
  tandem_activity_set_visibility (to, tandem_activity_get_visibility (from));
  ids = tandem_activity_get_group_ids (from, &n);
  tandem_activity_set_group_ids (to, ids, n);
}

static char *
editable_text (gpointer editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

static char *
text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text_view_text (GtkTextView *view,
                    const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static const char *
nonempty (const char *text)
{
  return text && *text ? text : NULL;
}

static const char *
or_empty (const char *text)
{
  return text ? text : "";
}

/* Term and user combos: a GtkStringList with "None" first and a parallel
 * array of ids. */
static void
fill_id_combo (AdwComboRow *row,
               GArray      *ids,
               const char  *none_label)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (ids, 0);
  gtk_string_list_append (model, none_label);
  g_array_append_val (ids, none);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  g_object_unref (model);
}

static void
append_id_combo (AdwComboRow *row,
                 GArray      *ids,
                 gint64       id,
                 const char  *name)
{
  gtk_string_list_append (GTK_STRING_LIST (adw_combo_row_get_model (row)), name);
  g_array_append_val (ids, id);
}

static void
select_id (AdwComboRow *row,
           GArray      *ids,
           gint64       id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
  adw_combo_row_set_selected (row, 0);
}

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ids->len)
    return 0;
  return g_array_index (ids, gint64, selected);
}

static GPtrArray *
fill_terms (TandemActivityWindow *self,
            AdwComboRow          *row,
            GArray               *ids,
            TandemTermSet         set,
            const char           *none_label)
{
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GError) error = NULL;

  fill_id_combo (row, ids, none_label);
  terms = tandem_store_list_terms (self->store, set, &error);
  if (terms == NULL)
    {
      tandem_activity_window_show_error (self, error->message);
      return g_ptr_array_new_with_free_func (g_object_unref);
    }
  for (guint i = 0; i < terms->len; i++)
    {
      TandemTerm *term = g_ptr_array_index (terms, i);

      append_id_combo (row, ids, tandem_term_get_id (term), tandem_term_get_name (term));
    }
  return g_steal_pointer (&terms);
}

static void
fill_enum_combo (AdwComboRow  *row,
                 const char  **labels,
                 guint         n_labels)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (model, labels[i]);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  g_object_unref (model);
}

static TandemTerm *
selected_category (TandemActivityWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->categories->len)
    return NULL;
  return g_ptr_array_index (self->categories, selected - 1);
}

static gboolean
is_saved (TandemActivityWindow *self)
{
  return tandem_record_get_id (TANDEM_RECORD (self->activity)) != 0;
}

static gint64
user_id (TandemActivityWindow *self)
{
  return self->user ? tandem_user_get_id (self->user) : 0;
}

/* Shows where the other parts of the card are: the toast overlay of the
 * parent window, if it has one. */
static AdwToastOverlay *
find_toast_overlay (GtkWidget *widget)
{
  if (widget == NULL)
    return NULL;
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *found = find_toast_overlay (child);

      if (found)
        return found;
    }
  return NULL;
}

static gboolean
destroy_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Closes once the dialog that may have asked is gone: destroying the card
 * inside a dialog's response would pull the dialog's parent from under it. */
static void
close_later (TandemActivityWindow *self)
{
  self->close_confirmed = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT, destroy_cb, g_object_ref (self), g_object_unref);
}

/* The form ----------------------------------------------------------------- */

static void
update_title (TandemActivityWindow *self)
{
  const char *title = tandem_activity_get_title (self->activity);
  const char *tracking = tandem_activity_get_tracking (self->activity);

  if (!is_saved (self) || !nonempty (title))
    title = _("New Activity");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, is_saved (self) && tracking ? tracking : "");
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
update_classification (TandemActivityWindow *self)
{
  TandemTerm *category = selected_category (self);
  gboolean free_choice = category == NULL || tandem_term_get_allow_choice (category);
  const char *why = free_choice ? NULL : _("Set by the category");

  gtk_widget_set_sensitive (GTK_WIDGET (self->kind_row), free_choice);
  gtk_widget_set_sensitive (GTK_WIDGET (self->type_row), free_choice);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), why ? why : "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->type_row), why ? why : "");
}

static void
update_link_rows (TandemActivityWindow *self)
{
  TandemKind kind = tandem_record_picker_get_kind (self->link_row);

  gtk_widget_set_visible (GTK_WIDGET (self->persons_row), kind == TANDEM_KIND_COMPANY);
  gtk_widget_set_visible (GTK_WIDGET (self->direction_row), kind != TANDEM_KIND_NONE);
  /* Only a company's own projects are offered; the row stays away while
   * it has none. */
  gtk_widget_set_visible (GTK_WIDGET (self->project_row),
                          kind == TANDEM_KIND_COMPANY && self->project_ids->len > 1);
}

static void
update_when_rows (TandemActivityWindow *self)
{
  gboolean open_ended = gtk_switch_get_active (self->open_ended_switch);
  gboolean all_day = gtk_switch_get_active (self->all_day_switch);

  gtk_widget_set_visible (GTK_WIDGET (self->all_day_row), !open_ended);
  gtk_widget_set_visible (GTK_WIDGET (self->start_row), !open_ended);
  gtk_widget_set_visible (GTK_WIDGET (self->end_row), !open_ended);
  gtk_widget_set_visible (GTK_WIDGET (self->busy_row), !open_ended);
  gtk_widget_set_visible (GTK_WIDGET (self->recurrence_editor), !open_ended);
  tandem_date_time_row_set_show_time (self->start_row, !all_day);
  tandem_date_time_row_set_show_time (self->end_row, !all_day);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->end_row),
                                 all_day ? _("Last day") : _("Ends"));
}

static gboolean
start_is_past (TandemActivityWindow *self)
{
  g_autoptr(GTimeZone) tz = activity_zone (self->activity);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (gtk_switch_get_active (self->open_ended_switch))
    return FALSE;
  start = tandem_date_time_row_dup_date_time (self->start_row, tz, NULL);
  return start && g_date_time_compare (start, now) < 0;
}

static void
update_status_rows (TandemActivityWindow *self)
{
  TandemStatus status = adw_combo_row_get_selected (self->status_row);
  gboolean has_goal = selected_id (self->goal_row, self->goal_ids) != 0;
  const char *note = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->outcome_row),
                          status == TANDEM_STATUS_COMPLETED &&
                          (has_goal || adw_combo_row_get_selected (self->outcome_row) != TANDEM_OUTCOME_NONE));

  /* D16: a new activity in the past is a record of what was done. */
  if (!is_saved (self) && start_is_past (self))
    {
      if (status == TANDEM_STATUS_COMPLETED)
        note = _("This is in the past: it is recorded as completed");
      else if (status == TANDEM_STATUS_CANCELLED)
        note = _("This is in the past: it is recorded as cancelled");
      else
        note = _("This is in the past: record it as completed or cancelled");
    }
  else if (self->recurrence_id != 0)
    note = _("Of this occurrence");
  adw_combo_row_set_use_subtitle (self->status_row, FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row), note ? note : "");
}

static void
update_visibility_rows (TandemActivityWindow *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->groups_row),
                          adw_combo_row_get_selected (self->visibility_row) == TANDEM_VISIBILITY_GROUPS);
}

static void
update_actions (TandemActivityWindow *self)
{
  gboolean saved = is_saved (self);
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "card.previous", self->previous_id != 0);
  gtk_widget_action_set_enabled (widget, "card.next", self->next_id != 0);
  gtk_widget_action_set_enabled (widget, "card.report", saved);
  gtk_widget_action_set_enabled (widget, "card.delete", saved);
  gtk_widget_action_set_enabled (widget, "card.cancel-activity",
                                 tandem_activity_get_status (self->activity) != TANDEM_STATUS_CANCELLED || !saved);
}

static void
update_neighbours (TandemActivityWindow *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_record_get_id (TANDEM_RECORD (self->activity));
  gint64 company_id = tandem_activity_get_company_id (self->activity);
  const gint64 *persons;
  guint n_persons;

  self->previous_id = self->next_id = 0;
  persons = tandem_activity_get_person_ids (self->activity, &n_persons);
  if (id == 0)
    return;
  if (company_id)
    list = tandem_store_list_activities_of (self->store, TANDEM_KIND_COMPANY, company_id, &error);
  else if (n_persons == 1)
    list = tandem_store_list_activities_of (self->store, TANDEM_KIND_PERSON, persons[0], &error);
  if (list == NULL)
    {
      if (error)
        g_warning ("Cannot list the activities beside %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }

  /* The list is latest first: the previous one is older, below it. */
  for (guint i = 0; i < list->len; i++)
    if (tandem_record_get_id (g_ptr_array_index (list, i)) == id)
      {
        if (i + 1 < list->len)
          self->previous_id = tandem_record_get_id (g_ptr_array_index (list, i + 1));
        if (i > 0)
          self->next_id = tandem_record_get_id (g_ptr_array_index (list, i - 1));
        break;
      }
}

static void
fill_persons (TandemActivityWindow *self,
              gint64                company_id,
              const gint64         *chosen,
              guint                 n_chosen)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  tandem_checklist_row_clear (self->persons_row);
  if (company_id == 0)
    return;
  people = tandem_store_list_people_of (self->store, company_id, &error);
  if (people == NULL)
    {
      tandem_activity_window_show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < people->len; i++)
    {
      TandemRecord *person = g_ptr_array_index (people, i);
      gint64 id = tandem_record_get_id (person);

      tandem_checklist_row_add (self->persons_row, id, tandem_record_get_title (person), NULL,
                                ids_contain (chosen, n_chosen, id));
    }
}

/* The projects and sales of @company_id the user may see (D2), with
 * @chosen selected; a chosen one the user may not see stays linked
 * unless the user picks another. */
static void
fill_projects (TandemActivityWindow *self,
               gint64                company_id,
               gint64                chosen)
{
  g_autoptr(GPtrArray) projects = NULL;
  g_autoptr(GError) error = NULL;
  TandemProjectQuery query = { 0 };
  gboolean was_loading = self->loading;

  self->loading = TRUE;
  fill_id_combo (self->project_row, self->project_ids, C_("project", "None"));
  self->project_hidden = FALSE;
  if (company_id != 0)
    {
      query.company_id = company_id;
      projects = tandem_store_list_projects (self->store, &query, &error);
      if (projects == NULL)
        g_debug ("Cannot read the projects of company %" G_GINT64_FORMAT ": %s", company_id, error->message);
    }
  for (guint i = 0; projects && i < projects->len; i++)
    {
      TandemProject *project = g_ptr_array_index (projects, i);

      append_id_combo (self->project_row, self->project_ids, tandem_record_get_id (TANDEM_RECORD (project)),
                       tandem_project_get_name (project));
    }
  select_id (self->project_row, self->project_ids, chosen);
  self->project_hidden = chosen != 0 && selected_id (self->project_row, self->project_ids) != chosen;
  self->loading = was_loading;
}

static void
fill_people_choices (TandemActivityWindow *self,
                     TandemActivity       *activity)
{
  g_autoptr(GPtrArray) users = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *performers;
  guint n_performers;
  gint64 responsible = tandem_activity_get_responsible_id (activity);

  performers = tandem_activity_get_performer_ids (activity, &n_performers);
  tandem_checklist_row_clear (self->performers_row);
  fill_id_combo (self->responsible_row, self->responsible_ids, C_("responsible person", "None"));

  users = tandem_store_list_users (self->store, &error);
  if (users == NULL)
    {
      tandem_activity_window_show_error (self, error->message);
      return;
    }
  for (guint i = 0; i < users->len; i++)
    {
      TandemUser *user = g_ptr_array_index (users, i);
      gint64 id = tandem_user_get_id (user);
      gboolean performs = ids_contain (performers, n_performers, id);

      /* Users who have left stay where they were chosen, and only there. */
      if (tandem_user_get_active (user) || performs)
        tandem_checklist_row_add (self->performers_row, id, tandem_user_get_name (user), NULL, performs);
      if (tandem_user_get_active (user) || responsible == id)
        append_id_combo (self->responsible_row, self->responsible_ids, id, tandem_user_get_name (user));
    }
  select_id (self->responsible_row, self->responsible_ids, responsible);
}

static char *
record_name (TandemActivityWindow *self,
             TandemKind            kind,
             gint64                id)
{
  g_autoptr(GError) error = NULL;

  if (kind == TANDEM_KIND_COMPANY)
    {
      g_autoptr(TandemCompany) company = tandem_store_get_company (self->store, id, &error);

      return company ? g_strdup (tandem_record_get_title (TANDEM_RECORD (company))) : NULL;
    }
  else
    {
      g_autoptr(TandemPerson) person = tandem_store_get_person (self->store, id, &error);

      return person ? g_strdup (tandem_record_get_title (TANDEM_RECORD (person))) : NULL;
    }
}

static void
load_link (TandemActivityWindow *self,
           TandemActivity       *activity)
{
  gint64 company_id = tandem_activity_get_company_id (activity);
  const gint64 *persons;
  guint n_persons;

  persons = tandem_activity_get_person_ids (activity, &n_persons);
  if (company_id)
    {
      g_autofree char *name = g_strdup (tandem_activity_get_company_name (activity));

      if (name == NULL)
        name = record_name (self, TANDEM_KIND_COMPANY, company_id);
      tandem_record_picker_set_record (self->link_row, TANDEM_KIND_COMPANY, company_id, name);
      fill_persons (self, company_id, persons, n_persons);
      fill_projects (self, company_id, tandem_activity_get_project_id (activity));
    }
  else if (n_persons > 0)
    {
      const char * const *names = tandem_activity_get_person_names (activity);
      g_autofree char *name = g_strdup (names && names[0] ? names[0] : NULL);

      if (name == NULL)
        name = record_name (self, TANDEM_KIND_PERSON, persons[0]);
      tandem_record_picker_set_record (self->link_row, TANDEM_KIND_PERSON, persons[0], name);
      fill_persons (self, 0, NULL, 0);
      fill_projects (self, 0, tandem_activity_get_project_id (activity));
    }
  else
    {
      tandem_record_picker_set_record (self->link_row, TANDEM_KIND_NONE, 0, NULL);
      fill_persons (self, 0, NULL, 0);
      fill_projects (self, 0, tandem_activity_get_project_id (activity));
    }
  self->project_touched = FALSE;
  update_link_rows (self);
}

static void
load_times (TandemActivityWindow *self,
            TandemActivity       *activity)
{
  GDateTime *start = tandem_activity_get_start (activity);
  GDateTime *end = tandem_activity_get_end (activity);
  gboolean all_day = tandem_activity_get_all_day (activity);
  g_autoptr(GDateTime) shown_start = NULL;
  g_autoptr(GDateTime) shown_end = NULL;
  g_autoptr(GTimeZone) tz = activity_zone (activity);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();

  gtk_switch_set_active (self->open_ended_switch, tandem_activity_get_open_ended (activity));
  gtk_switch_set_active (self->all_day_switch, all_day);
  gtk_switch_set_active (self->busy_switch, tandem_activity_get_busy (activity));

  if (start == NULL)
    {
      /* An open-ended one: offer the next full hour if it gets a date. */
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);

      shown_start = g_date_time_add_full (now, 0, 0, 0, 1, -g_date_time_get_minute (now),
                                          -g_date_time_get_seconds (now));
    }
  else
    shown_start = g_date_time_to_timezone (start, tz);
  if (end == NULL)
    shown_end = g_date_time_add_hours (shown_start, 1);
  else
    shown_end = g_date_time_to_timezone (end, tz);

  self->duration = g_date_time_difference (shown_end, shown_start);
  tandem_date_time_row_set_date_time (self->start_row, shown_start);
  if (all_day)
    {
      /* Stored as the midnight after the last day; shown as the last day,
       * and the length kept is from the first day to the last. */
      g_autoptr(GDateTime) last = g_date_time_add_days (shown_end, -1);

      if (g_date_time_compare (last, shown_start) < 0)
        {
          tandem_date_time_row_set_date_time (self->end_row, shown_start);
          self->duration = 0;
        }
      else
        {
          tandem_date_time_row_set_date_time (self->end_row, last);
          self->duration = g_date_time_difference (last, shown_start);
        }
      tandem_date_time_row_set_time (self->start_row, 9, 0);
      tandem_date_time_row_set_time (self->end_row, 10, 0);
    }
  else
    tandem_date_time_row_set_date_time (self->end_row, shown_end);

  tandem_recurrence_editor_set_start (self->recurrence_editor, shown_start);
  tandem_recurrence_editor_set_rrule (self->recurrence_editor, tandem_activity_get_rrule (activity));

  if (g_strcmp0 (g_time_zone_get_identifier (tz), g_time_zone_get_identifier (local)) != 0 &&
      tandem_activity_get_tzid (activity))
    {
      /* Translators: %s is a time zone name such as Europe/Warsaw */
      g_autofree char *note = g_strdup_printf (_("Times are in %s"), tandem_activity_get_tzid (activity));

      adw_preferences_group_set_description (self->when_group, note);
    }
  else
    adw_preferences_group_set_description (self->when_group, NULL);
}

/* E2: who changed who may see the activity, when, from what to what.
 * The store gives nothing for an activity the user may not see. */
static void
load_history (TandemActivityWindow *self,
              TandemActivity       *activity)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = tandem_record_get_id (TANDEM_RECORD (activity));

  for (guint i = 0; i < self->history_rows->len; i++)
    adw_expander_row_remove (self->history_row, g_ptr_array_index (self->history_rows, i));
  g_ptr_array_set_size (self->history_rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), FALSE);

  if (id == 0)
    return;
  changes = tandem_store_list_visibility_changes (self->store, TANDEM_KIND_ACTIVITY, id, &error);
  if (changes == NULL)
    {
      g_debug ("Cannot read the visibility history: %s", error->message);
      return;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      TandemVisibilityChange *change = g_ptr_array_index (changes, i);
      g_autofree char *from = tandem_visibility_describe (tandem_visibility_change_get_old_visibility (change),
                                                          tandem_visibility_change_get_old_groups (change));
      g_autofree char *to = tandem_visibility_describe (tandem_visibility_change_get_new_visibility (change),
                                                        tandem_visibility_change_get_new_groups (change));
      g_autofree char *when = tandem_date_format_time (tandem_visibility_change_get_changed_at (change));
      /* Translators: a change of who may see an activity: "Private → Chosen groups: Sales team" */
      g_autofree char *title = g_strdup_printf (_("%s → %s"), from, to);
      /* Translators: who changed it and when: "Bob Seller · 15 Dec 2026, 14:05" */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), tandem_visibility_change_get_user_name (change),
                                                   when);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_expander_row_add_row (self->history_row, row);
      g_ptr_array_add (self->history_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->history_row), changes->len > 0);
}

/* The campaigns the campaign row offers, in a menu; a name typed that is
 * not among them adds a campaign when the activity is saved (SPEC I3). */
static void
fill_campaigns (TandemActivityWindow *self)
{
  g_autoptr(GPtrArray) campaigns = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GError) error = NULL;

  campaigns = tandem_store_list_campaigns (self->store, &error);
  if (campaigns == NULL)
    g_debug ("Cannot read the campaigns: %s", error->message);
  g_ptr_array_set_size (self->campaigns, 0);
  for (guint i = 0; campaigns && i < campaigns->len; i++)
    {
      const char *name = tandem_campaign_get_name (g_ptr_array_index (campaigns, i));
      g_autoptr(GMenuItem) item = NULL;
      g_auto(GStrv) parts = NULL;
      g_autofree char *label = NULL;

      if (name == NULL || *name == '\0')
        continue;
      /* An underscore in a name is not a mnemonic. */
      parts = g_strsplit (name, "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "card.choose-campaign", "s", name);
      g_menu_append_item (menu, item);
      g_ptr_array_add (self->campaigns, g_strdup (name));
    }
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->campaign_button), G_MENU_MODEL (menu));
  gtk_widget_set_visible (self->campaign_button, self->campaigns->len > 0);
}

/* Says when the name typed will add a campaign. */
static void
update_campaign_hint (TandemActivityWindow *self)
{
  g_autofree char *text = editable_text (self->campaign_row);
  g_autofree char *key = g_utf8_casefold (text, -1);
  gboolean known = *text == '\0';

  for (guint i = 0; !known && i < self->campaigns->len; i++)
    {
      g_autofree char *other = g_utf8_casefold (g_ptr_array_index (self->campaigns, i), -1);

      known = g_str_equal (key, other);
    }

  if (!known)
    {
      /* Translators: %s is a campaign name typed on the activity card */
      g_autofree char *hint = g_strdup_printf (_("“%s” is a new campaign: saving the activity adds it"), text);

      gtk_label_set_text (self->campaign_hint, hint);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->campaign_hint), !known);
}

static void
load_people (TandemActivityWindow *self,
             TandemActivity       *activity)
{
  const gint64 *groups;
  guint n_groups;
  gboolean saved = tandem_record_get_id (TANDEM_RECORD (activity)) != 0;
  const char *assigner = saved ? tandem_activity_get_assigner_name (activity)
                               : (self->user ? tandem_user_get_name (self->user) : NULL);

  adw_action_row_set_subtitle (self->assigner_row, assigner ? assigner : "");
  fill_people_choices (self, activity);
  gtk_switch_set_active (self->public_switch, tandem_activity_get_public (activity));
  adw_combo_row_set_selected (self->visibility_row, tandem_activity_get_visibility (activity));
  groups = tandem_activity_get_group_ids (activity, &n_groups);
  tandem_checklist_row_set_selected (self->groups_row, groups, n_groups);

  /* E2: who sees it is the assigner's or an administrator's call. */
  self->may_change_visibility = !saved || self->user == NULL || tandem_user_is_admin (self->user) ||
                                tandem_activity_get_assigner_id (activity) == user_id (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->visibility_row), self->may_change_visibility);
  gtk_widget_set_sensitive (GTK_WIDGET (self->groups_row), self->may_change_visibility);
  /* The choices are long: shown as the subtitle, unless the subtitle
   * has to say why they cannot be changed. */
  adw_combo_row_set_use_subtitle (self->visibility_row, self->may_change_visibility);
  if (!self->may_change_visibility)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->visibility_row),
                                 _("Only the assigner or an administrator can change who sees this activity"));
  update_visibility_rows (self);
  load_history (self, activity);
}

static void
load_activity (TandemActivityWindow *self,
               TandemActivity       *activity)
{
  g_autoptr(TandemActivity) clean = NULL;
  const gint64 *properties;
  guint n_properties;
  const TandemReminder *reminders;
  guint n_reminders;
  GDate follow_up;

  g_object_ref (activity);
  g_clear_object (&self->activity);
  self->activity = activity;
  self->loading = TRUE;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), or_empty (tandem_activity_get_title (activity)));
  adw_combo_row_set_selected (self->category_row, 0);
  for (guint i = 0; i < self->categories->len; i++)
    if (tandem_term_get_id (g_ptr_array_index (self->categories, i)) == tandem_activity_get_category_id (activity))
      adw_combo_row_set_selected (self->category_row, i + 1);
  select_id (self->kind_row, self->kind_ids, tandem_activity_get_kind_id (activity));
  select_id (self->type_row, self->type_ids, tandem_activity_get_type_id (activity));
  update_classification (self);
  properties = tandem_activity_get_property_ids (activity, &n_properties);
  tandem_checklist_row_set_selected (self->properties_row, properties, n_properties);
  select_id (self->priority_row, self->priority_ids, tandem_activity_get_priority_id (activity));
  load_link (self, activity);
  adw_combo_row_set_selected (self->direction_row, tandem_activity_get_direction (activity));
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), or_empty (tandem_activity_get_reference (activity)));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), or_empty (tandem_activity_get_link (activity)));
  /* A campaign added since the card opened is offered too. */
  fill_campaigns (self);
  gtk_editable_set_text (GTK_EDITABLE (self->campaign_row), or_empty (tandem_activity_get_campaign (activity)));
  update_campaign_hint (self);

  load_times (self, activity);
  load_people (self, activity);

  adw_combo_row_set_selected (self->status_row, tandem_activity_get_status (activity));
  select_id (self->goal_row, self->goal_ids, tandem_activity_get_goal_id (activity));
  adw_combo_row_set_selected (self->outcome_row, tandem_activity_get_outcome (activity));

  gtk_editable_set_text (GTK_EDITABLE (self->description_row), or_empty (tandem_activity_get_description (activity)));
  set_text_view_text (self->details_view, tandem_activity_get_details (activity));
  set_text_view_text (self->notes_view, tandem_activity_get_internal_notes (activity));

  gtk_switch_set_active (self->needs_completing_switch, tandem_activity_get_needs_completing (activity));
  g_date_clear (&follow_up, 1);
  if (nonempty (tandem_activity_get_follow_up (activity)))
    g_date_set_parse (&follow_up, tandem_activity_get_follow_up (activity));
  tandem_date_time_row_set_date (self->follow_up_row, &follow_up);

  reminders = tandem_activity_get_reminders (activity, &n_reminders);
  g_array_set_size (self->reminders, 0);
  g_array_append_vals (self->reminders, reminders, n_reminders);
  tandem_activity_window_refresh_reminders (self);

  update_title (self);
  update_when_rows (self);
  update_status_rows (self);
  update_neighbours (self);
  update_actions (self);
  tandem_activity_window_load_extras (self);
  self->loading = FALSE;

  g_clear_pointer (&self->clean_fingerprint, g_free);
  g_clear_pointer (&self->clean_rrule, g_free);
  clean = collect (self, FALSE, NULL);
  if (clean)
    {
      self->clean_fingerprint = fingerprint (clean);
      self->clean_rrule = g_strdup (tandem_activity_get_rrule (clean));
    }
}

/* Builds the activity from the form: a copy of the one loaded with what the
 * user changed; NULL with @error set when something is not right. Not
 * @strict, a missing title is let through (to compare, not to save). */
static TandemActivity *
collect (TandemActivityWindow *self,
         gboolean              strict,
         GError              **error)
{
  g_autoptr(TandemActivity) a = tandem_activity_copy (self->activity);
  g_autoptr(GTimeZone) tz = activity_zone (self->activity);
  g_autofree char *title = editable_text (self->title_row);
  g_autofree char *description = editable_text (self->description_row);
  g_autofree char *reference = editable_text (self->reference_row);
  g_autofree char *url = editable_text (self->url_row);
  g_autofree char *campaign = editable_text (self->campaign_row);
  g_autofree char *details = text_view_text (self->details_view);
  g_autofree char *notes = text_view_text (self->notes_view);
  g_autoptr(GArray) properties = tandem_checklist_row_get_selected (self->properties_row);
  g_autoptr(GArray) performers = tandem_checklist_row_get_selected (self->performers_row);
  g_autoptr(GArray) groups = tandem_checklist_row_get_selected (self->groups_row);
  g_autoptr(GArray) persons = g_array_new (FALSE, FALSE, sizeof (gint64));
  TandemKind link_kind = tandem_record_picker_get_kind (self->link_row);
  gint64 link_id = tandem_record_picker_get_id (self->link_row);
  TandemTerm *category = selected_category (self);
  GDate follow_up;

  if (*title == '\0' && strict)
    {
      g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Give the activity a title"));
      return NULL;
    }
  tandem_activity_set_title (a, title);
  tandem_activity_set_description (a, nonempty (description));
  tandem_activity_set_reference (a, nonempty (reference));
  tandem_activity_set_link (a, nonempty (url));
  tandem_activity_set_campaign (a, nonempty (campaign));
  tandem_activity_set_details (a, nonempty (details));
  tandem_activity_set_internal_notes (a, nonempty (notes));

  /* What */
  tandem_activity_set_category_id (a, category ? tandem_term_get_id (category) : 0);
  tandem_activity_set_kind_id (a, selected_id (self->kind_row, self->kind_ids));
  tandem_activity_set_type_id (a, selected_id (self->type_row, self->type_ids));
  tandem_activity_set_property_ids (a, (const gint64 *) properties->data, properties->len);
  tandem_activity_set_priority_id (a, selected_id (self->priority_row, self->priority_ids));

  if (link_kind == TANDEM_KIND_COMPANY)
    {
      g_autoptr(GArray) chosen = tandem_checklist_row_get_selected (self->persons_row);
      const gint64 *before;
      guint n_before;

      g_array_append_vals (persons, chosen->data, chosen->len);
      /* Contact persons the user cannot see stay linked. */
      before = tandem_activity_get_person_ids (self->activity, &n_before);
      if (tandem_activity_get_company_id (self->activity) == link_id)
        for (guint i = 0; i < n_before; i++)
          if (!tandem_checklist_row_has (self->persons_row, before[i]))
            g_array_append_val (persons, before[i]);
      tandem_activity_set_company_id (a, link_id);
    }
  else
    {
      if (link_kind == TANDEM_KIND_PERSON)
        g_array_append_val (persons, link_id);
      tandem_activity_set_company_id (a, 0);
    }
  tandem_activity_set_person_ids (a, (const gint64 *) persons->data, persons->len);
  if (self->project_hidden && !self->project_touched)
    tandem_activity_set_project_id (a, tandem_activity_get_project_id (self->activity));
  else if (link_kind == TANDEM_KIND_COMPANY)
    tandem_activity_set_project_id (a, selected_id (self->project_row, self->project_ids));
  else
    tandem_activity_set_project_id (a, 0);
  tandem_activity_set_direction (a, link_kind == TANDEM_KIND_NONE ? TANDEM_DIRECTION_NONE
                                    : (TandemDirection) adw_combo_row_get_selected (self->direction_row));

  /* When */
  if (gtk_switch_get_active (self->open_ended_switch))
    {
      tandem_activity_set_open_ended (a, TRUE);
      tandem_activity_set_all_day (a, FALSE);
      tandem_activity_set_times (a, NULL, NULL);
      tandem_activity_set_rrule (a, NULL);
      tandem_activity_set_busy (a, FALSE);
    }
  else
    {
      gboolean all_day = gtk_switch_get_active (self->all_day_switch);
      g_autoptr(GDateTime) start = tandem_date_time_row_dup_date_time (self->start_row, tz, error);
      g_autoptr(GDateTime) end = NULL;
      g_autofree char *rrule = NULL;
      GError *rule_error = NULL;

      if (start == NULL)
        {
          if (error && *error == NULL)
            g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Choose the day it starts"));
          return NULL;
        }
      end = tandem_date_time_row_dup_date_time (self->end_row, tz, error);
      if (end == NULL)
        {
          if (error && *error == NULL)
            g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("Choose the day it ends"));
          return NULL;
        }
      if (all_day)
        {
          GDateTime *after = g_date_time_add_days (end, 1);

          g_date_time_unref (end);
          end = after;
        }
      if (g_date_time_compare (end, start) < 0)
        {
          g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID, _("The activity ends before it starts"));
          return NULL;
        }
      tandem_activity_set_open_ended (a, FALSE);
      tandem_activity_set_all_day (a, all_day);
      tandem_activity_set_times (a, start, end);

      rrule = tandem_recurrence_editor_get_rrule (self->recurrence_editor, tz, &rule_error);
      if (rule_error)
        {
          g_propagate_prefixed_error (error, rule_error, "%s", _("Repeat: "));
          return NULL;
        }
      tandem_activity_set_rrule (a, rrule);
      tandem_activity_set_busy (a, gtk_switch_get_active (self->busy_switch));
    }

  /* Who */
  tandem_activity_set_performer_ids (a, (const gint64 *) performers->data, performers->len);
  tandem_activity_set_responsible_id (a, selected_id (self->responsible_row, self->responsible_ids));
  tandem_activity_set_public (a, gtk_switch_get_active (self->public_switch));
  if (self->may_change_visibility)
    {
      guint visibility = adw_combo_row_get_selected (self->visibility_row);

      if (visibility > TANDEM_VISIBILITY_TEAM)
        visibility = TANDEM_VISIBILITY_EVERYONE;
      /* E1: the project team is the team of the activity's project. */
      if (visibility == TANDEM_VISIBILITY_TEAM && tandem_activity_get_project_id (a) == 0 && strict)
        {
          g_set_error_literal (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                               _("Only an activity linked to a project can be visible to the project team: "
                                 "choose the project"));
          return NULL;
        }
      tandem_activity_set_visibility (a, visibility);
      if (visibility == TANDEM_VISIBILITY_GROUPS)
        tandem_activity_set_group_ids (a, (const gint64 *) groups->data, groups->len);
      else
        tandem_activity_set_group_ids (a, NULL, 0);
    }

  /* Status and goal */
  tandem_activity_set_status (a, adw_combo_row_get_selected (self->status_row));
  tandem_activity_set_goal_id (a, selected_id (self->goal_row, self->goal_ids));
  tandem_activity_set_outcome (a, tandem_activity_get_status (a) == TANDEM_STATUS_COMPLETED
                                  ? (TandemOutcome) adw_combo_row_get_selected (self->outcome_row)
                                  : TANDEM_OUTCOME_NONE);

  /* Other */
  tandem_activity_set_reminders (a, (const TandemReminder *) self->reminders->data, self->reminders->len);
  tandem_activity_set_needs_completing (a, gtk_switch_get_active (self->needs_completing_switch));
  if (tandem_date_time_row_get_date (self->follow_up_row, &follow_up))
    {
      char iso[16];

      g_snprintf (iso, sizeof iso, "%04d-%02d-%02d", g_date_get_year (&follow_up),
                  g_date_get_month (&follow_up), g_date_get_day (&follow_up));
      tandem_activity_set_follow_up (a, iso);
    }
  else
    tandem_activity_set_follow_up (a, NULL);

  return g_steal_pointer (&a);
}

/* Callbacks ---------------------------------------------------------------- */

static void
on_category_selected_cb (TandemActivityWindow *self)
{
  TandemTerm *category;

  if (self->loading)
    return;

  /* D3: the category sets the kind and the type. */
  category = selected_category (self);
  if (category)
    {
      select_id (self->kind_row, self->kind_ids, tandem_term_get_kind_id (category));
      select_id (self->type_row, self->type_ids, tandem_term_get_type_id (category));
    }
  update_classification (self);
}

static void
on_link_changed_cb (TandemActivityWindow *self)
{
  TandemKind kind = tandem_record_picker_get_kind (self->link_row);
  gint64 id = tandem_record_picker_get_id (self->link_row);
  gint64 project_id = selected_id (self->project_row, self->project_ids);
  gint64 company_id_now = 0;

  if (kind == TANDEM_KIND_PERSON)
    {
      g_autoptr(TandemPerson) person = tandem_store_get_person (self->store, id, NULL);
      gint64 company_id = person ? tandem_person_get_company_id (person) : 0;

      /* A person of a company links the company, with the person as its
       * contact. */
      if (company_id)
        {
          g_autofree char *name = g_strdup (tandem_person_get_company_name (person));

          if (name == NULL)
            name = record_name (self, TANDEM_KIND_COMPANY, company_id);
          tandem_record_picker_set_record (self->link_row, TANDEM_KIND_COMPANY, company_id, name);
          fill_persons (self, company_id, &id, 1);
        }
      else
        fill_persons (self, 0, NULL, 0);
      company_id_now = company_id;
    }
  else if (kind == TANDEM_KIND_COMPANY)
    {
      fill_persons (self, id, NULL, 0);
      company_id_now = id;
    }
  else
    fill_persons (self, 0, NULL, 0);
  /* Another company has other projects. */
  fill_projects (self, company_id_now, project_id);
  self->project_touched = TRUE;
  update_link_rows (self);
}

static void
on_when_switch_cb (TandemActivityWindow *self)
{
  update_when_rows (self);
  update_status_rows (self);
}

static void
on_start_changed_cb (TandemActivityWindow *self)
{
  g_autoptr(GTimeZone) tz = activity_zone (self->activity);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  gboolean was_past, is_past;

  if (self->loading)
    return;
  start = tandem_date_time_row_dup_date_time (self->start_row, tz, NULL);
  if (start == NULL)
    return;

  /* The end moves with the start, keeping the length (whole days when
   * it lasts all day, as the hidden times stay as they are). */
  end = g_date_time_add (start, MAX (self->duration, 0));
  self->loading = TRUE;
  tandem_date_time_row_set_date_time (self->end_row, end);
  self->loading = FALSE;
  tandem_recurrence_editor_set_start (self->recurrence_editor, start);

  /* D16 for a new activity: in the past it is completed, in the future planned. */
  if (!is_saved (self))
    {
      TandemStatus status = adw_combo_row_get_selected (self->status_row);

      is_past = start_is_past (self);
      was_past = self->status_auto;
      if (is_past && status == TANDEM_STATUS_PLANNED)
        {
          adw_combo_row_set_selected (self->status_row, TANDEM_STATUS_COMPLETED);
          self->status_auto = TRUE;
        }
      else if (!is_past && was_past && status == TANDEM_STATUS_COMPLETED)
        {
          adw_combo_row_set_selected (self->status_row, TANDEM_STATUS_PLANNED);
          self->status_auto = FALSE;
        }
    }
  update_status_rows (self);
}

static void
on_end_changed_cb (TandemActivityWindow *self)
{
  g_autoptr(GTimeZone) tz = activity_zone (self->activity);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (self->loading)
    return;
  start = tandem_date_time_row_dup_date_time (self->start_row, tz, NULL);
  end = tandem_date_time_row_dup_date_time (self->end_row, tz, NULL);
  if (start && end && g_date_time_compare (end, start) >= 0)
    self->duration = g_date_time_difference (end, start);
}

static void
on_status_rows_cb (TandemActivityWindow *self)
{
  if (!self->loading)
    self->status_auto = FALSE;
  update_status_rows (self);
}

static void
on_visibility_selected_cb (TandemActivityWindow *self)
{
  update_visibility_rows (self);
}

static void
on_project_selected_cb (TandemActivityWindow *self)
{
  if (!self->loading)
    self->project_touched = TRUE;
}

static void
on_campaign_changed_cb (TandemActivityWindow *self)
{
  update_campaign_hint (self);
}

static void
on_title_changed_cb (TandemActivityWindow *self)
{
  g_autofree char *title = editable_text (self->title_row);

  /* The window list shows what is being written. */
  gtk_window_set_title (GTK_WINDOW (self), *title ? title : _("New Activity"));
}

/* Saving ------------------------------------------------------------------- */

static void continue_save (SaveRequest *req);

static void
end_save (SaveRequest *req,
          gboolean     revert)
{
  TandemActivityWindow *self = req->self;

  self->saving = FALSE;
  if (revert && req->revert_status)
    {
      adw_combo_row_set_selected (self->status_row, req->previous_status);
      update_status_rows (self);
    }
  save_request_free (req);
}

static void
on_outcome_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        SaveRequest      *req)
{
  TandemOutcome outcome;

  if (g_str_equal (response, "success"))
    outcome = TANDEM_OUTCOME_SUCCESS;
  else if (g_str_equal (response, "failure"))
    outcome = TANDEM_OUTCOME_FAILURE;
  else
    {
      end_save (req, TRUE);
      return;
    }

  tandem_activity_set_outcome (req->edited, outcome);
  req->self->loading = TRUE;
  adw_combo_row_set_selected (req->self->outcome_row, outcome);
  req->self->loading = FALSE;
  update_status_rows (req->self);
  req->outcome_asked = TRUE;
  continue_save (req);
}

static void
ask_outcome (SaveRequest *req)
{
  TandemActivityWindow *self = req->self;
  gint64 goal_id = tandem_activity_get_goal_id (req->edited);
  g_autoptr(TandemTerm) goal = tandem_store_get_term (self->store, goal_id, NULL);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Was the Goal Reached?"), NULL));
  if (goal)
    adw_message_dialog_format_body (dialog, _("The goal of “%s” was “%s”. An activity with a goal is completed with its outcome."),
                                    tandem_activity_get_title (req->edited), tandem_term_get_name (goal));
  else
    adw_message_dialog_set_body (dialog, _("An activity with a goal is completed with its outcome."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "failure", C_("activity outcome", "_Failure"),
                                    "success", C_("activity outcome", "_Success"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "success", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "success");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_outcome_response_cb), req);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_scope_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      SaveRequest      *req)
{
  if (g_str_equal (response, "this"))
    req->scope = SCOPE_THIS;
  else if (g_str_equal (response, "following"))
    req->scope = SCOPE_FOLLOWING;
  else if (g_str_equal (response, "all"))
    req->scope = SCOPE_ALL;
  else
    {
      end_save (req, TRUE);
      return;
    }
  continue_save (req);
}

static void
ask_scope (SaveRequest *req)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (req->self), _("Change a Repeating Activity?"), NULL));
  adw_message_dialog_set_body (dialog, _("This is one occurrence of a repeating activity. Change only this occurrence "
                                         "(its time and status), this and the following ones, or all of them?"));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "this", _("Only _This"),
                                    "following", _("This and _Following"),
                                    "all", _("_All"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "this", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "this");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_scope_response_cb), req);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_similar (TandemActivityWindow *self)
{
  g_autoptr(TandemActivity) similar = tandem_activity_new_similar (self->activity);
  TandemActivityWindow *window;

  window = tandem_activity_window_new_unsaved (gtk_window_get_transient_for (GTK_WINDOW (self)), self->store, similar);
  gtk_window_present (GTK_WINDOW (window));
}

static void
go_to (TandemActivityWindow *self,
       gint64                id)
{
  g_autoptr(TandemActivity) activity = NULL;
  g_autoptr(GError) error = NULL;

  activity = tandem_store_get_activity (self->store, id, &error);
  if (activity == NULL)
    {
      tandem_activity_window_show_error (self, error->message);
      return;
    }
  self->recurrence_id = 0;
  self->status_auto = FALSE;
  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  load_activity (self, activity);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

/* Saves @edited as the user chose; returns the activity to show next. */
static TandemActivity *
store_edits (TandemActivityWindow *self,
             SaveRequest          *req,
             GError              **error)
{
  gint64 id = tandem_record_get_id (TANDEM_RECORD (self->activity));
  gboolean rule_changed = g_strcmp0 (self->clean_rrule, tandem_activity_get_rrule (req->edited)) != 0;

  switch (req->scope)
    {
    case SCOPE_THIS:
      if (!tandem_store_update_occurrence (self->store, id, self->recurrence_id,
                                           tandem_activity_get_start (req->edited),
                                           tandem_activity_get_end (req->edited),
                                           tandem_activity_get_status (req->edited),
                                           tandem_activity_get_outcome (req->edited), error))
        return NULL;
      return tandem_store_get_occurrence_activity (self->store, id, self->recurrence_id, error);

    case SCOPE_FOLLOWING:
      {
        g_autoptr(TandemActivity) copy = NULL;
        gint64 copy_id;

        if (!tandem_store_begin (self->store, error))
          return NULL;
        copy_id = tandem_store_split_activity (self->store, id, self->recurrence_id, error);
        if (copy_id)
          copy = tandem_store_get_activity (self->store, copy_id, error);
        if (copy)
          {
            copy_edits (req->edited, copy);
            tandem_activity_set_open_ended (copy, tandem_activity_get_open_ended (req->edited));
            tandem_activity_set_all_day (copy, tandem_activity_get_all_day (req->edited));
            tandem_activity_set_times (copy, tandem_activity_get_start (req->edited), tandem_activity_get_end (req->edited));
            if (rule_changed)
              tandem_activity_set_rrule (copy, tandem_activity_get_rrule (req->edited));
          }
        if (copy == NULL || !tandem_store_save_activity (self->store, copy, error) ||
            !tandem_store_commit (self->store, error))
          {
            tandem_store_rollback (self->store);
            return NULL;
          }
        self->recurrence_id = 0;
        return tandem_store_get_activity (self->store, copy_id, error);
      }

    case SCOPE_ALL:
      {
        g_autoptr(TandemActivity) master = tandem_store_get_activity (self->store, id, error);
        GDateTime *shown_start = tandem_activity_get_start (self->activity);
        GDateTime *edited_start = tandem_activity_get_start (req->edited);
        GDateTime *edited_end = tandem_activity_get_end (req->edited);

        if (master == NULL)
          return NULL;
        copy_edits (req->edited, master);
        /* A moved occurrence moves the whole series by as much. */
        if (shown_start && edited_start && edited_end && tandem_activity_get_start (master) &&
            !tandem_activity_get_open_ended (req->edited))
          {
            GTimeSpan shift = g_date_time_difference (edited_start, shown_start);
            GTimeSpan length = g_date_time_difference (edited_end, edited_start);
            g_autoptr(GDateTime) start = g_date_time_add (tandem_activity_get_start (master), shift);
            g_autoptr(GDateTime) end = g_date_time_add (start, length);

            tandem_activity_set_all_day (master, tandem_activity_get_all_day (req->edited));
            tandem_activity_set_times (master, start, end);
          }
        if (rule_changed)
          tandem_activity_set_rrule (master, tandem_activity_get_rrule (req->edited));
        if (!tandem_store_save_activity (self->store, master, error))
          return NULL;
        self->recurrence_id = 0;
        return tandem_store_get_activity (self->store, id, error);
      }

    case SCOPE_SERIES:
    case SCOPE_ASK:
    default:
      id = tandem_store_save_activity (self->store, req->edited, error);
      if (id == 0)
        return NULL;
      return tandem_store_get_activity (self->store, id, error);
    }
}

static void
finish_save (SaveRequest *req)
{
  TandemActivityWindow *self = req->self;
  g_autoptr(TandemActivity) saved = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  saved = store_edits (self, req, &error);
  if (saved == NULL)
    {
      tandem_activity_window_show_error (self, error ? error->message : _("The activity could not be saved"));
      end_save (req, TRUE);
      return;
    }

  gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
  self->status_auto = FALSE;
  load_activity (self, saved);
  id = tandem_record_get_id (TANDEM_RECORD (saved));
  g_signal_emit (self, signals[SAVED], 0, id);

  switch (req->then)
    {
    case THEN_CLOSE:
      end_save (req, FALSE);
      close_later (self);
      return;
    case THEN_ATTACH:
      tandem_activity_window_choose_files (self);
      break;
    case THEN_SIMILAR:
      open_similar (self);
      break;
    case THEN_GO:
      if (self->pending_go_id)
        go_to (self, self->pending_go_id);
      break;
    case THEN_NOTHING:
    default:
      tandem_activity_window_show_toast (self, _("Saved"));
      break;
    }
  self->pending_go_id = 0;
  end_save (req, FALSE);
}

static void
continue_save (SaveRequest *req)
{
  /* D9: completing one with a goal records how it went. */
  if (!req->outcome_asked &&
      tandem_activity_get_status (req->edited) == TANDEM_STATUS_COMPLETED &&
      tandem_activity_get_goal_id (req->edited) != 0 &&
      tandem_activity_get_outcome (req->edited) == TANDEM_OUTCOME_NONE)
    {
      ask_outcome (req);
      return;
    }
  if (req->scope == SCOPE_ASK)
    {
      ask_scope (req);
      return;
    }
  finish_save (req);
}

static void
start_save (TandemActivityWindow *self,
            SaveThen              then,
            gboolean              revert_status,
            TandemStatus          previous_status)
{
  g_autoptr(GError) error = NULL;
  TandemActivity *edited;
  SaveRequest *req;

  if (self->saving)
    return;

  edited = collect (self, TRUE, &error);
  if (edited == NULL)
    {
      tandem_activity_window_show_error (self, error->message);
      if (revert_status)
        {
          adw_combo_row_set_selected (self->status_row, previous_status);
          update_status_rows (self);
        }
      return;
    }

  req = g_new0 (SaveRequest, 1);
  req->self = g_object_ref (self);
  req->edited = edited;
  req->then = then;
  req->scope = self->recurrence_id != 0 ? SCOPE_ASK : SCOPE_SERIES;
  req->revert_status = revert_status;
  req->previous_status = previous_status;
  self->saving = TRUE;
  continue_save (req);
}

/* Unsaved changes ----------------------------------------------------------- */

static void
on_unsaved_response_cb (AdwMessageDialog     *dialog,
                        const char           *response,
                        TandemActivityWindow *self)
{
  SaveThen then = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "then"));

  if (g_str_equal (response, "save"))
    start_save (self, then, FALSE, 0);
  else if (g_str_equal (response, "discard"))
    {
      if (then == THEN_CLOSE)
        close_later (self);
      else if (then == THEN_GO)
        {
          go_to (self, self->pending_go_id);
          self->pending_go_id = 0;
        }
    }
  else
    self->pending_go_id = 0;
}

static void
ask_about_unsaved (TandemActivityWindow *self,
                   SaveThen              then)
{
  AdwMessageDialog *dialog;
  g_autofree char *title = editable_text (self->title_row);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), NULL));
  if (*title)
    adw_message_dialog_format_body (dialog, _("“%s” has unsaved changes. Changes that are not saved are lost."), title);
  else
    adw_message_dialog_set_body (dialog, _("The activity has unsaved changes. Changes that are not saved are lost."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "then", GINT_TO_POINTER (then));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Actions ------------------------------------------------------------------ */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (widget);
  SaveThen then = THEN_NOTHING;

  if (g_str_equal (action_name, "card.save-close"))
    then = THEN_CLOSE;
  else if (g_str_equal (action_name, "card.save-attach"))
    then = THEN_ATTACH;
  else if (g_str_equal (action_name, "card.save-similar"))
    then = THEN_SIMILAR;
  start_save (self, then, FALSE, 0);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (widget);
  TandemActivityWindow *window;

  window = tandem_activity_window_new_planned (gtk_window_get_transient_for (GTK_WINDOW (self)), self->store,
                                               tandem_record_picker_get_kind (self->link_row),
                                               tandem_record_picker_get_id (self->link_row), NULL, 0);
  gtk_window_present (GTK_WINDOW (window));
}

static void
go_action (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (widget);
  gint64 target = g_str_equal (action_name, "card.previous") ? self->previous_id : self->next_id;

  if (target == 0 || self->saving)
    return;
  self->pending_go_id = target;
  if (tandem_activity_window_has_unsaved_changes (self))
    {
      ask_about_unsaved (self, THEN_GO);
      return;
    }
  go_to (self, target);
  self->pending_go_id = 0;
}

static void
report_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *subject_escaped = NULL;
  g_autofree char *body_escaped = NULL;
  g_autofree char *uri = NULL;

  body = tandem_store_format_activity_report (self->store, tandem_activity_window_get_id (self), &subject, &error);
  if (body == NULL)
    {
      tandem_activity_window_show_error (self, error->message);
      return;
    }
  /* D15: the user's mail program opens with the report, to forward. */
  subject_escaped = g_uri_escape_string (subject ? subject : "", NULL, FALSE);
  body_escaped = g_uri_escape_string (body, NULL, FALSE);
  uri = g_strdup_printf ("mailto:?subject=%s&body=%s", subject_escaped, body_escaped);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
set_status_and_save (TandemActivityWindow *self,
                     TandemStatus          status)
{
  TandemStatus previous = adw_combo_row_get_selected (self->status_row);

  if (self->saving)
    return;
  adw_combo_row_set_selected (self->status_row, status);
  if (status == TANDEM_STATUS_COMPLETED)
    adw_combo_row_set_selected (self->outcome_row, TANDEM_OUTCOME_NONE);
  update_status_rows (self);
  start_save (self, THEN_NOTHING, TRUE, previous);
}

static void
complete_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  set_status_and_save (TANDEM_ACTIVITY_WINDOW (widget), TANDEM_STATUS_COMPLETED);
}

static void
cancel_activity_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  set_status_and_save (TANDEM_ACTIVITY_WINDOW (widget), TANDEM_STATUS_CANCELLED);
}

typedef struct
{
  TandemStore *store;
  gint64       id;
} UndoDelete;

static void
undo_delete_free (gpointer data,
                  GClosure *closure)
{
  UndoDelete *undo = data;

  g_clear_object (&undo->store);
  g_free (undo);
}

static void
on_undo_delete_cb (AdwToast   *toast,
                   UndoDelete *undo)
{
  g_autoptr(GError) error = NULL;

  if (!tandem_store_restore (undo->store, TANDEM_KIND_ACTIVITY, undo->id, &error))
    g_warning ("Cannot restore activity %" G_GINT64_FORMAT ": %s", undo->id, error->message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (widget);
  gint64 id = tandem_activity_window_get_id (self);
  g_autoptr(GError) error = NULL;

  if (id == 0 || !tandem_store_delete (self->store, TANDEM_KIND_ACTIVITY, id, &error))
    {
      if (error)
        tandem_activity_window_show_error (self, error->message);
      return;
    }

  /* The card goes; the Undo stays with the window it was opened from. */
  if (!g_signal_has_handler_pending (self, signals[DELETED], 0, FALSE))
    {
      AdwToastOverlay *overlay = find_toast_overlay (GTK_WIDGET (gtk_window_get_transient_for (GTK_WINDOW (self))));

      if (overlay)
        {
          AdwToast *toast = adw_toast_new (_("Activity deleted"));
          UndoDelete *undo = g_new0 (UndoDelete, 1);

          undo->store = g_object_ref (self->store);
          undo->id = id;
          adw_toast_set_button_label (toast, _("_Undo"));
          g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), undo, undo_delete_free, 0);
          adw_toast_overlay_add_toast (overlay, toast);
        }
    }
  g_signal_emit (self, signals[DELETED], 0, id);
  self->close_confirmed = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
choose_campaign_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->campaign_row), g_variant_get_string (parameter, NULL));
  gtk_widget_grab_focus (GTK_WIDGET (self->campaign_row));
  gtk_editable_set_position (GTK_EDITABLE (self->campaign_row), -1);
}

static void
dismiss_error_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_revealer_set_reveal_child (TANDEM_ACTIVITY_WINDOW (widget)->banner_revealer, FALSE);
}

/* Overrides ---------------------------------------------------------------- */

static gboolean
tandem_activity_window_close_request (GtkWindow *window)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (window);

  /* While a save waits for an answer (outcome, which occurrences), the
   * card stays until the question is answered. */
  if (self->saving && !self->close_confirmed)
    return TRUE;
  if (self->close_confirmed || !tandem_activity_window_has_unsaved_changes (self))
    return GTK_WINDOW_CLASS (tandem_activity_window_parent_class)->close_request (window);
  ask_about_unsaved (self, THEN_CLOSE);
  return TRUE;
}

static void
tandem_activity_window_dispose (GObject *object)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (object);

  tandem_activity_window_dispose_extras (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), TANDEM_TYPE_ACTIVITY_WINDOW);
  g_clear_object (&self->activity);
  g_clear_object (&self->user);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (tandem_activity_window_parent_class)->dispose (object);
}

static void
tandem_activity_window_finalize (GObject *object)
{
  TandemActivityWindow *self = TANDEM_ACTIVITY_WINDOW (object);

  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->history_rows, g_ptr_array_unref);
  g_clear_pointer (&self->campaigns, g_ptr_array_unref);
  g_clear_pointer (&self->kind_ids, g_array_unref);
  g_clear_pointer (&self->type_ids, g_array_unref);
  g_clear_pointer (&self->priority_ids, g_array_unref);
  g_clear_pointer (&self->goal_ids, g_array_unref);
  g_clear_pointer (&self->responsible_ids, g_array_unref);
  g_clear_pointer (&self->project_ids, g_array_unref);
  g_clear_pointer (&self->reminders, g_array_unref);
  g_clear_pointer (&self->clean_fingerprint, g_free);
  g_clear_pointer (&self->clean_rrule, g_free);

  G_OBJECT_CLASS (tandem_activity_window_parent_class)->finalize (object);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  key,
              GdkModifierType        modifiers,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                                                          gtk_named_action_new (action)));
}

static void
tandem_activity_window_class_init (TandemActivityWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tandem_activity_window_dispose;
  object_class->finalize = tandem_activity_window_finalize;
  window_class->close_request = tandem_activity_window_close_request;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  signals[DELETED] = g_signal_new ("deleted", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (TANDEM_TYPE_CHECKLIST_ROW);
  g_type_ensure (TANDEM_TYPE_DATE_TIME_ROW);
  g_type_ensure (TANDEM_TYPE_DOCUMENTS_GROUP);
  g_type_ensure (TANDEM_TYPE_RECORD_PICKER);
  g_type_ensure (TANDEM_TYPE_RECURRENCE_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/activity/tandem-activity-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, save_button);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, card_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, banner_label);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, scroller);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, category_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, kind_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, type_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, properties_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, priority_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, link_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, persons_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, project_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, campaign_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, campaign_button);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, campaign_hint);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, direction_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, reference_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, url_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, when_group);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, open_ended_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, open_ended_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, all_day_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, all_day_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, start_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, end_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, busy_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, busy_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, recurrence_editor);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, assigner_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, performers_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, public_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, public_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, visibility_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, groups_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, history_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, status_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, goal_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, description_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, details_view);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, notes_view);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, discussion_group);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, messages_list);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, message_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, send_button);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, message_error);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, reminders_group);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, add_reminder_button);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, reminders_list);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, stopwatch_group);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, stopwatch_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, stopwatch_button);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, tracked_row);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, files_group);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, attach_button);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, attachments_list);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, documents_group);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, needs_completing_switch);
  gtk_widget_class_bind_template_child (widget_class, TandemActivityWindow, follow_up_row);

  gtk_widget_class_install_action (widget_class, "card.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "card.save-close", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "card.save-attach", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "card.save-similar", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "card.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "card.previous", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "card.next", NULL, go_action);
  gtk_widget_class_install_action (widget_class, "card.report", NULL, report_action);
  gtk_widget_class_install_action (widget_class, "card.complete", NULL, complete_action);
  gtk_widget_class_install_action (widget_class, "card.cancel-activity", NULL, cancel_activity_action);
  gtk_widget_class_install_action (widget_class, "card.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "card.dismiss-error", NULL, dismiss_error_action);
  gtk_widget_class_install_action (widget_class, "card.choose-campaign", "s", choose_campaign_action);
  tandem_activity_window_class_init_extras (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_activity_window_init (TandemActivityWindow *self)
{
  static gsize css_loaded = 0;
  GtkEventController *shortcuts;
  const char *statuses[] = {
    tandem_status_get_label (TANDEM_STATUS_PLANNED),
    tandem_status_get_label (TANDEM_STATUS_COMPLETED),
    tandem_status_get_label (TANDEM_STATUS_CANCELLED),
  };
  const char *outcomes[] = {
    C_("activity outcome", "Not recorded"),
    tandem_outcome_get_label (TANDEM_OUTCOME_SUCCESS),
    tandem_outcome_get_label (TANDEM_OUTCOME_FAILURE),
  };
  const char *directions[] = {
    tandem_direction_get_label (TANDEM_DIRECTION_NONE),
    tandem_direction_get_label (TANDEM_DIRECTION_INBOUND),
    tandem_direction_get_label (TANDEM_DIRECTION_OUTBOUND),
  };
  const char *visibilities[] = {
    _("Everyone who may see the customer"),
    tandem_visibility_get_label (TANDEM_VISIBILITY_GROUPS),
    _("Private (me and the performers)"),
    _("The project team (members of its project)"),
  };

  /* Something to show until the constructor loads the real one. */
  self->activity = tandem_activity_new ("");
  gtk_widget_init_template (GTK_WIDGET (self));

  if (g_once_init_enter (&css_loaded))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (provider, "/io/github/tandemcrm/Tandem/activity/tandem-activity.css");
      gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&css_loaded, 1);
    }

  self->kind_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->type_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->priority_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->goal_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->responsible_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->project_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->reminders = g_array_new (FALSE, FALSE, sizeof (TandemReminder));
  self->categories = g_ptr_array_new_with_free_func (g_object_unref);
  self->history_rows = g_ptr_array_new ();
  self->campaigns = g_ptr_array_new_with_free_func (g_free);

  fill_enum_combo (self->status_row, statuses, G_N_ELEMENTS (statuses));
  fill_enum_combo (self->outcome_row, outcomes, G_N_ELEMENTS (outcomes));
  fill_enum_combo (self->direction_row, directions, G_N_ELEMENTS (directions));
  fill_enum_combo (self->visibility_row, visibilities, G_N_ELEMENTS (visibilities));

  tandem_checklist_row_set_placeholder (self->properties_row, C_("properties", "None"));
  tandem_checklist_row_set_placeholder (self->persons_row, _("Nobody chosen"));
  tandem_checklist_row_set_empty_text (self->persons_row, _("No people at this company yet"), NULL);
  tandem_checklist_row_set_placeholder (self->performers_row, _("Nobody chosen"));
  tandem_checklist_row_set_placeholder (self->groups_row, _("No group chosen: only the assigner and performers"));
  tandem_checklist_row_set_empty_text (self->groups_row, _("No groups yet"),
                                       _("An administrator creates groups in Preferences"));

  g_signal_connect_object (self->category_row, "notify::selected", G_CALLBACK (on_category_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_row, "changed", G_CALLBACK (on_link_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->open_ended_switch, "notify::active", G_CALLBACK (on_when_switch_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->all_day_switch, "notify::active", G_CALLBACK (on_when_switch_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->start_row, "changed", G_CALLBACK (on_start_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->end_row, "changed", G_CALLBACK (on_end_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_row, "notify::selected", G_CALLBACK (on_status_rows_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->goal_row, "notify::selected", G_CALLBACK (on_status_rows_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->visibility_row, "notify::selected", G_CALLBACK (on_visibility_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "changed", G_CALLBACK (on_title_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->project_row, "notify::selected", G_CALLBACK (on_project_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->campaign_row, "changed", G_CALLBACK (on_campaign_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Caught before the fields see them: none of them has a use for these. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_s, GDK_CONTROL_MASK, "card.save");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Return, GDK_CONTROL_MASK, "card.save-close");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "card.save-close");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_n, GDK_CONTROL_MASK, "card.new");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Up, GDK_ALT_MASK, "card.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Down, GDK_ALT_MASK, "card.next");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Up, GDK_CONTROL_MASK, "card.previous");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Down, GDK_CONTROL_MASK, "card.next");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  tandem_activity_window_init_extras (self);
}

/* Sets up what does not change from one activity to the next. */
static void
set_store (TandemActivityWindow *self,
           TandemStore          *store)
{
  g_autoptr(GPtrArray) kinds = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) priorities = NULL;
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) properties = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GArray) category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  self->store = g_object_ref (store);
  if (tandem_store_get_user (store))
    self->user = g_object_ref (tandem_store_get_user (store));
  tandem_record_picker_set_store (self->link_row, store);

  self->loading = TRUE;
  g_ptr_array_unref (self->categories);
  self->categories = fill_terms (self, self->category_row, category_ids, TANDEM_TERM_CATEGORY,
                                 C_("activity category", "None"));
  kinds = fill_terms (self, self->kind_row, self->kind_ids, TANDEM_TERM_KIND, C_("activity kind", "None"));
  types = fill_terms (self, self->type_row, self->type_ids, TANDEM_TERM_TYPE, C_("activity type", "None"));
  priorities = fill_terms (self, self->priority_row, self->priority_ids, TANDEM_TERM_PRIORITY,
                           C_("activity priority", "None"));
  goals = fill_terms (self, self->goal_row, self->goal_ids, TANDEM_TERM_GOAL, C_("activity goal", "None"));

  properties = tandem_store_list_terms (store, TANDEM_TERM_PROPERTY, &error);
  if (properties == NULL)
    {
      tandem_activity_window_show_error (self, error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; properties && i < properties->len; i++)
    {
      TandemTerm *term = g_ptr_array_index (properties, i);

      tandem_checklist_row_add (self->properties_row, tandem_term_get_id (term), tandem_term_get_name (term),
                                NULL, FALSE);
    }

  groups = tandem_store_list_groups (store, &error);
  if (groups == NULL)
    {
      tandem_activity_window_show_error (self, error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; groups && i < groups->len; i++)
    {
      TandemChoice *group = g_ptr_array_index (groups, i);

      tandem_checklist_row_add (self->groups_row, tandem_choice_get_id (group), tandem_choice_get_name (group),
                                NULL, FALSE);
    }
  self->loading = FALSE;
}

/* Public API --------------------------------------------------------------- */

TandemActivityWindow *
tandem_activity_window_new_unsaved (GtkWindow      *parent,
                                    TandemStore    *store,
                                    TandemActivity *activity)
{
  TandemActivityWindow *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);
  g_return_val_if_fail (TANDEM_IS_ACTIVITY (activity), NULL);

  self = g_object_new (TANDEM_TYPE_ACTIVITY_WINDOW, "transient-for", parent, NULL);
  set_store (self, store);
  self->status_auto = tandem_record_get_id (TANDEM_RECORD (activity)) == 0 &&
                      tandem_activity_get_status (activity) == TANDEM_STATUS_COMPLETED;
  load_activity (self, activity);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return self;
}

TandemActivityWindow *
tandem_activity_window_new_for_activity (GtkWindow    *parent,
                                         TandemStore  *store,
                                         gint64        activity_id,
                                         gint64        recurrence_id,
                                         GError      **error)
{
  g_autoptr(TandemActivity) activity = NULL;
  TandemActivityWindow *self;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  if (recurrence_id != 0)
    activity = tandem_store_get_occurrence_activity (store, activity_id, recurrence_id, error);
  else
    activity = tandem_store_get_activity (store, activity_id, error);
  if (activity == NULL)
    return NULL;

  self = g_object_new (TANDEM_TYPE_ACTIVITY_WINDOW, "transient-for", parent, NULL);
  set_store (self, store);
  self->recurrence_id = recurrence_id;
  load_activity (self, activity);
  return self;
}

TandemActivityWindow *
tandem_activity_window_new_planned (GtkWindow    *parent,
                                    TandemStore  *store,
                                    TandemKind    kind,
                                    gint64        id,
                                    GDateTime    *start,
                                    GTimeSpan     duration)
{
  return tandem_activity_window_new_planned_for (parent, store, kind, id, start, duration, 0);
}

TandemActivityWindow *
tandem_activity_window_new_planned_for (GtkWindow    *parent,
                                        TandemStore  *store,
                                        TandemKind    kind,
                                        gint64        id,
                                        GDateTime    *start,
                                        GTimeSpan     duration,
                                        gint64        performer_id)
{
  g_autoptr(TandemActivity) activity = tandem_activity_new ("");
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GPtrArray) priorities = NULL;
  TandemUser *user;

  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  if (start)
    first = g_date_time_ref (start);
  else
    first = g_date_time_add_full (now, 0, 0, 0, 1, -g_date_time_get_minute (now), -g_date_time_get_seconds (now));
  if (duration <= 0)
    duration = G_TIME_SPAN_HOUR;
  end = g_date_time_add (first, duration);
  tandem_activity_set_times (activity, first, end);

  user = tandem_store_get_user (store);
  if (performer_id != 0)
    tandem_activity_set_performer_ids (activity, &performer_id, 1);
  else if (user)
    {
      gint64 me = tandem_user_get_id (user);

      tandem_activity_set_performer_ids (activity, &me, 1);
    }

  if (kind == TANDEM_KIND_COMPANY && id)
    tandem_activity_set_company_id (activity, id);
  else if (kind == TANDEM_KIND_PROJECT && id)
    {
      g_autoptr(TandemProject) project = tandem_store_get_project (store, id, NULL);

      /* D16 from a project card: the project and its customer. */
      if (project)
        {
          tandem_activity_set_company_id (activity, tandem_project_get_company_id (project));
          tandem_activity_set_project_id (activity, id);
        }
    }
  else if (kind == TANDEM_KIND_PERSON && id)
    {
      g_autoptr(TandemPerson) person = tandem_store_get_person (store, id, NULL);

      /* A person of a company: the company, with the person as contact. */
      if (person && tandem_person_get_company_id (person))
        tandem_activity_set_company_id (activity, tandem_person_get_company_id (person));
      tandem_activity_set_person_ids (activity, &id, 1);
    }

  /* The shipped "Normal" priority, when it is still there. */
  priorities = tandem_store_list_terms (store, TANDEM_TERM_PRIORITY, NULL);
  for (guint i = 0; priorities && i < priorities->len; i++)
    if (g_strcmp0 (tandem_term_get_builtin (g_ptr_array_index (priorities, i)), "Normal") == 0)
      tandem_activity_set_priority_id (activity, tandem_term_get_id (g_ptr_array_index (priorities, i)));

  /* D16: what is already past is recorded as done. */
  if (g_date_time_compare (first, now) < 0)
    tandem_activity_set_status (activity, TANDEM_STATUS_COMPLETED);

  return tandem_activity_window_new_unsaved (parent, store, activity);
}

void
tandem_activity_window_set_project (TandemActivityWindow *self,
                                    gint64                project_id)
{
  g_autoptr(TandemProject) project = NULL;
  g_autoptr(GError) error = NULL;
  gint64 company_id;

  g_return_if_fail (TANDEM_IS_ACTIVITY_WINDOW (self));

  if (project_id == 0)
    {
      select_id (self->project_row, self->project_ids, 0);
      self->project_touched = TRUE;
      return;
    }
  project = tandem_store_get_project (self->store, project_id, &error);
  if (project == NULL)
    {
      tandem_activity_window_show_error (self, error->message);
      return;
    }
  company_id = tandem_project_get_company_id (project);
  if (tandem_record_picker_get_kind (self->link_row) != TANDEM_KIND_COMPANY ||
      tandem_record_picker_get_id (self->link_row) != company_id)
    {
      tandem_record_picker_set_record (self->link_row, TANDEM_KIND_COMPANY, company_id,
                                       tandem_project_get_company_name (project));
      fill_persons (self, company_id, NULL, 0);
    }
  fill_projects (self, company_id, project_id);
  self->project_touched = TRUE;
  update_link_rows (self);
}

void
tandem_activity_window_set_campaign (TandemActivityWindow *self,
                                     const char           *campaign)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY_WINDOW (self));

  gtk_editable_set_text (GTK_EDITABLE (self->campaign_row), or_empty (campaign));
}

TandemActivity *
tandem_activity_window_get_activity (TandemActivityWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY_WINDOW (self), NULL);
  return self->activity;
}

/* Shared with the extras --------------------------------------------------- */

void
tandem_activity_window_show_error (TandemActivityWindow *self,
                                   const char           *message)
{
  g_return_if_fail (TANDEM_IS_ACTIVITY_WINDOW (self));

  gtk_label_set_text (self->banner_label, message);
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
  /* Screen readers hear it at once. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->banner_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
}

void
tandem_activity_window_show_toast (TandemActivityWindow *self,
                                   const char           *message)
{
  AdwToast *toast;

  g_return_if_fail (TANDEM_IS_ACTIVITY_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 2);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

gint64
tandem_activity_window_get_id (TandemActivityWindow *self)
{
  g_return_val_if_fail (TANDEM_IS_ACTIVITY_WINDOW (self), 0);
  return tandem_record_get_id (TANDEM_RECORD (self->activity));
}

/* For the tests ------------------------------------------------------------ */

AdwWindowTitle *
tandem_activity_window_get_window_title (TandemActivityWindow *self)
{
  return self->window_title;
}

GtkEditable *
tandem_activity_window_get_title_row (TandemActivityWindow *self)
{
  return GTK_EDITABLE (self->title_row);
}

AdwComboRow *
tandem_activity_window_get_category_row (TandemActivityWindow *self)
{
  return self->category_row;
}

AdwComboRow *
tandem_activity_window_get_kind_row (TandemActivityWindow *self)
{
  return self->kind_row;
}

AdwComboRow *
tandem_activity_window_get_type_row (TandemActivityWindow *self)
{
  return self->type_row;
}

AdwComboRow *
tandem_activity_window_get_goal_row (TandemActivityWindow *self)
{
  return self->goal_row;
}

AdwComboRow *
tandem_activity_window_get_status_row (TandemActivityWindow *self)
{
  return self->status_row;
}

AdwComboRow *
tandem_activity_window_get_visibility_row (TandemActivityWindow *self)
{
  return self->visibility_row;
}

AdwExpanderRow *
tandem_activity_window_get_history_row (TandemActivityWindow *self)
{
  return self->history_row;
}

AdwComboRow *
tandem_activity_window_get_project_row (TandemActivityWindow *self)
{
  return self->project_row;
}

GtkEditable *
tandem_activity_window_get_campaign_row (TandemActivityWindow *self)
{
  return GTK_EDITABLE (self->campaign_row);
}

const char *
tandem_activity_window_get_campaign_hint (TandemActivityWindow *self)
{
  if (!gtk_widget_get_visible (GTK_WIDGET (self->campaign_hint)))
    return NULL;
  return gtk_label_get_text (self->campaign_hint);
}

AdwActionRow *
tandem_activity_window_get_assigner_row (TandemActivityWindow *self)
{
  return self->assigner_row;
}

TandemChecklistRow *
tandem_activity_window_get_performers_row (TandemActivityWindow *self)
{
  return self->performers_row;
}

TandemRecordPicker *
tandem_activity_window_get_link_row (TandemActivityWindow *self)
{
  return self->link_row;
}

TandemDateTimeRow *
tandem_activity_window_get_start_row (TandemActivityWindow *self)
{
  return self->start_row;
}

TandemDateTimeRow *
tandem_activity_window_get_end_row (TandemActivityWindow *self)
{
  return self->end_row;
}

GtkSwitch *
tandem_activity_window_get_busy_switch (TandemActivityWindow *self)
{
  return self->busy_switch;
}

TandemRecurrenceEditor *
tandem_activity_window_get_recurrence_editor (TandemActivityWindow *self)
{
  return self->recurrence_editor;
}

GtkEditable *
tandem_activity_window_get_message_row (TandemActivityWindow *self)
{
  return GTK_EDITABLE (self->message_row);
}

GtkListBox *
tandem_activity_window_get_messages_list (TandemActivityWindow *self)
{
  return self->messages_list;
}

GtkLabel *
tandem_activity_window_get_message_error (TandemActivityWindow *self)
{
  return self->message_error;
}

const char *
tandem_activity_window_get_error (TandemActivityWindow *self)
{
  if (!gtk_revealer_get_reveal_child (self->banner_revealer))
    return NULL;
  return gtk_label_get_text (self->banner_label);
}

gboolean
tandem_activity_window_select_by_name (AdwComboRow *row,
                                       const char  *name)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), name) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return TRUE;
      }
  return FALSE;
}

const char *
tandem_activity_window_get_selected_name (AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (row)), selected);
}

gboolean
tandem_activity_window_has_unsaved_changes (TandemActivityWindow *self)
{
  g_autoptr(TandemActivity) edited = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (TANDEM_IS_ACTIVITY_WINDOW (self), FALSE);

  edited = collect (self, FALSE, NULL);
  if (edited == NULL || self->clean_fingerprint == NULL)
    return TRUE;
  now = fingerprint (edited);
  return g_strcmp0 (now, self->clean_fingerprint) != 0;
}
