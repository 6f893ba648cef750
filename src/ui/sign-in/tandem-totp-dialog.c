/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemTotpDialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tandem-totp-dialog-private.h"

struct _TandemTotpDialog
{
  AdwWindow            parent_instance;

  TandemStore         *store;
  gboolean             required;
  gboolean             enrolled;
  char                *secret;
  char                *key_text;
  char                *codes_text;

  AdwToastOverlay     *toast_overlay;
  AdwHeaderBar        *header_bar;
  GtkButton           *sign_out_button;
  GtkStack            *stack;
  GtkLabel            *intro_label;
  TandemQrCode        *qr_code;
  AdwActionRow        *key_row;
  GtkButton           *copy_key_button;
  AdwEntryRow         *code_row;
  GtkLabel            *error_label;
  GtkButton           *confirm_button;
  GtkLabel            *codes_label;
  GtkButton           *copy_codes_button;
  GtkButton           *done_button;
};

G_DEFINE_FINAL_TYPE (TandemTotpDialog, tandem_totp_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_REQUIRED,
  N_PROPS
};

enum {
  ENROLLED,
  SIGN_OUT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

static void
wipe (char **text)
{
  if (*text != NULL)
    memset (*text, 0, strlen (*text));
  g_clear_pointer (text, g_free);
}

static void
toast (TandemTotpDialog *self,
       const char       *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
show_error (TandemTotpDialog *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->code_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
}

/* "JBSW Y3DP EHPK 3PXP": groups of four are easier to type from a screen */
static char *
group_key (const char *secret)
{
  GString *text = g_string_new (NULL);
  guint n = 0;

  for (const char *p = secret; *p != '\0' && *p != '='; p++)
    {
      if (n > 0 && n % 4 == 0)
        g_string_append_c (text, ' ');
      g_string_append_c (text, *p);
      n++;
    }
  return g_string_free (text, FALSE);
}

/* Two columns, as on the printed sheets of other services */
static char *
layout_codes (const char * const *codes)
{
  GString *text = g_string_new (NULL);
  guint n = g_strv_length ((char **) codes);

  for (guint i = 0; i < n; i += 2)
    {
      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, codes[i]);
      if (i + 1 < n)
        g_string_append_printf (text, "    %s", codes[i + 1]);
    }
  return g_string_free (text, FALSE);
}

static char *
codes_for_file (const char *codes_text)
{
  g_auto(GStrv) rows = g_strsplit (codes_text, "\n", -1);
  GString *text = g_string_new (_("Tandem recovery codes. Each signs in once instead of a code from the authenticator app."));

  g_string_append (text, "\n\n");
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (rows[i], "    ", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        if (parts[j][0] != '\0')
          g_string_append_printf (text, "%s\n", parts[j]);
    }
  return g_string_free (text, FALSE);
}

static void
start (TandemTotpDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  self->secret = tandem_store_second_factor_begin (self->store, NULL, &uri, &error);
  if (self->secret == NULL)
    {
      show_error (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->code_row), FALSE);
      return;
    }

  tandem_qr_code_set_text (self->qr_code, uri);
  self->key_text = group_key (self->secret);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), self->key_text);
  memset (uri, 0, strlen (uri));
}

static void
update_confirm (TandemTotpDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  guint digits = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      digits++;
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), self->secret != NULL && digits > 0);
}

/* Callbacks */

static void
on_code_row_changed_cb (TandemTotpDialog *self)
{
  show_error (self, NULL);
  update_confirm (self);
}

static void
on_confirm_button_clicked_cb (TandemTotpDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->confirm_button)))
    return;

  codes = tandem_store_second_factor_confirm (self->store, NULL,
                                              gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
                                              &error);
  if (codes == NULL)
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
      gtk_editable_select_region (GTK_EDITABLE (self->code_row), 0, -1);
      return;
    }

  self->enrolled = TRUE;
  wipe (&self->secret);
  wipe (&self->key_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), "");
  tandem_qr_code_set_text (self->qr_code, NULL);

  self->codes_text = layout_codes ((const char * const *) codes);
  gtk_label_set_text (self->codes_label, self->codes_text);
  for (guint i = 0; codes[i] != NULL; i++)
    memset (codes[i], 0, strlen (codes[i]));

  /* From here on there is nothing to give up: the Done button closes. */
  gtk_widget_set_visible (GTK_WIDGET (self->sign_out_button), FALSE);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "recovery");
  gtk_widget_grab_focus (GTK_WIDGET (self->done_button));
  g_signal_emit (self, signals[ENROLLED], 0);
}

static void
on_copy_key_button_clicked_cb (TandemTotpDialog *self)
{
  g_autofree char *plain = NULL;

  if (self->secret == NULL)
    return;
  plain = g_strndup (self->secret, strcspn (self->secret, "="));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), plain);
  toast (self, _("Key copied"));
}

static void
on_copy_codes_button_clicked_cb (TandemTotpDialog *self)
{
  g_autofree char *text = NULL;

  if (self->codes_text == NULL)
    return;
  text = codes_for_file (self->codes_text);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  toast (self, _("Recovery codes copied"));
}

static void
on_save_response_cb (GtkNativeDialog  *chooser,
                     int               response,
                     TandemTotpDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->codes_text != NULL)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      text = codes_for_file (self->codes_text);
      name = g_file_get_basename (file);
      if (g_file_replace_contents (file, text, strlen (text), NULL, FALSE,
                                   G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                                   NULL, NULL, &error))
        /* Translators: %s is a file name */
        message = g_strdup_printf (_("Saved to “%s”"), name);
      else
        /* Translators: %s is why a file could not be written */
        message = g_strdup_printf (_("Could not save the recovery codes: %s"), error->message);
      toast (self, message);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_save_codes_button_clicked_cb (TandemTotpDialog *self)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save Recovery Codes"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: a file name, keep it short and without spaces */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("tandem-recovery-codes.txt"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_save_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
on_done_button_clicked_cb (TandemTotpDialog *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_sign_out_button_clicked_cb (TandemTotpDialog *self)
{
  g_signal_emit (self, signals[SIGN_OUT], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Overrides */

static gboolean
tandem_totp_dialog_close_request (GtkWindow *window)
{
  TandemTotpDialog *self = TANDEM_TOTP_DIALOG (window);

  /* Required and not set up: there is no way past it into the app. */
  if (self->required && !self->enrolled)
    return TRUE;
  return GTK_WINDOW_CLASS (tandem_totp_dialog_parent_class)->close_request (window);
}

static void
tandem_totp_dialog_constructed (GObject *object)
{
  TandemTotpDialog *self = TANDEM_TOTP_DIALOG (object);

  G_OBJECT_CLASS (tandem_totp_dialog_parent_class)->constructed (object);

  if (self->required)
    {
      gtk_label_set_text (self->intro_label,
                          _("An administrator requires two-step sign-in for your account. Scan the QR code with "
                            "an authenticator app on your phone, such as FreeOTP, Aegis or Google Authenticator, "
                            "and type the code it shows."));
      gtk_widget_set_visible (GTK_WIDGET (self->sign_out_button), TRUE);
      adw_header_bar_set_show_end_title_buttons (self->header_bar, FALSE);
      gtk_window_set_deletable (GTK_WINDOW (self), FALSE);
    }

  start (self);
  update_confirm (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->code_row));
}

static void
tandem_totp_dialog_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TandemTotpDialog *self = TANDEM_TOTP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_REQUIRED:
      g_value_set_boolean (value, self->required);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_totp_dialog_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TandemTotpDialog *self = TANDEM_TOTP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_REQUIRED:
      self->required = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tandem_totp_dialog_dispose (GObject *object)
{
  TandemTotpDialog *self = TANDEM_TOTP_DIALOG (object);

  g_clear_object (&self->store);
  wipe (&self->secret);
  wipe (&self->key_text);
  wipe (&self->codes_text);

  G_OBJECT_CLASS (tandem_totp_dialog_parent_class)->dispose (object);
}

static void
tandem_totp_dialog_class_init (TandemTotpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = tandem_totp_dialog_constructed;
  object_class->get_property = tandem_totp_dialog_get_property;
  object_class->set_property = tandem_totp_dialog_set_property;
  object_class->dispose = tandem_totp_dialog_dispose;
  window_class->close_request = tandem_totp_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, TANDEM_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TandemTotpDialog::enrolled:
   *
   * Two-step sign-in is on: the first code was right.
   */
  signals[ENROLLED] = g_signal_new ("enrolled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * TandemTotpDialog::sign-out:
   *
   * The user gave up setting up a required second factor.
   */
  signals[SIGN_OUT] = g_signal_new ("sign-out", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TANDEM_TYPE_QR_CODE);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tandemcrm/Tandem/sign-in/tandem-totp-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, qr_code);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, copy_key_button);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, codes_label);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, copy_codes_button);
  gtk_widget_class_bind_template_child (widget_class, TandemTotpDialog, done_button);
  gtk_widget_class_bind_template_callback (widget_class, on_code_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_confirm_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_key_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_copy_codes_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_codes_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_sign_out_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tandem_totp_dialog_init (TandemTotpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->copy_key_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Copy Key"), -1);
}

/* Public API */

TandemTotpDialog *
tandem_totp_dialog_new (GtkWindow   *parent,
                        TandemStore *store,
                        gboolean     required)
{
  g_return_val_if_fail (TANDEM_IS_STORE (store), NULL);

  return g_object_new (TANDEM_TYPE_TOTP_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "required", required,
                       NULL);
}

gboolean
tandem_totp_dialog_get_enrolled (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), FALSE);
  return self->enrolled;
}

TandemQrCode *
tandem_totp_dialog_get_qr_code (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), NULL);
  return self->qr_code;
}

const char *
tandem_totp_dialog_get_key_text (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), NULL);
  return self->key_text;
}

GtkEditable *
tandem_totp_dialog_get_code_row (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), NULL);
  return GTK_EDITABLE (self->code_row);
}

GtkButton *
tandem_totp_dialog_get_confirm_button (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), NULL);
  return self->confirm_button;
}

GtkLabel *
tandem_totp_dialog_get_error_label (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), NULL);
  return self->error_label;
}

GtkButton *
tandem_totp_dialog_get_done_button (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), NULL);
  return self->done_button;
}

GtkButton *
tandem_totp_dialog_get_sign_out_button (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), NULL);
  return self->sign_out_button;
}

GtkButton *
tandem_totp_dialog_get_copy_codes_button (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), NULL);
  return self->copy_codes_button;
}

const char *
tandem_totp_dialog_get_page (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
tandem_totp_dialog_get_codes_text (TandemTotpDialog *self)
{
  g_return_val_if_fail (TANDEM_IS_TOTP_DIALOG (self), NULL);
  return self->codes_text;
}
