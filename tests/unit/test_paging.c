/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "tencentcloud/paging.h"
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
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)
