/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "tencentcloud/funds.h"
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
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)
