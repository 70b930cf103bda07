/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Loading a simulator scenario: keys, the CVM role, faults and rate limits with
 * their precedence, and a clear error for a broken file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "scenario.h"
#include "tap.h"

static char path[64];

static void write_scenario(const char *text) {
	snprintf(path, sizeof path, "/tmp/tc-scenario-XXXXXX");
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void load(const char *text, struct sim_scenario *s) {
	struct tc_error err;
	write_scenario(text);
	ck_assert_msg(sim_scenario_load(path, s, &err) == 0, "%s", err.message);
	unlink(path);
}

/* Loading `text` fails; the message is in err. */
static void load_fails(const char *text, struct tc_error *err) {
	struct sim_scenario s;
	write_scenario(text);
	ck_assert_int_eq(sim_scenario_load(path, &s, err), -1);
	unlink(path);
}

static const char two_accounts[] =
    "{\"faults\":{\"*\":{\"delay_ms\":1},\"DescribeVoucherInfo\":{\"http_status\":502}},"
    "\"rate_limits\":{\"DescribeDealsByCond\":3},"
    "\"accounts\":[{\"name\":\"ok\",\"uin\":1,\"keys\":[{\"secret_id\":\"AKIDok\","
    "\"secret_key\":\"s1\"},{\"secret_id\":\"AKIDok2\",\"secret_key\":\"s2\"}]},"
    "{\"name\":\"faulty\",\"keys\":[{\"secret_id\":\"AKIDf\",\"secret_key\":\"s3\"}],"
    "\"faults\":{\"DescribeAccountBalance\":{\"malformed\":true},\"*\":{\"empty\":true}},"
    "\"rate_limits\":{\"DescribeAccountBalance\":1}},"
    "{\"name\":\"nokeys\"}],"
    "\"cvm_role\":{\"account\":\"ok\",\"role\":\"mon\",\"secret_id\":\"AKIDrole\","
    "\"secret_key\":\"s4\",\"token\":\"t4\"}}";

/* The fault of an account's action as JSON text, "none" when there is none. */
static const char *fault_text(const struct sim_scenario *s, struct json_object *account,
			      const char *action) {
	struct json_object *f = sim_scenario_fault(s, account, action);
	return f ? json_object_to_json_string_ext(f, JSON_C_TO_STRING_PLAIN) : "none";
}

START_TEST(keys_find_their_accounts) {
	struct sim_scenario s;
	load(two_accounts, &s);
	ck_assert_uint_eq(s.nkeys, 4); /* three account keys and the role's */
	const struct sim_key *k = sim_scenario_key(&s, "AKIDok2");
	ck_assert_ptr_nonnull(k);
	ck_assert_str_eq(k->secret_key, "s2");
	ck_assert_str_eq(k->account_name, "ok");
	ck_assert_ptr_null(k->token);
	k = sim_scenario_key(&s, "AKIDrole");
	ck_assert_ptr_nonnull(k);
	ck_assert_str_eq(k->token, "t4");
	ck_assert_str_eq(k->account_name, "ok");
	ck_assert_ptr_eq(k->account, sim_scenario_key(&s, "AKIDok")->account);
	ck_assert_ptr_nonnull(s.cvm_role);
	ck_assert_ptr_null(sim_scenario_key(&s, "AKIDnone"));
	ck_assert_ptr_null(sim_scenario_key(&s, "akidok")); /* exact match only */
	sim_scenario_free(&s);
}
END_TEST

START_TEST(faults_most_specific_first) {
	struct sim_scenario s;
	load(two_accounts, &s);
	struct json_object *ok = sim_scenario_key(&s, "AKIDok")->account;
	struct json_object *faulty = sim_scenario_key(&s, "AKIDf")->account;
	/* the account's own fault for the action, then its "*", then the scenario's */
	ck_assert_str_eq(fault_text(&s, faulty, "DescribeAccountBalance"), "{\"malformed\":true}");
	ck_assert_str_eq(fault_text(&s, faulty, "DescribeVoucherInfo"), "{\"empty\":true}");
	ck_assert_str_eq(fault_text(&s, ok, "DescribeVoucherInfo"), "{\"http_status\":502}");
	ck_assert_str_eq(fault_text(&s, ok, "DescribeAccountBalance"), "{\"delay_ms\":1}");
	sim_scenario_free(&s);
}
END_TEST

START_TEST(no_faults) {
	struct sim_scenario s;
	load("{\"accounts\":[{\"name\":\"a\"}]}", &s);
	ck_assert_uint_eq(s.nkeys, 0);
	ck_assert_ptr_null(s.cvm_role);
	struct json_object *a =
	    json_object_array_get_idx(json_object_object_get(s.root, "accounts"), 0);
	ck_assert_str_eq(fault_text(&s, a, "DescribeAccountBalance"), "none");
	sim_scenario_free(&s);
}
END_TEST

START_TEST(rate_limits) {
	struct sim_scenario s;
	load(two_accounts, &s);
	struct json_object *ok = sim_scenario_key(&s, "AKIDok")->account;
	struct json_object *faulty = sim_scenario_key(&s, "AKIDf")->account;
	ck_assert_int_eq(sim_scenario_rate_limit(&s, faulty, "billing", "DescribeAccountBalance"),
			 1);
	ck_assert_int_eq(sim_scenario_rate_limit(&s, ok, "billing", "DescribeAccountBalance"), 20);
	ck_assert_int_eq(sim_scenario_rate_limit(&s, faulty, "billing", "DescribeDealsByCond"), 3);
	/* the documented defaults: 20/s, and 5/s for the international partner API */
	ck_assert_int_eq(sim_scenario_rate_limit(&s, ok, "partners", "DescribeAgentPayDealsV2"),
			 20);
	ck_assert_int_eq(sim_scenario_rate_limit(&s, ok, "intlpartnersmgt", "QueryCustomersCredit"),
			 5);
	sim_scenario_free(&s);
}
END_TEST

START_TEST(broken_files_say_where) {
	struct tc_error err;
	struct sim_scenario s;
	ck_assert_int_eq(sim_scenario_load("/nonexistent/tc-scenario.json", &s, &err), -1);
	ck_assert_ptr_nonnull(strstr(err.message, "/nonexistent/tc-scenario.json"));
	load_fails("{\"accounts\":[", &err);
	ck_assert_ptr_nonnull(strstr(err.message, path));
	load_fails("{\"accts\":[]}", &err);
	ck_assert_ptr_nonnull(strstr(err.message, "accounts"));
	load_fails("{\"accounts\":[{\"keys\":[]}]}", &err);
	ck_assert_ptr_nonnull(strstr(err.message, "accounts[0]"));
	load_fails("{\"accounts\":[{\"name\":\"x\",\"keys\":[{\"secret_id\":\"A\"}]}]}", &err);
	ck_assert_ptr_nonnull(strstr(err.message, "account x key"));
	ck_assert_ptr_nonnull(strstr(err.message, "secret_key"));
	load_fails("{\"accounts\":[],\"cvm_role\":{\"account\":\"gone\",\"secret_id\":\"A\","
		   "\"secret_key\":\"B\"}}",
		   &err);
	ck_assert_ptr_nonnull(strstr(err.message, "cvm_role: no account gone"));
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("scenario");
	TCase *t = tcase_create("scenario");
	tcase_add_test(t, keys_find_their_accounts);
	tcase_add_test(t, faults_most_specific_first);
	tcase_add_test(t, no_faults);
	tcase_add_test(t, rate_limits);
	tcase_add_test(t, broken_files_say_where);
	suite_add_tcase(s, t);
	return s;
}

TC_TEST_MAIN(suite)
