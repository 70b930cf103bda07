/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "serve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/rand.h>

#include "actions.h"
#include "jsonx.h"
#include "tencentcloud/sign.h"
#include "verify.h"

#define MAX_BODY         (10 * 1024 * 1024)
#define OVERSIZED_BODY   (12 * 1024 * 1024)
#define TIMESTAMP_WINDOW 300

struct upload {
	char *buf;
	size_t len;
	size_t cap;
	int too_large;
};

struct reply {
	bool stall; /* send half the body, then hang */
	unsigned status;
	char *body; /* malloc'd */
	size_t len;
	const char *content_type;
};

/* ----------------------------------------------------------------- counters */

static struct sim_counter *slot(struct sim_counter *list, size_t *n, const char *key) {
	for (size_t i = 0; i < *n; i++) {
		if (strcmp(list[i].key, key) == 0) {
			return &list[i];
		}
	}
	if (*n >= SIM_MAX_COUNTERS) {
		return NULL;
	}
	struct sim_counter *c = &list[(*n)++];
	snprintf(c->key, sizeof c->key, "%s", key);
	c->n = 0;
	c->second = 0;
	return c;
}

static long count(struct sim_server *s, const char *kind, const char *name) {
	char key[200];
	snprintf(key, sizeof key, "%s:%s", kind, name);
	struct sim_counter *c = slot(s->counters, &s->ncounters, key);
	return c ? ++c->n : 0;
}

/* True when this request is over the per-second limit of its key and action. */
static bool over_rate(struct sim_server *s, const char *secret_id, const char *action, long limit,
		      int64_t now) {
	char key[200];
	snprintf(key, sizeof key, "%.100s|%.90s", secret_id, action);
	struct sim_counter *w = slot(s->windows, &s->nwindows, key);
	if (!w) {
		return false;
	}
	if (w->second != now) {
		w->second = now;
		w->n = 0;
	}
	return ++w->n > limit;
}

/* ----------------------------------------------------------------- replies */

static void request_id(char out[37]) {
	unsigned char b[16];
	char hex[33];
	if (RAND_bytes(b, sizeof b) != 1) {
		memset(b, 0x5a, sizeof b);
	}
	b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
	tc3_hex(b, 16, hex);
	snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

static void set_json(struct reply *r, unsigned status, struct json_object *root) {
	const char *text = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN);
	r->status = status;
	r->body = strdup(text);
	r->len = strlen(text);
	r->content_type = "application/json";
}

static void envelope_error(struct reply *r, const char *code, const char *message) {
	char rid[37];
	request_id(rid);
	struct json_object *root = json_object_new_object();
	struct json_object *resp = json_object_new_object();
	struct json_object *error = json_object_new_object();
	json_object_object_add(error, "Code", json_object_new_string(code));
	json_object_object_add(error, "Message", json_object_new_string(message));
	json_object_object_add(resp, "Error", error);
	json_object_object_add(resp, "RequestId", json_object_new_string(rid));
	json_object_object_add(root, "Response", resp);
	set_json(r, 200, root);
	json_object_put(root);
}

static void plain(struct reply *r, unsigned status, const char *text) {
	r->status = status;
	r->body = strdup(text);
	r->len = strlen(text);
	r->content_type = "text/plain";
}

/* ----------------------------------------------------------------- faults */

/* Applies the configured fault; returns true when it decided the reply. Faults
 * that change the body (malformed, truncated...) are applied after the action. */
static bool fault_before(struct sim_server *s, struct json_object *fault, struct reply *r) {
	struct json_object *v = NULL;
	(void)s;
	if (json_object_object_get_ex(fault, "delay_ms", &v)) {
		int64_t ms = json_object_get_int64(v);
		struct timespec ts = {(time_t)(ms / 1000), (long)(ms % 1000) * 1000000L};
		nanosleep(&ts, NULL);
	}
	if (json_object_object_get_ex(fault, "http_status", &v)) {
		char text[64];
		int status = json_object_get_int(v);
		snprintf(text, sizeof text, "<html><body>%d</body></html>", status);
		plain(r, (unsigned)status, text);
		r->content_type = "text/html";
		return true;
	}
	if (json_object_object_get_ex(fault, "error", &v)) {
		const char *code = "InternalError", *message = "An internal error has occurred.";
		struct tc_error ignored;
		tc_json_string(v, "code", TC_OPTIONAL, &code, &ignored);
		tc_json_string(v, "message", TC_OPTIONAL, &message, &ignored);
		envelope_error(r, code ? code : "InternalError", message ? message : "");
		return true;
	}
	return false;
}

/* Rewrites every member of the Response but RequestId, for the "wrong type",
 * "null", "absurd" and "impossible value" faults. */
static void rewrite_members(struct json_object *response, const char *mode) {
	json_object_object_foreach(response, k, v) {
		if (strcmp(k, "RequestId") == 0) {
			continue;
		}
		struct json_object *n = NULL;
		if (strcmp(mode, "strings") == 0) {
			n = json_object_new_string("x");
		} else if (strcmp(mode, "arrays") == 0) {
			n = json_object_new_array();
		} else if (strcmp(mode, "absurd") == 0 &&
			   (json_object_is_type(v, json_type_int) ||
			    json_object_is_type(v, json_type_double))) {
			n = json_object_new_double_s(1e30, "1e30");
		} else if (strcmp(mode, "negative") == 0 &&
			   (json_object_is_type(v, json_type_int) ||
			    json_object_is_type(v, json_type_double))) {
			n = json_object_new_int64(-5);
		} else if (strcmp(mode, "nulls") != 0) {
			continue;
		}
		json_object_object_add(response, k, n); /* NULL is JSON null */
	}
}

static void fault_shape(struct json_object *fault, struct json_object *response) {
	struct json_object *v = NULL;
	if (!fault || !json_object_object_get_ex(fault, "body", &v)) {
		return;
	}
	const char *mode = json_object_get_string(v);
	if (strcmp(mode, "bare") == 0) {
		/* delete outside the iteration, one member at a time */
		for (bool again = true; again;) {
			char key[128] = "";
			json_object_object_foreach(response, k, ignored) {
				(void)ignored;
				if (strcmp(k, "RequestId") != 0) {
					snprintf(key, sizeof key, "%s", k);
					break;
				}
			}
			again = key[0] != '\0';
			if (again) {
				json_object_object_del(response, key);
			}
		}
	} else {
		rewrite_members(response, mode);
	}
}

static void fault_after(struct json_object *fault, struct reply *r) {
	struct json_object *v = NULL;
	if (!fault || !json_object_object_get_ex(fault, "body", &v)) {
		return;
	}
	const char *mode = json_object_get_string(v);
	if (strcmp(mode, "truncated") == 0) {
		r->len /= 2;
	} else if (strcmp(mode, "empty") == 0) {
		r->len = 0;
	} else if (strcmp(mode, "malformed") == 0) {
		free(r->body);
		r->body = strdup("{\"Response\": {\"RequestId\": \"x\", \"RealBalance\": 12,, }}");
		r->len = strlen(r->body);
	} else if (strcmp(mode, "not_json") == 0) {
		free(r->body);
		r->body = strdup("<html><body>Service maintenance</body></html>");
		r->len = strlen(r->body);
	} else if (strcmp(mode, "stall") == 0) {
		r->stall = true;
	} else if (strcmp(mode, "oversized") == 0) {
		char *big = malloc(OVERSIZED_BODY);
		if (big) {
			memset(big, ' ', OVERSIZED_BODY);
			memcpy(big, r->body, r->len);
			free(r->body);
			r->body = big;
			r->len = OVERSIZED_BODY;
		}
	}
}

/* Whether the fault applies to this request (see "after" and "times"). */
static bool fault_active(struct sim_server *s, struct json_object *fault, const char *account,
			 const char *action) {
	struct json_object *v = NULL;
	if (!fault) {
		return false;
	}
	char name[200];
	snprintf(name, sizeof name, "%.90s/%.90s", account, action);
	long n = count(s, "fault", name);
	/* "after": N lets the first N requests through; "times": N faults N requests */
	if (json_object_object_get_ex(fault, "after", &v)) {
		n -= (long)json_object_get_int64(v);
		if (n <= 0) {
			return false;
		}
	}
	return !json_object_object_get_ex(fault, "times", &v) || n <= json_object_get_int64(v);
}

/* ----------------------------------------------------------------- the API */

static const char *header_lookup(void *ctx, const char *name) {
	return MHD_lookup_connection_value(ctx, MHD_HEADER_KIND, name);
}

static void api(struct sim_server *s, struct MHD_Connection *conn, const struct upload *up,
		struct reply *r) {
	const char *action = header_lookup(conn, "X-TC-Action");
	const char *version = header_lookup(conn, "X-TC-Version");
	const char *ts_text = header_lookup(conn, "X-TC-Timestamp");
	const char *authz = header_lookup(conn, "Authorization");
	const char *token = header_lookup(conn, "X-TC-Token");
	struct sim_auth auth;
	char msg[512];
	int64_t now = (int64_t)time(NULL) + s->clock_offset;

	pthread_mutex_lock(&s->lock);
	s->total++;
	count(s, "action", action ? action : "(none)");
	pthread_mutex_unlock(&s->lock);

	if (!action || !*action) {
		envelope_error(r, "MissingParameter",
			       "The request is missing a required parameter `Action`.");
		return;
	}
	if (!ts_text || !version) {
		envelope_error(
		    r, "MissingParameter",
		    "The request is missing a required parameter `Timestamp` or `Version`.");
		return;
	}
	if (!authz || sim_parse_authorization(authz, &auth) != 0) {
		envelope_error(r, "AuthFailure.InvalidAuthorization",
			       "The Authorization header is not a valid TC3-HMAC-SHA256 header.");
		return;
	}
	char *end = NULL;
	long long ts = strtoll(ts_text, &end, 10);
	if (!*ts_text || *end) {
		envelope_error(r, "InvalidParameterValue", "X-TC-Timestamp is not an integer.");
		return;
	}
	if (ts < now - TIMESTAMP_WINDOW || ts > now + TIMESTAMP_WINDOW) {
		snprintf(msg, sizeof msg,
			 "Signature expired, timestamp is %lld, server time is %lld.", ts,
			 (long long)now);
		envelope_error(r, "AuthFailure.SignatureExpire", msg);
		return;
	}
	const struct sim_key *key = sim_scenario_key(s->scenario, auth.secret_id);
	if (!key) {
		envelope_error(
		    r, "AuthFailure.SecretIdNotFound",
		    "The SecretId is not found, please ensure that your SecretId is correct.");
		return;
	}
	if (!sim_verify_signature(&auth, key->secret_key, "POST", header_lookup, conn,
				  (const unsigned char *)up->buf, up->len, ts)) {
		envelope_error(r, "AuthFailure.SignatureFailure",
			       "The provided credentials could not be validated. Please check your "
			       "signature is correct.");
		return;
	}
	if (key->token && (!token || strcmp(token, key->token) != 0)) {
		envelope_error(r, "AuthFailure.TokenFailure", "The token is invalid or expired.");
		return;
	}
	bool service_known = false;
	const struct sim_action *act = sim_action_find(auth.service, action, &service_known);
	if (!service_known) {
		envelope_error(r, "InvalidAction", "The requested service does not exist.");
		return;
	}
	if (strcmp(version, sim_service_version(auth.service)) != 0) {
		snprintf(msg, sizeof msg,
			 "The requested version `%.40s` of service `%s` does not exist.", version,
			 auth.service);
		envelope_error(r, "NoSuchVersion", msg);
		return;
	}
	if (!act) {
		snprintf(msg, sizeof msg, "The requested action `%.80s` does not exist.", action);
		envelope_error(r, "InvalidAction", msg);
		return;
	}
	/* the doc pages mark Region required for DescribeVoucherInfo alone */
	const char *region = header_lookup(conn, "X-TC-Region");
	if (strcmp(action, "DescribeVoucherInfo") == 0 && (!region || !*region)) {
		envelope_error(r, "MissingParameter",
			       "The request is missing a required parameter `Region`.");
		return;
	}
	long limit = sim_scenario_rate_limit(s->scenario, key->account, auth.service, action);
	pthread_mutex_lock(&s->lock);
	count(s, "account", key->account_name);
	char pair[200];
	snprintf(pair, sizeof pair, "%.90s/%.90s", key->account_name, action);
	count(s, "account_action", pair);
	bool limited = over_rate(s, auth.secret_id, action, limit, now);
	struct json_object *fault = sim_scenario_fault(s->scenario, key->account, action);
	bool faulty = fault_active(s, fault, key->account_name, action);
	pthread_mutex_unlock(&s->lock);
	if (limited) {
		snprintf(
		    msg, sizeof msg,
		    "Your current request times exceeds the frequency limit `%ld` for a second. "
		    "Please reduce the frequency of calls.",
		    limit);
		envelope_error(r, "RequestLimitExceeded", msg);
		return;
	}
	if (faulty && fault_before(s, fault, r)) {
		return;
	}
	struct json_object *params = NULL;
	struct tc_error perr;
	if (tc_json_parse(up->len ? up->buf : "{}", up->len ? up->len : 2, &params, &perr) != 0 ||
	    !json_object_is_type(params, json_type_object)) {
		json_object_put(params);
		envelope_error(r, "InvalidParameter", "The request body is not a JSON object.");
		return;
	}
	struct json_object *root = json_object_new_object();
	struct json_object *response = json_object_new_object();
	struct sim_call call = {.account = key->account, .params = params, .now = now};
	if (act->handle(&call, response) != 0) {
		json_object_put(response);
		json_object_put(root);
		json_object_put(params);
		envelope_error(r, call.code ? call.code : "InternalError", call.message);
		return;
	}
	char rid[37];
	request_id(rid);
	json_object_object_add(response, "RequestId", json_object_new_string(rid));
	if (faulty) {
		fault_shape(fault, response);
	}
	json_object_object_add(root, "Response", response);
	set_json(r, 200, root);
	json_object_put(root);
	json_object_put(params);
	if (faulty) {
		fault_after(fault, r);
	}
}

/* ----------------------------------------------------------------- metadata */

static void metadata(struct sim_server *s, const char *path, struct reply *r) {
	const char *prefix = "/latest/meta-data/cam/security-credentials/";
	struct json_object *role = s->scenario->cvm_role;
	const char *name = NULL;
	struct tc_error ignored;
	if (role) {
		tc_json_string(role, "name", TC_OPTIONAL, &name, &ignored);
	}
	pthread_mutex_lock(&s->lock);
	count(s, "metadata", "requests");
	pthread_mutex_unlock(&s->lock);
	const char *rest = path + strlen(prefix);
	if (!role || !name) {
		plain(r, 404, "Not Found");
	} else if (*rest == '\0') {
		plain(r, 200, name);
	} else if (strcmp(rest, name) != 0) {
		plain(r, 404, "Not Found");
	} else {
		const char *id = NULL, *secret = NULL, *token = NULL;
		tc_json_string(role, "secret_id", TC_OPTIONAL, &id, &ignored);
		tc_json_string(role, "secret_key", TC_OPTIONAL, &secret, &ignored);
		tc_json_string(role, "token", TC_OPTIONAL, &token, &ignored);
		time_t expires = time(NULL) + 7200;
		struct tm tm;
		char iso[32];
		gmtime_r(&expires, &tm);
		strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
		struct json_object *o = json_object_new_object();
		json_object_object_add(o, "TmpSecretId", json_object_new_string(id ? id : ""));
		json_object_object_add(o, "TmpSecretKey",
				       json_object_new_string(secret ? secret : ""));
		json_object_object_add(o, "ExpiredTime", json_object_new_int64((int64_t)expires));
		json_object_object_add(o, "Expiration", json_object_new_string(iso));
		json_object_object_add(o, "Token", json_object_new_string(token ? token : ""));
		json_object_object_add(o, "Code", json_object_new_string("Success"));
		set_json(r, 200, o);
		json_object_put(o);
	}
}

/* ----------------------------------------------------------------- counters API */

static void stats(struct sim_server *s, struct reply *r) {
	struct json_object *o = json_object_new_object();
	pthread_mutex_lock(&s->lock);
	json_object_object_add(o, "total", json_object_new_int64(s->total));
	for (size_t i = 0; i < s->ncounters; i++) {
		json_object_object_add(o, s->counters[i].key,
				       json_object_new_int64(s->counters[i].n));
	}
	pthread_mutex_unlock(&s->lock);
	set_json(r, 200, o);
	json_object_put(o);
}

static void reset(struct sim_server *s, struct reply *r) {
	pthread_mutex_lock(&s->lock);
	s->total = 0;
	s->ncounters = 0;
	s->nwindows = 0;
	pthread_mutex_unlock(&s->lock);
	plain(r, 200, "reset\n");
}

/* ----------------------------------------------------------------- MHD glue */

/* An absolute-form target (a client using us as its HTTP proxy) becomes a path. */
static const char *path_of(const char *url) {
	if (strncmp(url, "http://", 7) == 0 || strncmp(url, "https://", 8) == 0) {
		const char *p = strchr(strstr(url, "://") + 3, '/');
		return p ? p : "/";
	}
	return url;
}

/* Serves the first half of the body, then hangs for a minute before the rest. */
static ssize_t stall_reader(void *cls, uint64_t pos, char *buf, size_t max) {
	struct reply *r = cls;
	size_t half = r->len / 2;
	if (pos >= r->len) {
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	if (pos == half) {
		struct timespec ts = {60, 0};
		nanosleep(&ts, NULL);
	}
	size_t end = pos < half ? half : r->len;
	size_t n = end - (size_t)pos < max ? end - (size_t)pos : max;
	memcpy(buf, r->body + pos, n);
	return (ssize_t)n;
}

static void free_stalled(void *cls) {
	struct reply *r = cls;
	free(r->body);
	free(r);
}

static enum MHD_Result send_reply(struct MHD_Connection *conn, struct reply *r) {
	if (r->stall) {
		struct reply *copy = malloc(sizeof *copy);
		if (!copy) {
			free(r->body);
			return MHD_NO;
		}
		*copy = *r;
		struct MHD_Response *resp = MHD_create_response_from_callback(
		    copy->len, 1024, stall_reader, copy, free_stalled);
		MHD_add_response_header(resp, "Content-Type", "application/json");
		enum MHD_Result ret = MHD_queue_response(conn, copy->status, resp);
		MHD_destroy_response(resp);
		return ret;
	}
	struct MHD_Response *resp = MHD_create_response_from_buffer(
	    r->len, r->body ? r->body : (void *)"",
	    r->body ? MHD_RESPMEM_MUST_FREE : MHD_RESPMEM_PERSISTENT);
	if (!resp) {
		free(r->body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type",
				r->content_type ? r->content_type : "text/plain");
	enum MHD_Result ret = MHD_queue_response(conn, r->status, resp);
	MHD_destroy_response(resp);
	return ret;
}

enum MHD_Result sim_handle(void *cls, struct MHD_Connection *conn, const char *url,
			   const char *method, const char *version, const char *upload,
			   size_t *upload_size, void **ctx) {
	struct sim_server *s = cls;
	struct upload *up = *ctx;
	(void)version;
	if (!up) {
		up = calloc(1, sizeof *up);
		if (!up) {
			return MHD_NO;
		}
		*ctx = up;
		return MHD_YES;
	}
	if (*upload_size) {
		if (up->len + *upload_size > MAX_BODY) {
			up->too_large = 1;
		} else {
			if (up->len + *upload_size + 1 > up->cap) {
				size_t cap = (up->len + *upload_size + 1) * 2;
				char *grown = realloc(up->buf, cap);
				if (!grown) {
					return MHD_NO;
				}
				up->buf = grown;
				up->cap = cap;
			}
			memcpy(up->buf + up->len, upload, *upload_size);
			up->len += *upload_size;
			up->buf[up->len] = '\0';
		}
		*upload_size = 0;
		return MHD_YES;
	}

	struct reply r = {0};
	const char *path = path_of(url);
	if (s->verbose) {
		fprintf(stderr, "sim: %s %s action=%s\n", method, url,
			header_lookup(conn, "X-TC-Action") ? header_lookup(conn, "X-TC-Action")
							   : "-");
	}
	if (strcmp(method, "GET") == 0 &&
	    strncmp(path, "/latest/meta-data/cam/security-credentials/", 43) == 0) {
		metadata(s, path, &r);
	} else if (strcmp(method, "GET") == 0 && strcmp(path, "/__sim/requests") == 0) {
		stats(s, &r);
	} else if (strcmp(method, "POST") == 0 && strcmp(path, "/__sim/reset") == 0) {
		reset(s, &r);
	} else if (strcmp(method, "POST") == 0 && strcmp(path, "/") == 0) {
		if (up->too_large) {
			envelope_error(&r, "RequestSizeLimitExceeded",
				       "The request body exceeds the size limit.");
		} else {
			api(s, conn, up, &r);
		}
	} else if (strcmp(path, "/") == 0) {
		envelope_error(&r, "UnsupportedProtocol",
			       "Only POST with application/json is served here.");
	} else {
		plain(&r, 404, "Not Found");
	}
	return send_reply(conn, &r);
}

void sim_completed(void *cls, struct MHD_Connection *conn, void **ctx,
		   enum MHD_RequestTerminationCode toe) {
	struct upload *up = *ctx;
	(void)cls;
	(void)conn;
	(void)toe;
	if (up) {
		free(up->buf);
		free(up);
		*ctx = NULL;
	}
}
