# SPDX-License-Identifier: GPL-3.0-or-later
# lib/: the generic plugin kit (included by Makefile.am: one build graph, paths from
# the top). The Tencent Cloud code adds its sources in lib/tencentcloud/local.mk;
# both rooms make one library, lib/libtcbilling.a, that every program links.
noinst_LIBRARIES += lib/libtcbilling.a
lib_libtcbilling_a_SOURCES = \
	lib/curl_lazy.c lib/curl_lazy.h \
	lib/deadline.c lib/deadline.h \
	lib/decimal.c lib/decimal.h \
	lib/discovery.c lib/discovery.h \
	lib/error.c lib/error.h \
	lib/http.c lib/http.h \
	lib/i18n.c lib/i18n.h \
	lib/ini.c lib/ini.h \
	lib/jsonx.c lib/jsonx.h \
	lib/money.c lib/money.h \
	lib/opts.c lib/opts.h \
	lib/plugin.c lib/plugin.h \
	lib/range.c lib/range.h \
	lib/readfile.c lib/readfile.h \
	lib/render.h lib/render_json.c lib/render_prom.c \
	lib/result.c lib/result.h \
	lib/state.c lib/state.h \
	lib/textfile.c lib/textfile.h \
	lib/thresholds.c lib/thresholds.h \
	lib/timeutil.c lib/timeutil.h
# libcurl is loaded with dlopen when a request is made (lib/curl_lazy.c)
LIBS_ALL = $(JSONC_LIBS) $(CRYPTO_LIBS) -ldl $(LIBINTL)
