/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>

#include "tandem-error.h"
#include "tandem-store.h"

G_BEGIN_DECLS

#define TEST_ADMIN_LOGIN    "admin"
#define TEST_ADMIN_PASSWORD "admin-password"
#define TEST_PASSWORD       "user-password"

/* A fresh database in its own temporary folder, with the first
 * administrator created and signed in. */
typedef struct
{
  char        *dir;
  char        *path;
  TandemStore *store;
  TandemUser  *admin;
} TestDb;

void         test_db_setup          (TestDb        *db,
                                     gconstpointer  data);
void         test_db_teardown       (TestDb        *db,
                                     gconstpointer  data);
/* Closes the store and opens the same file again, signed out. */
void         test_db_reopen         (TestDb        *db);
char        *test_make_tmp_dir      (void);
void         test_remove_tree       (const char    *dir);

TandemUser  *test_add_user          (TestDb        *db,
                                     const char    *login,
                                     TandemRole     role,
                                     const char    *group);
void         test_sign_in           (TestDb        *db,
                                     const char    *login);
gint64       test_add_company       (TestDb        *db,
                                     const char    *name);
/* Runs a statement on the file with a separate SQLite connection and
 * returns the first column of the first row as text (NULL if none). */
char        *test_sql_text          (const char    *path,
                                     const char    *sql);
gint64       test_sql_int           (const char    *path,
                                     const char    *sql);

G_END_DECLS
