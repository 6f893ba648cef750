/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "TandemError"

#include "tandem-error.h"

G_DEFINE_QUARK (tandem-error-quark, tandem_error)
