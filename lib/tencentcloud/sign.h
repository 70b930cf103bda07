/* SPDX-License-Identifier: GPL-3.0-or-later */
/* TC3-HMAC-SHA256, the Tencent Cloud API 3.0 request signature. The same code signs
 * the plugins' requests and verifies them in the simulator. */
#ifndef TC_SIGN_H
#define TC_SIGN_H

#include <stddef.h>
#include <stdint.h>

#define TC3_ALGORITHM   "TC3-HMAC-SHA256"
#define TC3_MAX_HEADERS 16

struct tc3_header {
	const char *name;  /* any case; signed lower-cased */
	const char *value; /* signed trimmed and lower-cased */
};

struct tc3_request {
	const char *method; /* "POST" */
	const char *query;  /* canonical query string, "" for POST */
	struct tc3_header headers[TC3_MAX_HEADERS];
	size_t nheaders;
	const unsigned char *payload;
	size_t payload_len;
	const char *service; /* "billing" */
	int64_t timestamp;   /* X-TC-Timestamp */
};

struct tc3_signature {
	char date[11];            /* UTC date of the timestamp, YYYY-MM-DD */
	char signed_headers[256]; /* "content-type;host" */
	char hashed_payload[65];
	char hashed_canonical_request[65];
	char secret_date[65];
	char secret_service[65];
	char secret_signing[65];
	char signature[65];
};

/* Computes every step of the signature. Returns 0, or -1 if the request cannot be
 * signed (too many or too long headers, a date out of range). */
int tc3_sign(const struct tc3_request *req, const char *secret_key, struct tc3_signature *out);

/* Writes "TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request, SignedHeaders=..,
 * Signature=..". Returns 0, or -1 if it does not fit. */
int tc3_authorization(const struct tc3_signature *sig, const char *secret_id, const char *service,
		      char *buf, size_t size);

/* Lower-case hex of `len` bytes; writes 2*len+1 bytes. Binary-safe (a 0x00 byte in a
 * digest is encoded like any other). */
void tc3_hex(const unsigned char *bytes, size_t len, char *out);

/* Lower-case hex of the SHA-256 digest of `len` bytes (the request payload's hash,
 * the canonical request's, the cache's entry names). */
void tc3_sha256_hex(const void *data, size_t len, char out[65]);

/* UTC calendar date of a UNIX timestamp. Returns -1 if out of range. */
int tc3_utc_date(int64_t timestamp, char out[11]);

#endif
