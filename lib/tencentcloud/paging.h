/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads every page of a paged Describe/Query action, whatever its paging words
 * (record offsets, 0- or 1-based page numbers): the caller builds each page's
 * parameters and reads each page; this loop stops when the reported total has been
 * read, and treats a page that comes back short as an error, never as the end. */
#ifndef TC_PAGING_H
#define TC_PAGING_H

#include <stddef.h>

#include <json-c/json.h>

#include "tencentcloud/api.h"
#include "error.h"

#define TC_MAX_PAGES 1000

/* The total a page reader reports when the answer carries none. */
#define TC_TOTAL_UNKNOWN (-1)

struct tc_pager {
	const char *service;
	const char *version;
	const char *action;
	/* Writes the JSON parameters of page `index` (0 for the first). */
	int (*params)(void *ctx, long index, char *buf, size_t size);
	/* Reads one page's Response; sets the items it held and the reported total. */
	int (*page)(void *ctx, struct json_object *response, long *items, long *total,
		    struct tc_error *err);
	void *ctx;
	/* How a page is fetched; NULL means tc_api_call (tests pass canned pages). */
	int (*call)(struct tc_api *api, const char *service, const char *version,
		    const char *action, const char *params, struct tc_api_reply *reply,
		    struct tc_error *err);
	/* The page size asked for: with it, an answer without a total (a page reader
	 * that sets TC_TOTAL_UNKNOWN) ends at the first page shorter than this. */
	long limit;
};

/* Returns 0 after every item was read; *requests counts the calls made. */
int tc_paginate(struct tc_api *api, const struct tc_pager *p, long *requests, struct tc_error *err);

/* For a page reader: the page's list `list_key` (absent or null: no items) and the
 * reported total `total_key` (required); sets *list (or NULL), *items and *total. */
int tc_page_list(struct json_object *response, const char *list_key, const char *total_key,
		 struct json_object **list, long *items, long *total, struct tc_error *err);

/* The same with the total optional, as the official models have it: an absent or
 * null total sets *total to TC_TOTAL_UNKNOWN. An answer with neither the list nor
 * the total says nothing and is an error, never "no items". */
int tc_page_list_opt(struct json_object *response, const char *list_key, const char *total_key,
		     struct json_object **list, long *items, long *total, struct tc_error *err);

#endif
