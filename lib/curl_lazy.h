/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libcurl, loaded when the first request is made rather than when the program
 * starts: a run answered from the cache never pays for loading libcurl and the two
 * dozen libraries it pulls in (about 3 ms of a 6 ms run, measured by bench/run). */
#ifndef TC_CURL_LAZY_H
#define TC_CURL_LAZY_H

#include <curl/curl.h>
#include <stdbool.h>

#include "error.h"

struct tc_curl {
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
	CURLcode (*easy_perform)(CURL *);
	CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
	void (*easy_reset)(CURL *);
	void (*easy_cleanup)(CURL *);
	const char *(*easy_strerror)(CURLcode);
	struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
	void (*slist_free_all)(struct curl_slist *);
};

/* Loads libcurl (once) and initialises it; NULL with an error if it cannot. */
const struct tc_curl *tc_curl_load(struct tc_error *err);

/* Whether a libcurl of VERSION_NUM (LIBCURL_VERSION_NUM's form) is at least
 * TC_CURL_MIN_VERSION, the oldest that has every option the requests set; if not,
 * false with an error naming both versions. Checked by tc_curl_load. */
bool tc_curl_version_ok(unsigned int version_num, const char *version, struct tc_error *err);

/* Releases libcurl's global state if it was loaded. */
void tc_curl_unload(void);

#endif
