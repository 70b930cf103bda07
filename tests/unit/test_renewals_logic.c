/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "fixture.h"
#include "rendered.h"
#include "renewals_logic.h"
#include "tap.h"
#include "timeutil.h"

#define YUAN "\xc2\xa5"
#define NOW  1795361400 /* 2026-11-22 23:30 Beijing */
#define DAY  86400

static struct renewals_config config(void) {
	struct renewals_config c = {
	    .days = {range("30:"), range("7:")}, .currency = "CNY", .offset = 8 * 3600};
	return c;
}

/* an instance expiring at 23:59:59 Beijing time `days` calendar days from NOW's date */
static struct tc_renewal inst(const char *id, enum tc_renew_flag flag,
			      enum tc_instance_status status, int days) {
	struct tc_renewal x = {.flag = flag, .status = status, .has_expiry = true};
	x.expires = 1795276800 + (int64_t)days * DAY + DAY - 1;
	snprintf(x.id, sizeof x.id, "%s", id);
	snprintf(x.product, sizeof x.product, "CVM");
	snprintf(x.product_code, sizeof x.product_code, "p_cvm");
	snprintf(x.region, sizeof x.region, "ap-guangzhou");
	snprintf(x.project, sizeof x.project, "Default Project");
	return x;
}

static char *evaluate(const struct tc_renewal *x, size_t n, const struct renewals_config *c,
		      const struct renewals_balance *b, enum tc_state *s) {
	struct tc_result r;
	tc_result_init(&r, "TC RENEWALS");
	renewals_evaluate(x, n, NOW, c, b, &r);
	*s = r.state;
	char *out = render(&r);
	tc_result_free(&r);
	return out;
}

START_TEST(manual_renewal_due) {
	struct renewals_config c = config();
	enum tc_state s;
	struct tc_renewal x[] = {inst("ins-1", TC_RENEW_MANUAL, TC_INSTANCE_NORMAL, 20),
				 inst("ins-2", TC_RENEW_MANUAL, TC_INSTANCE_NORMAL, 90)};
	snprintf(x[0].name, sizeof x[0].name, "web-1");
	char *out = evaluate(x, 2, &c, NULL, &s);
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_str_eq(out, "TC RENEWALS WARNING - 1 manual renewal due within 30 days, soonest "
			      "CVM web-1 (ins-1) in ap-guangzhou on 2026-12-12 (in 20 days) | "
			      "'renewal_instances'=2;;;0; 'renewal_due'=1;;;0; "
			      "'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0; "
			      "'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0; "
			      "'renewal_expires_in_days'=20;30:;7:;;\n"
			      "CVM web-1 (ins-1) in ap-guangzhou: manual renewal, expires "
			      "2026-12-12 (in 20 days)\n");
	free(out);
}
END_TEST

/* One row: one instance renewed by hand expiring in `days` calendar days under
 * -w/-c on the days left, and the exact first line with its state. */
struct row {
	int days;
	const char *w, *c;
	enum tc_state state;
	const char *line;
};

static char *row_output(const struct row *x, enum tc_state *s) {
	struct renewals_config c = config();
	c.days = (struct tc_thresholds){range(x->w), range(x->c)};
	struct tc_renewal i = inst("i", TC_RENEW_MANUAL, TC_INSTANCE_NORMAL, x->days);
	return evaluate(&i, 1, &c, NULL, s);
}

ROWS_CHECKER(struct row, row_output)

/* -w 30: -c 7: warn under 30 days left, critical under 7, as check_http -C reads it */
START_TEST(boundaries) {
	static const struct row rows[] = {
	    {30, "30:", "7:", TC_OK,
	     "TC RENEWALS OK - no manual renewal due within 30 days (1 instance, soonest "
	     "2026-12-22 (in 30 days)) | 'renewal_instances'=1;;;0; 'renewal_due'=0;;;0; "
	     "'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0; 'renewal_not_renewing'=0;;;0; "
	     "'renewal_undated'=0;;;0; 'renewal_expires_in_days'=30;30:;7:;;"},
	    {29, "30:", "7:", TC_WARNING,
	     "TC RENEWALS WARNING - 1 manual renewal due within 30 days, soonest CVM i in "
	     "ap-guangzhou on 2026-12-21 (in 29 days) | 'renewal_instances'=1;;;0; "
	     "'renewal_due'=1;;;0; 'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0; "
	     "'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0; "
	     "'renewal_expires_in_days'=29;30:;7:;;"},
	    {7, "30:", "7:", TC_WARNING,
	     "TC RENEWALS WARNING - 1 manual renewal due within 30 days, soonest CVM i in "
	     "ap-guangzhou on 2026-11-29 (in 7 days) | 'renewal_instances'=1;;;0; "
	     "'renewal_due'=1;;;0; 'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0; "
	     "'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0; "
	     "'renewal_expires_in_days'=7;30:;7:;;"},
	    {6, "30:", "7:", TC_CRITICAL,
	     "TC RENEWALS CRITICAL - 1 manual renewal due within 30 days, soonest CVM i in "
	     "ap-guangzhou on 2026-11-28 (in 6 days) | 'renewal_instances'=1;;;0; "
	     "'renewal_due'=1;;;0; 'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0; "
	     "'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0; "
	     "'renewal_expires_in_days'=6;30:;7:;;"},
	    {0, "30:", "7:", TC_CRITICAL,
	     "TC RENEWALS CRITICAL - 1 manual renewal due within 30 days, soonest CVM i in "
	     "ap-guangzhou on 2026-11-22 (in 0 days) | 'renewal_instances'=1;;;0; "
	     "'renewal_due'=1;;;0; 'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0; "
	     "'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0; "
	     "'renewal_expires_in_days'=0;30:;7:;;"},
	    {-2, "30:", "7:", TC_CRITICAL,
	     "TC RENEWALS CRITICAL - 1 manual renewal due within 30 days, soonest CVM i in "
	     "ap-guangzhou on 2026-11-20 (2 days ago) | 'renewal_instances'=1;;;0; "
	     "'renewal_due'=1;;;0; 'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0; "
	     "'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0; "
	     "'renewal_expires_in_days'=-2;30:;7:;;"},
	    /* the window's words follow the range: "within N days" for "N:" only */
	    {20, "30.5:", "7:", TC_WARNING,
	     "TC RENEWALS WARNING - 1 manual renewal due in the warning range, soonest CVM i in "
	     "ap-guangzhou on 2026-12-12 (in 20 days) | 'renewal_instances'=1;;;0; "
	     "'renewal_due'=1;;;0; 'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0; "
	     "'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0; "
	     "'renewal_expires_in_days'=20;30.5:;7:;;"},
	    {15, "@10:20", "~:", TC_WARNING,
	     "TC RENEWALS WARNING - 1 manual renewal due in the warning range, soonest CVM i in "
	     "ap-guangzhou on 2026-12-07 (in 15 days) | 'renewal_instances'=1;;;0; "
	     "'renewal_due'=1;;;0; 'renewal_isolated'=0;;;0; 'renewal_auto_due'=0;;;0; "
	     "'renewal_not_renewing'=0;;;0; 'renewal_undated'=0;;;0; "
	     "'renewal_expires_in_days'=15;@10:20;~:;;"},
	};
	CHECK(rows);
	/* past its date, the long output says it expired */
	struct renewals_config c = config();
	enum tc_state s;
	struct tc_renewal gone = inst("i", TC_RENEW_MANUAL, TC_INSTANCE_NORMAL, -2);
	char *out = evaluate(&gone, 1, &c, NULL, &s);
	ck_assert_ptr_nonnull(strstr(out, "EXPIRED on 2026-11-20 (2 days ago)"));
	free(out);
}
END_TEST

/* -w/-c are read as days left (tc_range_parse_left): a bare N is "N:" */
START_TEST(bare_days_read_as_lower_bounds) {
	struct renewals_config c = config();
	struct tc_error err;
	enum tc_state s;
	ck_assert_int_eq(tc_range_parse_left("30", &c.days.warning, &err), 0);
	ck_assert_int_eq(tc_range_parse_left("7", &c.days.critical, &err), 0);
	int days[] = {90, 30, 29, 7, 6};
	enum tc_state want[] = {TC_OK, TC_OK, TC_WARNING, TC_WARNING, TC_CRITICAL};
	for (int i = 0; i < 5; i++) {
		struct tc_renewal x = inst("i", TC_RENEW_MANUAL, TC_INSTANCE_NORMAL, days[i]);
		free(evaluate(&x, 1, &c, NULL, &s));
		ck_assert_msg(s == want[i], "%d days: state %d", days[i], s);
	}
	ck_assert_int_eq(tc_range_parse_left("thirty", &c.days.warning, &err), -1);
}
END_TEST

START_TEST(isolated_is_critical) {
	struct renewals_config c = config();
	enum tc_state s;
	struct tc_renewal x = inst("cdb-1", TC_RENEW_AUTO, TC_INSTANCE_ISOLATED, -3);
	char *out = evaluate(&x, 1, &c, NULL, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(strstr(out, "TC RENEWALS CRITICAL - 1 instance ISOLATED |"));
	ck_assert_ptr_nonnull(strstr(out, "'renewal_isolated'=1;;;0;"));
	ck_assert_ptr_nonnull(strstr(out, "CVM cdb-1 in ap-guangzhou: ISOLATED (out of service "
					  "until renewed), expired 2026-11-19 (3 days ago)"));
	free(out);
	/* excluded by ID, it is not judged */
	c.exclude = "cdb-0,cdb-1";
	ck_assert(!renewals_selected(&x, &c));
}
END_TEST

START_TEST(not_renewing_listed_not_alerted) {
	struct renewals_config c = config();
	enum tc_state s;
	struct tc_renewal x[] = {inst("n-1", TC_RENEW_NEVER, TC_INSTANCE_NORMAL, 2),
				 inst("n-2", TC_RENEW_NEVER, TC_INSTANCE_ISOLATED, -1),
				 inst("n-3", TC_RENEW_NEVER, TC_INSTANCE_NORMAL, 200)};
	char *out = evaluate(x, 3, &c, NULL, &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_ptr_nonnull(strstr(out,
				     "TC RENEWALS OK - no manual renewal due within 30 days "
				     "(3 instances); 2 set not to renew expiring or isolated |"));
	ck_assert_ptr_nonnull(strstr(out, "n-1 in ap-guangzhou: set not to renew, expires "
					  "2026-11-24 (in 2 days)\n"));
	ck_assert_ptr_nonnull(strstr(out, "n-2 in ap-guangzhou: set not to renew, ISOLATED, "
					  "expired 2026-11-21 (1 day ago)\n"));
	ck_assert_ptr_null(strstr(out, "n-3"));
	free(out);
	c.include_not_renewing = true;
	out = evaluate(x, 3, &c, NULL, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(
	    strstr(out, "1 instance ISOLATED, 1 manual renewal due within 30 days"));
	free(out);
}
END_TEST

START_TEST(auto_renewals_and_balance) {
	struct renewals_config c = config();
	enum tc_state s;
	struct tc_renewal x[] = {inst("a-1", TC_RENEW_AUTO, TC_INSTANCE_NORMAL, 3),
				 inst("a-2", TC_RENEW_AUTO, TC_INSTANCE_NORMAL, 60)};
	ck_assert_int_eq(renewals_auto_due(x, 2, NOW, &c), 1);
	char *out = evaluate(x, 2, &c, NULL, &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_ptr_nonnull(strstr(out,
				     "OK - no manual renewal due within 30 days (2 instances); "
				     "1 renewing automatically within 30 days |"));
	ck_assert_ptr_nonnull(strstr(out, "'renewal_auto_due'=1;;;0;"));
	ck_assert_ptr_nonnull(strstr(out, "a-1 in ap-guangzhou: renews automatically 2026-11-25"));
	free(out);
	struct renewals_balance owing = {.known = true, .available = -1200, .owed = 1200};
	out = evaluate(x, 2, &c, &owing, &s);
	ck_assert_int_eq(s, TC_WARNING);
	ck_assert_ptr_nonnull(strstr(out, "1 renewing automatically within 30 days that the "
					  "account cannot pay (available -" YUAN
					  "12.00, owing " YUAN "12.00) |"));
	ck_assert_ptr_nonnull(strstr(out, "'available_balance_cny'=-12;;;;"));
	free(out);
	struct renewals_balance empty = {.known = true, .available = 0};
	free(evaluate(x, 2, &c, &empty, &s));
	ck_assert_int_eq(s, TC_WARNING);
	struct renewals_balance rich = {.known = true, .available = 100000};
	out = evaluate(x, 2, &c, &rich, &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_ptr_nonnull(strstr(out, "balance: available " YUAN "1,000.00; whether it covers "
					  "the 1 automatic renewal is not known "
					  "(DescribeRenewInstances gives no prices)"));
	free(out);
}
END_TEST

/* An instance on automatic renewal past its expiry was not renewed: it is judged
 * like a manual one, not counted among renewals to come. */
START_TEST(an_automatic_renewal_that_did_not_happen) {
	struct renewals_config c = config();
	enum tc_state s;
	struct tc_renewal x = inst("a-1", TC_RENEW_AUTO, TC_INSTANCE_NORMAL, -1);
	ck_assert_int_eq(renewals_auto_due(&x, 1, NOW, &c), 0);
	char *out = evaluate(&x, 1, &c, NULL, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(
	    strstr(out, "TC RENEWALS CRITICAL - 1 manual renewal due within 30 days"));
	ck_assert_ptr_nonnull(strstr(out, "a-1 in ap-guangzhou: automatic renewal did not happen, "
					  "EXPIRED on 2026-11-21 (1 day ago)"));
	ck_assert_ptr_nonnull(strstr(out, "'renewal_auto_due'=0;;;0;"));
	free(out);
}
END_TEST

START_TEST(filters) {
	struct renewals_config c = config();
	struct tc_renewal x = inst("ins-1", TC_RENEW_MANUAL, TC_INSTANCE_NORMAL, 3);
	ck_assert(renewals_selected(&x, &c));
	c.products = "p_cdb,p_cvm";
	ck_assert(renewals_selected(&x, &c));
	c.products = "p_cv";
	ck_assert(!renewals_selected(&x, &c));
	c.products = NULL;
	c.regions = "ap-shanghai";
	ck_assert(!renewals_selected(&x, &c));
	c.regions = "ap-shanghai,ap-guangzhou";
	ck_assert(renewals_selected(&x, &c));
	c.projects = "shop";
	ck_assert(!renewals_selected(&x, &c));
	c.projects = "Default Project";
	ck_assert(renewals_selected(&x, &c));
	c.exclude = "ins-12";
	ck_assert(renewals_selected(&x, &c));
}
END_TEST

/* Recorded answers: the reader's records judged as they come. */
static struct tc_renewals fixture_records(const char *name) {
	struct tc_renewals r = {0};
	struct tc_api_reply reply;
	struct tc_error err;
	const char *next = NULL;
	size_t len = 0;
	char *text = fixture_text("DescribeRenewInstances", name, &len);
	ck_assert_int_eq(
	    tc_api_parse_envelope("billing", "DescribeRenewInstances", text, len, &reply, &err), 0);
	ck_assert_int_eq(tc_renewals_page(reply.response, TC_BEIJING_OFFSET, &r, &next, &err), 0);
	tc_api_reply_free(&reply);
	free(text);
	return r;
}

START_TEST(recorded_pages) {
	struct renewals_config c = config();
	enum tc_state s;
	struct tc_renewals r = fixture_records("page1");
	char *out = evaluate(r.items, r.n, &c, NULL, &s);
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(strstr(
	    out, "TC RENEWALS CRITICAL - 1 instance ISOLATED, 1 manual renewal due within 30 "
		 "days, soonest Cloud Virtual Machine web-1 (ins-page0001) in ap-guangzhou on "
		 "2026-11-25 (in 3 days) |"));
	ck_assert_ptr_nonnull(strstr(out, "TencentDB for MySQL orders-db (cdb-page0002) in "
					  "ap-shanghai: ISOLATED"));
	free(out);
	tc_renewals_free(&r);
	/* the published example: an instance set not to renew, long expired */
	r = fixture_records("example");
	out = evaluate(r.items, r.n, &c, NULL, &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_ptr_nonnull(strstr(out, "OK - no manual renewal due within 30 days (1 instance); "
					  "1 set not to renew expiring or isolated |"));
	free(out);
	tc_renewals_free(&r);
}
END_TEST

/* A record without a readable ExpireTime is named; the others are judged. */
START_TEST(undated_records_named_rest_judged) {
	struct renewals_config c = config();
	enum tc_state s;
	struct tc_renewals r = fixture_records("nulls");
	char *out = evaluate(r.items, r.n, &c, NULL, &s);
	/* ins-nulls002: renewal flag null, 3 days left, judged as manual */
	ck_assert_int_eq(s, TC_CRITICAL);
	ck_assert_ptr_nonnull(strstr(out, "; 1 without a readable expiry date |"));
	ck_assert_ptr_nonnull(strstr(out, "p_cvm ins-nulls001 in (region unknown): not judged: no "
					  "ExpireTime in the answer\n"));
	ck_assert_ptr_nonnull(strstr(out,
				     "p_cvm ins-nulls002 in (region unknown): renewal setting "
				     "unknown, judged as manual, expires 2026-11-25 (in 3 days)"));
	ck_assert_ptr_nonnull(strstr(out, "'renewal_undated'=1;;;0;"));
	free(out);
	tc_renewals_free(&r);
	r = fixture_records("absent");
	out = evaluate(r.items, r.n, &c, NULL, &s);
	ck_assert_int_eq(s, TC_OK);
	ck_assert_ptr_nonnull(strstr(out, "(product unknown) (no InstanceId) in (region unknown): "
					  "not judged: no ExpireTime in the answer"));
	free(out);
	tc_renewals_free(&r);
}
END_TEST

START_TEST(discovery) {
	struct tc_renewal x[] = {inst("ins-1", TC_RENEW_MANUAL, TC_INSTANCE_NORMAL, 3)};
	snprintf(x[0].name, sizeof x[0].name, "web \"1\"");
	snprintf(x[0].flag_text, sizeof x[0].flag_text, "NOTIFY_AND_MANUAL_RENEW");
	char *json = renewals_discovery(x, 1);
	ck_assert_str_eq(json,
			 "{\"data\":[{\"{#INSTANCE}\":\"ins-1\",\"{#NAME}\":\"web \\\"1\\\"\","
			 "\"{#PRODUCT}\":\"p_cvm\",\"{#REGION}\":\"ap-guangzhou\","
			 "\"{#PROJECT}\":\"Default Project\","
			 "\"{#RENEWFLAG}\":\"NOTIFY_AND_MANUAL_RENEW\"}]}");
	free(json);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("renewals_logic");
	TCase *t0 = tcase_create("thresholds");
	tcase_add_test(t0, boundaries);
	tcase_add_test(t0, bare_days_read_as_lower_bounds);
	tcase_add_test(t0, manual_renewal_due);
	suite_add_tcase(s, t0);
	TCase *t1 = tcase_create("isolated, not renewing, automatic");
	tcase_add_test(t1, isolated_is_critical);
	tcase_add_test(t1, not_renewing_listed_not_alerted);
	tcase_add_test(t1, auto_renewals_and_balance);
	tcase_add_test(t1, an_automatic_renewal_that_did_not_happen);
	suite_add_tcase(s, t1);
	TCase *t2 = tcase_create("empty or absent data");
	tcase_add_test(t2, undated_records_named_rest_judged);
	tcase_add_test(t2, recorded_pages);
	suite_add_tcase(s, t2);
	TCase *t3 = tcase_create("selection and discovery");
	tcase_add_test(t3, filters);
	tcase_add_test(t3, discovery);
	suite_add_tcase(s, t3);
	return s;
}

TC_TEST_MAIN(suite)
