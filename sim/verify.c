/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "verify.h"

#include <stdio.h>
#include <string.h>

#include "tencentcloud/sign.h"

static int take(const char **p, const char *prefix, char stop, char *out, size_t size) {
	size_t plen = strlen(prefix);
	if (strncmp(*p, prefix, plen) != 0) {
		return -1;
	}
	*p += plen;
	size_t n = strcspn(*p, stop == ',' ? "," : "");
	if (stop != ',') {
		n = strlen(*p);
	}
	if (n == 0 || n >= size) {
		return -1;
	}
	memcpy(out, *p, n);
	out[n] = '\0';
	*p += n;
	return 0;
}

static void skip_separator(const char **p) {
	if (**p == ',') {
		(*p)++;
	}
	while (**p == ' ') {
		(*p)++;
	}
}

int sim_parse_authorization(const char *value, struct sim_auth *out) {
	char credential[1400];
	const char *p = value;
	memset(out, 0, sizeof *out);
	if (!value || strncmp(p, TC3_ALGORITHM " ", strlen(TC3_ALGORITHM) + 1) != 0) {
		return -1;
	}
	p += strlen(TC3_ALGORITHM) + 1;
	while (*p == ' ') {
		p++;
	}
	if (take(&p, "Credential=", ',', credential, sizeof credential) != 0) {
		return -1;
	}
	skip_separator(&p);
	if (take(&p, "SignedHeaders=", ',', out->signed_headers, sizeof out->signed_headers) != 0) {
		return -1;
	}
	skip_separator(&p);
	if (take(&p, "Signature=", '\0', out->signature, sizeof out->signature) != 0 ||
	    strlen(out->signature) != 64) {
		return -1;
	}
	/* ID/DATE/SERVICE/tc3_request; the ID itself has no '/' */
	char *parts[4];
	char *save = NULL;
	int n = 0;
	for (char *t = strtok_r(credential, "/", &save); t && n < 4;
	     t = strtok_r(NULL, "/", &save)) {
		parts[n++] = t;
	}
	if (n != 4 || strtok_r(NULL, "/", &save) || strcmp(parts[3], "tc3_request") != 0 ||
	    strlen(parts[0]) >= sizeof out->secret_id || strlen(parts[1]) != 10 ||
	    strlen(parts[2]) >= sizeof out->service) {
		return -1;
	}
	strcpy(out->secret_id, parts[0]);
	strcpy(out->date, parts[1]);
	strcpy(out->service, parts[2]);
	return 0;
}

static bool try_sign(const struct sim_auth *auth, const char *secret_key, const char *method,
		     sim_header_fn header, void *ctx, const unsigned char *body, size_t len,
		     int64_t timestamp, bool strip_port) {
	struct tc3_request req = {
	    .method = method,
	    .query = "",
	    .payload = body,
	    .payload_len = len,
	    .service = auth->service,
	    .timestamp = timestamp,
	};
	char names[sizeof auth->signed_headers];
	char host[256];
	char *save = NULL;
	strcpy(names, auth->signed_headers);
	for (char *h = strtok_r(names, ";", &save); h; h = strtok_r(NULL, ";", &save)) {
		const char *v = header(ctx, h);
		if (!v || req.nheaders >= TC3_MAX_HEADERS) {
			return false;
		}
		if (strcmp(h, "host") == 0 && strip_port) {
			const char *colon = strrchr(v, ':');
			if (!colon || strchr(v, ']') > colon ||
			    (size_t)(colon - v) >= sizeof host) {
				return false;
			}
			memcpy(host, v, (size_t)(colon - v));
			host[colon - v] = '\0';
			v = host;
		}
		req.headers[req.nheaders++] = (struct tc3_header){h, v};
	}
	struct tc3_signature sig;
	if (tc3_sign(&req, secret_key, &sig) != 0) {
		return false;
	}
	return strcmp(sig.signature, auth->signature) == 0 && strcmp(sig.date, auth->date) == 0 &&
	       strcmp(sig.signed_headers, auth->signed_headers) == 0;
}

bool sim_verify_signature(const struct sim_auth *auth, const char *secret_key, const char *method,
			  sim_header_fn header, void *ctx, const unsigned char *body, size_t len,
			  int64_t timestamp) {
	if (!strstr(auth->signed_headers, "content-type") ||
	    !strstr(auth->signed_headers, "host")) {
		return false;
	}
	return try_sign(auth, secret_key, method, header, ctx, body, len, timestamp, false) ||
	       try_sign(auth, secret_key, method, header, ctx, body, len, timestamp, true);
}
