/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Calls one of the simulator's action handlers the way sim/serve.c does, with the
 * account and the request parameters written as JSON text, for the sim unit tests. */
#ifndef TC_TEST_SIMCALL_H
#define TC_TEST_SIMCALL_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "jsonx.h"

/* 2026-11-22 12:00:00 Beijing time (04:00 UTC), the clock of every call */
#define SIMCALL_NOW 1795320000

struct simcall {
	struct json_object *account;
	struct json_object *params;
	struct json_object *response; /* NULL when the handler failed */
	struct sim_call call;         /* code and message of a failure */
};

static inline struct json_object *simcall_json(const char *text) {
	struct json_object *o = NULL;
	struct tc_error err;
	ck_assert_msg(tc_json_parse(text, strlen(text), &o, &err) == 0, "bad test JSON: %s",
		      err.message);
	return o;
}

/* Runs `handler` on `account` with `params`; the result stays in *sc. */
static inline void simcall_run(struct simcall *sc, sim_handler handler, const char *account,
			       const char *params) {
	memset(sc, 0, sizeof *sc);
	sc->account = simcall_json(account);
	sc->params = simcall_json(params);
	sc->call.account = sc->account;
	sc->call.params = sc->params;
	sc->call.now = SIMCALL_NOW;
	sc->response = json_object_new_object();
	if (handler(&sc->call, sc->response) != 0) {
		json_object_put(sc->response);
		sc->response = NULL;
	}
}

static inline void simcall_free(struct simcall *sc) {
	json_object_put(sc->response);
	json_object_put(sc->params);
	json_object_put(sc->account);
}

/* The member `path` ("Deals", "Deals.0.OrderId": object keys and array indexes). */
static inline struct json_object *simcall_get(struct json_object *o, const char *path) {
	char buf[256];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *save = NULL, *part = strtok_r(buf, ".", &save); part && o;
	     part = strtok_r(NULL, ".", &save)) {
		struct json_object *next = NULL;
		if (json_object_is_type(o, json_type_array)) {
			next = json_object_array_get_idx(o, (size_t)strtoul(part, NULL, 10));
		} else if (!json_object_object_get_ex(o, part, &next)) {
			next = NULL;
		}
		o = next;
	}
	return o;
}

/* The member as JSON text ("null" when absent), to compare with the wire form. */
static inline const char *simcall_text(struct simcall *sc, const char *path) {
	ck_assert_msg(sc->response != NULL, "the handler failed: %s: %s",
		      sc->call.code ? sc->call.code : "?", sc->call.message);
	struct json_object *v = simcall_get(sc->response, path);
	return v ? json_object_to_json_string_ext(v, JSON_C_TO_STRING_PLAIN) : "null";
}

/* Asserts that the handler failed with `code`. */
#define simcall_assert_fails(sc, want)                                                             \
	do {                                                                                       \
		ck_assert_ptr_null((sc)->response);                                                \
		ck_assert_str_eq((sc)->call.code, (want));                                         \
	} while (0)

#endif
