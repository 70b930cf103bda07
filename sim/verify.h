/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The simulator's side of TC3-HMAC-SHA256: parse the Authorization header and check
 * the signature over the headers it names, as they were received. */
#ifndef SIM_VERIFY_H
#define SIM_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sim_auth {
	char secret_id[1100];
	char date[16];
	char service[64];
	char signed_headers[256];
	char signature[80];
};

/* Parses "TC3-HMAC-SHA256 Credential=ID/DATE/SERVICE/tc3_request,
 * SignedHeaders=a;b, Signature=hex" (spaces after commas optional). */
int sim_parse_authorization(const char *value, struct sim_auth *out);

/* Looks up a received header by lower-case name; NULL when absent. */
typedef const char *(*sim_header_fn)(void *ctx, const char *name);

/* True when the signature matches. Host is tried as received and, if that fails
 * and it carries a port, without the port (some SDKs sign the bare host name). */
bool sim_verify_signature(const struct sim_auth *auth, const char *secret_key, const char *method,
			  sim_header_fn header, void *ctx, const unsigned char *body, size_t len,
			  int64_t timestamp);

#endif
