/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TANDEM_TYPE_NARROW_BIN (tandem_narrow_bin_get_type ())

/* A bin that tells whether it is narrow: "narrow" is TRUE while its
 * allocated width is below "threshold". A page wraps its content in one
 * and rearranges itself on notify::narrow. The change is notified once
 * the allocation that crossed the threshold is over, as what a page
 * shows cannot change while GTK lays it out. Libadwaita 1.2 has no
 * breakpoints; this is the little of them the pages need. */
G_DECLARE_FINAL_TYPE (TandemNarrowBin, tandem_narrow_bin, TANDEM, NARROW_BIN, AdwBin)

GtkWidget *tandem_narrow_bin_new           (void);
int        tandem_narrow_bin_get_threshold (TandemNarrowBin *self);
void       tandem_narrow_bin_set_threshold (TandemNarrowBin *self,
                                            int              threshold);
gboolean   tandem_narrow_bin_get_narrow    (TandemNarrowBin *self);

G_END_DECLS
