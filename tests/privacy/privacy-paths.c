/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemPrivacy"

#include <glib/gstdio.h>

#include "tandem-label-sheet.h"
#include "tandem-report.h"

#include "privacy-paths.h"

/*
 * The read paths of the privacy suite. Each writes what the store gave
 * the user as plain text: every object with all its properties (and the
 * ids and names that are not properties), every error with its domain,
 * code and message, every number. Two runs on databases that differ only
 * in what the user may not see must write the same text.
 */

/* Dumping what the store returns */

static void dump_object (GString *out, gpointer object, guint depth);

static int
compare_pspecs (gconstpointer a,
                gconstpointer b)
{
  GParamSpec *pa = *(GParamSpec **) a;
  GParamSpec *pb = *(GParamSpec **) b;

  return g_strcmp0 (pa->name, pb->name);
}

static void
dump_value (GString      *out,
            const GValue *value,
            guint         depth)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);

      if (s == NULL)
        g_string_append (out, "NULL");
      else
        g_string_append_printf (out, "\"%s\"", s);
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      g_string_append_c (out, '[');
      for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
        g_string_append_printf (out, "%s\"%s\"", i ? ", " : "", strv[i]);
      g_string_append_c (out, ']');
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);
      g_autofree char *s = dt ? g_date_time_format_iso8601 (dt) : NULL;

      g_string_append (out, s ? s : "NULL");
    }
  else if (G_TYPE_IS_OBJECT (type))
    {
      GObject *object = g_value_get_object (value);

      if (object == NULL)
        g_string_append (out, "NULL");
      else if (depth < 2)
        dump_object (out, object, depth + 1);
      else
        g_string_append (out, G_OBJECT_TYPE_NAME (object));
    }
  else if (g_value_type_transformable (type, G_TYPE_STRING))
    {
      g_auto(GValue) text = G_VALUE_INIT;

      g_value_init (&text, G_TYPE_STRING);
      g_value_transform (value, &text);
      g_string_append (out, g_value_get_string (&text) ? g_value_get_string (&text) : "NULL");
    }
  else
    g_string_append_printf (out, "<%s>", g_type_name (type));
}

static void
dump_ids (GString      *out,
          const char   *name,
          const gint64 *ids,
          guint         n_ids)
{
  g_string_append_printf (out, " %s=[", name);
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (out, ']');
}

static void
dump_strv (GString            *out,
           const char         *name,
           const char * const *strv)
{
  g_string_append_printf (out, " %s=[", name);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    g_string_append_printf (out, "%s\"%s\"", i ? "," : "", strv[i]);
  g_string_append_c (out, ']');
}

/* What some objects hold beside their properties */
static void
dump_extras (GString *out,
             gpointer object)
{
  const gint64 *ids;
  guint n;

  if (TANDEM_IS_RECORD (object))
    g_string_append_printf (out, " #id=%" G_GINT64_FORMAT " #title=\"%s\"",
                            tandem_record_get_id (object),
                            tandem_record_get_title (object) ? tandem_record_get_title (object) : "");
  if (TANDEM_IS_ACTIVITY (object))
    {
      TandemActivity *a = object;
      const TandemReminder *reminders;

      ids = tandem_activity_get_performer_ids (a, &n);
      dump_ids (out, "#performers", ids, n);
      ids = tandem_activity_get_person_ids (a, &n);
      dump_ids (out, "#people", ids, n);
      dump_strv (out, "#person-names", tandem_activity_get_person_names (a));
      ids = tandem_activity_get_group_ids (a, &n);
      dump_ids (out, "#groups", ids, n);
      ids = tandem_activity_get_property_ids (a, &n);
      dump_ids (out, "#properties", ids, n);
      reminders = tandem_activity_get_reminders (a, &n);
      g_string_append (out, " #reminders=[");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "%s%d/%d", i ? "," : "", reminders[i].minutes_before, reminders[i].channel);
      g_string_append_c (out, ']');
    }
  else if (TANDEM_IS_NOTE (object))
    {
      ids = tandem_note_get_group_ids (object, &n);
      dump_ids (out, "#groups", ids, n);
      g_string_append_printf (out, " #author=%" G_GINT64_FORMAT, tandem_note_get_author_id (object));
    }
  else if (TANDEM_IS_PROJECT (object))
    {
      ids = tandem_project_get_group_ids (object, &n);
      dump_ids (out, "#groups", ids, n);
    }
  else if (TANDEM_IS_TASK (object))
    {
      ids = tandem_task_get_group_ids (object, &n);
      dump_ids (out, "#groups", ids, n);
    }
  else if (TANDEM_IS_DOCUMENT (object))
    {
      TandemDocument *d = object;

      ids = tandem_document_get_group_ids (d, &n);
      dump_ids (out, "#groups", ids, n);
      g_string_append_printf (out, " #parent=%d/%" G_GINT64_FORMAT " #parent-name=\"%s\" #file=\"%s\""
                              " #size=%" G_GINT64_FORMAT " #sha256=%s #versions=%u #author=%" G_GINT64_FORMAT
                              " #subject=\"%s\" #sender=\"%s\"",
                              tandem_document_get_parent_kind (d), tandem_document_get_parent_id (d),
                              tandem_document_get_parent_name (d), tandem_document_get_file_name (d),
                              tandem_document_get_size (d), tandem_document_get_sha256 (d),
                              tandem_document_get_version_count (d), tandem_document_get_author_id (d),
                              tandem_document_get_email_subject (d), tandem_document_get_email_sender (d));
    }
  else if (TANDEM_IS_CONTACT (object))
    {
      ids = tandem_contact_get_group_ids (object, &n);
      dump_ids (out, "#groups", ids, n);
      g_string_append_printf (out, " #company=%" G_GINT64_FORMAT, tandem_contact_get_company_id (object));
    }
  else if (TANDEM_IS_CAMPAIGN (object))
    g_string_append_printf (out, " #activities=%u #sales=%u", tandem_campaign_get_n_activities (object),
                            tandem_campaign_get_n_sales (object));
  else if (TANDEM_IS_DOCUMENT_VERSION (object))
    {
      TandemDocumentVersion *v = object;

      g_string_append_printf (out, " #id=%" G_GINT64_FORMAT " #document=%" G_GINT64_FORMAT " #type=%s"
                              " #sha256=%s #added-by=%" G_GINT64_FORMAT,
                              tandem_document_version_get_id (v), tandem_document_version_get_document_id (v),
                              tandem_document_version_get_content_type (v), tandem_document_version_get_sha256 (v),
                              tandem_document_version_get_added_by_id (v));
    }
  else if (TANDEM_IS_SAVED_SEARCH (object))
    {
      g_autofree char *criteria = tandem_saved_search_criteria_to_json (object);

      g_string_append_printf (out, " #owner=%" G_GINT64_FORMAT " #criteria=%s",
                              tandem_saved_search_get_owner_id (object), criteria);
    }
  else if (TANDEM_IS_USER (object))
    dump_strv (out, "#groups", tandem_user_get_groups (object));
  else if (TANDEM_IS_VISIBILITY_CHANGE (object))
    {
      dump_strv (out, "#old-groups", tandem_visibility_change_get_old_groups (object));
      dump_strv (out, "#new-groups", tandem_visibility_change_get_new_groups (object));
    }
  else if (TANDEM_IS_AUDIT_ENTRY (object))
    g_string_append_printf (out, " #user=%" G_GINT64_FORMAT, tandem_audit_entry_get_user_id (object));
  else if (TANDEM_IS_OCCURRENCE (object))
    {
      TandemOccurrence *o = object;

      g_string_append_printf (out, " #activity=%" G_GINT64_FORMAT " #recurrence=%" G_GINT64_FORMAT
                              " #start=%" G_GINT64_FORMAT " #end=%" G_GINT64_FORMAT " #title=\"%s\""
                              " #open-ended=%d #all-day=%d #busy=%d #overdue=%d #status=%d #outcome=%d"
                              " #category=%" G_GINT64_FORMAT " #category-name=\"%s\" #company=\"%s\""
                              " #description=\"%s\" #goal=%" G_GINT64_FORMAT " #priority=%" G_GINT64_FORMAT
                              " #priority-name=\"%s\" #user=%" G_GINT64_FORMAT,
                              tandem_occurrence_get_activity_id (o), tandem_occurrence_get_recurrence_id (o),
                              tandem_occurrence_get_start (o), tandem_occurrence_get_end (o),
                              tandem_occurrence_get_title (o), tandem_occurrence_get_open_ended (o),
                              tandem_occurrence_get_all_day (o), tandem_occurrence_get_busy (o),
                              tandem_occurrence_get_overdue (o), tandem_occurrence_get_status (o),
                              tandem_occurrence_get_outcome (o), tandem_occurrence_get_category_id (o),
                              tandem_occurrence_get_category_name (o), tandem_occurrence_get_company_name (o),
                              tandem_occurrence_get_description (o), tandem_occurrence_get_goal_id (o),
                              tandem_occurrence_get_priority_id (o), tandem_occurrence_get_priority_name (o),
                              tandem_occurrence_get_user_id (o));
    }
  else if (TANDEM_IS_SEARCH_HIT (object))
    {
      TandemSearchHit *h = object;

      g_string_append_printf (out, " #kind=%d #id=%" G_GINT64_FORMAT " #title=\"%s\" #snippet=\"%s\""
                              " #parent=%d/%" G_GINT64_FORMAT " #parent-name=\"%s\"",
                              tandem_search_hit_get_kind (h), tandem_search_hit_get_id (h),
                              tandem_search_hit_get_title (h), tandem_search_hit_get_snippet (h),
                              tandem_search_hit_get_parent_kind (h), tandem_search_hit_get_parent_id (h),
                              tandem_search_hit_get_parent_name (h));
    }
}

static void
dump_object (GString  *out,
             gpointer  object,
             guint     depth)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  if (object == NULL)
    {
      g_string_append (out, "NULL");
      return;
    }
  g_string_append_printf (out, "%s{", G_OBJECT_TYPE_NAME (object));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  qsort (pspecs, n_pspecs, sizeof (GParamSpec *), compare_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_string_append_printf (out, "%s%s=", i ? " " : "", pspecs[i]->name);
      dump_value (out, &value, depth);
    }
  dump_extras (out, object);
  g_string_append (out, "}");
}

static void
put_object (GString    *out,
            const char *label,
            gpointer    object,
            GError     *error)
{
  g_string_append_printf (out, "%s: ", label);
  if (error != NULL)
    g_string_append_printf (out, "error %s %d: %s", g_quark_to_string (error->domain), error->code, error->message);
  else
    dump_object (out, object, 0);
  g_string_append_c (out, '\n');
}

static void
put_array (GString    *out,
           const char *label,
           GPtrArray  *array,
           GError     *error)
{
  g_string_append_printf (out, "%s: ", label);
  if (error != NULL)
    g_string_append_printf (out, "error %s %d: %s\n", g_quark_to_string (error->domain), error->code, error->message);
  else if (array == NULL)
    g_string_append (out, "NULL\n");
  else
    {
      g_string_append_printf (out, "%u\n", array->len);
      for (guint i = 0; i < array->len; i++)
        {
          g_string_append (out, "  ");
          dump_object (out, g_ptr_array_index (array, i), 0);
          g_string_append_c (out, '\n');
        }
    }
}

static void
put_number (GString    *out,
            const char *label,
            gint64      n,
            GError     *error)
{
  if (error != NULL)
    g_string_append_printf (out, "%s: error %s %d: %s\n", label, g_quark_to_string (error->domain),
                            error->code, error->message);
  else
    g_string_append_printf (out, "%s: %" G_GINT64_FORMAT "\n", label, n);
}

static void
put_text (GString    *out,
          const char *label,
          const char *text,
          GError     *error)
{
  if (error != NULL)
    g_string_append_printf (out, "%s: error %s %d: %s\n", label, g_quark_to_string (error->domain),
                            error->code, error->message);
  else
    g_string_append_printf (out, "%s: %s\n", label, text ? text : "NULL");
}

static void
put_strv (GString    *out,
          const char *label,
          GStrv       strv,
          GError     *error)
{
  g_autofree char *joined = strv ? g_strjoinv ("|", strv) : NULL;

  put_text (out, label, joined, error);
}

/* The records of the organisation of a kind, hidden ones included: a card
 * read by id must say "not found" alike for a hidden record and for one
 * that never was. */
#define FOR_EACH_RECORD(ctx, record_kind, record) \
  for (guint _i = 0; _i < (ctx)->org->records->len; _i++) \
    if (((record) = g_ptr_array_index ((ctx)->org->records, _i))->kind == (record_kind))

/* A few ids past the last, which were never used */
#define N_MISSING 2

static GDateTime *
day_at (PrivacyCtx *ctx,
        int         day)
{
  return g_date_time_add_days (ctx->org->week, day);
}

static char *
day_text (PrivacyCtx *ctx,
          int         day)
{
  g_autoptr(GDateTime) d = day_at (ctx, day);

  return g_date_time_format (d, "%Y-%m-%d");
}

/* Runs pdftotext on @pdf; the text of the pages, or the reason there is none. */
static char *
pdf_text (const char *pdf)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    g_error ("pdftotext: %s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("pdftotext %s: %s", pdf, err);
  return g_steal_pointer (&out);
}

/* The read paths */

static void
read_session (PrivacyCtx *ctx,
              GString    *out)
{
  put_object (out, "user", tandem_store_get_user (ctx->store), NULL);
  put_number (out, "needs-first-admin", tandem_store_needs_first_admin (ctx->store), NULL);
}

static void
read_users_and_groups (PrivacyCtx *ctx,
                       GString    *out)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  g_autoptr(GPtrArray) users = tandem_store_list_users (ctx->store, &e1);
  g_autoptr(GPtrArray) groups = tandem_store_list_groups (ctx->store, &e2);
  g_autoptr(GPtrArray) roles = tandem_store_list_partner_roles (ctx->store, &e3);

  put_array (out, "users", users, e1);
  put_array (out, "groups", groups, e2);
  put_array (out, "partner-roles", roles, e3);
}

static void
read_fields (PrivacyCtx *ctx,
             GString    *out)
{
  TandemKind kinds[] = { TANDEM_KIND_COMPANY, TANDEM_KIND_PERSON };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GPtrArray) fields = tandem_store_list_fields (ctx->store, kinds[i], &error);
      g_autoptr(TandemField) field = tandem_store_find_field (ctx->store, kinds[i], "Industry", &e2);

      put_array (out, "fields", fields, error);
      put_object (out, "field Industry", field, e2);
    }
}

static void
read_registers (PrivacyCtx *ctx,
                GString    *out)
{
  TandemKind counted[] = {
    TANDEM_KIND_COMPANY, TANDEM_KIND_PERSON, TANDEM_KIND_NOTE, TANDEM_KIND_ACTIVITY,
    TANDEM_KIND_PROJECT, TANDEM_KIND_TASK,
  };
  TandemKind listed[] = { TANDEM_KIND_COMPANY, TANDEM_KIND_PERSON };

  for (guint i = 0; i < G_N_ELEMENTS (counted); i++)
    {
      g_autoptr(GError) error = NULL;
      guint n = tandem_store_count (ctx->store, counted[i], &error);
      g_autofree char *label = g_strdup_printf ("count %s", tandem_kind_to_string (counted[i]));

      put_number (out, label, n, error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (listed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) all = tandem_store_list_page (ctx->store, listed[i], NULL, 0, 0, 100, &error);

      put_array (out, "register", all, error);
      /* A page at a time, as the lists scroll */
      for (guint skip = 0; skip < 6; skip += 2)
        {
          g_autoptr(GError) e2 = NULL;
          g_autoptr(GPtrArray) page = tandem_store_list_page (ctx->store, listed[i], "B", 0, skip, 2, &e2);

          put_array (out, "page", page, e2);
        }
    }
}

static void
read_company_cards (PrivacyCtx *ctx,
                    GString    *out)
{
  PrivacyRecord *record;

  FOR_EACH_RECORD (ctx, PRIVACY_COMPANY, record)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;
      g_autoptr(GError) e5 = NULL;
      g_autoptr(TandemCompany) company = tandem_store_get_company (ctx->store, record->id, &e1);
      g_autoptr(GPtrArray) people = tandem_store_list_people_of (ctx->store, record->id, &e2);
      g_autoptr(GPtrArray) notes = tandem_store_list_notes (ctx->store, TANDEM_KIND_COMPANY, record->id, &e3);
      g_autoptr(GPtrArray) activities = tandem_store_list_activities_of (ctx->store, TANDEM_KIND_COMPANY,
                                                                        record->id, &e4);
      g_autoptr(GPtrArray) groups = tandem_store_list_groups_of (ctx->store, TANDEM_KIND_COMPANY, record->id, &e5);

      put_object (out, "company", company, e1);
      put_array (out, "people", people, e2);
      put_array (out, "notes", notes, e3);
      put_array (out, "activities", activities, e4);
      put_array (out, "contact groups", groups, e5);
    }
}

static void
read_person_cards (PrivacyCtx *ctx,
                   GString    *out)
{
  PrivacyRecord *record;

  FOR_EACH_RECORD (ctx, PRIVACY_PERSON, record)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;
      g_autoptr(GError) e5 = NULL;
      g_autoptr(TandemPerson) person = tandem_store_get_person (ctx->store, record->id, &e1);
      g_autoptr(GPtrArray) notes = tandem_store_list_notes (ctx->store, TANDEM_KIND_PERSON, record->id, &e3);
      g_autoptr(GPtrArray) activities = tandem_store_list_activities_of (ctx->store, TANDEM_KIND_PERSON,
                                                                        record->id, &e4);
      g_autoptr(GPtrArray) groups = tandem_store_list_groups_of (ctx->store, TANDEM_KIND_PERSON, record->id, &e5);

      put_object (out, "person", person, e1);
      put_array (out, "notes", notes, e3);
      put_array (out, "activities", activities, e4);
      put_array (out, "contact groups", groups, e5);
    }
}

static void
read_note_cards (PrivacyCtx *ctx,
                 GString    *out)
{
  PrivacyRecord *record;

  FOR_EACH_RECORD (ctx, PRIVACY_NOTE, record)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(TandemNote) note = tandem_store_get_note (ctx->store, record->id, &e1);
      g_autoptr(GPtrArray) changes = tandem_store_list_visibility_changes (ctx->store, TANDEM_KIND_NOTE,
                                                                          record->id, &e2);

      put_object (out, "note", note, e1);
      put_array (out, "visibility history", changes, e2);
    }
}

static void
read_activity_cards (PrivacyCtx *ctx,
                     GString    *out)
{
  PrivacyRecord *record;

  FOR_EACH_RECORD (ctx, PRIVACY_ACTIVITY, record)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;
      g_autoptr(GError) e5 = NULL;
      g_autoptr(GError) e6 = NULL;
      g_autoptr(TandemActivity) activity = tandem_store_get_activity (ctx->store, record->id, &e1);
      g_autoptr(GPtrArray) messages = tandem_store_list_messages (ctx->store, record->id, &e2);
      g_autoptr(GPtrArray) attachments = tandem_store_list_attachments (ctx->store, record->id, &e3);
      g_autoptr(GPtrArray) changes = tandem_store_list_visibility_changes (ctx->store, TANDEM_KIND_ACTIVITY,
                                                                          record->id, &e4);
      gint64 seconds = tandem_store_get_tracked_seconds (ctx->store, record->id, &e5);
      g_autofree char *subject = NULL;
      g_autofree char *body = tandem_store_format_activity_report (ctx->store, record->id, &subject, &e6);

      put_object (out, "activity", activity, e1);
      put_array (out, "discussion", messages, e2);
      put_array (out, "files and links", attachments, e3);
      put_array (out, "visibility history", changes, e4);
      put_number (out, "tracked seconds", seconds > 0, e5);
      put_text (out, "report subject", subject, e6);
      put_text (out, "report body", body, NULL);
    }
}

static void
read_attachment_data (PrivacyCtx *ctx,
                      GString    *out)
{
  PrivacyRecord *record;

  for (guint i = 0; i < ctx->org->records->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) data = NULL;
      g_autofree char *text = NULL;

      /* Files on activities are documents; links are not files */
      record = g_ptr_array_index (ctx->org->records, i);
      if (record->kind != PRIVACY_DOCUMENT && record->kind != PRIVACY_ATTACHMENT)
        continue;
      data = tandem_store_read_document (ctx->store, record->id, 0, NULL, &error);
      text = data ? g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data)) : NULL;
      put_text (out, "attachment", text, error);
    }
}

static void
read_occurrence_cards (PrivacyCtx *ctx,
                       GString    *out)
{
  PrivacyRecord *record;

  FOR_EACH_RECORD (ctx, PRIVACY_ACTIVITY, record)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemActivity) occurrence = NULL;

      g_autoptr(GError) e2 = NULL;
      g_autoptr(TandemActivity) second = NULL;

      if (record->start == NULL)
        continue;
      /* The first occurrence, and the second week's of a weekly one */
      occurrence = tandem_store_get_occurrence_activity (ctx->store, record->id,
                                                        g_date_time_to_unix (record->start), &error);
      second = tandem_store_get_occurrence_activity (ctx->store, record->id,
                                                    g_date_time_to_unix (record->start) + 7 * 24 * 3600, &e2);
      put_object (out, "occurrence", occurrence, error);
      put_object (out, "next week", second, e2);
    }
}

static void
read_project_cards (PrivacyCtx *ctx,
                    GString    *out)
{
  PrivacyRecord *record;

  FOR_EACH_RECORD (ctx, PRIVACY_PROJECT, record)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;
      g_autoptr(GError) e5 = NULL;
      g_autoptr(TandemProject) project = tandem_store_get_project (ctx->store, record->id, &e1);
      g_autoptr(GPtrArray) members = tandem_store_list_project_members (ctx->store, record->id, &e2);
      g_autoptr(GPtrArray) tasks = tandem_store_list_tasks (ctx->store, record->id, &e3);
      g_autoptr(GPtrArray) notes = tandem_store_list_notes (ctx->store, TANDEM_KIND_PROJECT, record->id, &e4);
      g_autoptr(GPtrArray) changes = tandem_store_list_visibility_changes (ctx->store, TANDEM_KIND_PROJECT,
                                                                          record->id, &e5);

      put_object (out, "project", project, e1);
      put_array (out, "team", members, e2);
      put_array (out, "tasks", tasks, e3);
      put_array (out, "notes", notes, e4);
      put_array (out, "visibility history", changes, e5);
      for (guint u = 0; u < PRIVACY_N_USERS; u++)
        g_string_append_printf (out, "member %s: %d\n", ctx->org->users[u].login,
                                tandem_store_is_project_member (ctx->store, record->id, ctx->org->users[u].id));
    }
}

static void
read_task_cards (PrivacyCtx *ctx,
                 GString    *out)
{
  PrivacyRecord *record;
  g_autoptr(GError) e0 = NULL;
  g_autoptr(GPtrArray) mine = tandem_store_list_my_tasks (ctx->store, &e0);

  put_array (out, "my tasks", mine, e0);
  FOR_EACH_RECORD (ctx, PRIVACY_TASK, record)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(TandemTask) task = tandem_store_get_task (ctx->store, record->id, &e1);
      g_autoptr(GPtrArray) changes = tandem_store_list_visibility_changes (ctx->store, TANDEM_KIND_TASK,
                                                                          record->id, &e2);

      put_object (out, "task", task, e1);
      put_array (out, "visibility history", changes, e2);
    }
}

static void
read_missing_cards (PrivacyCtx *ctx,
                    GString    *out)
{
  /* Ids that were never used answer as hidden ones do */
  for (gint64 id = 900; id < 900 + N_MISSING; id++)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;
      g_autoptr(TandemNote) note = tandem_store_get_note (ctx->store, id, &e1);
      g_autoptr(TandemActivity) activity = tandem_store_get_activity (ctx->store, id, &e2);
      g_autoptr(TandemProject) project = tandem_store_get_project (ctx->store, id, &e3);
      g_autoptr(TandemTask) task = tandem_store_get_task (ctx->store, id, &e4);

      put_object (out, "note", note, e1);
      put_object (out, "activity", activity, e2);
      put_object (out, "project", project, e3);
      put_object (out, "task", task, e4);
    }
}

static void
read_project_lists (PrivacyCtx *ctx,
                    GString    *out)
{
  TandemProjectQuery queries[] = {
    { .of = TANDEM_PROJECTS_ALL },
    { .of = TANDEM_PROJECTS_SALES, .open_only = TRUE, .sort = TANDEM_PROJECT_SORT_VALUE, .descending = TRUE },
    { .of = TANDEM_PROJECTS_DELIVERY, .sort = TANDEM_PROJECT_SORT_UPDATED },
    { .of = TANDEM_PROJECTS_SALES, .won_only = TRUE },
    { .of = TANDEM_PROJECTS_SALES, .lost_only = TRUE },
    { .of = TANDEM_PROJECTS_ALL, .company_id = ctx->org->acme->id, .sort = TANDEM_PROJECT_SORT_STAGE },
    { .of = TANDEM_PROJECTS_ALL, .text = "deal", .sort = TANDEM_PROJECT_SORT_COMPANY },
    { .of = TANDEM_PROJECTS_ALL, .mine = TRUE, .sort = TANDEM_PROJECT_SORT_CLOSE_DATE },
    { .of = TANDEM_PROJECTS_ALL, .offset = 1, .limit = 2, .sort = TANDEM_PROJECT_SORT_NAME },
    { .of = TANDEM_PROJECTS_SALES, .seller_id = ctx->org->users[PRIVACY_OLLI].id },
    { .of = TANDEM_PROJECTS_SALES, .product_id = ctx->org->product_id },
    { .of = TANDEM_PROJECTS_ALL, .member_id = ctx->org->users[PRIVACY_MIA].id },
    { .of = TANDEM_PROJECTS_SALES, .stage_id = 2 },
    { .of = TANDEM_PROJECTS_SALES, .campaign_id = ctx->org->campaign_shared },
    { .of = TANDEM_PROJECTS_SALES, .campaign_id = ctx->org->campaign_private },
  };
  g_autofree char *from = day_text (ctx, 0);
  g_autofree char *to = day_text (ctx, 11);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GPtrArray) projects = tandem_store_list_projects (ctx->store, &queries[i], &e1);
      guint n = tandem_store_count_projects (ctx->store, &queries[i], &e2);

      put_array (out, "projects", projects, e1);
      put_number (out, "count", n, e2);
    }
  {
    TandemProjectQuery q = { .of = TANDEM_PROJECTS_SALES, .close_from = from, .close_to = to };
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) projects = tandem_store_list_projects (ctx->store, &q, &error);

    put_array (out, "closing", projects, error);
  }
}

static void
read_search (PrivacyCtx *ctx,
             GString    *out)
{
  PrivacyRecord *record;
  const char *words[] = {
    "secret", "acme", "borealis", "visit", "note", "price", "board", "crane", "sales", "deal",
    "press", "2026", "Helsinki", "team", "quiet",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    for (guint limit = 3; limit <= 200; limit = limit == 3 ? 200 : 201)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) hits = tandem_store_search (ctx->store, words[i], limit, &error);
        g_autofree char *label = g_strdup_printf ("search \"%s\" limit %u", words[i], limit);

        put_array (out, label, hits, error);
      }
  /* Every marker, hidden ones too: found only when seen */
  for (guint i = 0; i < ctx->org->records->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) hits = NULL;

      record = g_ptr_array_index (ctx->org->records, i);
      g_autofree char *label = NULL;

      hits = tandem_store_search (ctx->store, record->marker, 50, &error);
      /* Labelled by its place in the list, not by the marker itself */
      label = g_strdup_printf ("search for the marker of record %u", i);
      put_array (out, label, hits, error);
    }
}

static void
read_calendars (PrivacyCtx *ctx,
                GString    *out)
{
  struct { int from, to; } ranges[] = { { 7, 8 }, { 8, 9 }, { 7, 14 }, { 0, 35 }, { -7, 63 } };

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (guint u = 0; u < PRIVACY_N_USERS; u++)
      for (int cancelled = 0; cancelled <= 1; cancelled++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GDateTime) from = day_at (ctx, ranges[r].from);
          g_autoptr(GDateTime) to = day_at (ctx, ranges[r].to);
          g_autoptr(GPtrArray) occurrences = tandem_store_list_occurrences (ctx->store, ctx->org->users[u].id,
                                                                           from, to, cancelled, &error);
          g_autofree char *label = g_strdup_printf ("calendar of %s, days %d–%d%s", ctx->org->users[u].login,
                                                    ranges[r].from, ranges[r].to,
                                                    cancelled ? ", with cancelled" : "");

          put_array (out, label, occurrences, error);
        }
}

static void
read_day_plans (PrivacyCtx *ctx,
                GString    *out)
{
  for (int day = 6; day <= 12; day++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) when = day_at (ctx, day);
      g_autoptr(GPtrArray) plan = tandem_store_list_day_plan (ctx->store, when, &error);

      put_array (out, "day plan", plan, error);
    }
}

static void
read_start_page (PrivacyCtx *ctx,
                 GString    *out)
{
  int days[] = { 0, 9, 12, 40 };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) now = day_at (ctx, days[i]);
      g_autoptr(GPtrArray) list = tandem_store_list_start_page (ctx->store, now, &error);

      put_array (out, "start page", list, error);
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) list = tandem_store_list_to_complete (ctx->store, &error);

    put_array (out, "to complete", list, error);
  }
}

static void
read_sellers_view (PrivacyCtx *ctx,
                   GString    *out)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GPtrArray) terms = tandem_store_list_terms (ctx->store, TANDEM_TERM_CATEGORY, &e1);

  put_array (out, "categories", terms, e1);
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 id = tandem_term_get_id (g_ptr_array_index (terms, i));
      g_autoptr(GPtrArray) list = tandem_store_list_category_activities (ctx->store, id, 3, &error);

      put_array (out, "category", list, error);
    }
  for (guint u = 0; u < PRIVACY_N_USERS; u++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) progress = tandem_store_list_target_progress (ctx->store, ctx->org->users[u].id,
                                                                        ctx->org->now, &error);
      g_autofree char *label = g_strdup_printf ("target progress of %s", ctx->org->users[u].login);

      put_array (out, label, progress, error);
    }
}

static void
read_terms_and_settings (PrivacyCtx *ctx,
                         GString    *out)
{
  for (TandemTermSet set = 0; set < TANDEM_N_TERM_SETS; set++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) terms = tandem_store_list_terms (ctx->store, set, &error);

      put_array (out, "terms", terms, error);
    }
  {
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;
    g_autoptr(GError) e3 = NULL;
    g_autoptr(GError) e4 = NULL;
    g_autoptr(GError) e5 = NULL;
    g_autoptr(GError) e6 = NULL;
    g_autoptr(GError) e7 = NULL;
    g_autoptr(TandemTerm) term = tandem_store_get_term (ctx->store, 34, &e1);
    g_autoptr(GPtrArray) stages = tandem_store_list_stages (ctx->store, &e2);
    g_autoptr(TandemStage) stage = tandem_store_get_stage (ctx->store, 2, &e3);
    g_autoptr(TandemStage) found = tandem_store_find_stage (ctx->store, "Offer", &e4);
    g_autoptr(GPtrArray) products = tandem_store_list_products (ctx->store, TRUE, &e5);
    g_autoptr(TandemProduct) product = tandem_store_find_product (ctx->store, "Hydraulic press", &e6);
    g_auto(GStrv) currencies = tandem_store_list_sale_currencies (ctx->store, &e7);

    put_object (out, "term", term, e1);
    put_array (out, "stages", stages, e2);
    put_object (out, "stage", stage, e3);
    put_object (out, "found stage", found, e4);
    put_array (out, "products", products, e5);
    put_object (out, "product", product, e6);
    put_strv (out, "currencies", currencies, e7);
  }
}

static void
read_busy_conflicts (PrivacyCtx *ctx,
                     GString    *out)
{
  PrivacyRecord *record;

  /* A busy activity for everyone, at the time of each busy one: the
   * refusal names the other's time, and its title only when seen (D5, E3).
   * Nothing is kept. */
  FOR_EACH_RECORD (ctx, PRIVACY_ACTIVITY, record)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TandemActivity) probe = NULL;
      gint64 ids[PRIVACY_N_USERS];
      g_autoptr(GDateTime) start = NULL;
      g_autoptr(GDateTime) end = NULL;
      gint64 id;

      if (record->start == NULL || !record->busy)
        continue;
      probe = tandem_activity_new ("Probe");
      for (guint u = 0; u < PRIVACY_N_USERS; u++)
        ids[u] = ctx->org->users[u].id;
      start = g_date_time_add_minutes (record->start, 10);
      end = g_date_time_add_minutes (start, 20);
      tandem_activity_set_tzid (probe, "UTC");
      tandem_activity_set_times (probe, start, end);
      tandem_activity_set_performer_ids (probe, ids, PRIVACY_N_USERS);
      tandem_activity_set_busy (probe, TRUE);
      g_assert_true (tandem_store_begin (ctx->store, NULL));
      id = tandem_store_save_activity (ctx->store, probe, &error);
      tandem_store_rollback (ctx->store);
      /* A new id tells how many rows there are: only whether it was saved */
      put_number (out, "probe saved", id > 0, error);
    }
}

static void
read_notifications (PrivacyCtx *ctx,
                    GString    *out)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  g_autoptr(GPtrArray) all = tandem_store_list_notifications (ctx->store, 0, &e1);
  g_autoptr(GPtrArray) few = tandem_store_list_notifications (ctx->store, 2, &e2);
  guint unread = tandem_store_count_unread_notifications (ctx->store, &e3);

  put_array (out, "notifications", all, e1);
  put_array (out, "latest two", few, e2);
  put_number (out, "unread", unread, e3);

  /* Reminders that come due later; their new rows are not kept */
  for (int day = 14; day <= 28; day += 14)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) midnight = day_at (ctx, day);
      g_autoptr(GDateTime) now = g_date_time_add_hours (midnight, 7);
      g_autoptr(GPtrArray) fired = NULL;
      g_autoptr(GString) text = g_string_new (NULL);

      g_assert_true (tandem_store_begin (ctx->store, NULL));
      fired = tandem_store_collect_notifications (ctx->store, now, &error);
      tandem_store_rollback (ctx->store);
      for (guint i = 0; fired != NULL && i < fired->len; i++)
        {
          TandemNotification *n = g_ptr_array_index (fired, i);

          g_string_append_printf (text, "\n  %s / %" G_GINT64_FORMAT, tandem_notification_get_title (n),
                                  tandem_notification_get_fire_at (n));
        }
      put_text (out, "collected", text->str, error);
    }
}

static void
read_timers (PrivacyCtx *ctx,
             GString    *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) started = NULL;
  gint64 running = tandem_store_get_running_timer (ctx->store, &started, &error);

  put_number (out, "running timer", running, error);
  for (TandemTimeBy by = TANDEM_TIME_BY_USER; by <= TANDEM_TIME_BY_WEEK; by++)
    {
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GDateTime) from = day_at (ctx, -7);
      g_autoptr(GDateTime) to = day_at (ctx, 63);
      g_autoptr(GPtrArray) rows = tandem_store_time_report (ctx->store, by, from, to, &e2);
      g_autoptr(GString) text = g_string_new (NULL);

      /* Timers run for a second or so: how many rows, and whose */
      for (guint i = 0; rows != NULL && i < rows->len; i++)
        g_string_append_printf (text, "%s|", tandem_report_row_get_key (g_ptr_array_index (rows, i)));
      put_text (out, "time report keys", text->str, e2);
    }
}

static void
read_store_reports (PrivacyCtx *ctx,
                    GString    *out)
{
  const char *from = ctx->org->from_day;
  const char *to = ctx->org->to_day;
  TandemReportBy pipeline_bys[] = {
    TANDEM_REPORT_BY_STAGE, TANDEM_REPORT_BY_SELLER, TANDEM_REPORT_BY_PRODUCT, TANDEM_REPORT_BY_MONTH,
  };
  TandemReportBy activity_bys[] = {
    TANDEM_REPORT_BY_CATEGORY, TANDEM_REPORT_BY_KIND, TANDEM_REPORT_BY_TYPE, TANDEM_REPORT_BY_USER,
    TANDEM_REPORT_BY_MONTH, TANDEM_REPORT_BY_WEEK,
  };

  for (guint i = 0; i < G_N_ELEMENTS (pipeline_bys); i++)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GPtrArray) rows = tandem_store_pipeline_report (ctx->store, pipeline_bys[i], from, to, &e1);
      g_autoptr(GPtrArray) unbounded = tandem_store_pipeline_report (ctx->store, pipeline_bys[i], NULL, NULL, &e2);
      g_autoptr(GPtrArray) filtered = tandem_store_pipeline_report_filtered (ctx->store, pipeline_bys[i], NULL, NULL,
                                                                            ctx->org->users[PRIVACY_OLLI].id,
                                                                            ctx->org->product_id, &e3);

      put_array (out, "pipeline", rows, e1);
      put_array (out, "pipeline unbounded", unbounded, e2);
      put_array (out, "pipeline of a seller and product", filtered, e3);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = tandem_store_forecast_report (ctx->store,
                                                               i ? TANDEM_REPORT_BY_SELLER : TANDEM_REPORT_BY_MONTH,
                                                               from, to, &error);

      put_array (out, "forecast", rows, error);
    }
  {
    g_autoptr(GError) e1 = NULL;
    g_autoptr(GError) e2 = NULL;
    g_autofree char *today = g_date_time_format (ctx->org->now, "%Y-%m-%d");
    g_autoptr(GPtrArray) history = tandem_store_pipeline_history (ctx->store, from, today, &e1);
    g_autoptr(GPtrArray) targets = tandem_store_target_report (ctx->store, from, to, &e2);

    put_array (out, "development", history, e1);
    put_array (out, "targets", targets, e2);
  }
  for (guint i = 0; i < G_N_ELEMENTS (activity_bys); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = tandem_store_activity_report (ctx->store, activity_bys[i], from, to, &error);

      put_array (out, "activities", rows, error);
    }
}

/* The reports as the Reports page shows, exports and prints them (J3);
 * tracked time is left to read_timers, whose seconds depend on the clock. */
static void
read_report_exports (PrivacyCtx *ctx,
                     GString    *out)
{
  const char *currencies[] = { NULL, "EUR", "PLN", "USD" };

  for (TandemReportType type = 0; type < TANDEM_N_REPORT_TYPES; type++)
    {
      const TandemReportBy *bys = tandem_report_type_get_bys (type);

      if (type == TANDEM_REPORT_TIME)
        continue;
      for (guint b = 0; bys[b] != (TandemReportBy) -1; b++)
        for (guint c = 0; c < G_N_ELEMENTS (currencies); c++)
          {
            g_autoptr(GError) error = NULL;
            g_autoptr(TandemReport) report = NULL;
            g_autofree char *csv = NULL;

            if (c > 0 && type != TANDEM_REPORT_PIPELINE && type != TANDEM_REPORT_FORECAST)
              break;
            report = tandem_report_build (ctx->store, type, bys[b], ctx->org->from_day, ctx->org->to_day,
                                          currencies[c], &error);
            if (report != NULL)
              csv = tandem_report_to_csv (report);
            put_text (out, "csv", csv, error);
            if (report != NULL && b == 0 && c == 0)
              {
                g_autoptr(GError) e2 = NULL;
                g_autofree char *pdf = g_build_filename (ctx->scratch, "report.pdf", NULL);
                g_autofree char *text = NULL;
                g_auto(GStrv) ticks = tandem_report_get_tick_labels (report);

                g_assert_true (tandem_report_write_pdf (report, pdf, &e2));
                g_assert_no_error (e2);
                text = pdf_text (pdf);
                put_text (out, "pdf", text, NULL);
                put_strv (out, "ticks", ticks, NULL);
                put_text (out, "title", tandem_report_get_title (report), NULL);
                put_text (out, "subtitle", tandem_report_get_subtitle (report), NULL);
              }
          }
    }
  {
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) list = tandem_report_list_currencies (ctx->store, &error);

    put_strv (out, "report currencies", list, error);
  }
}

static void
read_contact_groups (PrivacyCtx *ctx,
                     GString    *out)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  g_autoptr(GPtrArray) groups = tandem_store_list_contact_groups (ctx->store, &e1);
  g_autoptr(TandemContactGroup) group = tandem_store_get_contact_group (ctx->store, 1, &e2);
  g_autoptr(TandemContactGroup) found = tandem_store_find_contact_group (ctx->store, "Do not contact", &e3);
  gint64 mailing = 1, dnc = 4;
  TandemGroupFilter filters[] = {
    { .kind = TANDEM_KIND_NONE },
    { .include = &mailing, .n_include = 1 },
    { .exclude = &dnc, .n_exclude = 1, .kind = TANDEM_KIND_PERSON },
    { .text = "acme" },
  };

  put_array (out, "contact groups", groups, e1);
  put_object (out, "group", group, e2);
  put_object (out, "found", found, e3);
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(GError) e4 = NULL;
      g_autoptr(GError) e5 = NULL;
      guint n = tandem_store_count_group_contacts (ctx->store, &filters[i], &e4);
      g_autoptr(GPtrArray) contacts = tandem_store_list_group_contacts (ctx->store, &filters[i], 0, 50, &e5);

      put_number (out, "group contacts", n, e4);
      put_array (out, "contacts", contacts, e5);
    }
}

static void
read_saved_searches (PrivacyCtx *ctx,
                     GString    *out)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GPtrArray) searches = tandem_store_list_saved_searches (ctx->store, &e1);
  gint64 ids[] = { ctx->org->sales_search, ctx->org->private_search };

  put_array (out, "saved searches", searches, e1);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ids[i]);
      g_autoptr(TandemSavedSearch) search = tandem_store_find_saved_search (ctx->store, id, &e2);
      guint n = 0;
      g_autoptr(GPtrArray) found = NULL;

      put_object (out, "saved search", search, e2);
      if (search == NULL)
        continue;
      n = tandem_store_count_search_matches (ctx->store, search, &e3);
      found = tandem_store_run_saved_search (ctx->store, search, 0, 50, &e4);
      put_number (out, "matches", n, e3);
      put_array (out, "found", found, e4);
    }
}

static void
read_campaigns (PrivacyCtx *ctx,
                GString    *out)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GPtrArray) campaigns = tandem_store_list_campaigns (ctx->store, &e1);
  gint64 ids[] = { ctx->org->campaign_shared, ctx->org->campaign_private };

  put_array (out, "campaigns", campaigns, e1);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;
      g_autoptr(GError) e5 = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, ids[i]);
      g_autoptr(TandemCampaign) campaign = tandem_store_get_campaign (ctx->store, ids[i], &e2);
      g_autoptr(TandemCampaign) found = tandem_store_find_campaign (ctx->store, id, &e3);
      guint n = tandem_store_count_campaign_targets (ctx->store, ids[i], &e4);
      g_autoptr(GPtrArray) targets = tandem_store_list_campaign_targets (ctx->store, ids[i], 0, 50, &e5);
      TandemProjectQuery sales = { .of = TANDEM_PROJECTS_SALES, .campaign_id = ids[i] };
      g_autoptr(GError) e6 = NULL;
      g_autoptr(GPtrArray) projects = tandem_store_list_projects (ctx->store, &sales, &e6);

      put_object (out, "campaign", campaign, e2);
      put_object (out, "found", found, e3);
      put_number (out, "targets", n, e4);
      put_array (out, "target list", targets, e5);
      put_array (out, "sales", projects, e6);
    }
}

typedef struct
{
  TandemRecipientCursor *cursor;
} CursorSource;

static TandemPostalAddress *
next_address (gpointer   user_data,
              GError   **error)
{
  CursorSource *source = user_data;

  return tandem_recipient_cursor_next (source->cursor, error);
}

static void
put_recipients (PrivacyCtx                 *ctx,
                GString                    *out,
                const TandemRecipientQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) e2 = NULL;
  guint left_out = 0;
  guint n = tandem_store_count_recipients (ctx->store, query, &left_out, &error);
  g_autoptr(TandemRecipientCursor) cursor = NULL;
  TandemPostalAddress *address;

  put_number (out, "recipients", n, error);
  put_number (out, "left out", left_out, NULL);
  cursor = tandem_store_open_recipients (ctx->store, query, &e2);
  if (cursor == NULL)
    {
      put_text (out, "cursor", NULL, e2);
      return;
    }
  for (guint pass = 0; pass < 2; pass++)
    {
      while ((address = tandem_recipient_cursor_next (cursor, &e2)) != NULL)
        {
          g_string_append_printf (out, "  %s / %s / %s / %s %s / %s / %" G_GINT64_FORMAT "\n",
                                  address->name, address->contact, address->street, address->postcode,
                                  address->city, address->country, address->company_id);
          tandem_postal_address_free (address);
        }
      put_number (out, "left out while reading", tandem_recipient_cursor_get_n_left_out (cursor), e2);
      tandem_recipient_cursor_rewind (cursor);
    }

  /* The label sheet itself, as a PDF (I4) */
  {
    g_autoptr(GError) e3 = NULL;
    g_autoptr(TandemLabelTemplate) template = tandem_store_find_label_template (ctx->store, "L7160", &e3);
    g_autoptr(TandemLabelSheet) sheet = NULL;
    g_autofree char *pdf = g_build_filename (ctx->scratch, "labels.pdf", NULL);
    CursorSource source = { cursor };
    guint n_labels = 0, n_pages = 0;

    g_assert_no_error (e3);
    sheet = tandem_label_sheet_new (template);
    tandem_label_sheet_set_home_country (sheet, "FI");
    g_unlink (pdf);
    if (tandem_label_sheet_write_pdf (sheet, pdf, next_address, &source, &n_labels, &n_pages, &e3))
      {
        g_autofree char *text = pdf_text (pdf);

        put_text (out, "labels pdf", text, NULL);
      }
    else
      put_text (out, "labels pdf", NULL, e3);
    g_string_append_printf (out, "labels %u pages %u\n", n_labels, n_pages);
  }
}

static void
read_label_recipients (PrivacyCtx *ctx,
                       GString    *out)
{
  gint64 mailing = 1;
  TandemGroupFilter all = { .kind = TANDEM_KIND_NONE };
  TandemGroupFilter mailing_list = { .include = &mailing, .n_include = 1 };
  TandemContactRef refs[] = {
    { TANDEM_KIND_COMPANY, ctx->org->acme->id },
    { TANDEM_KIND_PERSON, ctx->org->person_alone->id },
    { TANDEM_KIND_COMPANY, ctx->org->borealis->id },
  };
  TandemRecipientQuery queries[] = {
    { .groups = &all },
    { .groups = &all, .include_do_not_contact = TRUE },
    { .groups = &mailing_list },
    { .campaign_id = ctx->org->campaign_shared },
    { .campaign_id = ctx->org->campaign_private },
    { .refs = refs, .n_refs = G_N_ELEMENTS (refs) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    put_recipients (ctx, out, &queries[i]);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(TandemSavedSearch) search = tandem_store_find_saved_search (ctx->store, "1", &error);

    if (search != NULL)
      {
        TandemRecipientQuery query = { .search = search };

        put_recipients (ctx, out, &query);
      }
  }
}

static void
read_label_templates (PrivacyCtx *ctx,
                      GString    *out)
{
  g_autoptr(GError) e1 = NULL;
  g_autoptr(GError) e2 = NULL;
  g_autoptr(GError) e3 = NULL;
  g_autoptr(GPtrArray) templates = tandem_store_list_label_templates (ctx->store, &e1);
  g_autoptr(TandemLabelTemplate) first = tandem_store_get_label_template (ctx->store, 1, &e2);
  g_autofree char *country = tandem_store_get_home_country (ctx->store, &e3);

  put_array (out, "templates", templates, e1);
  put_object (out, "template 1", first, e2);
  put_text (out, "home country", country, e3);
}

static void
read_documents (PrivacyCtx *ctx,
                GString    *out)
{
  PrivacyRecord *record;
  TandemDocumentFilter filters[] = {
    { 0 },
    { .text = "quotation" },
    { .text = "secret" },
    { .parent_kind = TANDEM_KIND_PROJECT },
    { .parent_kind = TANDEM_KIND_PROJECT, .only_sales = TRUE },
    { .parent_kind = TANDEM_KIND_ACTIVITY },
    { .only_mine = TRUE },
    { .only_email = TRUE },
    { .offset = 2, .limit = 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GPtrArray) documents = tandem_store_list_documents (ctx->store, &filters[i], &e1);
      guint n = tandem_store_count_documents (ctx->store, &filters[i], &e2);

      put_array (out, "documents", documents, e1);
      put_number (out, "count", n, e2);
    }
  for (guint i = 0; i < ctx->org->records->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) documents = NULL;

      record = g_ptr_array_index (ctx->org->records, i);
      if (record->kind != PRIVACY_COMPANY && record->kind != PRIVACY_PERSON
          && record->kind != PRIVACY_PROJECT && record->kind != PRIVACY_ACTIVITY)
        continue;
      documents = tandem_store_list_documents_of (ctx->store,
                                                  record->kind == PRIVACY_COMPANY ? TANDEM_KIND_COMPANY
                                                  : record->kind == PRIVACY_PERSON ? TANDEM_KIND_PERSON
                                                  : record->kind == PRIVACY_PROJECT ? TANDEM_KIND_PROJECT
                                                  : TANDEM_KIND_ACTIVITY,
                                                  record->id, &error);
      put_array (out, "documents of", documents, error);
    }
  FOR_EACH_RECORD (ctx, PRIVACY_DOCUMENT, record)
    {
      g_autoptr(GError) e1 = NULL;
      g_autoptr(GError) e2 = NULL;
      g_autoptr(GError) e3 = NULL;
      g_autoptr(GError) e4 = NULL;
      g_autoptr(TandemDocument) document = tandem_store_get_document (ctx->store, record->id, &e1);
      g_autoptr(GPtrArray) versions = tandem_store_list_document_versions (ctx->store, record->id, &e2);
      g_autoptr(TandemDocumentVersion) version = NULL;
      g_autoptr(GBytes) data = tandem_store_read_document (ctx->store, record->id, 0, &version, &e3);
      g_autofree char *text = data ? g_strndup (g_bytes_get_data (data, NULL), g_bytes_get_size (data)) : NULL;
      g_autoptr(GPtrArray) changes = tandem_store_list_visibility_changes (ctx->store, TANDEM_KIND_DOCUMENT,
                                                                          record->id, &e4);

      put_object (out, "document", document, e1);
      put_array (out, "versions", versions, e2);
      put_text (out, "content", text, e3);
      put_object (out, "version read", version, NULL);
      put_array (out, "visibility history", changes, e4);
    }
}

static void
read_audit_trail (PrivacyCtx *ctx,
                  GString    *out)
{
  TandemAuditFilter filter = { .action = TANDEM_AUDIT_ANY };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = tandem_store_list_audit (ctx->store, &filter, NULL, 0, &error);

  put_array (out, "audit trail", entries, error);
}

static void
read_second_factor (PrivacyCtx *ctx,
                    GString    *out)
{
  for (guint u = 0; u < PRIVACY_N_USERS; u++)
    {
      g_autoptr(GError) error = NULL;
      TandemSecondFactorStatus status = { 0, };
      g_autofree char *label = g_strdup_printf ("second factor of %s", ctx->org->users[u].login);

      tandem_store_get_second_factor_status (ctx->store, ctx->org->users[u].login, &status, &error);
      g_string_append_printf (out, "%s: %d %d %d %d %u %s\n", label, status.enrolled, status.pending,
                              status.required, status.required_by_group, status.recovery_codes_left,
                              error ? error->message : "");
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) groups = tandem_store_list_groups_requiring_second_factor (ctx->store, &error);

    put_number (out, "groups requiring it", groups ? groups->len : 0, error);
    put_number (out, "needs setup", tandem_store_second_factor_needs_setup (ctx->store), NULL);
  }
}

/* The table. Adding a read path: a function above and a line here. */
const PrivacyReadPath privacy_read_paths[] = {
  { "session", "tandem_store_get_user tandem_store_needs_first_admin", read_session },
  { "users-and-groups", "tandem_store_list_users tandem_store_list_groups tandem_store_list_partner_roles",
    read_users_and_groups },
  { "fields", "tandem_store_list_fields tandem_store_find_field", read_fields },
  { "registers", "tandem_store_count tandem_store_list_page", read_registers },
  { "company-cards", "tandem_store_get_company tandem_store_list_people_of tandem_store_list_notes"
    " tandem_store_list_activities_of tandem_store_list_groups_of", read_company_cards },
  { "person-cards", "tandem_store_get_person tandem_store_list_notes tandem_store_list_activities_of"
    " tandem_store_list_groups_of", read_person_cards },
  { "note-cards", "tandem_store_get_note tandem_store_list_visibility_changes", read_note_cards },
  { "activity-cards", "tandem_store_get_activity tandem_store_list_messages tandem_store_list_attachments"
    " tandem_store_list_visibility_changes tandem_store_get_tracked_seconds"
    " tandem_store_format_activity_report", read_activity_cards },
  { "activity-files", "tandem_store_read_document", read_attachment_data },
  { "occurrence-cards", "tandem_store_get_occurrence_activity", read_occurrence_cards },
  { "project-cards", "tandem_store_get_project tandem_store_list_project_members tandem_store_list_tasks"
    " tandem_store_list_notes tandem_store_list_visibility_changes tandem_store_is_project_member",
    read_project_cards },
  { "task-cards", "tandem_store_get_task tandem_store_list_my_tasks tandem_store_list_visibility_changes",
    read_task_cards },
  { "cards-never-used", "tandem_store_get_note tandem_store_get_activity tandem_store_get_project"
    " tandem_store_get_task", read_missing_cards },
  { "project-lists", "tandem_store_list_projects tandem_store_count_projects", read_project_lists },
  { "search-with-snippets", "tandem_store_search", read_search },
  { "calendars-side-by-side", "tandem_store_list_occurrences", read_calendars },
  { "day-plan", "tandem_store_list_day_plan", read_day_plans },
  { "start-page-and-to-complete", "tandem_store_list_start_page tandem_store_list_to_complete", read_start_page },
  { "sellers-view-and-targets", "tandem_store_list_terms tandem_store_list_category_activities"
    " tandem_store_list_target_progress", read_sellers_view },
  { "settings-lists", "tandem_store_list_terms tandem_store_get_term tandem_store_list_stages"
    " tandem_store_get_stage tandem_store_find_stage tandem_store_list_products tandem_store_find_product"
    " tandem_store_list_sale_currencies", read_terms_and_settings },
  { "busy-conflict-messages", "tandem_store_save_activity tandem_store_begin tandem_store_rollback",
    read_busy_conflicts },
  { "notifications", "tandem_store_list_notifications tandem_store_count_unread_notifications"
    " tandem_store_collect_notifications", read_notifications },
  { "timers-and-time-report", "tandem_store_get_running_timer tandem_store_time_report", read_timers },
  { "report-rows", "tandem_store_pipeline_report tandem_store_pipeline_report_filtered"
    " tandem_store_forecast_report tandem_store_pipeline_history tandem_store_target_report"
    " tandem_store_activity_report", read_store_reports },
  { "report-csv-and-pdf", "tandem_report_build tandem_report_to_csv tandem_report_write_pdf"
    " tandem_report_list_currencies", read_report_exports },
  { "contact-groups", "tandem_store_list_contact_groups tandem_store_get_contact_group"
    " tandem_store_find_contact_group tandem_store_count_group_contacts tandem_store_list_group_contacts",
    read_contact_groups },
  { "saved-searches", "tandem_store_list_saved_searches tandem_store_find_saved_search"
    " tandem_store_count_search_matches tandem_store_run_saved_search", read_saved_searches },
  { "campaigns", "tandem_store_list_campaigns tandem_store_get_campaign tandem_store_find_campaign"
    " tandem_store_count_campaign_targets tandem_store_list_campaign_targets", read_campaigns },
  { "label-recipients-and-pdf", "tandem_store_count_recipients tandem_store_open_recipients"
    " tandem_recipient_cursor_next tandem_recipient_cursor_get_n_left_out tandem_recipient_cursor_rewind"
    " tandem_recipient_cursor_free tandem_store_find_label_template", read_label_recipients },
  { "label-templates", "tandem_store_list_label_templates tandem_store_get_label_template"
    " tandem_store_get_home_country", read_label_templates },
  { "documents", "tandem_store_list_documents tandem_store_count_documents tandem_store_list_documents_of"
    " tandem_store_get_document tandem_store_list_document_versions tandem_store_read_document"
    " tandem_store_list_visibility_changes", read_documents },
  { "audit-trail", "tandem_store_list_audit", read_audit_trail,
    "the administrators' record of every change names the kind and id of records they may not see"
    " (never their titles), and opening a database purges what was deleted, which the twin no longer has" },
  { "second-factor-status", "tandem_store_get_second_factor_status"
    " tandem_store_list_groups_requiring_second_factor tandem_store_second_factor_needs_setup",
    read_second_factor },
};
const guint privacy_n_read_paths = G_N_ELEMENTS (privacy_read_paths);

#define WRITE "a change; what it reads back is covered by the read paths"
#define NO_RECORDS "reads no record of anyone"

const PrivacyNotReadPath privacy_not_read_paths[] = {
  { "tandem_store_get_type", NO_RECORDS },
  { "tandem_store_get_schema_version", NO_RECORDS },
  { "tandem_store_get_default_path", NO_RECORDS },
  { "tandem_store_get_path", NO_RECORDS },
  { "tandem_store_open", "opens the database; nobody is signed in" },
  { "tandem_store_open_worker", "a second connection for the same user; its reads are the ones here" },
  { "tandem_store_commit", "ends a transaction" },
  { "tandem_store_create_first_admin", WRITE },
  { "tandem_store_sign_in", "signs in; the session is read by \"session\"" },
  { "tandem_store_sign_out", "signs out" },
  { "tandem_store_add_user", WRITE },
  { "tandem_store_update_user", WRITE },
  { "tandem_store_set_password", WRITE },
  { "tandem_store_change_own_password", WRITE },
  { "tandem_store_add_group", WRITE },
  { "tandem_store_rename_group", WRITE },
  { "tandem_store_delete_group", WRITE },
  { "tandem_store_add_partner_role", WRITE },
  { "tandem_store_rename_partner_role", WRITE },
  { "tandem_store_delete_partner_role", WRITE },
  { "tandem_store_add_field", WRITE },
  { "tandem_store_update_field", WRITE },
  { "tandem_store_delete_field", WRITE },
  { "tandem_store_save_company", WRITE },
  { "tandem_store_save_person", WRITE },
  { "tandem_store_save_note", WRITE },
  { "tandem_store_delete", WRITE },
  { "tandem_store_restore", WRITE },
  { "tandem_store_purge_deleted", WRITE },
  { "tandem_store_build_match_query", "turns typed text into a query; reads nothing" },
  { "tandem_store_save_term", WRITE },
  { "tandem_store_delete_term", WRITE },
  { "tandem_store_set_activity_status", WRITE },
  { "tandem_store_update_occurrence", WRITE },
  { "tandem_store_split_activity", WRITE },
  { "tandem_store_add_message", WRITE },
  { "tandem_store_mark_notifications_read", WRITE },
  { "tandem_store_start_timer", WRITE },
  { "tandem_store_stop_timer", WRITE },
  { "tandem_store_add_activity_link", WRITE },
  { "tandem_store_delete_attachment", WRITE },
  { "tandem_store_set_sales_target", WRITE },
  { "tandem_store_save_stage", WRITE },
  { "tandem_store_delete_stage", WRITE },
  { "tandem_store_save_product", WRITE },
  { "tandem_store_delete_product", WRITE },
  { "tandem_store_save_project", WRITE },
  { "tandem_store_move_sale", WRITE },
  { "tandem_store_close_sale", WRITE },
  { "tandem_store_add_project_member", WRITE },
  { "tandem_store_remove_project_member", WRITE },
  { "tandem_store_save_task", WRITE },
  { "tandem_store_set_task_state", WRITE },
  { "tandem_report_by_to_string", NO_RECORDS },
  { "tandem_report_by_from_string", NO_RECORDS },
  { "tandem_store_save_contact_group", WRITE },
  { "tandem_store_delete_contact_group", WRITE },
  { "tandem_store_set_groups_of", WRITE },
  { "tandem_store_add_to_group", WRITE },
  { "tandem_store_remove_from_group", WRITE },
  { "tandem_store_move_to_group", WRITE },
  { "tandem_store_record_contact_call", WRITE },
  { "tandem_store_save_saved_search", WRITE },
  { "tandem_store_delete_saved_search", WRITE },
  { "tandem_store_save_campaign", WRITE },
  { "tandem_store_delete_campaign", WRITE },
  { "tandem_store_save_label_template", WRITE },
  { "tandem_store_delete_label_template", WRITE },
  { "tandem_store_set_home_country", WRITE },
  { "tandem_store_synthetic_set_sale_path", "the benchmark's history writer, not in the app" },
  { "tandem_store_add_document", WRITE },
  { "tandem_store_add_document_version", WRITE },
  { "tandem_store_update_document", WRITE },
  { "tandem_store_audit_export", WRITE },
  { "tandem_store_backup", "administrators only: a copy of the whole database, everyone's data by design (M2)" },
  { "tandem_store_backup_daily", "the installation's own safety copy for the account owning the file (M2)" },
  { "tandem_store_restore_backup", WRITE },
  { "tandem_backup_check", "checks a file's integrity; reads no record" },
  { "tandem_backup_info_free", NO_RECORDS },
  { "tandem_backup_get_daily_name", NO_RECORDS },
  { "tandem_backup_list_daily", "file names of backups in a folder" },
  { "tandem_backup_prune", "deletes old backup files" },
  { "tandem_backup_get_default_folder", NO_RECORDS },
  { "tandem_store_sign_in_with_code", "signs in; the session is read by \"session\"" },
  { "tandem_store_second_factor_begin", WRITE },
  { "tandem_store_second_factor_confirm", WRITE },
  { "tandem_store_second_factor_enable", WRITE },
  { "tandem_store_second_factor_disable", WRITE },
  { "tandem_store_second_factor_new_recovery_codes", WRITE },
  { "tandem_store_set_user_requires_second_factor", WRITE },
  { "tandem_store_set_group_requires_second_factor", WRITE },
};
const guint privacy_n_not_read_paths = G_N_ELEMENTS (privacy_not_read_paths);
