/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tandem-types.h"

G_BEGIN_DECLS

/* What an entry of the audit trail says was done. Stored as the names of
 * tandem_audit_action_to_string (): never rename. */
typedef enum
{
  TANDEM_AUDIT_ANY        = -1,  /* in a filter: every action */
  TANDEM_AUDIT_CREATED    = 0,
  TANDEM_AUDIT_CHANGED    = 1,
  TANDEM_AUDIT_VISIBILITY = 2,   /* who may see it changed (SPEC E2) */
  TANDEM_AUDIT_EXPORTED   = 3,
  TANDEM_AUDIT_DELETED    = 4,
  TANDEM_AUDIT_RESTORED   = 5,
  TANDEM_AUDIT_PURGED     = 6,   /* removed for good */
} TandemAuditAction;
#define TANDEM_N_AUDIT_ACTIONS 7

/* What the trail records besides the records of TandemKind. Stored:
 * never renumber. */
typedef enum
{
  TANDEM_AUDIT_KIND_USER          = 101,
  TANDEM_AUDIT_KIND_GROUP         = 102,  /* a group of users */
  TANDEM_AUDIT_KIND_CONTACT_GROUP = 103,
  TANDEM_AUDIT_KIND_REPORT        = 104,  /* the id is a TandemReportType */
} TandemAuditKind;

#define TANDEM_TYPE_AUDIT_ENTRY (tandem_audit_entry_get_type ())

/* One entry of the audit trail: when, who (their name at the time), what
 * was done to which record. The title is what the record is called for
 * the administrator reading the trail, or NULL when they may not see it
 * (or it is gone); the entry itself holds none of the record's content. */
G_DECLARE_FINAL_TYPE (TandemAuditEntry, tandem_audit_entry, TANDEM, AUDIT_ENTRY, GObject)

TandemAuditEntry  *tandem_audit_entry_new           (gint64             id,
                                                     const char        *at,
                                                     gint64             user_id,
                                                     const char        *user_name,
                                                     TandemAuditAction  action,
                                                     int                kind,
                                                     gint64             record_id,
                                                     const char        *title,
                                                     const char        *detail);
gint64             tandem_audit_entry_get_id        (TandemAuditEntry  *self);
/* "YYYY-MM-DDTHH:MM:SSZ" */
const char        *tandem_audit_entry_get_at        (TandemAuditEntry  *self);
/* 0 and NULL for what was done while nobody was signed in (the first
 * administrator, cleaning up at start); the id is 0 too once the user is
 * gone, the name stays. */
gint64             tandem_audit_entry_get_user_id   (TandemAuditEntry  *self);
const char        *tandem_audit_entry_get_user_name (TandemAuditEntry  *self);
TandemAuditAction  tandem_audit_entry_get_action    (TandemAuditEntry  *self);
/* A TandemKind, a TandemAuditKind, or 0 for an export of no one record */
int                tandem_audit_entry_get_kind      (TandemAuditEntry  *self);
gint64             tandem_audit_entry_get_record_id (TandemAuditEntry  *self);
const char        *tandem_audit_entry_get_title     (TandemAuditEntry  *self);
/* As stored: "completed", "password", "everyone → private", "CSV", … */
const char        *tandem_audit_entry_get_detail    (TandemAuditEntry  *self);
/* The detail for people, translated; NULL when there is none */
char              *tandem_audit_entry_dup_detail_label (TandemAuditEntry *self);
/* The title, or what stands for it when there is none: "A note you may
 * not see", "A company that is gone", … */
char              *tandem_audit_entry_dup_title_label  (TandemAuditEntry *self);

/* "created", "changed", "visibility", "exported", "deleted", "restored",
 * "purged" */
const char        *tandem_audit_action_to_string    (TandemAuditAction  action);
gboolean           tandem_audit_action_from_string  (const char        *str,
                                                     TandemAuditAction *action);
/* "Created", "Visibility changed", …, translated */
const char        *tandem_audit_action_get_label    (TandemAuditAction  action);
/* "company", …, "document" as tandem_kind_to_string (), and "user",
 * "group", "contact-group", "report"; "none" for 0 */
const char        *tandem_audit_kind_to_string      (int                kind);
/* "Company", "Group of users", …, translated */
const char        *tandem_audit_kind_get_label      (int                kind);

G_END_DECLS
