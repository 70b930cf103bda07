/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>
#include <strings.h>

#include "tencentcloud/sign.h"
#include "tap.h"
#include "verify.h"

struct headers {
	const char *names[8];
	const char *values[8];
	int n;
};

static const char *lookup(void *ctx, const char *name) {
	struct headers *h = ctx;
	for (int i = 0; i < h->n; i++) {
		if (strcasecmp(h->names[i], name) == 0) {
			return h->values[i];
		}
	}
	return NULL;
}

static const char body[] = "{}";

/* Signs like a client that signs `host_signed`, and returns its Authorization. */
static void client_sign(const char *host_signed, const char *key, char *auth, size_t size) {
	struct tc3_request r = {
	    .method = "POST",
	    .query = "",
	    .headers = {{"content-type", "application/json"}, {"host", host_signed}},
	    .nheaders = 2,
	    .payload = (const unsigned char *)body,
	    .payload_len = 2,
	    .service = "billing",
	    .timestamp = 1700000000,
	};
	struct tc3_signature s;
	ck_assert_int_eq(tc3_sign(&r, key, &s), 0);
	ck_assert_int_eq(tc3_authorization(&s, "AKIDtest", "billing", auth, size), 0);
}

START_TEST(parses_authorization) {
	struct sim_auth a;
	ck_assert_int_eq(
	    sim_parse_authorization("TC3-HMAC-SHA256 Credential=AKIDx/2019-02-25/cvm/"
				    "tc3_request, SignedHeaders=content-type;host, "
				    "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f"
				    "516e8da2f66e2c5a96525168",
				    &a),
	    0);
	ck_assert_str_eq(a.secret_id, "AKIDx");
	ck_assert_str_eq(a.date, "2019-02-25");
	ck_assert_str_eq(a.service, "cvm");
	ck_assert_str_eq(a.signed_headers, "content-type;host");
	/* without spaces after the commas, as some clients write it */
	ck_assert_int_eq(sim_parse_authorization("TC3-HMAC-SHA256 Credential=A/2019-02-25/cvm/"
						 "tc3_request,SignedHeaders=host,Signature=72e494ea"
						 "809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a9"
						 "6525168",
						 &a),
			 0);
}
END_TEST

START_TEST(rejects_malformed_authorization) {
	struct sim_auth a;
	const char *bad[] = {
	    "",
	    "Basic abc",
	    "TC3-HMAC-SHA256 Credential=A/2019-02-25/cvm, SignedHeaders=host, Signature=00",
	    "TC3-HMAC-SHA256 Credential=A/2019-02-25/cvm/tc3_request, Signature=00",
	    "TC3-HMAC-SHA256 Credential=A/2019-02-25/cvm/other, SignedHeaders=host, Signature="
	    "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
	    "TC3-HMAC-SHA256 Credential=A/x/y/2019-02-25/cvm/tc3_request, SignedHeaders=host, "
	    "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(sim_parse_authorization(bad[i], &a) == -1, "accepted: %s", bad[i]);
	}
	ck_assert_int_eq(sim_parse_authorization(NULL, &a), -1);
}
END_TEST

START_TEST(verifies_received_headers) {
	char auth[512];
	struct sim_auth a;
	struct headers h = {{"Content-Type", "Host"}, {"application/json", "127.0.0.1:8443"}, 2};
	client_sign("127.0.0.1:8443", "secret", auth, sizeof auth);
	ck_assert_int_eq(sim_parse_authorization(auth, &a), 0);
	ck_assert(sim_verify_signature(&a, "secret", "POST", lookup, &h,
				       (const unsigned char *)body, 2, 1700000000));
	ck_assert(!sim_verify_signature(&a, "wrong", "POST", lookup, &h,
					(const unsigned char *)body, 2, 1700000000));
	ck_assert(!sim_verify_signature(&a, "secret", "POST", lookup, &h,
					(const unsigned char *)"{ }", 3, 1700000000));
	ck_assert(!sim_verify_signature(&a, "secret", "POST", lookup, &h,
					(const unsigned char *)body, 2, 1700000001));
}
END_TEST

START_TEST(host_signed_without_port) {
	char auth[512];
	struct sim_auth a;
	struct headers h = {{"Content-Type", "Host"}, {"application/json", "127.0.0.1:8443"}, 2};
	client_sign("127.0.0.1", "secret", auth, sizeof auth); /* as the Node SDK does */
	ck_assert_int_eq(sim_parse_authorization(auth, &a), 0);
	ck_assert(sim_verify_signature(&a, "secret", "POST", lookup, &h,
				       (const unsigned char *)body, 2, 1700000000));
}
END_TEST

START_TEST(missing_signed_header_fails) {
	char auth[512];
	struct sim_auth a;
	struct headers h = {{"Content-Type"}, {"application/json"}, 1};
	client_sign("127.0.0.1", "secret", auth, sizeof auth);
	ck_assert_int_eq(sim_parse_authorization(auth, &a), 0);
	ck_assert(!sim_verify_signature(&a, "secret", "POST", lookup, &h,
					(const unsigned char *)body, 2, 1700000000));
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("verify");
	TCase *tc = tcase_create("verify");
	tcase_add_test(tc, parses_authorization);
	tcase_add_test(tc, rejects_malformed_authorization);
	tcase_add_test(tc, verifies_received_headers);
	tcase_add_test(tc, host_signed_without_port);
	tcase_add_test(tc, missing_signed_header_fails);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)
