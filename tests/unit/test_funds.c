#include <string.h>

#include "funds.h"
#include "tap.h"

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
	json_object_put(o);
	o = json_tokener_parse("{\"MemberUin\": 1, \"RealBalance\": 1, \"OweAmount\": 0}");
	ck_assert_int_eq(tc_member_from_json(o, &a, &err), -1);
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
	o = json_tokener_parse("{\"ClientUin\": \"4\", \"RemainingCredit\": 1}");
	ck_assert_int_eq(tc_customer_from_json(o, &a, &err), -1);
	json_object_put(o);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("funds");
	TCase *tc = tcase_create("funds");
	tcase_add_test(tc, members);
	tcase_add_test(tc, customers_in_usd_floats);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)
