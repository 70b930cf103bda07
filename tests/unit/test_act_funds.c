/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The allocation actions as the simulator serves them: organization members in pages
 * of 10, the partner's credit and its customers, USD sent as JSON floats. */
#include "fixture.h"
#include "simcall.h"
#include "tap.h"

static const char org[] =
    "{\"members\":[{\"uin\":200000000001,\"name\":\"shop\",\"real\":5000,\"owe\":0},"
    "{\"uin\":200000000002,\"name\":\"dev\",\"real\":-1500,\"owe\":1500,\"credit\":100000},"
    "{\"uin\":210000000000,\"name\":\"team\",\"real\":100,\"repeat\":12}]}";

START_TEST(members_of_an_organization) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_org_member_account_balance, org,
		    "{\"PageNumber\":1,\"PageSize\":10}");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "14");
	ck_assert_str_eq(simcall_text(&sc, "PageSize"), "10");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.MemberUin"), "\"200000000001\"");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.MemberName"), "\"shop\"");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.RealBalance"), "5000");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.IsCreditAccount"), "false");
	ck_assert_str_eq(simcall_text(&sc, "Data.1.RealBalance"), "-1500");
	ck_assert_str_eq(simcall_text(&sc, "Data.1.OweAmount"), "1500");
	ck_assert_str_eq(simcall_text(&sc, "Data.1.CashAccountBalance"), "0");
	ck_assert_str_eq(simcall_text(&sc, "Data.1.IsCreditAccount"), "true");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_org_member_account_balance, org,
		    "{\"PageNumber\":2,\"PageSize\":10}");
	ck_assert_str_eq(simcall_text(&sc, "PageSize"), "4");
	ck_assert_str_eq(simcall_text(&sc, "PageNumber"), "2");
	ck_assert_str_eq(simcall_text(&sc, "Data.3.MemberUin"), "\"210000000011\"");
	ck_assert_str_eq(simcall_text(&sc, "Data.3.MemberName"), "\"team-12\"");
	simcall_free(&sc);
}
END_TEST

START_TEST(member_rules) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_org_member_account_balance, org,
		    "{\"PageNumber\":1,\"PageSize\":11}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_org_member_account_balance, org, "{\"PageNumber\":0}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_org_member_account_balance, "{}", "{}");
	simcall_assert_fails(&sc, "UnsupportedOperation");
	simcall_free(&sc);
}
END_TEST

/* Answers in the official example's shape; a credit member under both readings of
 * RealBalance; optional fields left out; MemberUins honoured and checked. */
START_TEST(members_in_the_official_shape) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_org_member_account_balance, org,
		    "{\"MemberUins\":[\"200000000001\"]}");
	fixture_assert_same_shape("DescribeOrgMemberAccountBalance", "example", sc.response);
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "1");
	simcall_free(&sc);
#define CREDIT_MEMBER "\"members\":[{\"uin\":1,\"cash\":0,\"credit\":10000000,\"owe\":500000}]"
	const char *account = "{" CREDIT_MEMBER "}";
	simcall_run(&sc, sim_describe_org_member_account_balance, account, "{}");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.RealBalance"), "-500000");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.IsCreditAccount"), "true");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_org_member_account_balance,
		    "{" CREDIT_MEMBER ",\"member_real\":\"credit\"}", "{}");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.RealBalance"), "9500000");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_org_member_account_balance,
		    "{\"members\":[{\"uin\":1,\"cash\":5,\"omit\":[\"MemberUin\",\"OweAmount\"]}],"
		    "\"members_fields_remove\":[\"TotalCount\"]}",
		    "{}");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.MemberUin"), "null");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.OweAmount"), "null");
	ck_assert_str_eq(simcall_text(&sc, "TotalCount"), "null");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_org_member_account_balance, org,
		    "{\"MemberUins\":[200000000001]}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_org_member_account_balance, org,
		    "{\"MemberUins\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\","
		    "\"11\"]}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
}
END_TEST

static const char partner[] =
    "{\"partner\":{\"total\":\"10000.00\",\"allocated\":\"7699.90\",\"remaining\":\"2300.10\"},"
    "\"customers\":[{\"uin\":300000000001,\"name\":\"acme\",\"credit\":\"500.00\","
    "\"remaining\":\"12.34\"},{\"uin\":300000000100,\"name\":\"c\",\"credit\":\"1\","
    "\"remaining\":\"1\",\"repeat\":150}]}";

START_TEST(partner_credit_as_floats) {
	struct simcall sc;
	simcall_run(&sc, sim_query_partner_credit, partner, "{}");
	fixture_assert_same_shape("QueryPartnerCredit", "example", sc.response);
	ck_assert_str_eq(simcall_text(&sc, "RemainingCredit"), "2300.10");
	ck_assert_str_eq(simcall_text(&sc, "AllocatedCredit"), "7699.90");
	ck_assert_str_eq(simcall_text(&sc, "TotalCredit"), "10000.00");
	simcall_free(&sc);
	simcall_run(&sc, sim_query_partner_credit, org, "{}");
	simcall_assert_fails(&sc, "UnauthorizedOperation.UinNoAuth");
	simcall_free(&sc);
}
END_TEST

START_TEST(customers_in_pages) {
	struct simcall sc;
	simcall_run(&sc, sim_query_customers_credit, partner, "{\"Page\":1,\"PageSize\":100}");
	fixture_assert_same_shape("QueryCustomersCredit", "example", sc.response);
	ck_assert_str_eq(simcall_text(&sc, "Total"), "151");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "Data")), 100);
	ck_assert_str_eq(simcall_text(&sc, "Data.0.ClientUin"), "300000000001");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.RemainingCredit"), "12.34");
	ck_assert_str_eq(simcall_text(&sc, "Data.0.Credit"), "500.00");
	simcall_free(&sc);
	simcall_run(&sc, sim_query_customers_credit, partner, "{\"Page\":2,\"PageSize\":100}");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "Data")), 51);
	ck_assert_str_eq(simcall_text(&sc, "Data.50.ClientUin"), "300000000249");
	simcall_free(&sc);
	simcall_run(&sc, sim_query_customers_credit, partner, "{\"Page\":1,\"PageSize\":101}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	simcall_run(&sc, sim_query_customers_credit, partner, "{\"FilterType\":\"Uin\"}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	simcall_run(&sc, sim_query_customers_credit, partner, "{\"Order\":\"up\"}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	simcall_run(&sc, sim_query_customers_credit, org, "{}");
	simcall_assert_fails(&sc, "UnauthorizedOperation.UinNoAuth");
	simcall_free(&sc);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("act_funds");
	TCase *t = tcase_create("act_funds");
	tcase_add_test(t, members_of_an_organization);
	tcase_add_test(t, member_rules);
	tcase_add_test(t, members_in_the_official_shape);
	tcase_add_test(t, partner_credit_as_floats);
	tcase_add_test(t, customers_in_pages);
	suite_add_tcase(s, t);
	return s;
}

TC_TEST_MAIN(suite)
