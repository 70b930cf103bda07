/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tencentcloud/balance.h"
#include "fixture.h"
#include "replay.h"
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
	ck_assert_str_eq(b.uin, "600000561284");
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
	ck_assert_str_eq(b.uin, "");
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
	/* Uin is display only: whatever it is, it never fails the check */
	ck_assert_int_eq(from("{\"RealBalance\": 5, \"OweAmount\": 0, \"Uin\": \"7\"}", &b, &err),
			 0);
	ck_assert_str_eq(b.uin, "7");
	ck_assert_int_eq(from("{\"RealBalance\": 5, \"OweAmount\": 0, \"Uin\": [1]}", &b, &err), 0);
	ck_assert_str_eq(b.uin, "");
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

static int read_fixture(const char *name, struct tc_balance *b, struct tc_error *err) {
	struct json_object *root = NULL;
	int rc =
	    tc_balance_from_json(fixture_response("DescribeAccountBalance", name, &root), b, err);
	json_object_put(root);
	return rc;
}

/* Recorded answers: the current official example (a credit account with its
 * temporary credit, asked for with TempCredit: true), the 2021-2025 one whose Uin
 * was the string "90961", and the variants the model allows. */
START_TEST(recorded_answers) {
	struct tc_balance b;
	struct tc_error err;
	bool credit = false;
	ck_assert_int_eq(read_fixture("example", &b, &err), 0);
	ck_assert_str_eq(b.uin, "600000561284");
	ck_assert(b.temp_credit.present);
	ck_assert_int_eq(tc_balance_available(&b, &credit), 10000000000LL);
	ck_assert(credit);
	ck_assert(!tc_balance_in_arrears(&b));

	ck_assert_int_eq(read_fixture("example-2021", &b, &err), 0);
	ck_assert_str_eq(b.uin, "90961");
	ck_assert_int_eq(b.real_balance.cents, 9647442);
	/* RealCreditBalance is negative: no credit left, whatever OweAmount says */
	ck_assert_int_eq(tc_balance_available(&b, &credit), -6188226);
	ck_assert(tc_balance_in_arrears(&b));

	ck_assert_int_eq(read_fixture("uin-absent", &b, &err), 0);
	ck_assert_str_eq(b.uin, "");
	ck_assert_int_eq(read_fixture("uin-null", &b, &err), 0);
	ck_assert_str_eq(b.uin, "");
	ck_assert_int_eq(read_fixture("no-temp-credit", &b, &err), 0);
	ck_assert(!b.temp_credit.present);
	ck_assert_int_eq(read_fixture("temp-credit", &b, &err), 0);
	ck_assert_int_eq(b.temp_credit.cents, 200000);
	ck_assert_int_eq(read_fixture("intl-not-applied", &b, &err), 0);
	ck_assert_int_eq(b.real_balance.cents, 1250000);
	ck_assert_int_eq(read_fixture("real-balance-absent", &b, &err), -1);
	ck_assert_str_eq(err.message, "DescribeAccountBalance: field RealBalance is missing");
}
END_TEST

/* One rule for every credit reading: credit left, arrears only past the line. */
START_TEST(credit_rule) {
	struct tc_balance b = {0};
	bool credit = false;
	b.real_balance = (struct tc_amount){true, -500000};
	b.credit_amount = (struct tc_amount){true, 10000000};
	b.owe = (struct tc_amount){true, 500000};
	b.cash = (struct tc_amount){true, 0};
	/* RealBalance read as an account's: cash less owed */
	ck_assert_int_eq(tc_balance_available(&b, &credit), 9500000);
	ck_assert(!tc_balance_in_arrears(&b));
	/* RealBalance already holding the line: never counted twice */
	b.real_balance.cents = 9500000;
	ck_assert_int_eq(tc_balance_available(&b, &credit), 9500000);
	ck_assert(!tc_balance_in_arrears(&b));
	b.owe.cents = 10500000;
	b.real_balance.cents = -10500000;
	ck_assert(tc_balance_in_arrears(&b));
	/* prepaid: any debt is arrears; without OweAmount a negative balance is */
	struct tc_balance p = {.real_balance = {true, 100}, .owe = {true, 1}};
	ck_assert(tc_balance_in_arrears(&p));
	p.owe.present = false;
	ck_assert(!tc_balance_in_arrears(&p));
	p.real_balance.cents = -1;
	ck_assert(tc_balance_in_arrears(&p));
}
END_TEST

/* the RequestId of the recorded answers */
#define RID "8590441d-6e17-4afe-8ca4-f75cec86e290"

/* The whole call: signed, sent, and the recorded answer read. */
START_TEST(fetch_reads_the_recorded_answer) {
	struct replay r;
	struct tc_balance b;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture(&r, "DescribeAccountBalance", "example");
	ck_assert_int_eq(tc_balance_fetch(&r.api, &b, &err), 0);
	ck_assert_str_eq(r.action[0], "DescribeAccountBalance");
	ck_assert_str_eq(r.params[0], "{\"TempCredit\":true}");
	ck_assert_int_eq(b.real_credit_balance.cents, 10000000000LL);
	ck_assert_str_eq(b.uin, "600000561284");
	replay_stop(&r);
}
END_TEST

/* A field the verdict needs is missing: the error names it and carries the
 * answer's RequestId, for the support ticket. */
START_TEST(fetch_names_the_request_of_a_bad_answer) {
	struct replay r;
	struct tc_balance b;
	struct tc_error err;
	replay_start(&r, 10);
	replay_fixture(&r, "DescribeAccountBalance", "real-balance-absent");
	ck_assert_int_eq(tc_balance_fetch(&r.api, &b, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_DATA);
	ck_assert_str_eq(err.message, "DescribeAccountBalance: field RealBalance is missing");
	ck_assert_str_eq(err.request_id, RID);
	replay_stop(&r);
}
END_TEST

START_TEST(fetch_error_answer) {
	struct replay r;
	struct tc_balance b;
	struct tc_error err;
	replay_start(&r, 10);
	replay_body(&r, 200,
		    "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SecretIdNotFound\","
		    "\"Message\":\"The SecretId is not found\"},\"RequestId\":\"req-7\"}}");
	ck_assert_int_eq(tc_balance_fetch(&r.api, &b, &err), -1);
	ck_assert_int_eq(err.kind, TC_ERR_API);
	ck_assert_str_eq(err.code, "AuthFailure.SecretIdNotFound");
	ck_assert_str_eq(err.request_id, "req-7");
	ck_assert_uint_eq(replay_served(&r), 1);
	replay_stop(&r);
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
	tcase_add_test(tc, recorded_answers);
	tcase_add_test(tc, credit_rule);
	suite_add_tcase(s, tc);
	TCase *call = tcase_create("the call, against recorded answers");
	tcase_add_test(call, fetch_reads_the_recorded_answer);
	tcase_add_test(call, fetch_names_the_request_of_a_bad_answer);
	tcase_add_test(call, fetch_error_answer);
	suite_add_tcase(s, call);
	return s;
}

TC_TEST_MAIN(suite)
