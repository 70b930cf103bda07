/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The simulator's action table and DescribeAccountBalance, computed from an account's
 * money the way the service derives its fields. */
#include "fixture.h"
#include "simcall.h"
#include "tap.h"

START_TEST(finds_actions_of_known_services) {
	bool known = false;
	const struct sim_action *a = sim_action_find("billing", "DescribeAccountBalance", &known);
	ck_assert_ptr_nonnull(a);
	ck_assert(known);
	ck_assert_str_eq(a->version, "2018-07-09");
	a = sim_action_find("intlpartnersmgt", "QueryCustomersCredit", &known);
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->version, "2022-09-28");
	a = sim_action_find("partners", "DescribeAgentPayDealsV2", &known);
	ck_assert_ptr_nonnull(a);
	ck_assert_str_eq(a->version, "2018-03-21");
	/* an action of a known service the simulator does not serve */
	ck_assert_ptr_null(sim_action_find("billing", "PayDeals", &known));
	ck_assert(known);
	/* the name is case-sensitive, as the service has it */
	ck_assert_ptr_null(sim_action_find("billing", "describeaccountbalance", &known));
	ck_assert_ptr_null(sim_action_find("cvm", "DescribeInstances", &known));
	ck_assert(!known);
	/* an action is found under its own service only */
	ck_assert_ptr_null(sim_action_find("partners", "DescribeAccountBalance", &known));
	ck_assert_str_eq(sim_service_version("partners"), "2018-03-21");
	ck_assert_ptr_null(sim_service_version("cvm"));
}
END_TEST

START_TEST(balance_from_its_parts) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_account_balance,
		    "{\"uin\":100000000001,\"balance\":{\"cash\":1234567,\"income\":1000,"
		    "\"present\":50000,\"freeze\":2000,\"owe\":0}}",
		    "{}");
	/* real = cash + income + present - freeze - owe, in cents, as integers */
	ck_assert_str_eq(simcall_text(&sc, "RealBalance"), "1283567");
	ck_assert_str_eq(simcall_text(&sc, "Balance"), "1283567");
	ck_assert_str_eq(simcall_text(&sc, "CashAccountBalance"), "1234567");
	ck_assert_str_eq(simcall_text(&sc, "IncomeIntoAccountBalance"), "1000");
	ck_assert_str_eq(simcall_text(&sc, "PresentAccountBalance"), "50000");
	ck_assert_str_eq(simcall_text(&sc, "FreezeAmount"), "2000");
	ck_assert_str_eq(simcall_text(&sc, "OweAmount"), "0");
	ck_assert_str_eq(simcall_text(&sc, "Uin"), "100000000001");
	/* a copy: the scenario is shared by the serving threads */
	ck_assert_ptr_ne(simcall_get(sc.response, "Uin"), simcall_get(sc.account, "uin"));
	ck_assert_str_eq(simcall_text(&sc, "IsCreditLimited"), "false");
	ck_assert_str_eq(simcall_text(&sc, "IsAllowArrears"), "false");
	simcall_free(&sc);
}
END_TEST

START_TEST(arrears_and_credit) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_account_balance,
		    "{\"balance\":{\"cash\":0,\"owe\":35000,\"credit\":1000000,"
		    "\"temp_credit\":500,\"allow_arrears\":true}}",
		    "{\"TempCredit\":true}");
	ck_assert_str_eq(simcall_text(&sc, "RealBalance"), "-35000");
	ck_assert_str_eq(simcall_text(&sc, "OweAmount"), "35000");
	ck_assert_str_eq(simcall_text(&sc, "IsCreditLimited"), "true");
	ck_assert_str_eq(simcall_text(&sc, "CreditAmount"), "1000000");
	ck_assert_str_eq(simcall_text(&sc, "CreditBalance"), "965000");
	ck_assert_str_eq(simcall_text(&sc, "RealCreditBalance"), "965000");
	ck_assert_str_eq(simcall_text(&sc, "TempCredit"), "500");
	ck_assert_str_eq(simcall_text(&sc, "IsAllowArrears"), "true");
	ck_assert_str_eq(simcall_text(&sc, "Uin"), "0");
	simcall_free(&sc);
}
END_TEST

/* The answer has the official example's shape; TempCredit only when asked for. */
START_TEST(balance_in_the_official_shape) {
	struct simcall sc;
	const char *account = "{\"uin\":600000561284,\"balance\":{\"cash\":0,\"credit\":"
			      "10000000000,\"temp_credit\":200000}}";
	simcall_run(&sc, sim_describe_account_balance, account, "{\"TempCredit\":true}");
	fixture_assert_same_shape("DescribeAccountBalance", "example", sc.response);
	ck_assert_str_eq(simcall_text(&sc, "TempAmountInfoList.0.Uin"), "\"600000561284\"");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_account_balance, account, "{}");
	fixture_assert_same_shape("DescribeAccountBalance", "no-temp-credit", sc.response);
	ck_assert_str_eq(simcall_text(&sc, "TempCredit"), "null");
	ck_assert_str_eq(simcall_text(&sc, "TempAmountInfoList"), "null");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_account_balance, account, "{\"TempCredit\":1}");
	simcall_assert_fails(&sc, "InvalidParameter");
	simcall_free(&sc);
	/* the 2021-2025 example's string Uin, from the scenario */
	simcall_run(&sc, sim_describe_account_balance, "{\"uin\":\"90961\"}", "{}");
	ck_assert_str_eq(simcall_text(&sc, "Uin"), "\"90961\"");
	simcall_free(&sc);
}
END_TEST

START_TEST(overrides_reach_the_reply) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_account_balance,
		    "{\"balance\":{\"cash\":100},\"balance_fields\":{\"RealBalance\":\"100\"},"
		    "\"balance_fields_remove\":[\"OweAmount\"]}",
		    "{}");
	ck_assert_str_eq(simcall_text(&sc, "RealBalance"), "\"100\"");
	ck_assert_str_eq(simcall_text(&sc, "OweAmount"), "null");
	simcall_free(&sc);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("actions");
	TCase *t = tcase_create("actions");
	tcase_add_test(t, finds_actions_of_known_services);
	tcase_add_test(t, balance_from_its_parts);
	tcase_add_test(t, arrears_and_credit);
	tcase_add_test(t, overrides_reach_the_reply);
	tcase_add_test(t, balance_in_the_official_shape);
	suite_add_tcase(s, t);
	return s;
}

TC_TEST_MAIN(suite)
