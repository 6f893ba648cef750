/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemAuditEntry"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-audit-entry.h"

struct _TandemAuditEntry
{
  GObject parent_instance;

  gint64             id;
  char              *at;
  gint64             user_id;
  char              *user_name;
  TandemAuditAction  action;
  int                kind;
  gint64             record_id;
  char              *title;
  char              *detail;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_AT,
  PROP_USER_NAME,
  PROP_ACTION,
  PROP_KIND,
  PROP_RECORD_ID,
  PROP_TITLE,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TandemAuditEntry, tandem_audit_entry, G_TYPE_OBJECT)

static const char * const action_names[] = {
  "created", "changed", "visibility", "exported", "deleted", "restored", "purged"
};

/* Static helpers */

static const char *
visibility_label (const char *name)
{
  if (g_strcmp0 (name, "everyone") == 0)
    return tandem_visibility_get_label (TANDEM_VISIBILITY_EVERYONE);
  if (g_strcmp0 (name, "groups") == 0)
    return tandem_visibility_get_label (TANDEM_VISIBILITY_GROUPS);
  if (g_strcmp0 (name, "team") == 0)
    return tandem_visibility_get_label (TANDEM_VISIBILITY_TEAM);
  return tandem_visibility_get_label (TANDEM_VISIBILITY_PRIVATE);
}

/* GObject */

static void
tandem_audit_entry_finalize (GObject *object)
{
  TandemAuditEntry *self = TANDEM_AUDIT_ENTRY (object);

  g_free (self->at);
  g_free (self->user_name);
  g_free (self->title);
  g_free (self->detail);

  G_OBJECT_CLASS (tandem_audit_entry_parent_class)->finalize (object);
}

static void
tandem_audit_entry_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TandemAuditEntry *self = TANDEM_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_AT:
      g_value_set_string (value, self->at);
      break;
    case PROP_USER_NAME:
      g_value_set_string (value, self->user_name);
      break;
    case PROP_ACTION:
      g_value_set_int (value, self->action);
      break;
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_RECORD_ID:
      g_value_set_int64 (value, self->record_id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_audit_entry_class_init (TandemAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tandem_audit_entry_finalize;
  object_class->get_property = tandem_audit_entry_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_AT] =
    g_param_spec_string ("at", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_USER_NAME] =
    g_param_spec_string ("user-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_int ("action", NULL, NULL, TANDEM_AUDIT_ANY, TANDEM_AUDIT_PURGED, TANDEM_AUDIT_CREATED,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_ID] =
    g_param_spec_int64 ("record-id", NULL, NULL, G_MININT64, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tandem_audit_entry_init (TandemAuditEntry *self)
{
}

/* Public API */

TandemAuditEntry *
tandem_audit_entry_new (gint64             id,
                        const char        *at,
                        gint64             user_id,
                        const char        *user_name,
                        TandemAuditAction  action,
                        int                kind,
                        gint64             record_id,
                        const char        *title,
                        const char        *detail)
{
  TandemAuditEntry *self = g_object_new (TANDEM_TYPE_AUDIT_ENTRY, NULL);

  self->id = id;
  self->at = g_strdup (at);
  self->user_id = user_id;
  self->user_name = g_strdup (user_name);
  self->action = action;
  self->kind = kind;
  self->record_id = record_id;
  self->title = g_strdup (title);
  self->detail = g_strdup (detail);
  return self;
}

gint64
tandem_audit_entry_get_id (TandemAuditEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), 0);
  return self->id;
}

const char *
tandem_audit_entry_get_at (TandemAuditEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), NULL);
  return self->at;
}

gint64
tandem_audit_entry_get_user_id (TandemAuditEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), 0);
  return self->user_id;
}

const char *
tandem_audit_entry_get_user_name (TandemAuditEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), NULL);
  return self->user_name;
}

TandemAuditAction
tandem_audit_entry_get_action (TandemAuditEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), TANDEM_AUDIT_CHANGED);
  return self->action;
}

int
tandem_audit_entry_get_kind (TandemAuditEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), 0);
  return self->kind;
}

gint64
tandem_audit_entry_get_record_id (TandemAuditEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), 0);
  return self->record_id;
}

const char *
tandem_audit_entry_get_title (TandemAuditEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), NULL);
  return self->title;
}

const char *
tandem_audit_entry_get_detail (TandemAuditEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), NULL);
  return self->detail;
}

char *
tandem_audit_entry_dup_detail_label (TandemAuditEntry *self)
{
  static const struct { const char *stored; const char *label; } words[] = {
    /* Translators: what happened to an activity, in the audit trail */
    { "planned", NC_("audit detail", "Planned again") },
    { "completed", NC_("audit detail", "Completed") },
    { "cancelled", NC_("audit detail", "Cancelled") },
    /* Translators: what happened to a sale or a task, in the audit trail */
    { "open", NC_("audit detail", "Opened again") },
    { "won", NC_("audit detail", "Won") },
    { "lost", NC_("audit detail", "Lost") },
    { "in-progress", NC_("audit detail", "In progress") },
    { "done", NC_("audit detail", "Done") },
    /* Translators: what changed of a user account, in the audit trail */
    { "password", NC_("audit detail", "Password") },
    { "role", NC_("audit detail", "Role") },
    { "name", NC_("audit detail", "Name") },
    { "enabled", NC_("audit detail", "Account enabled") },
    { "disabled", NC_("audit detail", "Account disabled") },
    /* Translators: a user's second factor (authenticator codes), in the audit trail */
    { "two-step-on", NC_("audit detail", "Two-step sign-in switched on") },
    { "two-step-off", NC_("audit detail", "Two-step sign-in switched off") },
    { "two-step-new-key", NC_("audit detail", "New key for two-step sign-in") },
    { "two-step-required", NC_("audit detail", "Two-step sign-in required") },
    { "two-step-not-required", NC_("audit detail", "Two-step sign-in no longer required") },
    /* Translators: what changed of a document, in the audit trail */
    { "version", NC_("audit detail", "New version") },
    /* Translators: how something was exported, in the audit trail */
    { "labels", NC_("audit detail", "Label sheet") },
    { "print", NC_("audit detail", "Printed") },
    { "document", NC_("audit detail", "Saved a copy") },
  };
  const char *arrow;

  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), NULL);

  if (self->detail == NULL || self->detail[0] == '\0')
    return NULL;

  arrow = strstr (self->detail, " → ");
  if (self->action == TANDEM_AUDIT_VISIBILITY && arrow != NULL)
    {
      g_autofree char *old_name = g_strndup (self->detail, arrow - self->detail);

      /* Translators: a change of who may see a record: "Private → Chosen groups" */
      return g_strdup_printf (_("%s → %s"), visibility_label (old_name),
                              visibility_label (arrow + strlen (" → ")));
    }

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (self->detail, words[i].stored) == 0)
      return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "audit detail", words[i].label));

  /* "CSV", "PDF" and anything newer read the same in every language */
  return g_strdup (self->detail);
}

char *
tandem_audit_entry_dup_title_label (TandemAuditEntry *self)
{
  g_return_val_if_fail (TANDEM_IS_AUDIT_ENTRY (self), NULL);

  if (self->title != NULL)
    return g_strdup (self->title);

  switch (self->kind)
    {
    /* Records with a visibility of their own: not saying whether it is
     * gone or hidden, which the reader may not know (SPEC E). */
    case TANDEM_KIND_NOTE:
      return g_strdup (_("A note you may not see"));
    case TANDEM_KIND_ACTIVITY:
      return g_strdup (_("An activity you may not see"));
    case TANDEM_KIND_PROJECT:
      return g_strdup (_("A project you may not see"));
    case TANDEM_KIND_TASK:
      return g_strdup (_("A project task you may not see"));
    case TANDEM_KIND_DOCUMENT:
      return g_strdup (_("A document you may not see"));
    /* Everyone sees these while they exist */
    case TANDEM_KIND_COMPANY:
      return g_strdup (_("A company that is gone"));
    case TANDEM_KIND_PERSON:
      return g_strdup (_("A person who is gone"));
    case TANDEM_KIND_CAMPAIGN:
      return g_strdup (_("A campaign that is gone"));
    case TANDEM_AUDIT_KIND_USER:
      return g_strdup (_("A user who is gone"));
    case TANDEM_AUDIT_KIND_GROUP:
      return g_strdup (_("A group that is gone"));
    case TANDEM_AUDIT_KIND_CONTACT_GROUP:
      return g_strdup (_("A contact group that is gone"));
    case TANDEM_AUDIT_KIND_REPORT:
      return g_strdup (_("A report"));
    default:
      /* Translators: an export of a list rather than one record, e.g. labels */
      return g_strdup (_("A list"));
    }
}

const char *
tandem_audit_action_to_string (TandemAuditAction action)
{
  g_return_val_if_fail (action >= 0 && (guint) action < G_N_ELEMENTS (action_names), "changed");
  return action_names[action];
}

gboolean
tandem_audit_action_from_string (const char        *str,
                                 TandemAuditAction *action)
{
  for (guint i = 0; str != NULL && i < G_N_ELEMENTS (action_names); i++)
    if (g_ascii_strcasecmp (str, action_names[i]) == 0)
      {
        *action = (TandemAuditAction) i;
        return TRUE;
      }
  return FALSE;
}

const char *
tandem_audit_action_get_label (TandemAuditAction action)
{
  switch (action)
    {
    case TANDEM_AUDIT_ANY:
      return C_("audit action", "Any action");
    case TANDEM_AUDIT_CREATED:
      return C_("audit action", "Created");
    case TANDEM_AUDIT_CHANGED:
      return C_("audit action", "Changed");
    case TANDEM_AUDIT_VISIBILITY:
      return C_("audit action", "Visibility changed");
    case TANDEM_AUDIT_EXPORTED:
      return C_("audit action", "Exported");
    case TANDEM_AUDIT_DELETED:
      return C_("audit action", "Deleted");
    case TANDEM_AUDIT_RESTORED:
      return C_("audit action", "Restored");
    case TANDEM_AUDIT_PURGED:
    default:
      /* Translators: removed from the database for good */
      return C_("audit action", "Removed for good");
    }
}

const char *
tandem_audit_kind_to_string (int kind)
{
  switch (kind)
    {
    case TANDEM_AUDIT_KIND_USER:
      return "user";
    case TANDEM_AUDIT_KIND_GROUP:
      return "group";
    case TANDEM_AUDIT_KIND_CONTACT_GROUP:
      return "contact-group";
    case TANDEM_AUDIT_KIND_REPORT:
      return "report";
    default:
      if (kind >= 0 && kind <= TANDEM_KIND_DOCUMENT)
        return tandem_kind_to_string ((TandemKind) kind);
      return "none";
    }
}

const char *
tandem_audit_kind_get_label (int kind)
{
  switch (kind)
    {
    case TANDEM_KIND_COMPANY:
      return C_("audit kind", "Company");
    case TANDEM_KIND_PERSON:
      return C_("audit kind", "Person");
    case TANDEM_KIND_NOTE:
      return C_("audit kind", "Note");
    case TANDEM_KIND_ACTIVITY:
      return C_("audit kind", "Activity");
    case TANDEM_KIND_PROJECT:
      return C_("audit kind", "Project");
    case TANDEM_KIND_TASK:
      return C_("audit kind", "Project task");
    case TANDEM_KIND_CAMPAIGN:
      return C_("audit kind", "Campaign");
    case TANDEM_KIND_DOCUMENT:
      return C_("audit kind", "Document");
    case TANDEM_AUDIT_KIND_USER:
      return C_("audit kind", "User");
    case TANDEM_AUDIT_KIND_GROUP:
      return C_("audit kind", "Group of users");
    case TANDEM_AUDIT_KIND_CONTACT_GROUP:
      return C_("audit kind", "Contact group");
    case TANDEM_AUDIT_KIND_REPORT:
      return C_("audit kind", "Report");
    default:
      return C_("audit kind", "List");
    }
}
