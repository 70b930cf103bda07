/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <config.h>

#include "curl_lazy.h"

#include "i18n.h"

#include <dlfcn.h>
#include <stdlib.h>
#include <stdbool.h>
#include <string.h>

/* The process-wide table of libcurl's entry points, filled once. */
static struct tc_curl table;
static void *handle;
static void (*global_cleanup)(void);

static bool resolve(void **slot, const char *name) {
	*slot = dlsym(handle, name);
	return *slot != NULL;
}

bool tc_curl_version_ok(unsigned int version_num, const char *version, struct tc_error *err) {
	if (version_num >= TC_CURL_MIN_VERSION_NUM) {
		return true;
	}
	tc_error_set(err, TC_ERR_INTERNAL, _("libcurl %s is too old: %s or newer is needed"),
		     version ? version : "(unknown version)", TC_CURL_MIN_VERSION);
	return false;
}

const struct tc_curl *tc_curl_load(struct tc_error *err) {
	CURLcode (*global_init)(long) = NULL;
	curl_version_info_data *(*version_info)(CURLversion) = NULL;
	if (handle) {
		return &table;
	}
	/* Debian's libcurl links GnuTLS through librtmp, and GnuTLS initialises itself
	 * when it is loaded: RTMP is never used here, so that work (0.7 million
	 * instructions and 0.7 MB of a run) is skipped, as GnuTLS documents for
	 * programs that do not use it. A value the user set is kept. */
	setenv("GNUTLS_NO_IMPLICIT_INIT", "1", 0);
	handle = dlopen("libcurl.so.4", RTLD_LAZY | RTLD_LOCAL);
	if (!handle) {
		tc_error_set(err, TC_ERR_INTERNAL, _("cannot load libcurl: %s"), dlerror());
		return NULL;
	}
	/* the library found at run time may be older than the headers built against */
	const curl_version_info_data *v = resolve((void **)&version_info, "curl_version_info")
					      ? version_info(CURLVERSION_NOW)
					      : NULL;
	if (!tc_curl_version_ok(v ? v->version_num : 0, v ? v->version : NULL, err)) {
		dlclose(handle);
		handle = NULL;
		return NULL;
	}
	if (!resolve((void **)&table.easy_init, "curl_easy_init") ||
	    !resolve((void **)&table.easy_setopt, "curl_easy_setopt") ||
	    !resolve((void **)&table.easy_perform, "curl_easy_perform") ||
	    !resolve((void **)&table.easy_getinfo, "curl_easy_getinfo") ||
	    !resolve((void **)&table.easy_reset, "curl_easy_reset") ||
	    !resolve((void **)&table.easy_cleanup, "curl_easy_cleanup") ||
	    !resolve((void **)&table.easy_strerror, "curl_easy_strerror") ||
	    !resolve((void **)&table.slist_append, "curl_slist_append") ||
	    !resolve((void **)&table.slist_free_all, "curl_slist_free_all") ||
	    !resolve((void **)&global_init, "curl_global_init") ||
	    !resolve((void **)&global_cleanup, "curl_global_cleanup") ||
	    global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		tc_error_set(err, TC_ERR_INTERNAL, _("cannot initialise libcurl"));
		dlclose(handle);
		handle = NULL;
		return NULL;
	}
	return &table;
}

void tc_curl_unload(void) {
	if (handle) {
		global_cleanup();
		dlclose(handle);
		handle = NULL;
		memset(&table, 0, sizeof table);
	}
}
