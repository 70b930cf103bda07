/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DescribeRenewInstances as the simulator serves it: the published record shape,
 * NextToken pages of MaxResults, the service's limits, filters, absent and null
 * fields. */
#include "fixture.h"
#include "simcall.h"
#include "tap.h"

static const char account[] =
    "{\"renewals\":[{\"id\":\"ins-1\",\"name\":\"web-1\",\"expires_in_days\":3},"
    "{\"id\":\"cdb-1\",\"product_code\":\"p_cdb\",\"region\":\"ap-shanghai\","
    "\"status\":\"ISOLATED\",\"flag\":\"NOTIFY_AND_AUTO_RENEW\",\"expires_in_days\":-2},"
    "{\"id\":\"R\",\"repeat\":3,\"flag\":\"DISABLE_NOTIFY_AND_MANUAL_RENEW\","
    "\"fields_remove\":[\"RegionCode\",\"InstanceName\"],\"fields\":{\"ExpireTime\":null}}]}";

/* A served answer has exactly the shape of the published example (a null in it,
 * NextToken, matches either kind). */
START_TEST(records_have_the_published_shape) {
	struct simcall sc;
	struct json_object *root = NULL;
	struct json_object *want = fixture_response("DescribeRenewInstances", "example", &root);
	simcall_run(&sc, sim_describe_renew_instances, account, "{\"MaxResults\":10}");
	fixture_assert_shape(want, sc.response, "Response", true);
	/* 3 days after 2026-11-22, at the end of the day, Beijing time */
	ck_assert_str_eq(simcall_text(&sc, "InstanceList.0.ExpireTime"), "\"2026-11-25 23:59:59\"");
	ck_assert_str_eq(simcall_text(&sc, "InstanceList.0.RenewFlag"),
			 "\"NOTIFY_AND_MANUAL_RENEW\"");
	ck_assert_str_eq(simcall_text(&sc, "InstanceList.1.Status"), "\"ISOLATED\"");
	ck_assert_str_eq(simcall_text(&sc, "NextToken"), "null");
	json_object_put(root);
	simcall_free(&sc);
}
END_TEST

START_TEST(fields_absent_or_null) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_renew_instances, account, "{\"MaxResults\":10}");
	struct json_object *r = simcall_get(sc.response, "InstanceList.2");
	struct json_object *v = NULL;
	ck_assert(!json_object_object_get_ex(r, "RegionCode", &v));
	ck_assert(!json_object_object_get_ex(r, "InstanceName", &v));
	ck_assert(json_object_object_get_ex(r, "ExpireTime", &v) && v == NULL);
	ck_assert_str_eq(simcall_text(&sc, "InstanceList.2.InstanceId"), "\"R-0001\"");
	simcall_free(&sc);
}
END_TEST

START_TEST(next_token_pages) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_renew_instances, account, "{\"MaxResults\":2}");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "InstanceList")), 2);
	ck_assert_str_eq(simcall_text(&sc, "NextToken"), "\"sim-renew-next-2\"");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_renew_instances, account,
		    "{\"MaxResults\":2,\"NextToken\":\"sim-renew-next-2\"}");
	ck_assert_str_eq(simcall_text(&sc, "InstanceList.0.InstanceId"), "\"R-0001\"");
	ck_assert_str_eq(simcall_text(&sc, "NextToken"), "\"sim-renew-next-4\"");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_renew_instances, account,
		    "{\"MaxResults\":2,\"NextToken\":\"sim-renew-next-4\"}");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "InstanceList")), 1);
	ck_assert_str_eq(simcall_text(&sc, "NextToken"), "null");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_renew_instances, account,
		    "{\"MaxResults\":2,\"NextToken\":\"forged\"}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
}
END_TEST

START_TEST(max_results_limits) {
	struct simcall sc;
	const char *bad[] = {"{\"MaxResults\":0}", "{\"MaxResults\":101}", "{\"MaxResults\":-1}"};
	for (size_t i = 0; i < 3; i++) {
		simcall_run(&sc, sim_describe_renew_instances, account, bad[i]);
		simcall_assert_fails(&sc, "InvalidParameterValue");
		simcall_free(&sc);
	}
	simcall_run(&sc, sim_describe_renew_instances, account, "{}");
	simcall_assert_fails(&sc, "MissingParameter");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_renew_instances, account, "{\"MaxResults\":100}");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "InstanceList")), 5);
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_renew_instances, "{}", "{\"MaxResults\":1}");
	ck_assert_str_eq(simcall_text(&sc, "InstanceList"), "[]");
	ck_assert_str_eq(simcall_text(&sc, "NextToken"), "null");
	simcall_free(&sc);
}
END_TEST

START_TEST(filters) {
	struct simcall sc;
	simcall_run(&sc, sim_describe_renew_instances, account,
		    "{\"MaxResults\":10,\"InstanceIdList\":[\"cdb-1\",\"R-0002\"]}");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "InstanceList")), 2);
	ck_assert_str_eq(simcall_text(&sc, "InstanceList.0.InstanceId"), "\"cdb-1\"");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_renew_instances, account,
		    "{\"MaxResults\":10,\"RenewFlagList\":[\"NOTIFY_AND_AUTO_RENEW\"]}");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "InstanceList")), 1);
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_renew_instances, account,
		    "{\"MaxResults\":10,\"ExpireTimeStart\":\"2026-11-24 00:00:00\","
		    "\"ExpireTimeEnd\":\"2026-11-30 00:00:00\"}");
	ck_assert_int_eq(json_object_array_length(simcall_get(sc.response, "InstanceList")), 1);
	ck_assert_str_eq(simcall_text(&sc, "InstanceList.0.InstanceId"), "\"ins-1\"");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_renew_instances, account,
		    "{\"MaxResults\":10,\"Reverse\":true}");
	ck_assert_str_eq(simcall_text(&sc, "InstanceList.0.InstanceId"), "\"R-0003\"");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_renew_instances, account,
		    "{\"MaxResults\":10,\"ExpireTimeEnd\":\"soon\"}");
	simcall_assert_fails(&sc, "InvalidParameterValue");
	simcall_free(&sc);
	simcall_run(&sc, sim_describe_renew_instances, account,
		    "{\"MaxResults\":10,\"InstanceIdList\":\"ins-1\"}");
	simcall_assert_fails(&sc, "InvalidParameter");
	simcall_free(&sc);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("act_renewals");
	TCase *t = tcase_create("act_renewals");
	tcase_add_test(t, records_have_the_published_shape);
	tcase_add_test(t, fields_absent_or_null);
	tcase_add_test(t, next_token_pages);
	tcase_add_test(t, max_results_limits);
	tcase_add_test(t, filters);
	suite_add_tcase(s, t);
	return s;
}

TC_TEST_MAIN(suite)
