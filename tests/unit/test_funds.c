/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "failalloc.h"
#include "fixture.h"
#include "tencentcloud/funds.h"
#include "replay.h"
#include "tap.h"
#include "utf8check.h"

START_TEST(members) {
	struct tc_fund_account a;
	struct tc_error err;
	struct json_object *o = json_tokener_parse(
	    "{\"MemberUin\": \"100049260339\", \"MemberName\": \"test_1118\", \"IsCreditAccount\": "
	    "false, \"RealBalance\": 1061, \"CashAccountBalance\": 1061, \"CreditAmount\": 0, "
	    "\"OweAmount\": 0}");
	ck_assert_int_eq(tc_member_from_json(o, &a, &err), 0);
	ck_assert_str_eq(a.uin, "100049260339");
	ck_assert_int_eq(a.available, 1061);
	ck_assert(!a.credit);
	json_object_put(o);
	o = json_tokener_parse("{\"MemberUin\": \"1\", \"RealBalance\": -500.0, \"CreditAmount\": "
			       "100000, \"IsCreditAccount\": true, \"OweAmount\": 500}");
	ck_assert_int_eq(tc_member_from_json(o, &a, &err), 0);
	ck_assert_int_eq(a.available, 99500);
	ck_assert_int_eq(a.owed, 500);
	ck_assert(!a.arrears);
	json_object_put(o);
	/* a numeric MemberUin is display only */
	o = json_tokener_parse("{\"MemberUin\": 1, \"RealBalance\": 1, \"OweAmount\": 0}");
	ck_assert_int_eq(tc_member_from_json(o, &a, &err), 0);
	ck_assert_str_eq(a.uin, "1");
	json_object_put(o);
	o = json_tokener_parse("{\"MemberUin\": \"1\", \"RealBalance\": 1, \"OweAmount\": -1}");
	ck_assert_int_eq(tc_member_from_json(o, &a, &err), -1);
	json_object_put(o);
	/* a fraction of a cent owed is owed */
	o = json_tokener_parse("{\"MemberUin\": \"1\", \"RealBalance\": 1, \"OweAmount\": 0.3}");
	ck_assert_int_eq(tc_member_from_json(o, &a, &err), 0);
	ck_assert_int_eq(a.owed, 1);
	json_object_put(o);
}
END_TEST

START_TEST(customers_in_usd_floats) {
	struct tc_fund_account a;
	struct tc_error err;
	struct json_object *o = json_tokener_parse(
	    "{\"ClientUin\": 400000000001, \"Name\": \"cust-a\", \"Credit\": 100.0, "
	    "\"RemainingCredit\": 1000.1}");
	ck_assert_int_eq(tc_customer_from_json(o, &a, &err), 0);
	ck_assert_str_eq(a.uin, "400000000001");
	ck_assert_int_eq(a.available, 100010);
	json_object_put(o);
	o = json_tokener_parse("{\"ClientUin\": \"4\", \"RemainingCredit\": \"x\"}");
	ck_assert_int_eq(tc_customer_from_json(o, &a, &err), -1);
	json_object_put(o);
}
END_TEST

START_TEST(long_cjk_names_are_cut_on_characters) {
	for (int pad = 0; pad < 3; pad++) {
		for (int n = 25; n < 40; n++) {
			char name[256];
			struct tc_fund_account a;
			struct tc_error err;
			long_name(name, sizeof name, pad, n);
			struct json_object *o = json_tokener_parse(
			    "{\"MemberUin\": \"1\", \"RealBalance\": 1, \"OweAmount\": 0}");
			json_object_object_add(o, "MemberName", json_object_new_string(name));
			ck_assert_int_eq(tc_member_from_json(o, &a, &err), 0);
			ck_assert_msg(utf8_valid(a.name), "pad %d, %d characters", pad, n);
			json_object_put(o);
			o = json_tokener_parse("{\"ClientUin\": 1, \"RemainingCredit\": 1}");
			json_object_object_add(o, "Name", json_object_new_string(name));
			ck_assert_int_eq(tc_customer_from_json(o, &a, &err), 0);
			ck_assert_msg(utf8_valid(a.name), "pad %d, %d characters", pad, n);
			json_object_put(o);
		}
	}
}
END_TEST

/* The first Data[] entry of a recorded answer. */
static int entry(const char *action, const char *name, struct tc_fund_account *a,
		 struct tc_error *err) {
	struct json_object *root = NULL, *list = NULL;
	struct json_object *r = fixture_response(action, name, &root);
	ck_assert(json_object_object_get_ex(r, "Data", &list));
	int rc = strcmp(action, "QueryCustomersCredit") == 0
		     ? tc_customer_from_json(json_object_array_get_idx(list, 0), a, err)
		     : tc_member_from_json(json_object_array_get_idx(list, 0), a, err);
	json_object_put(root);
	return rc;
}

#define MEMBERS "DescribeOrgMemberAccountBalance"

START_TEST(recorded_members) {
	struct tc_fund_account a;
	struct tc_error err;
	ck_assert_int_eq(entry(MEMBERS, "example", &a, &err), 0);
	ck_assert_str_eq(a.uin, "700001941608");
	ck_assert_str_eq(a.name, "kleinerwang_test");
	ck_assert_int_eq(a.available, 36365911);
	ck_assert(!a.credit && !a.arrears);
	ck_assert_int_eq(entry(MEMBERS, "member-uin-number", &a, &err), 0);
	ck_assert_str_eq(a.uin, "700001941608");
	/* every field but the money the verdict needs may be absent or null */
	ck_assert_int_eq(entry(MEMBERS, "optional-absent", &a, &err), 0);
	ck_assert_str_eq(a.uin, "");
	ck_assert_int_eq(a.available, 36365911);
	ck_assert_int_eq(entry(MEMBERS, "display-null", &a, &err), 0);
	ck_assert_str_eq(a.name, "");
	ck_assert_int_eq(entry(MEMBERS, "real-balance-absent", &a, &err), -1);
	ck_assert_str_eq(err.message, "member 700001941608: field RealBalance is missing");
}
END_TEST

/* A credit member using 5,000.00 of its 100,000.00 line is not in arrears, and
 * has 95,000.00 left under either reading of its RealBalance. */
START_TEST(recorded_credit_members) {
	struct tc_fund_account a;
	struct tc_error err;
	ck_assert_int_eq(entry(MEMBERS, "credit-in-use", &a, &err), 0);
	ck_assert(a.credit && !a.arrears);
	ck_assert_int_eq(a.available, 9500000);
	ck_assert_int_eq(entry(MEMBERS, "credit-in-use-real-is-credit", &a, &err), 0);
	ck_assert(a.credit && !a.arrears);
	ck_assert_int_eq(a.available, 9500000);
	ck_assert_int_eq(entry(MEMBERS, "credit-over-limit", &a, &err), 0);
	ck_assert(a.arrears);
	ck_assert_int_eq(entry(MEMBERS, "credit-owe-absent", &a, &err), -1);
	ck_assert_str_eq(err.message, "member 700001941608: a credit account without OweAmount");
}
END_TEST

START_TEST(recorded_customers) {
	struct tc_fund_account a;
	struct tc_error err;
	ck_assert_int_eq(entry("QueryCustomersCredit", "example", &a, &err), 0);
	ck_assert_str_eq(a.uin, "1");
	ck_assert_int_eq(a.available, 10000);
	ck_assert_int_eq(entry("QueryCustomersCredit", "uin-string", &a, &err), 0);
	ck_assert_str_eq(a.uin, "1");
	ck_assert_int_eq(entry("QueryCustomersCredit", "display-absent", &a, &err), 0);
	ck_assert_str_eq(a.uin, "");
	ck_assert_int_eq(a.available, 10000);
	ck_assert_int_eq(entry("QueryCustomersCredit", "remaining-absent", &a, &err), -1);
	ck_assert_str_eq(err.message, "customer 1: field RemainingCredit is missing");
}
END_TEST

START_TEST(recorded_partner_credit) {
	struct json_object *root = NULL;
	struct tc_error err;
	int64_t remaining = 0;
	const char *names[] = {"example", "with-customer-totals"};
	for (int i = 0; i < 2; i++) {
		struct json_object *r = fixture_response("QueryPartnerCredit", names[i], &root);
		ck_assert_int_eq(tc_partner_credit_from_json(r, &remaining, &err), 0);
		ck_assert_int_eq(remaining, 100010);
		json_object_put(root);
	}
	struct json_object *r = fixture_response("QueryPartnerCredit", "remaining-absent", &root);
	ck_assert_int_eq(tc_partner_credit_from_json(r, &remaining, &err), -1);
	ck_assert_str_eq(err.message, "field RemainingCredit is missing");
	json_object_put(root);
}
END_TEST

/* The credit flag with no line to go with it: a flagged account without
 * CreditAmount cannot be judged; one with a zero line is the prepaid account it
 * is. */
START_TEST(credit_flag_and_line) {
	struct tc_fund_account a;
	struct tc_error err;
	struct json_object *o = json_tokener_parse(
	    "{\"MemberUin\": \"7\", \"IsCreditAccount\": true, \"RealBalance\": 100, "
	    "\"OweAmount\": 0}");
	ck_assert_int_eq(tc_member_from_json(o, &a, &err), -1);
	ck_assert_str_eq(err.message, "member 7: a credit account without CreditAmount");
	json_object_put(o);
	o = json_tokener_parse("{\"MemberUin\": \"7\", \"IsCreditAccount\": true, "
			       "\"RealBalance\": -100, \"CreditAmount\": 0, \"OweAmount\": 100}");
	ck_assert_int_eq(tc_member_from_json(o, &a, &err), 0);
	ck_assert(!a.credit);
	ck_assert(a.arrears);
	ck_assert_int_eq(a.available, -100);
	json_object_put(o);
	/* IsCreditAccount of the wrong type is refused, not read as false */
	o = json_tokener_parse("{\"MemberUin\": \"7\", \"IsCreditAccount\": \"yes\", "
			       "\"RealBalance\": 1, \"OweAmount\": 0}");
	ck_assert_int_eq(tc_member_from_json(o, &a, &err), -1);
	json_object_put(o);
}
END_TEST

/* A page of `n` members with 1.00 each, with TotalCount `total` (< 0: none). */
static char *member_page(int n, long total) {
	struct json_object *root = json_object_new_object(), *r = json_object_new_object();
	struct json_object *data = json_object_new_array();
	for (int i = 0; i < n; i++) {
		char uin[16];
		struct json_object *m = json_object_new_object();
		snprintf(uin, sizeof uin, "%d", 100 + i);
		json_object_object_add(m, "MemberUin", json_object_new_string(uin));
		json_object_object_add(m, "RealBalance", json_object_new_int(100));
		json_object_object_add(m, "OweAmount", json_object_new_int(0));
		json_object_array_add(data, m);
	}
	json_object_object_add(r, "Data", data);
	if (total >= 0) {
		json_object_object_add(r, "TotalCount", json_object_new_int64(total));
	}
	json_object_object_add(r, "RequestId", json_object_new_string("page-req"));
	json_object_object_add(root, "Response", r);
	char *text = strdup(json_object_to_json_string(root));
	json_object_put(root);
	return text;
}

START_TEST(members_fetch_recorded) {
	struct replay r;
	struct tc_fund_accounts all;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture(&r, MEMBERS, "example");
	ck_assert_int_eq(tc_members_fetch(&r.api, &all, &err), 0);
	ck_assert_str_eq(r.action[0], MEMBERS);
	ck_assert_str_eq(r.params[0], "{\"PageNumber\":1,\"PageSize\":10}");
	ck_assert_uint_eq(all.n, 1);
	ck_assert_int_eq(all.requests, 1);
	ck_assert_str_eq(all.items[0].uin, "700001941608");
	ck_assert_int_eq(all.items[0].available, 36365911);
	tc_fund_accounts_free(&all);
	ck_assert_ptr_null(all.items);
	ck_assert_uint_eq(all.n, 0);
	replay_stop(&r);
	/* an organisation without members: none, in one request */
	replay_start(&r, 10);
	replay_fixture(&r, MEMBERS, "empty");
	ck_assert_int_eq(tc_members_fetch(&r.api, &all, &err), 0);
	ck_assert_uint_eq(all.n, 0);
	ck_assert_int_eq(all.requests, 1);
	tc_fund_accounts_free(&all);
	replay_stop(&r);
}
END_TEST

/* TotalCount is optional in the model: without it a full page of 10 means more
 * may follow, and the list ends at a short page. */
START_TEST(members_without_a_total_end_at_a_short_page) {
	struct replay r;
	struct tc_fund_accounts all;
	struct tc_error err;
	char *p1 = member_page(10, -1), *p2 = member_page(2, -1);
	replay_start(&r, 10);
	replay_body(&r, 200, p1);
	replay_body(&r, 200, p2);
	ck_assert_int_eq(tc_members_fetch(&r.api, &all, &err), 0);
	ck_assert_uint_eq(all.n, 12);
	ck_assert_int_eq(all.requests, 2);
	ck_assert_str_eq(r.params[1], "{\"PageNumber\":2,\"PageSize\":10}");
	tc_fund_accounts_free(&all);
	replay_stop(&r);
	/* with a total, a page that comes back short is an error, never the end */
	free(p1);
	free(p2);
	p1 = member_page(10, 15);
	p2 = member_page(0, 15);
	replay_start(&r, 10);
	replay_body(&r, 200, p1);
	replay_body(&r, 200, p2);
	ck_assert_int_eq(tc_members_fetch(&r.api, &all, &err), -1);
	ck_assert_str_eq(err.message, MEMBERS ": page 2 came back empty after 10 of 15 items");
	ck_assert_str_eq(err.request_id, "page-req");
	tc_fund_accounts_free(&all);
	replay_stop(&r);
	free(p1);
	free(p2);
}
END_TEST

START_TEST(members_bad_pages) {
	struct replay r;
	struct tc_fund_accounts all;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture(&r, MEMBERS, "real-balance-absent");
	ck_assert_int_eq(tc_members_fetch(&r.api, &all, &err), -1);
	ck_assert_str_eq(err.message,
			 MEMBERS ": member 1: member 700001941608: field RealBalance is missing");
	ck_assert_str_eq(err.request_id, "241b92ef-b68e-4827-ae15-5ef7f3bd4009");
	tc_fund_accounts_free(&all);
	replay_stop(&r);
	/* a list that is no list, a count that is no number */
	const char *bad[] = {
	    "{\"Response\":{\"Data\":{},\"TotalCount\":1,\"RequestId\":\"x\"}}",
	    "{\"Response\":{\"Data\":[],\"TotalCount\":\"1\",\"RequestId\":\"x\"}}",
	};
	for (size_t i = 0; i < 2; i++) {
		replay_start(&r, 10);
		replay_body(&r, 200, bad[i]);
		ck_assert_int_eq(tc_members_fetch(&r.api, &all, &err), -1);
		ck_assert_int_eq(err.kind, TC_ERR_DATA);
		ck_assert_str_eq(err.request_id, "x");
		tc_fund_accounts_free(&all);
		replay_stop(&r);
	}
}
END_TEST

START_TEST(customers_fetch_recorded) {
	struct replay r;
	struct tc_fund_accounts all;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture(&r, "QueryCustomersCredit", "example");
	ck_assert_int_eq(tc_customers_fetch(&r.api, &all, &err), 0);
	ck_assert_str_eq(r.action[0], "QueryCustomersCredit");
	ck_assert_str_eq(r.params[0], "{\"Page\":1,\"PageSize\":100}");
	ck_assert_uint_eq(all.n, 1);
	ck_assert_int_eq(all.items[0].available, 10000);
	tc_fund_accounts_free(&all);
	replay_stop(&r);
	replay_start(&r, 10);
	replay_fixture(&r, "QueryCustomersCredit", "remaining-absent");
	ck_assert_int_eq(tc_customers_fetch(&r.api, &all, &err), -1);
	ck_assert_str_eq(err.message, "QueryCustomersCredit: customer 1: customer 1: field "
				      "RemainingCredit is missing");
	tc_fund_accounts_free(&all);
	replay_stop(&r);
}
END_TEST

START_TEST(partner_credit_fetch_recorded) {
	struct replay r;
	struct tc_error err;
	int64_t remaining = 0;
	replay_start(&r, 10);
	replay_fixture(&r, "QueryPartnerCredit", "example");
	replay_fixture(&r, "QueryPartnerCredit", "remaining-absent");
	replay_body(&r, 200,
		    "{\"Response\":{\"Error\":{\"Code\":\"UnauthorizedOperation\",\"Message\":"
		    "\"not a partner\"},\"RequestId\":\"req-9\"}}");
	ck_assert_int_eq(tc_partner_credit_fetch(&r.api, &remaining, &err), 0);
	ck_assert_str_eq(r.action[0], "QueryPartnerCredit");
	ck_assert_str_eq(r.params[0], "{}");
	ck_assert_int_eq(remaining, 100010);
	ck_assert_int_eq(tc_partner_credit_fetch(&r.api, &remaining, &err), -1);
	ck_assert_str_eq(err.message, "QueryPartnerCredit: field RemainingCredit is missing");
	ck_assert_str_ne(err.request_id, "");
	ck_assert_int_eq(tc_partner_credit_fetch(&r.api, &remaining, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_API);
	ck_assert_str_eq(err.code, "UnauthorizedOperation");
	ck_assert_str_eq(err.request_id, "req-9");
	replay_stop(&r);
}
END_TEST

/* Each realloc of the whole call failing in turn: every one is an error, never a
 * shorter list read as complete, and the member list's own says so. */
START_TEST(out_of_memory_is_an_error) {
	bool named = false;
	for (long k = 1;; k++) {
		struct replay r;
		struct tc_fund_accounts all;
		struct tc_error err;
		replay_start(&r, 10);
		replay_fixture(&r, MEMBERS, "example");
		failalloc_arm(k);
		int rc = tc_members_fetch(&r.api, &all, &err);
		long seen = failalloc_calls;
		failalloc_arm(0);
		tc_fund_accounts_free(&all);
		replay_stop(&r);
		if (k > seen) {
			ck_assert_int_eq(rc, 0);
			break;
		}
		ck_assert_msg(rc == -1, "realloc %ld failed and the call did not", k);
		named |= strcmp(err.message, MEMBERS ": out of memory") == 0;
	}
	ck_assert(named);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("funds");
	TCase *tc = tcase_create("funds");
	tcase_add_test(tc, members);
	tcase_add_test(tc, customers_in_usd_floats);
	tcase_add_test(tc, long_cjk_names_are_cut_on_characters);
	tcase_add_test(tc, recorded_members);
	tcase_add_test(tc, recorded_credit_members);
	tcase_add_test(tc, recorded_customers);
	tcase_add_test(tc, recorded_partner_credit);
	tcase_add_test(tc, credit_flag_and_line);
	suite_add_tcase(s, tc);
	TCase *call = tcase_create("the calls and their pages, against recorded answers");
	tcase_add_test(call, members_fetch_recorded);
	tcase_add_test(call, members_without_a_total_end_at_a_short_page);
	tcase_add_test(call, members_bad_pages);
	tcase_add_test(call, customers_fetch_recorded);
	tcase_add_test(call, partner_credit_fetch_recorded);
	tcase_add_test(call, out_of_memory_is_an_error);
	suite_add_tcase(s, call);
	return s;
}

TC_TEST_MAIN(suite)
