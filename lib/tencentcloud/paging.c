/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/paging.h"

#include <stdio.h>

#include "i18n.h"
#include "jsonx.h"

/* After the first page: a whole answer in one page is cached (as one snapshot); a
 * longer one is read page by page live, never partly from the cache, so no read
 * mixes pages of different moments. */
static int after_first_page(struct tc_api *api, const struct tc_pager *p, bool complete,
			    struct tc_error *err) {
	api->cache_hold = false;
	if (complete) {
		tc_api_cache_commit(api);
		return 0;
	}
	tc_api_cache_drop(api);
	if (api->from_cache) { /* only whole answers are stored: not met in practice */
		return tc_error_set(err, TC_ERR_INTERNAL, _("%s: a cached first page is partial"),
				    p->action);
	}
	api->cache = NULL;
	return 0;
}

static int read_pages(struct tc_api *api, const struct tc_pager *p, long *requests,
		      struct tc_error *err) {
	long seen = 0;
	char params[2048];
	for (long index = 0; index < TC_MAX_PAGES; index++) {
		struct tc_api_reply reply;
		long items = 0, total = 0;
		if (p->params(p->ctx, index, params, sizeof params) != 0) {
			return tc_error_set(err, TC_ERR_INTERNAL, _("%s: parameters too long"),
					    p->action);
		}
		if (api && index == 0 && api->cache) {
			api->cache_hold = true;
		}
		if ((p->call ? p->call : tc_api_call)(api, p->service, p->version, p->action,
						      params, &reply, err) != 0) {
			return -1;
		}
		if (requests) {
			(*requests)++;
		}
		if (p->page(p->ctx, reply.response, &items, &total, err) != 0) {
			tc_error_prefix(err, "%s", p->action);
			snprintf(err->request_id, sizeof err->request_id, "%s", reply.request_id);
			tc_api_reply_free(&reply);
			return -1;
		}
		int rc = 0;
		seen += items;
		if (total == TC_TOTAL_UNKNOWN && p->limit > 0 && items <= p->limit) {
			/* no total: the list itself says where it ends, at a short page */
			if (items == p->limit) {
				tc_api_reply_free(&reply);
				continue;
			}
			total = seen;
		}
		if (total == TC_TOTAL_UNKNOWN) {
			rc = tc_error_set(
			    err, TC_ERR_DATA,
			    _("%s: no total, and a page of %ld items for a limit of %ld"),
			    p->action, items, p->limit);
		} else if (total < 0) {
			rc = tc_error_set(err, TC_ERR_DATA, _("%s: negative total %ld"), p->action,
					  total);
		} else if (seen > total) {
			rc = tc_error_set(err, TC_ERR_DATA,
					  _("%s: read %ld items but the total is %ld"), p->action,
					  seen, total);
		} else if (seen < total && items == 0) {
			rc = tc_error_set(err, TC_ERR_DATA,
					  _("%s: page %ld came back empty after %ld of %ld items"),
					  p->action, index + 1, seen, total);
		}
		if (rc != 0) {
			snprintf(err->request_id, sizeof err->request_id, "%s", reply.request_id);
		}
		tc_api_reply_free(&reply);
		if (rc == 0 && index == 0 && api && api->cache_hold) {
			rc = after_first_page(api, p, seen >= total, err);
		}
		if (rc != 0 || seen >= total) {
			return rc;
		}
	}
	return tc_error_set(err, TC_ERR_DATA, _("%s: more than %d pages"), p->action, TC_MAX_PAGES);
}

int tc_paginate(struct tc_api *api, const struct tc_pager *p, long *requests,
		struct tc_error *err) {
	const struct tc_cache *cache = api ? api->cache : NULL;
	int rc = read_pages(api, p, requests, err);
	if (api) {
		api->cache_hold = false;
		tc_api_cache_drop(api);
		if (!api->cache_problem[0]) {
			api->cache = cache;
		}
	}
	return rc;
}

static int page_list(struct json_object *response, const char *list_key, const char *total_key,
		     enum tc_field need, struct json_object **list, long *items, long *total,
		     struct tc_error *err) {
	int64_t count = 0;
	bool has_total = false;
	*list = NULL;
	if (tc_json_array(response, list_key, TC_OPTIONAL, list, err) != 0 ||
	    tc_json_int(response, total_key, need, &count, &has_total, err) != 0) {
		return -1;
	}
	if (!has_total && !*list) {
		return tc_error_set(err, TC_ERR_DATA, _("field %s is missing, and so is %s"),
				    list_key, total_key);
	}
	if (has_total && count < 0) {
		return tc_error_set(err, TC_ERR_DATA, _("field %s is negative"), total_key);
	}
	*total = has_total ? (long)count : TC_TOTAL_UNKNOWN;
	*items = *list ? (long)json_object_array_length(*list) : 0;
	return 0;
}

int tc_page_list(struct json_object *response, const char *list_key, const char *total_key,
		 struct json_object **list, long *items, long *total, struct tc_error *err) {
	return page_list(response, list_key, total_key, TC_REQUIRED, list, items, total, err);
}

int tc_page_list_opt(struct json_object *response, const char *list_key, const char *total_key,
		     struct json_object **list, long *items, long *total, struct tc_error *err) {
	return page_list(response, list_key, total_key, TC_OPTIONAL, list, items, total, err);
}
