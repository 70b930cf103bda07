/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tencentcloud/sign.h"
#include "tap.h"

static const char body[] =
    "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": "
    "\"instance-name\"}]}";

static struct tc3_request doc_request(void) {
	struct tc3_request r = {
	    .method = "POST",
	    .query = "",
	    .headers = {{"Content-Type", "application/json; charset=utf-8"},
			{"Host", "cvm.tencentcloudapi.com"}},
	    .nheaders = 2,
	    .payload = (const unsigned char *)body,
	    .payload_len = sizeof body - 1,
	    .service = "cvm",
	    .timestamp = 1551113065,
	};
	return r;
}

START_TEST(the_body_is_the_documented_one) {
	ck_assert_int_eq(sizeof body - 1, 86);
}
END_TEST

/* Vector A: the international "Signature v3" page, content-type;host like the SDKs. */
START_TEST(vector_a) {
	struct tc3_request r = doc_request();
	struct tc3_signature s;
	char auth[512];
	ck_assert_int_eq(tc3_sign(&r, "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", &s), 0);
	ck_assert_str_eq(s.date, "2019-02-25");
	ck_assert_str_eq(s.signed_headers, "content-type;host");
	ck_assert_str_eq(s.hashed_payload,
			 "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
	ck_assert_str_eq(s.hashed_canonical_request,
			 "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
	ck_assert_str_eq(s.secret_date,
			 "d1308c81fe71cfd4e06437bbc067b2b8a3d2d8c0e375d547f15c41d5214b395a");
	ck_assert_str_eq(s.secret_service,
			 "3c7cb7c7795393edc14fd2e0e6434a518564b4504b88e94f5d11bf59ba3e7050");
	ck_assert_str_eq(s.secret_signing,
			 "ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1");
	ck_assert_str_eq(s.signature,
			 "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
	ck_assert_int_eq(
	    tc3_authorization(&s, "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "cvm", auth, sizeof auth),
	    0);
	ck_assert_str_eq(
	    auth, "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/"
		  "2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, "
		  "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
}
END_TEST

/* Vector D: the current Chinese page, which also signs x-tc-action (lower-cased). */
START_TEST(vector_d) {
	struct tc3_request r = doc_request();
	struct tc3_signature s;
	char auth[512];
	r.headers[2] = (struct tc3_header){"X-TC-Action", "DescribeInstances"};
	r.nheaders = 3;
	ck_assert_int_eq(tc3_sign(&r, "********************************", &s), 0);
	ck_assert_str_eq(s.signed_headers, "content-type;host;x-tc-action");
	ck_assert_str_eq(s.hashed_canonical_request,
			 "7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
	ck_assert_str_eq(s.secret_date,
			 "da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0");
	ck_assert_str_eq(s.secret_service,
			 "8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f");
	ck_assert_str_eq(s.secret_signing,
			 "b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af");
	ck_assert_str_eq(s.signature,
			 "10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f");
	ck_assert_int_eq(
	    tc3_authorization(&s, "AKID********************************", "cvm", auth, sizeof auth),
	    0);
	ck_assert_str_eq(
	    auth, "TC3-HMAC-SHA256 Credential=AKID********************************/"
		  "2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host;x-tc-action, "
		  "Signature=10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f");
}
END_TEST

/* Header order given does not matter; names and values are lower-cased and trimmed. */
START_TEST(headers_are_canonicalised) {
	struct tc3_request r = doc_request();
	struct tc3_signature s;
	r.headers[0] = (struct tc3_header){"HOST", "  CVM.tencentcloudapi.com "};
	r.headers[1] = (struct tc3_header){"content-type", "application/json; charset=utf-8"};
	ck_assert_int_eq(tc3_sign(&r, "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", &s), 0);
	ck_assert_str_eq(s.signature,
			 "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
}
END_TEST

START_TEST(hex_is_binary_safe) {
	const unsigned char bytes[] = {0x00, 0xff, 0x10, 0x00, 0x0a};
	char out[11];
	tc3_hex(bytes, sizeof bytes, out);
	ck_assert_str_eq(out, "00ff10000a");
	/* a digest that starts with 0x00: every byte encoded, not cut at the zero */
	unsigned char digest[32] = {0};
	digest[31] = 0x01;
	char hex[65];
	tc3_hex(digest, 32, hex);
	ck_assert_int_eq(strlen(hex), 64);
	ck_assert_str_eq(hex, "0000000000000000000000000000000000000000000000000000000000000001");
}
END_TEST

START_TEST(sha256_hex_of_bytes) {
	char hex[65];
	/* FIPS 180-2's examples; the length, not a NUL, ends the data */
	tc3_sha256_hex("", 0, hex);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	tc3_sha256_hex("abcdef", 3, hex);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

START_TEST(utc_date_not_local) {
	char d[11];
	/* 2019-02-25 23:30 UTC is already the 26th in Beijing */
	ck_assert_int_eq(tc3_utc_date(1551137400, d), 0);
	ck_assert_str_eq(d, "2019-02-25");
	ck_assert_int_eq(tc3_utc_date(-1, d), -1);
}
END_TEST

START_TEST(refuses_what_cannot_be_signed) {
	struct tc3_request r = doc_request();
	struct tc3_signature s;
	r.nheaders = 0;
	ck_assert_int_eq(tc3_sign(&r, "k", &s), -1);
	r = doc_request();
	r.headers[0].name = "";
	ck_assert_int_eq(tc3_sign(&r, "k", &s), -1);
	char small[16];
	r = doc_request();
	ck_assert_int_eq(tc3_sign(&r, "k", &s), 0);
	ck_assert_int_eq(tc3_authorization(&s, "id", "cvm", small, sizeof small), -1);
}
END_TEST

static Suite *suite(void) {
	Suite *s = suite_create("sign");
	TCase *tc = tcase_create("sign");
	tcase_add_test(tc, the_body_is_the_documented_one);
	tcase_add_test(tc, vector_a);
	tcase_add_test(tc, vector_d);
	tcase_add_test(tc, headers_are_canonicalised);
	tcase_add_test(tc, hex_is_binary_safe);
	tcase_add_test(tc, sha256_hex_of_bytes);
	tcase_add_test(tc, utc_date_not_local);
	tcase_add_test(tc, refuses_what_cannot_be_signed);
	suite_add_tcase(s, tc);
	return s;
}

TC_TEST_MAIN(suite)
