/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "tencentcloud/paging.h"
#include "replay.h"
#include "tap.h"

/* canned pages: each call answers the next one */
static const char *pages[8];
static int calls;
static char last_params[256];

static int fake_call(struct tc_api *api, const char *service, const char *version,
		     const char *action, const char *params, struct tc_api_reply *reply,
		     struct tc_error *err) {
	(void)api;
	snprintf(last_params, sizeof last_params, "%s", params);
	const char *body = pages[calls++];
	return tc_api_parse_envelope(service, action, body, strlen(body), reply, err);
}

static int params(void *ctx, long index, char *buf, size_t size) {
	(void)ctx;
	snprintf(buf, size, "{\"Page\":%ld}", index + 1);
	return 0;
}

static int page(void *ctx, struct json_object *response, long *items, long *total,
		struct tc_error *err) {
	long *sum = ctx;
	struct json_object *list = NULL, *t = NULL;
	if (!json_object_object_get_ex(response, "Items", &list) ||
	    !json_object_object_get_ex(response, "Total", &t)) {
		return tc_error_set(err, TC_ERR_DATA, "bad page");
	}
	*items = (long)json_object_array_length(list);
	*total = (long)json_object_get_int64(t);
	for (long i = 0; i < *items; i++) {
		*sum += json_object_get_int64(json_object_array_get_idx(list, (size_t)i));
	}
	return 0;
}

static int run(long *sum, long *requests, struct tc_error *err) {
	struct tc_pager p = {
	    "billing", "2018-07-09", "DescribeVoucherInfo", params, page, sum, fake_call, 0};
	calls = 0;
	*sum = 0;
	*requests = 0;
	return tc_paginate(NULL, &p, requests, err);
}

START_TEST(reads_until_the_total) {
	long sum, requests;
	struct tc_error err;
	pages[0] = "{\"Response\":{\"Items\":[1,2],\"Total\":5,\"RequestId\":\"a\"}}";
	pages[1] = "{\"Response\":{\"Items\":[3,4],\"Total\":5,\"RequestId\":\"b\"}}";
	pages[2] = "{\"Response\":{\"Items\":[5],\"Total\":5,\"RequestId\":\"c\"}}";
	ck_assert_int_eq(run(&sum, &requests, &err), 0);
	ck_assert_int_eq(sum, 15);
	ck_assert_int_eq(requests, 3);
	ck_assert_str_eq(last_params, "{\"Page\":3}");
}
END_TEST

START_TEST(empty_list_is_one_request) {
	long sum, requests;
	struct tc_error err;
	pages[0] = "{\"Response\":{\"Items\":[],\"Total\":0,\"RequestId\":\"a\"}}";
	ck_assert_int_eq(run(&sum, &requests, &err), 0);
	ck_assert_int_eq(requests, 1);
}
END_TEST

START_TEST(short_page_is_an_error) {
	long sum, requests;
	struct tc_error err;
	pages[0] = "{\"Response\":{\"Items\":[1,2],\"Total\":5,\"RequestId\":\"a\"}}";
	pages[1] = "{\"Response\":{\"Items\":[],\"Total\":5,\"RequestId\":\"b\"}}";
	ck_assert_int_eq(run(&sum, &requests, &err), -1);
	ck_assert_str_eq(err.message,
			 "DescribeVoucherInfo: page 2 came back empty after 2 of 5 items");
}
END_TEST

START_TEST(more_than_the_total_is_an_error) {
	long sum, requests;
	struct tc_error err;
	pages[0] = "{\"Response\":{\"Items\":[1,2,3],\"Total\":2,\"RequestId\":\"a\"}}";
	ck_assert_int_eq(run(&sum, &requests, &err), -1);
	ck_assert_str_eq(err.message, "DescribeVoucherInfo: read 3 items but the total is 2");
}
END_TEST

START_TEST(page_errors_carry_the_request_id) {
	long sum, requests;
	struct tc_error err;
	pages[0] = "{\"Response\":{\"Total\":2,\"RequestId\":\"rid-9\"}}";
	ck_assert_int_eq(run(&sum, &requests, &err), -1);
	ck_assert_str_eq(err.message, "DescribeVoucherInfo: bad page");
	ck_assert_str_eq(err.request_id, "rid-9");
	pages[0] = "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"x\"},"
		   "\"RequestId\":\"rid-8\"}}";
	ck_assert_int_eq(run(&sum, &requests, &err), -1);
	ck_assert_str_eq(err.code, "InternalError");
}
END_TEST

START_TEST(page_list_reads_list_and_total) {
	struct json_object *list = NULL;
	long items = -1, total = -1;
	struct tc_error err;
	struct json_object *r = json_tokener_parse("{\"Deals\":[{},{}],\"TotalCount\":7}");
	ck_assert_int_eq(tc_page_list(r, "Deals", "TotalCount", &list, &items, &total, &err), 0);
	ck_assert_ptr_nonnull(list);
	ck_assert_int_eq(items, 2);
	ck_assert_int_eq(total, 7);
	json_object_put(r);
	/* an absent or null list is an empty page */
	r = json_tokener_parse("{\"Deals\":null,\"TotalCount\":0}");
	ck_assert_int_eq(tc_page_list(r, "Deals", "TotalCount", &list, &items, &total, &err), 0);
	ck_assert_ptr_null(list);
	ck_assert_int_eq(items, 0);
	json_object_put(r);
	/* the total is required, and the list must be a list */
	r = json_tokener_parse("{\"Deals\":[]}");
	ck_assert_int_eq(tc_page_list(r, "Deals", "TotalCount", &list, &items, &total, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "TotalCount"));
	json_object_put(r);
	r = json_tokener_parse("{\"Deals\":{},\"TotalCount\":1}");
	ck_assert_int_eq(tc_page_list(r, "Deals", "TotalCount", &list, &items, &total, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "Deals"));
	json_object_put(r);
}
END_TEST

/* A page reader with the total optional, as the official models have it. */
static int page_opt(void *ctx, struct json_object *response, long *items, long *total,
		    struct tc_error *err) {
	long *sum = ctx;
	struct json_object *list = NULL;
	if (tc_page_list_opt(response, "Items", "Total", &list, items, total, err) != 0) {
		return -1;
	}
	for (long i = 0; i < *items; i++) {
		*sum += json_object_get_int64(json_object_array_get_idx(list, (size_t)i));
	}
	return 0;
}

static int run_without_total(long limit, long *sum, long *requests, struct tc_error *err) {
	struct tc_pager p = {"billing", "2018-07-09", "DescribeVoucherInfo", params, page_opt, sum,
			     fake_call, limit};
	calls = 0;
	*sum = 0;
	*requests = 0;
	return tc_paginate(NULL, &p, requests, err);
}

START_TEST(without_a_total_a_short_page_ends_the_list) {
	long sum, requests;
	struct tc_error err;
	pages[0] = "{\"Response\":{\"Items\":[1,2],\"RequestId\":\"a\"}}";
	pages[1] = "{\"Response\":{\"Items\":[3,4],\"RequestId\":\"b\"}}";
	pages[2] = "{\"Response\":{\"Items\":[5],\"RequestId\":\"c\"}}";
	ck_assert_int_eq(run_without_total(2, &sum, &requests, &err), 0);
	ck_assert_int_eq(sum, 15);
	ck_assert_int_eq(requests, 3);
	/* a full last page: the next, empty one ends it */
	pages[2] = "{\"Response\":{\"Items\":[],\"RequestId\":\"c\"}}";
	ck_assert_int_eq(run_without_total(2, &sum, &requests, &err), 0);
	ck_assert_int_eq(sum, 10);
	ck_assert_int_eq(requests, 3);
	/* a total when given still rules */
	pages[0] = "{\"Response\":{\"Items\":[1,2],\"Total\":3,\"RequestId\":\"a\"}}";
	pages[1] = "{\"Response\":{\"Items\":[],\"Total\":3,\"RequestId\":\"b\"}}";
	ck_assert_int_eq(run_without_total(2, &sum, &requests, &err), -1);
	ck_assert_str_eq(err.message,
			 "DescribeVoucherInfo: page 2 came back empty after 2 of 3 items");
	/* more than asked for, and no total to check it against */
	pages[0] = "{\"Response\":{\"Items\":[1,2,3],\"RequestId\":\"a\"}}";
	ck_assert_int_eq(run_without_total(2, &sum, &requests, &err), -1);
	ck_assert_str_eq(err.message,
			 "DescribeVoucherInfo: no total, and a page of 3 items for a limit of 2");
	/* neither list nor total: not "nothing" */
	pages[0] = "{\"Response\":{\"RequestId\":\"a\"}}";
	ck_assert_int_eq(run_without_total(2, &sum, &requests, &err), -1);
	ck_assert_str_eq(err.message,
			 "DescribeVoucherInfo: field Items is missing, and so is Total");
}
END_TEST

START_TEST(optional_total_reads) {
	struct json_object *list = NULL;
	long items = -1, total = 0;
	struct tc_error err;
	struct json_object *r = json_tokener_parse("{\"Deals\":[{}]}");
	ck_assert_int_eq(tc_page_list_opt(r, "Deals", "TotalCount", &list, &items, &total, &err),
			 0);
	ck_assert_int_eq(items, 1);
	ck_assert_int_eq(total, TC_TOTAL_UNKNOWN);
	json_object_put(r);
	r = json_tokener_parse("{\"Deals\":null,\"TotalCount\":null}");
	ck_assert_int_eq(tc_page_list_opt(r, "Deals", "TotalCount", &list, &items, &total, &err),
			 -1);
	json_object_put(r);
	r = json_tokener_parse("{\"Deals\":[],\"TotalCount\":-1}");
	ck_assert_int_eq(tc_page_list_opt(r, "Deals", "TotalCount", &list, &items, &total, &err),
			 -1);
	ck_assert_str_eq(err.message, "field TotalCount is negative");
	json_object_put(r);
}
END_TEST

/* the same page for every call: a list that never ends */
static int endless_call(struct tc_api *api, const char *service, const char *version,
			const char *action, const char *params, struct tc_api_reply *reply,
			struct tc_error *err) {
	(void)api;
	(void)params;
	calls++;
	const char *body = "{\"Response\":{\"Items\":[1],\"Total\":1000000,\"RequestId\":\"e\"}}";
	return tc_api_parse_envelope(service, action, body, strlen(body), reply, err);
}

/* A total that keeps growing, or a list longer than any answer, stops at
 * TC_MAX_PAGES requests instead of running to the deadline. */
START_TEST(page_count_is_capped) {
	long sum = 0, requests = 0;
	struct tc_error err;
	struct tc_pager p = {"billing", "2018-07-09", "DescribeVoucherInfo", params,
			     page,      &sum,         endless_call,          0};
	calls = 0;
	ck_assert_int_eq(tc_paginate(NULL, &p, &requests, &err), -1);
	ck_assert_str_eq(err.message, "DescribeVoucherInfo: more than 1000 pages");
	ck_assert_int_eq(requests, TC_MAX_PAGES);
}
END_TEST

START_TEST(negative_total_is_an_error) {
	long sum, requests;
	struct tc_error err;
	pages[0] = "{\"Response\":{\"Items\":[],\"Total\":-3,\"RequestId\":\"n\"}}";
	ck_assert_int_eq(run(&sum, &requests, &err), -1);
	ck_assert_str_eq(err.message, "DescribeVoucherInfo: negative total -3");
	ck_assert_str_eq(err.request_id, "n");
}
END_TEST

static int no_params(void *ctx, long index, char *buf, size_t size) {
	(void)ctx;
	(void)index;
	(void)buf;
	(void)size;
	return -1;
}

START_TEST(parameters_that_do_not_fit) {
	long sum = 0, requests = 0;
	struct tc_error err;
	struct tc_pager p = {
	    "billing", "2018-07-09", "DescribeVoucherInfo", no_params, page, &sum, fake_call, 0};
	calls = 0;
	ck_assert_int_eq(tc_paginate(NULL, &p, &requests, &err), -1);
	ck_assert_str_eq(err.message, "DescribeVoucherInfo: parameters too long");
	ck_assert_int_eq(calls, 0);
}
END_TEST

/* Reads the list through the real call with a cache in `dir`, each page with
 * `reader`; returns what tc_paginate returned, with the sum, the cache hits and the
 * requests sent. */
static int cached_run(struct replay *r, const char *dir,
		      int (*reader)(void *, struct json_object *, long *, long *,
				    struct tc_error *),
		      long *sum, struct tc_error *err) {
	struct tc_cache cache = {.dir = dir, .ttl = 300};
	struct tc_pager p = {
	    "billing", "2018-07-09", "DescribeVoucherInfo", params, reader, sum, NULL, 0};
	replay_client(r);
	r->api.cache = &cache;
	*sum = 0;
	int rc = tc_paginate(&r->api, &p, NULL, err);
	ck_assert_ptr_eq(r->api.cache, &cache); /* given back for the next call */
	ck_assert(!r->api.cache_hold);
	ck_assert_ptr_null(r->api.held_body);
	return rc;
}

/* Only a whole list is stored: a one-page answer is served from the cache next
 * time; the first page of a longer one never is (its other pages could change in
 * between, and a mix of two moments is no answer). */
START_TEST(only_whole_lists_are_cached) {
	char dir[] = "/tmp/tc-paging-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	struct replay r;
	struct tc_error err;
	long sum = 0;
	replay_start(&r, 10);
	replay_body(&r, 200, "{\"Response\":{\"Items\":[4,5],\"Total\":2,\"RequestId\":\"c1\"}}");
	ck_assert_int_eq(cached_run(&r, dir, page, &sum, &err), 0);
	ck_assert_int_eq(sum, 9);
	ck_assert_int_eq(r.api.cache_misses, 1);
	ck_assert_int_eq(cached_run(&r, dir, page, &sum, &err), 0);
	ck_assert_int_eq(sum, 9);
	ck_assert_int_eq(r.api.cache_hits, 1);
	ck_assert_uint_eq(replay_served(&r), 1);
	replay_stop(&r);
	char other[] = "/tmp/tc-paging-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(other));
	replay_start(&r, 10);
	for (int i = 0; i < 2; i++) {
		replay_body(&r, 200,
			    "{\"Response\":{\"Items\":[1],\"Total\":2,\"RequestId\":\"p1\"}}");
		replay_body(&r, 200,
			    "{\"Response\":{\"Items\":[2],\"Total\":2,\"RequestId\":\"p2\"}}");
	}
	ck_assert_int_eq(cached_run(&r, other, page, &sum, &err), 0);
	ck_assert_int_eq(sum, 3);
	ck_assert_int_eq(cached_run(&r, other, page, &sum, &err), 0);
	ck_assert_int_eq(sum, 3);
	ck_assert_int_eq(r.api.cache_hits, 0);
	ck_assert_uint_eq(replay_served(&r), 4);
	replay_stop(&r);
	replay_remove_tree(dir);
	replay_remove_tree(other);
}
END_TEST

/* a reader that takes the same page to be the first of two */
static int page_of_more(void *ctx, struct json_object *response, long *items, long *total,
			struct tc_error *err) {
	int rc = page(ctx, response, items, total, err);
	*total += 1;
	return rc;
}

/* Only whole answers are stored, so a first page served from the cache is always
 * the whole list; should one ever be partial (a reader that changed its mind), the
 * run fails rather than mixing a stored page with fresh ones. */
START_TEST(a_partial_cached_first_page_is_an_error) {
	char dir[] = "/tmp/tc-paging-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	struct replay r;
	struct tc_error err;
	long sum = 0;
	replay_start(&r, 10);
	replay_body(&r, 200, "{\"Response\":{\"Items\":[7],\"Total\":1,\"RequestId\":\"w\"}}");
	ck_assert_int_eq(cached_run(&r, dir, page, &sum, &err), 0);
	ck_assert_int_eq(cached_run(&r, dir, page_of_more, &sum, &err), -1);
	ck_assert_str_eq(err.message, "DescribeVoucherInfo: a cached first page is partial");
	ck_assert_int_eq(r.api.cache_hits, 1);
	ck_assert_uint_eq(replay_served(&r), 1);
	replay_stop(&r);
	replay_remove_tree(dir);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("paging");
	TCase *tc = tcase_create("paging");
	tcase_add_test(tc, reads_until_the_total);
	tcase_add_test(tc, empty_list_is_one_request);
	tcase_add_test(tc, short_page_is_an_error);
	tcase_add_test(tc, more_than_the_total_is_an_error);
	tcase_add_test(tc, page_errors_carry_the_request_id);
	tcase_add_test(tc, page_list_reads_list_and_total);
	tcase_add_test(tc, without_a_total_a_short_page_ends_the_list);
	tcase_add_test(tc, optional_total_reads);
	tcase_add_test(tc, negative_total_is_an_error);
	suite_add_tcase(s, tc);
	TCase *bounds = tcase_create("bounds");
	tcase_add_test(bounds, page_count_is_capped);
	tcase_add_test(bounds, parameters_that_do_not_fit);
	suite_add_tcase(s, bounds);
	TCase *cache = tcase_create("the cache, through the real call");
	tcase_add_test(cache, only_whole_lists_are_cached);
	tcase_add_test(cache, a_partial_cached_first_page_is_an_error);
	suite_add_tcase(s, cache);
	return s;
}

TC_TEST_MAIN(suite)
