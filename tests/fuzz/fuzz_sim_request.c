/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer: what the simulator parses from a request: the Authorization header
 * (then a signature check over fuzzed headers) and the JSON parameters. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jsonx.h"
#include "verify.h"

static const char *header(void *ctx, const char *name) {
	(void)name;
	return ctx;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
	char *text = malloc(size + 1);
	struct sim_auth auth;
	struct json_object *o = NULL;
	struct tc_error err;
	if (!text) {
		return 0;
	}
	memcpy(text, data, size);
	text[size] = '\0';
	if (sim_parse_authorization(text, &auth) == 0) {
		(void)sim_verify_signature(&auth, "secret", "POST", header, text, data, size,
					   1700000000);
	}
	if (tc_json_parse(text, size, &o, &err) == 0) {
		json_object_put(o);
	}
	free(text);
	return 0;
}
