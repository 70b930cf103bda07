/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Messages in the user's language: _() translates, N_() marks a string that is
 * translated where it is used. The catalogs are in po/ (GNU gettext). */
#ifndef TC_I18N_H
#define TC_I18N_H

#include <stdbool.h>

#include <config.h>

#if ENABLE_NLS
#	include <libintl.h>
#	define _(s) gettext(s)
#else
#	define _(s)                   (s)
#	define ngettext(one, many, n) ((n) == 1 ? (one) : (many))
#endif
#define N_(s) (s)

/* Takes the message language from the environment (LANG, LC_ALL, LC_MESSAGES,
 * LANGUAGE), or from --language in argv when it is there; numbers keep the C
 * locale's '.' whatever the environment says. */
void tc_i18n_init(int argc, char **argv);

/* Speaks `language` ("zh-CN" or "en-US", as --language takes them) from now on;
 * NULL or anything else leaves the environment's choice. */
void tc_i18n_language(const char *language);

/* Whether `language` is one the programs speak ("zh-CN" or "en-US"). */
bool tc_i18n_known(const char *language);

#endif
