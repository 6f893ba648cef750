/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tandem-store.h"
#include "tandem-activity.h"
#include "tandem-contact.h"
#include "tandem-contact-group.h"
#include "tandem-postal-address.h"
#include "tandem-saved-search.h"

G_BEGIN_DECLS

/* Contact groups (SPEC I1), kept by administrators; in their order, each
 * with the number of its members the user may see. */
GPtrArray          *tandem_store_list_contact_groups  (TandemStore         *self,
                                                       GError             **error);
TandemContactGroup *tandem_store_get_contact_group    (TandemStore         *self,
                                                       gint64               id,
                                                       GError             **error);
/* By id, or by name (shown or shipped), without regard to case */
TandemContactGroup *tandem_store_find_contact_group   (TandemStore         *self,
                                                       const char          *name_or_id,
                                                       GError             **error);
/* Adds (id 0) or updates a group; administrators only. */
gint64              tandem_store_save_contact_group   (TandemStore         *self,
                                                       TandemContactGroup  *group,
                                                       GError             **error);
/* Deletes a group and its memberships (never the companies or people). */
gboolean            tandem_store_delete_contact_group (TandemStore         *self,
                                                       gint64               id,
                                                       GError             **error);

/* Membership (I1, I2). The groups a company or person is in: */
GPtrArray          *tandem_store_list_groups_of       (TandemStore         *self,
                                                       TandemKind           kind,
                                                       gint64               id,
                                                       GError             **error);
/* Makes a company or person a member of exactly these groups (its card). */
gboolean            tandem_store_set_groups_of        (TandemStore         *self,
                                                       TandemKind           kind,
                                                       gint64               id,
                                                       const gint64        *group_ids,
                                                       guint                n_groups,
                                                       GError             **error);
/* Many at once, in one transaction: the number that changed (a contact
 * already in the group, or not in it, is left as it is). A contact the user
 * may not see is refused with TANDEM_ERROR_NOT_FOUND and nothing changes. */
guint               tandem_store_add_to_group         (TandemStore         *self,
                                                       gint64               group_id,
                                                       const TandemContactRef *refs,
                                                       guint                n_refs,
                                                       GError             **error);
guint               tandem_store_remove_from_group    (TandemStore         *self,
                                                       gint64               group_id,
                                                       const TandemContactRef *refs,
                                                       guint                n_refs,
                                                       GError             **error);
/* Out of @from_group (if it is in it) and into @to_group. */
guint               tandem_store_move_to_group        (TandemStore         *self,
                                                       gint64               from_group,
                                                       gint64               to_group,
                                                       const TandemContactRef *refs,
                                                       guint                n_refs,
                                                       GError             **error);
/* After a call (I2), in one step: saves @activity (already on the contact)
 * and moves the contact from @from_group (0: none) to @to_group (0: none).
 * Either both happen or neither. Returns the activity's id. */
gint64              tandem_store_record_contact_call  (TandemStore         *self,
                                                       const TandemContactRef *ref,
                                                       TandemActivity      *activity,
                                                       gint64               from_group,
                                                       gint64               to_group,
                                                       GError             **error);

/* The group screen (I2): companies and people in any (or all) of the
 * included groups and in none of the excluded ones; with no included group,
 * every company and person. @text narrows by name, company, phone or
 * e-mail. Rows in name order. */
typedef struct
{
  const gint64 *include;
  guint         n_include;
  gboolean      include_all;   /* in every included group, not just one */
  const gint64 *exclude;
  guint         n_exclude;
  const char   *text;
  TandemKind    kind;          /* TANDEM_KIND_NONE for both */
} TandemGroupFilter;

guint               tandem_store_count_group_contacts (TandemStore             *self,
                                                       const TandemGroupFilter *filter,
                                                       GError                 **error);
GPtrArray          *tandem_store_list_group_contacts  (TandemStore             *self,
                                                       const TandemGroupFilter *filter,
                                                       guint                    offset,
                                                       guint                    limit,
                                                       GError                 **error);

/* Saved searches (K2, I3): the user's own and the shared ones, by name. */
GPtrArray          *tandem_store_list_saved_searches  (TandemStore         *self,
                                                       GError             **error);
TandemSavedSearch  *tandem_store_find_saved_search    (TandemStore         *self,
                                                       const char          *name_or_id,
                                                       GError             **error);
/* Checks every criterion (a group or role may be given by name; it is kept
 * by id) and adds or updates the search; only its owner or an
 * administrator changes a saved one. */
gint64              tandem_store_save_saved_search    (TandemStore         *self,
                                                       TandemSavedSearch   *search,
                                                       GError             **error);
gboolean            tandem_store_delete_saved_search  (TandemStore         *self,
                                                       gint64               id,
                                                       GError             **error);
/* Runs a search (saved or not): what it finds among what the user may see. */
guint               tandem_store_count_search_matches (TandemStore         *self,
                                                       TandemSavedSearch   *search,
                                                       GError             **error);
GPtrArray          *tandem_store_run_saved_search     (TandemStore         *self,
                                                       TandemSavedSearch   *search,
                                                       guint                offset,
                                                       guint                limit,
                                                       GError             **error);

/* Label recipients (I4): the addresses of a group screen's contacts, a
 * saved search's matches, a campaign's target list or a selection (one of
 * them), in name order (a selection in its own order), one per contact,
 * only those the user may see. Contacts in a do-not-contact group (a
 * person also through their company) are left out unless asked for, and
 * counted. A cursor reads one address at a time, so that memory stays flat
 * however long the list. */
typedef struct
{
  const TandemGroupFilter *groups;
  TandemSavedSearch       *search;
  gint64                   campaign_id;
  const TandemContactRef  *refs;
  guint                    n_refs;
  gboolean                 include_do_not_contact;
} TandemRecipientQuery;

typedef struct _TandemRecipientCursor TandemRecipientCursor;

TandemRecipientCursor *tandem_store_open_recipients  (TandemStore                 *self,
                                                      const TandemRecipientQuery  *query,
                                                      GError                     **error);
/* The next address, or NULL at the end (or with @error set) */
TandemPostalAddress   *tandem_recipient_cursor_next  (TandemRecipientCursor       *cursor,
                                                      GError                     **error);
/* How many were left out for "do not contact" so far */
guint                  tandem_recipient_cursor_get_n_left_out (TandemRecipientCursor *cursor);
/* Back to the first address (a print preview is drawn again) */
void                   tandem_recipient_cursor_rewind (TandemRecipientCursor      *cursor);
void                   tandem_recipient_cursor_free  (TandemRecipientCursor       *cursor);
guint                  tandem_store_count_recipients (TandemStore                 *self,
                                                      const TandemRecipientQuery  *query,
                                                      guint                       *n_left_out,
                                                      GError                     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TandemRecipientCursor, tandem_recipient_cursor_free)

G_END_DECLS
