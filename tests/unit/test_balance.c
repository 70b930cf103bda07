#include <string.h>

#include "balance.h"
#include "tap.h"

static int from(const char *json, struct tc_balance *b, struct tc_error *err) {
	struct json_object *o = json_tokener_parse(json);
	ck_assert_ptr_nonnull(o);
	int rc = tc_balance_from_json(o, b, err);
	json_object_put(o);
	return rc;
}

/* The official example reply (tccli examples.json): a credit account. */
START_TEST(official_example) {
	struct tc_balance b;
	struct tc_error err;
	ck_assert_int_eq(
	    from("{\"Balance\": 0, \"CashAccountBalance\": 0, \"CreditAmount\": 10000000000,"
		 " \"CreditBalance\": 10000000000, \"FreezeAmount\": 0,"
		 " \"IncomeIntoAccountBalance\": 0, \"IsAllowArrears\": true,"
		 " \"IsCreditLimited\": true, \"OweAmount\": 0, \"PresentAccountBalance\": 0,"
		 " \"RealBalance\": 0, \"RealCreditBalance\": 10000000000, \"TempCredit\": 0,"
		 " \"Uin\": 600000561284, \"RequestId\": \"x\"}",
		 &b, &err),
	    0);
	ck_assert_int_eq(b.uin, 600000561284LL);
	ck_assert(b.real_balance.present);
	ck_assert_int_eq(b.real_balance.cents, 0);
	ck_assert_int_eq(b.credit_amount.cents, 10000000000LL);
	ck_assert_int_eq(b.real_credit_balance.cents, 10000000000LL);
}
END_TEST

START_TEST(floats_and_optional_fields) {
	struct tc_balance b;
	struct tc_error err;
	ck_assert_int_eq(from("{\"RealBalance\": 1234567.0, \"OweAmount\": 0.0}", &b, &err), 0);
	ck_assert_int_eq(b.real_balance.cents, 1234567);
	ck_assert(!b.cash.present);
	ck_assert(!b.credit_amount.present);
	ck_assert_int_eq(b.uin, 0);
}
END_TEST

START_TEST(any_debt_is_arrears) {
	struct tc_balance b;
	struct tc_error err;
	/* OweAmount is in cents: 0.4 of a cent owed is still owed */
	ck_assert_int_eq(from("{\"RealBalance\": 5, \"OweAmount\": 0.4}", &b, &err), 0);
	ck_assert_int_eq(b.owe.cents, 1);
	ck_assert_int_eq(from("{\"RealBalance\": 5, \"OweAmount\": 0.000001}", &b, &err), 0);
	ck_assert_int_eq(b.owe.cents, 1);
	ck_assert_int_eq(from("{\"RealBalance\": 5, \"OweAmount\": 0.0}", &b, &err), 0);
	ck_assert_int_eq(b.owe.cents, 0);
	ck_assert_int_eq(from("{\"RealBalance\": 5, \"OweAmount\": 12.5}", &b, &err), 0);
	ck_assert_int_eq(b.owe.cents, 13);
}
END_TEST

START_TEST(required_and_types) {
	struct tc_balance b;
	struct tc_error err;
	ck_assert_int_eq(from("{\"OweAmount\": 0}", &b, &err), -1);
	ck_assert_str_eq(err.message, "DescribeAccountBalance: field RealBalance is missing");
	ck_assert_int_eq(from("{\"RealBalance\": 5}", &b, &err), -1);
	ck_assert_str_eq(err.message, "DescribeAccountBalance: field OweAmount is missing");
	ck_assert_int_eq(from("{\"RealBalance\": \"5\", \"OweAmount\": 0}", &b, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_DATA);
	ck_assert_int_eq(from("{\"RealBalance\": [], \"OweAmount\": 0}", &b, &err), -1);
	ck_assert_int_eq(from("{\"RealBalance\": 5, \"OweAmount\": 0, \"Uin\": \"7\"}", &b, &err),
			 -1);
	ck_assert_str_eq(err.message, "DescribeAccountBalance: field Uin is not an integer");
}
END_TEST

START_TEST(impossible_values) {
	struct tc_balance b;
	struct tc_error err;
	ck_assert_int_eq(from("{\"RealBalance\": 5, \"OweAmount\": -1}", &b, &err), -1);
	ck_assert_str_eq(err.message, "DescribeAccountBalance: field OweAmount is negative");
	ck_assert_int_eq(
	    from("{\"RealBalance\": 5, \"OweAmount\": 0, \"FreezeAmount\": -3}", &b, &err), -1);
	ck_assert_int_eq(from("{\"RealBalance\": 1e30, \"OweAmount\": 0}", &b, &err), -1);
	ck_assert_int_eq(from("{\"RealBalance\": 5000000000000000, \"OweAmount\": 0}", &b, &err),
			 -1);
	ck_assert_ptr_nonnull(strstr(err.message, "absurd"));
	/* a negative balance is possible: arrears */
	ck_assert_int_eq(from("{\"RealBalance\": -500, \"OweAmount\": 500}", &b, &err), 0);
	ck_assert_int_eq(b.real_balance.cents, -500);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("balance");
	TCase *tc = tcase_create("balance");
	tcase_add_test(tc, official_example);
	tcase_add_test(tc, floats_and_optional_fields);
	tcase_add_test(tc, any_debt_is_arrears);
	tcase_add_test(tc, required_and_types);
	tcase_add_test(tc, impossible_values);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)
