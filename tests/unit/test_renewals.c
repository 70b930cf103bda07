/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The DescribeRenewInstances reader against the published example and the variants
 * the official model allows (every field optional, nullable ones null, NextToken
 * paging). */
#include <stdio.h>
#include <string.h>

#include "failalloc.h"
#include "fixture.h"
#include "tencentcloud/renewals.h"
#include "tap.h"
#include "timeutil.h"
#include "utf8check.h"

#define ACTION "DescribeRenewInstances"

/* Reads one recorded page into *out. */
static int read_page(const char *name, struct tc_renewals *out, const char **next,
		     struct tc_api_reply *reply, struct tc_error *err) {
	size_t len = 0;
	char *text = fixture_text(ACTION, name, &len);
	ck_assert_int_eq(tc_api_parse_envelope("billing", ACTION, text, len, reply, err), 0);
	free(text);
	return tc_renewals_page(reply->response, TC_BEIJING_OFFSET, out, next, err);
}

START_TEST(published_example) {
	struct tc_renewals r = {0};
	struct tc_api_reply reply;
	struct tc_error err;
	const char *next = "x";
	ck_assert_int_eq(read_page("example", &r, &next, &reply, &err), 0);
	ck_assert_ptr_null(next); /* "NextToken": null ends the list */
	ck_assert_int_eq(r.n, 1);
	const struct tc_renewal *x = &r.items[0];
	ck_assert_str_eq(x->id, "std_storage-20241106185002290002691-0");
	ck_assert_str_eq(x->product_code, "p_cos");
	ck_assert_str_eq(x->sub_product_code, "sp_cos_pkg_std_new");
	ck_assert_str_eq(x->region, "ap-others");
	ck_assert_str_eq(x->name, "");
	ck_assert_int_eq(x->flag, TC_RENEW_NEVER);
	ck_assert_int_eq(x->status, TC_INSTANCE_NORMAL);
	ck_assert(x->has_expiry);
	/* 2025-07-06 23:59:59 Beijing = 15:59:59 UTC */
	ck_assert_int_eq(x->expires, 1751817599);
	ck_assert_int_eq(x->period, 1);
	ck_assert_str_eq(x->period_unit, "m");
	tc_api_reply_free(&reply);
	tc_renewals_free(&r);
}
END_TEST

START_TEST(every_field_absent) {
	struct tc_renewals r = {0};
	struct tc_api_reply reply;
	struct tc_error err;
	const char *next = "x";
	ck_assert_int_eq(read_page("absent", &r, &next, &reply, &err), 0);
	ck_assert_ptr_null(next); /* no NextToken at all: the end too */
	ck_assert_int_eq(r.n, 1);
	ck_assert_str_eq(r.items[0].id, "");
	ck_assert(!r.items[0].has_expiry);
	ck_assert_int_eq(r.items[0].flag, TC_RENEW_FLAG_UNKNOWN);
	ck_assert_int_eq(r.items[0].status, TC_INSTANCE_STATUS_UNKNOWN);
	tc_api_reply_free(&reply);
	tc_renewals_free(&r);
}
END_TEST

START_TEST(nullable_fields_null) {
	struct tc_renewals r = {0};
	struct tc_api_reply reply;
	struct tc_error err;
	const char *next = "x";
	ck_assert_int_eq(read_page("nulls", &r, &next, &reply, &err), 0);
	ck_assert_int_eq(r.n, 2);
	ck_assert(!r.items[0].has_expiry);
	ck_assert_str_eq(r.items[0].id, "ins-nulls001");
	ck_assert_str_eq(r.items[0].region, "");
	ck_assert_int_eq(r.items[0].period, 0);
	ck_assert(r.items[1].has_expiry);
	ck_assert_int_eq(r.items[1].flag, TC_RENEW_FLAG_UNKNOWN);
	tc_api_reply_free(&reply);
	tc_renewals_free(&r);
}
END_TEST

START_TEST(empty_list) {
	struct tc_renewals r = {0};
	struct tc_api_reply reply;
	struct tc_error err;
	const char *next = "x";
	ck_assert_int_eq(read_page("empty", &r, &next, &reply, &err), 0);
	ck_assert_int_eq(r.n, 0);
	ck_assert_ptr_null(next);
	tc_api_reply_free(&reply);
	tc_renewals_free(&r);
}
END_TEST

/* The model marks InstanceList optional, but it is the whole verdict: an answer
 * without it (or with null) cannot be told from a broken one, and is not read as
 * "no instances". */
START_TEST(an_answer_without_the_list_is_an_error) {
	struct tc_renewals r = {0};
	struct tc_api_reply reply;
	struct tc_error err;
	const char *next = NULL;
	ck_assert_int_eq(read_page("no_list", &r, &next, &reply, &err), -1);
	ck_assert_str_eq(err.message, "field InstanceList is missing");
	tc_api_reply_free(&reply);
	struct json_object *null_list = json_tokener_parse("{\"InstanceList\": null}");
	ck_assert_int_eq(tc_renewals_page(null_list, 0, &r, &next, &err), -1);
	json_object_put(null_list);
	tc_renewals_free(&r);
}
END_TEST

/* recorded pages answered in turn; the parameters each call was made with */
static const char *pages[4];
static int calls;
static char sent[4][512];

static int recorded_call(struct tc_api *api, const char *service, const char *version,
			 const char *action, const char *params, struct tc_api_reply *reply,
			 struct tc_error *err) {
	(void)api;
	(void)version;
	ck_assert_str_eq(service, "billing");
	ck_assert_str_eq(action, ACTION);
	snprintf(sent[calls], sizeof sent[calls], "%s", params);
	size_t len = 0;
	char *text = fixture_text(ACTION, pages[calls++], &len);
	int rc = tc_api_parse_envelope(service, action, text, len, reply, err);
	free(text);
	return rc;
}

START_TEST(next_token_paging) {
	struct tc_renewals r;
	struct tc_error err;
	struct tc_renewals_query q = {.call = recorded_call};
	pages[0] = "page1";
	pages[1] = "page2";
	calls = 0;
	ck_assert_int_eq(tc_renewals_fetch(NULL, &q, TC_BEIJING_OFFSET, &r, &err), 0);
	ck_assert_int_eq(r.requests, 2);
	ck_assert_int_eq(r.n, 3);
	ck_assert_str_eq(r.items[1].id, "cdb-page0002");
	ck_assert_int_eq(r.items[1].status, TC_INSTANCE_ISOLATED);
	ck_assert_int_eq(r.items[1].flag, TC_RENEW_AUTO);
	ck_assert_str_eq(r.items[2].id, "ins-page0003");
	ck_assert_str_eq(sent[0], "{\"MaxResults\":100}");
	ck_assert_str_eq(sent[1],
			 "{\"MaxResults\":100,\"NextToken\":\"VDAwMSu3Y69lZhLwW1bRxLiwKafWBv_"
			 "6TqKBnp-YH12b0uWcwTBf3DIK7Myza6EVdhDKoFGpKANnZkfmmLy5K8uH1lJYqy"
			 "vuT_mSXc8VoOdX-8kcKJrB3JbyW9dM0edrKm3Q\"}");
	tc_renewals_free(&r);
}
END_TEST

START_TEST(a_repeated_token_is_an_error_not_a_loop) {
	struct tc_renewals r;
	struct tc_error err;
	struct tc_renewals_query q = {.call = recorded_call};
	pages[0] = "page1";
	pages[1] = "page1";
	calls = 0;
	ck_assert_int_eq(tc_renewals_fetch(NULL, &q, TC_BEIJING_OFFSET, &r, &err), -1);
	ck_assert_int_eq(calls, 2);
	ck_assert_ptr_nonnull(strstr(err.message, "NextToken repeats"));
	ck_assert_str_eq(err.request_id, "0b1c2d3e-0000-4000-8000-0000renew003");
	tc_renewals_free(&r);
}
END_TEST

START_TEST(instance_ids_are_asked_for) {
	const char *ids[] = {"ins-1", "ins-\"2"};
	struct tc_renewals_query q = {.ids = ids, .n_ids = 2, .page_size = 10};
	struct tc_error err;
	char *params = NULL;
	ck_assert_int_eq(tc_renewals_params(&q, NULL, &params, &err), 0);
	ck_assert_str_eq(params,
			 "{\"MaxResults\":10,\"InstanceIdList\":[\"ins-1\",\"ins-\\\"2\"]}");
	free(params);
	q.n_ids = 101;
	ck_assert_int_eq(tc_renewals_params(&q, NULL, &params, &err), -1);
}
END_TEST

/* Only the shape of the answer is strict: display fields of the wrong type read as
 * empty, an unreadable ExpireTime leaves the record undated. */
START_TEST(reading_rule) {
	struct tc_renewal x;
	struct tc_error err;
	const char *undated[] = {
	    "{\"InstanceId\": \"a\", \"ExpireTime\": \"next week\"}",
	    "{\"InstanceId\": \"a\", \"ExpireTime\": 1751817599}",
	    "{\"InstanceId\": \"a\", \"ExpireTime\": \"2025-13-06 23:59:59\"}",
	    "{\"InstanceId\": \"a\", \"ExpireTime\": \"\"}",
	};
	for (size_t i = 0; i < sizeof undated / sizeof undated[0]; i++) {
		struct json_object *o = json_tokener_parse(undated[i]);
		ck_assert_int_eq(tc_renewal_from_json(o, TC_BEIJING_OFFSET, &x, &err), 0);
		ck_assert_msg(!x.has_expiry, "dated %s", undated[i]);
		ck_assert_str_eq(x.id, "a");
		json_object_put(o);
	}
	struct json_object *o = json_tokener_parse(
	    "{\"InstanceId\": 7, \"InstanceName\": [\"x\"], \"RenewPeriod\": \"3\", "
	    "\"Status\": \"ISOLATED\", \"ExpireTime\": \"2026-11-25 23:59:59\"}");
	ck_assert_int_eq(tc_renewal_from_json(o, TC_BEIJING_OFFSET, &x, &err), 0);
	ck_assert_str_eq(x.id, "7"); /* a number is shown as its JSON text */
	ck_assert_str_eq(x.name, "");
	ck_assert_int_eq(x.period, 0);
	ck_assert_int_eq(x.status, TC_INSTANCE_ISOLATED);
	ck_assert(x.has_expiry);
	json_object_put(o);
	/* what is not an instance list at all fails the read */
	const char *bad[] = {
	    "{\"InstanceList\": {}}",
	    "{\"InstanceList\": [1]}",
	    "{\"InstanceList\": [], \"NextToken\": 5}",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct tc_renewals r = {0};
		const char *next = NULL;
		struct json_object *resp = json_tokener_parse(bad[i]);
		ck_assert_msg(tc_renewals_page(resp, 0, &r, &next, &err) == -1, "accepted %s",
			      bad[i]);
		json_object_put(resp);
		tc_renewals_free(&r);
	}
}
END_TEST

START_TEST(long_cjk_names_are_cut_on_characters) {
	for (int pad = 0; pad < 3; pad++) {
		for (int n = 28; n < 36; n++) {
			char name[256];
			struct tc_renewal x;
			struct tc_error err;
			long_name(name, sizeof name, pad, n);
			struct json_object *o = json_object_new_object();
			json_object_object_add(o, "InstanceName", json_object_new_string(name));
			json_object_object_add(o, "ProductName", json_object_new_string(name));
			ck_assert_int_eq(tc_renewal_from_json(o, 0, &x, &err), 0);
			ck_assert_msg(utf8_valid(x.name) && utf8_valid(x.product), "pad %d, %d",
				      pad, n);
			json_object_put(o);
		}
	}
}
END_TEST

/* A NextToken that is empty ends the list like an absent one. */
START_TEST(an_empty_token_ends_the_list) {
	struct tc_renewals r = {0};
	struct tc_error err;
	const char *next = "x";
	struct json_object *o = json_tokener_parse("{\"InstanceList\": [], \"NextToken\": \"\"}");
	ck_assert_int_eq(tc_renewals_page(o, 0, &r, &next, &err), 0);
	ck_assert_ptr_null(next);
	json_object_put(o);
	tc_renewals_free(&r);
}
END_TEST

/* a new token on every page: a list that never ends */
static int endless_call(struct tc_api *api, const char *service, const char *version,
			const char *action, const char *params, struct tc_api_reply *reply,
			struct tc_error *err) {
	(void)api;
	(void)version;
	(void)params;
	char body[160];
	snprintf(body, sizeof body,
		 "{\"Response\":{\"InstanceList\":[],\"NextToken\":\"t%d\",\"RequestId\":\"e\"}}",
		 calls++);
	return tc_api_parse_envelope(service, action, body, strlen(body), reply, err);
}

START_TEST(the_page_count_is_capped) {
	struct tc_renewals r;
	struct tc_error err;
	struct tc_renewals_query q = {.call = endless_call};
	calls = 0;
	ck_assert_int_eq(tc_renewals_fetch(NULL, &q, TC_BEIJING_OFFSET, &r, &err), -1);
	ck_assert_str_eq(err.message, "DescribeRenewInstances: more than 1000 pages");
	ck_assert_int_eq(calls, 1000);
	tc_renewals_free(&r);
}
END_TEST

/* More instance IDs than the API takes: refused before any request. */
START_TEST(too_many_ids_are_refused_before_a_request) {
	static const char *ids[TC_RENEW_MAX_IDS + 1];
	for (size_t i = 0; i <= TC_RENEW_MAX_IDS; i++) {
		ids[i] = "ins-1";
	}
	struct tc_renewals r;
	struct tc_error err;
	struct tc_renewals_query q = {
	    .ids = ids, .n_ids = TC_RENEW_MAX_IDS + 1, .call = recorded_call};
	calls = 0;
	ck_assert_int_eq(tc_renewals_fetch(NULL, &q, TC_BEIJING_OFFSET, &r, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_USAGE);
	ck_assert_int_eq(calls, 0);
	tc_renewals_free(&r);
}
END_TEST

START_TEST(out_of_memory_is_an_error) {
	struct tc_renewals r = {0};
	struct tc_api_reply reply;
	struct tc_error err;
	const char *next = NULL;
	size_t len = 0;
	char *text = fixture_text(ACTION, "page1", &len);
	ck_assert_int_eq(tc_api_parse_envelope("billing", ACTION, text, len, &reply, &err), 0);
	free(text);
	failalloc_arm(1);
	int rc = tc_renewals_page(reply.response, TC_BEIJING_OFFSET, &r, &next, &err);
	failalloc_arm(0);
	ck_assert_int_eq(rc, -1);
	ck_assert_str_eq(err.message, "out of memory");
	ck_assert_uint_eq(r.n, 0);
	tc_api_reply_free(&reply);
	tc_renewals_free(&r);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("renewals");
	TCase *tc = tcase_create("renewals");
	tcase_add_test(tc, published_example);
	tcase_add_test(tc, every_field_absent);
	tcase_add_test(tc, nullable_fields_null);
	tcase_add_test(tc, empty_list);
	tcase_add_test(tc, an_answer_without_the_list_is_an_error);
	tcase_add_test(tc, next_token_paging);
	tcase_add_test(tc, a_repeated_token_is_an_error_not_a_loop);
	tcase_add_test(tc, instance_ids_are_asked_for);
	tcase_add_test(tc, reading_rule);
	tcase_add_test(tc, long_cjk_names_are_cut_on_characters);
	tcase_add_test(tc, an_empty_token_ends_the_list);
	tcase_add_test(tc, out_of_memory_is_an_error);
	suite_add_tcase(s, tc);
	TCase *bounds = tcase_create("bounds");
	tcase_add_test(bounds, the_page_count_is_capped);
	tcase_add_test(bounds, too_many_ids_are_refused_before_a_request);
	suite_add_tcase(s, bounds);
	return s;
}

TC_TEST_MAIN(suite)
