/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

bool tc_i18n_known(const char *language) {
	return language && (strcmp(language, "zh-CN") == 0 || strcmp(language, "en-US") == 0);
}

void tc_i18n_language(const char *language) {
#if ENABLE_NLS
	const char *lang = NULL;
	if (!language) {
		return;
	} else if (strcmp(language, "zh-CN") == 0) {
		lang = "zh_CN";
	} else if (strcmp(language, "en-US") == 0) {
		lang = "en_US";
	} else {
		return;
	}
	setenv("LANGUAGE", lang, 1);
	/* gettext ignores LANGUAGE in the C locale: messages then take a UTF-8 locale
	 * that always exists (glibc's C.UTF-8) when the language's own is missing */
	const char *now = setlocale(LC_MESSAGES, NULL);
	if (!now || strcmp(now, "C") == 0 || strcmp(now, "POSIX") == 0) {
		if (!setlocale(LC_MESSAGES,
			       strcmp(lang, "zh_CN") == 0 ? "zh_CN.UTF-8" : "C.UTF-8")) {
			setlocale(LC_MESSAGES, "C.UTF-8");
		}
	}
	textdomain(PACKAGE); /* forgets what was looked up in the former language */
#else
	(void)language;
#endif
}

/* --language=VALUE or --language VALUE in argv, before "--". */
static const char *language_arg(int argc, char **argv) {
	const char *found = NULL;
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
		if (strncmp(argv[i], "--language=", 11) == 0) {
			found = argv[i] + 11;
		} else if (strcmp(argv[i], "--language") == 0 && i + 1 < argc) {
			found = argv[++i];
		}
	}
	return found;
}

void tc_i18n_init(int argc, char **argv) {
#if ENABLE_NLS
	setlocale(LC_ALL, "");
	/* money and numbers are formatted by our own code, and json-c, strtod and
	 * libcurl need '.' as the decimal point: the numeric locale stays C */
	setlocale(LC_NUMERIC, "C");
	const char *dir = getenv("TC_BILLING_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	/* our output is UTF-8 whatever the terminal's locale (Nagios stores bytes) */
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	tc_i18n_language(language_arg(argc, argv));
#else
	(void)argc;
	(void)argv;
#endif
}
