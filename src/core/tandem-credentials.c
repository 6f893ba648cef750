/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemCredentials"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>
#include <string.h>

#include "tandem-credentials.h"
#include "tandem-error.h"

/* What a call on a worker thread works with; secrets are wiped when it
 * is freed. */
typedef struct
{
  char *database;
  char *login;
  char *password;
  char *service;
  char *account;
  char *label;
} Request;

typedef struct
{
  char *login;
  char *password;
} Found;

static const SecretSchema login_schema = {
  TANDEM_CREDENTIALS_LOGIN_SCHEMA, SECRET_SCHEMA_NONE,
  {
    { "database", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

static const SecretSchema service_schema = {
  TANDEM_CREDENTIALS_SERVICE_SCHEMA, SECRET_SCHEMA_NONE,
  {
    { "service", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "account", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  }
};

/* Helpers */

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->database);
  g_free (request->login);
  tandem_credentials_free_secret (request->password);
  g_free (request->service);
  g_free (request->account);
  g_free (request->label);
  g_free (request);
}

static void
found_free (gpointer data)
{
  Found *found = data;

  g_free (found->login);
  tandem_credentials_free_secret (found->password);
  g_free (found);
}

static gboolean
check_text (const char  *text,
            GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      g_set_error (error, TANDEM_ERROR, TANDEM_ERROR_INVALID,
                   _("Nothing was kept in the keyring: a name or a password is empty"));
      return FALSE;
    }
  return TRUE;
}

/* The keyring's own errors say "org.freedesktop.DBus.Error.ServiceUnknown"
 * and the like; people are told what it means. */
static void
prefix_keyring_error (GError **error)
{
  if (error != NULL && *error != NULL && (*error)->domain != TANDEM_ERROR)
    g_prefix_error (error, _("The keyring could not be used: "));
}

/* Public API */

void
tandem_credentials_free_secret (char *secret)
{
  if (secret == NULL)
    return;
  secret_password_wipe (secret);
  g_free (secret);
}

gboolean
tandem_credentials_forget_login_sync (const char    *database,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!check_text (database, error))
    return FALSE;

  secret_password_clear_sync (&login_schema, cancellable, &local_error,
                              "database", database,
                              NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      prefix_keyring_error (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
tandem_credentials_save_login_sync (const char    *database,
                                    const char    *login,
                                    const char    *password,
                                    GCancellable  *cancellable,
                                    GError       **error)
{
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;

  if (!check_text (database, error) ||
      !check_text (login, error) ||
      !check_text (password, error))
    return FALSE;

  /* One remembered login per database: the last one to sign in. */
  if (!tandem_credentials_forget_login_sync (database, cancellable, error))
    return FALSE;

  name = g_path_get_basename (database);
  /* Translators: the keyring item's name, as Passwords and Keys shows it;
   * the first %s is a login name, the second a database file name. */
  label = g_strdup_printf (_("Tandem sign-in of %s (%s)"), login, name);
  if (!secret_password_store_sync (&login_schema, SECRET_COLLECTION_DEFAULT, label, password,
                                   cancellable, error,
                                   "database", database,
                                   "login", login,
                                   NULL))
    {
      prefix_keyring_error (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
tandem_credentials_lookup_login_sync (const char    *database,
                                      char         **login,
                                      char         **password,
                                      GCancellable  *cancellable,
                                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GList *items;
  SecretRetrievable *newest = NULL;

  g_return_val_if_fail (login != NULL && password != NULL, FALSE);

  *login = NULL;
  *password = NULL;
  if (!check_text (database, error))
    return FALSE;

  items = secret_password_search_sync (&login_schema,
                                       SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                                       cancellable, &local_error,
                                       "database", database,
                                       NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      prefix_keyring_error (error);
      return FALSE;
    }

  for (GList *l = items; l != NULL; l = l->next)
    if (newest == NULL ||
        secret_retrievable_get_modified (l->data) > secret_retrievable_get_modified (newest))
      newest = l->data;

  if (newest != NULL)
    {
      g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (newest);
      SecretValue *value = secret_retrievable_retrieve_secret_sync (newest, cancellable, &local_error);
      const char *name = g_hash_table_lookup (attributes, "login");
      const char *text = value != NULL ? secret_value_get_text (value) : NULL;

      if (name != NULL && text != NULL && *text != '\0')
        {
          *login = g_strdup (name);
          *password = g_strdup (text);
        }
      g_clear_pointer (&value, secret_value_unref);
    }
  g_list_free_full (items, g_object_unref);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      prefix_keyring_error (error);
      return FALSE;
    }
  return TRUE;
}

gboolean
tandem_credentials_save_secret_sync (const char    *service,
                                     const char    *account,
                                     const char    *label,
                                     const char    *secret,
                                     GCancellable  *cancellable,
                                     GError       **error)
{
  if (!check_text (service, error) ||
      !check_text (account, error) ||
      !check_text (secret, error))
    return FALSE;

  if (!secret_password_store_sync (&service_schema, SECRET_COLLECTION_DEFAULT,
                                   label != NULL ? label : service, secret,
                                   cancellable, error,
                                   "service", service,
                                   "account", account,
                                   NULL))
    {
      prefix_keyring_error (error);
      return FALSE;
    }
  return TRUE;
}

char *
tandem_credentials_lookup_secret_sync (const char    *service,
                                       const char    *account,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *found;
  char *secret;

  if (!check_text (service, error) ||
      !check_text (account, error))
    return NULL;

  found = secret_password_lookup_sync (&service_schema, cancellable, &local_error,
                                       "service", service,
                                       "account", account,
                                       NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      prefix_keyring_error (error);
      return NULL;
    }
  /* Copied so that every secret of this module is freed the same way. */
  secret = g_strdup (found);
  secret_password_free (found);
  return secret;
}

gboolean
tandem_credentials_forget_secret_sync (const char    *service,
                                       const char    *account,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!check_text (service, error) ||
      !check_text (account, error))
    return FALSE;

  secret_password_clear_sync (&service_schema, cancellable, &local_error,
                              "service", service,
                              "account", account,
                              NULL);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      prefix_keyring_error (error);
      return FALSE;
    }
  return TRUE;
}

/* Worker-thread variants */

static void
save_login_thread (GTask        *task,
                   gpointer      source,
                   gpointer      data,
                   GCancellable *cancellable)
{
  Request *request = data;
  GError *error = NULL;

  if (tandem_credentials_save_login_sync (request->database, request->login, request->password,
                                          cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
lookup_login_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  Request *request = data;
  Found *found = g_new0 (Found, 1);
  GError *error = NULL;

  if (tandem_credentials_lookup_login_sync (request->database, &found->login, &found->password,
                                            cancellable, &error))
    g_task_return_pointer (task, found, found_free);
  else
    {
      found_free (found);
      g_task_return_error (task, error);
    }
}

static void
forget_login_thread (GTask        *task,
                     gpointer      source,
                     gpointer      data,
                     GCancellable *cancellable)
{
  Request *request = data;
  GError *error = NULL;

  if (tandem_credentials_forget_login_sync (request->database, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
save_secret_thread (GTask        *task,
                    gpointer      source,
                    gpointer      data,
                    GCancellable *cancellable)
{
  Request *request = data;
  GError *error = NULL;

  if (tandem_credentials_save_secret_sync (request->service, request->account, request->label,
                                           request->password, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
lookup_secret_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  Request *request = data;
  GError *error = NULL;
  char *secret;

  secret = tandem_credentials_lookup_secret_sync (request->service, request->account, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, secret, (GDestroyNotify) tandem_credentials_free_secret);
}

static void
run (Request             *request,
     gpointer             tag,
     GTaskThreadFunc      func,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_task_data (task, request, request_free);
  g_task_run_in_thread (task, func);
}

void
tandem_credentials_save_login (const char          *database,
                               const char          *login,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->database = g_strdup (database);
  request->login = g_strdup (login);
  request->password = g_strdup (password);
  run (request, tandem_credentials_save_login, save_login_thread, cancellable, callback, user_data);
}

gboolean
tandem_credentials_save_login_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
tandem_credentials_lookup_login (const char          *database,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->database = g_strdup (database);
  run (request, tandem_credentials_lookup_login, lookup_login_thread, cancellable, callback, user_data);
}

gboolean
tandem_credentials_lookup_login_finish (GAsyncResult  *result,
                                        char         **login,
                                        char         **password,
                                        GError       **error)
{
  Found *found;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (login != NULL && password != NULL, FALSE);

  *login = NULL;
  *password = NULL;
  found = g_task_propagate_pointer (G_TASK (result), error);
  if (found == NULL)
    return FALSE;
  *login = g_steal_pointer (&found->login);
  *password = g_steal_pointer (&found->password);
  found_free (found);
  return TRUE;
}

void
tandem_credentials_forget_login (const char          *database,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->database = g_strdup (database);
  run (request, tandem_credentials_forget_login, forget_login_thread, cancellable, callback, user_data);
}

gboolean
tandem_credentials_forget_login_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
tandem_credentials_save_secret (const char          *service,
                                const char          *account,
                                const char          *label,
                                const char          *secret,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->service = g_strdup (service);
  request->account = g_strdup (account);
  request->label = g_strdup (label);
  request->password = g_strdup (secret);
  run (request, tandem_credentials_save_secret, save_secret_thread, cancellable, callback, user_data);
}

gboolean
tandem_credentials_save_secret_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
tandem_credentials_lookup_secret (const char          *service,
                                  const char          *account,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  Request *request = g_new0 (Request, 1);

  request->service = g_strdup (service);
  request->account = g_strdup (account);
  run (request, tandem_credentials_lookup_secret, lookup_secret_thread, cancellable, callback, user_data);
}

char *
tandem_credentials_lookup_secret_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
