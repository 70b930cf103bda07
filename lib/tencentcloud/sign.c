/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "tencentcloud/sign.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#define CANON_MAX 8192

void tc3_hex(const unsigned char *bytes, size_t len, char *out) {
	static const char digits[] = "0123456789abcdef";
	for (size_t i = 0; i < len; i++) {
		out[2 * i] = digits[bytes[i] >> 4];
		out[2 * i + 1] = digits[bytes[i] & 0x0f];
	}
	out[2 * len] = '\0';
}

void tc3_sha256_hex(const void *data, size_t len, char out[65]) {
	unsigned char md[32];
	unsigned int mdlen = 0;
	EVP_Digest(data, len, md, &mdlen, EVP_sha256(), NULL);
	tc3_hex(md, 32, out);
}

static void hmac(const unsigned char *key, size_t keylen, const char *msg, unsigned char out[32]) {
	unsigned int outlen = 0;
	HMAC(EVP_sha256(), key, (int)keylen, (const unsigned char *)msg, strlen(msg), out, &outlen);
}

int tc3_utc_date(int64_t timestamp, char out[11]) {
	time_t t = (time_t)timestamp;
	struct tm tm;
	if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 > 9999 || tm.tm_year + 1900 < 1970) {
		return -1;
	}
	snprintf(out, 11, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	return 0;
}

struct canon_header {
	char name[64];
	const char *value;
};

static int cmp_header(const void *a, const void *b) {
	return strcmp(((const struct canon_header *)a)->name,
		      ((const struct canon_header *)b)->name);
}

/* Appends lower(trim(value)) to buf at *pos. */
static int append_value(char *buf, size_t *pos, const char *value) {
	const char *start = value;
	const char *end = value + strlen(value);
	while (start < end && isspace((unsigned char)*start)) {
		start++;
	}
	while (end > start && isspace((unsigned char)end[-1])) {
		end--;
	}
	for (const char *p = start; p < end; p++) {
		if (*pos + 1 >= CANON_MAX) {
			return -1;
		}
		buf[(*pos)++] = (char)tolower((unsigned char)*p);
	}
	return 0;
}

static int append(char *buf, size_t *pos, const char *s) {
	size_t n = strlen(s);
	if (*pos + n >= CANON_MAX) {
		return -1;
	}
	memcpy(buf + *pos, s, n);
	*pos += n;
	return 0;
}

int tc3_sign(const struct tc3_request *req, const char *secret_key, struct tc3_signature *out) {
	struct canon_header hs[TC3_MAX_HEADERS];
	char canon[CANON_MAX];
	size_t pos = 0;
	memset(out, 0, sizeof *out);
	if (req->nheaders == 0 || req->nheaders > TC3_MAX_HEADERS ||
	    tc3_utc_date(req->timestamp, out->date) != 0) {
		return -1;
	}
	for (size_t i = 0; i < req->nheaders; i++) {
		size_t n = strlen(req->headers[i].name);
		if (n == 0 || n >= sizeof hs[i].name) {
			return -1;
		}
		for (size_t j = 0; j <= n; j++) {
			hs[i].name[j] = (char)tolower((unsigned char)req->headers[i].name[j]);
		}
		hs[i].value = req->headers[i].value;
	}
	qsort(hs, req->nheaders, sizeof hs[0], cmp_header);

	size_t sh = 0;
	for (size_t i = 0; i < req->nheaders; i++) {
		int n = snprintf(out->signed_headers + sh, sizeof out->signed_headers - sh, "%s%s",
				 i ? ";" : "", hs[i].name);
		if (n < 0 || (size_t)n >= sizeof out->signed_headers - sh) {
			return -1;
		}
		sh += (size_t)n;
	}
	tc3_sha256_hex(req->payload ? req->payload : (const unsigned char *)"", req->payload_len,
		       out->hashed_payload);

	if (append(canon, &pos, req->method) || append(canon, &pos, "\n/\n") ||
	    append(canon, &pos, req->query ? req->query : "") || append(canon, &pos, "\n")) {
		return -1;
	}
	for (size_t i = 0; i < req->nheaders; i++) {
		if (append(canon, &pos, hs[i].name) || append(canon, &pos, ":") ||
		    append_value(canon, &pos, hs[i].value) || append(canon, &pos, "\n")) {
			return -1;
		}
	}
	if (append(canon, &pos, "\n") || append(canon, &pos, out->signed_headers) ||
	    append(canon, &pos, "\n") || append(canon, &pos, out->hashed_payload)) {
		return -1;
	}
	tc3_sha256_hex((const unsigned char *)canon, pos, out->hashed_canonical_request);

	char to_sign[512];
	int n = snprintf(to_sign, sizeof to_sign, "%s\n%lld\n%s/%s/tc3_request\n%s", TC3_ALGORITHM,
			 (long long)req->timestamp, out->date, req->service,
			 out->hashed_canonical_request);
	if (n < 0 || (size_t)n >= sizeof to_sign) {
		return -1;
	}

	size_t klen = strlen(secret_key) + 3;
	char *key = malloc(klen + 1);
	if (!key) {
		return -1;
	}
	snprintf(key, klen + 1, "TC3%s", secret_key);
	unsigned char k_date[32], k_service[32], k_signing[32], sig[32];
	hmac((const unsigned char *)key, klen, out->date, k_date);
	OPENSSL_cleanse(key, klen);
	free(key);
	hmac(k_date, 32, req->service, k_service);
	hmac(k_service, 32, "tc3_request", k_signing);
	hmac(k_signing, 32, to_sign, sig);
	tc3_hex(k_date, 32, out->secret_date);
	tc3_hex(k_service, 32, out->secret_service);
	tc3_hex(k_signing, 32, out->secret_signing);
	tc3_hex(sig, 32, out->signature);
	OPENSSL_cleanse(k_date, sizeof k_date);
	OPENSSL_cleanse(k_service, sizeof k_service);
	OPENSSL_cleanse(k_signing, sizeof k_signing);
	return 0;
}

int tc3_authorization(const struct tc3_signature *sig, const char *secret_id, const char *service,
		      char *buf, size_t size) {
	int n = snprintf(
	    buf, size, "%s Credential=%s/%s/%s/tc3_request, SignedHeaders=%s, Signature=%s",
	    TC3_ALGORITHM, secret_id, sig->date, service, sig->signed_headers, sig->signature);
	return (n < 0 || (size_t)n >= size) ? -1 : 0;
}
