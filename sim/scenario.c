/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>

#include "jsonx.h"
#include "readfile.h"

static int add_key(struct sim_scenario *s, struct json_object *key, struct json_object *account,
		   const char *account_name, struct tc_error *err) {
	const char *id = NULL, *secret = NULL, *token = NULL;
	if (tc_json_string(key, "secret_id", TC_REQUIRED, &id, err) != 0 ||
	    tc_json_string(key, "secret_key", TC_REQUIRED, &secret, err) != 0 ||
	    tc_json_string(key, "token", TC_OPTIONAL, &token, err) != 0) {
		return tc_error_prefix(err, "account %s key", account_name);
	}
	struct sim_key *grown = realloc(s->keys, (s->nkeys + 1) * sizeof *grown);
	if (!grown) {
		return tc_error_set(err, TC_ERR_INTERNAL, "out of memory");
	}
	s->keys = grown;
	s->keys[s->nkeys++] = (struct sim_key){id, secret, token, account, account_name};
	return 0;
}

static struct json_object *find_account(struct json_object *accounts, const char *name) {
	for (size_t i = 0; i < json_object_array_length(accounts); i++) {
		struct json_object *a = json_object_array_get_idx(accounts, i);
		const char *n = NULL;
		struct tc_error ignored;
		if (tc_json_string(a, "name", TC_OPTIONAL, &n, &ignored) == 0 && n &&
		    strcmp(n, name) == 0) {
			return a;
		}
	}
	return NULL;
}

static int load_accounts(struct sim_scenario *s, struct json_object *accounts,
			 struct tc_error *err) {
	for (size_t i = 0; i < json_object_array_length(accounts); i++) {
		struct json_object *a = json_object_array_get_idx(accounts, i);
		struct json_object *keys = NULL;
		const char *name = NULL;
		if (tc_json_string(a, "name", TC_REQUIRED, &name, err) != 0 ||
		    tc_json_array(a, "keys", TC_OPTIONAL, &keys, err) != 0) {
			return tc_error_prefix(err, "accounts[%zu]", i);
		}
		for (size_t k = 0; keys && k < json_object_array_length(keys); k++) {
			if (add_key(s, json_object_array_get_idx(keys, k), a, name, err) != 0) {
				return -1;
			}
		}
	}
	return 0;
}

static int load_role(struct sim_scenario *s, struct json_object *accounts, struct tc_error *err) {
	const char *account_name = NULL;
	if (!json_object_object_get_ex(s->root, "cvm_role", &s->cvm_role)) {
		s->cvm_role = NULL;
		return 0;
	}
	if (tc_json_string(s->cvm_role, "account", TC_REQUIRED, &account_name, err) != 0) {
		return tc_error_prefix(err, "cvm_role");
	}
	struct json_object *account = find_account(accounts, account_name);
	if (!account) {
		return tc_error_set(err, TC_ERR_CONFIG, "cvm_role: no account %s", account_name);
	}
	return add_key(s, s->cvm_role, account, account_name, err);
}

int sim_scenario_load(const char *path, struct sim_scenario *out, struct tc_error *err) {
	size_t len = 0;
	struct json_object *accounts = NULL;
	memset(out, 0, sizeof *out);
	char *text = tc_read_file(path, 16 * 1024 * 1024, &len, err);
	if (!text) {
		return -1;
	}
	int rc = tc_json_parse(text, len, &out->root, err);
	free(text);
	if (rc != 0) {
		return tc_error_prefix(err, "%s", path);
	}
	if (tc_json_array(out->root, "accounts", TC_REQUIRED, &accounts, err) != 0 ||
	    load_accounts(out, accounts, err) != 0 || load_role(out, accounts, err) != 0) {
		sim_scenario_free(out);
		return tc_error_prefix(err, "%s", path);
	}
	return 0;
}

void sim_scenario_free(struct sim_scenario *s) {
	free(s->keys);
	json_object_put(s->root);
	memset(s, 0, sizeof *s);
}

const struct sim_key *sim_scenario_key(const struct sim_scenario *s, const char *secret_id) {
	for (size_t i = 0; i < s->nkeys; i++) {
		if (strcmp(s->keys[i].secret_id, secret_id) == 0) {
			return &s->keys[i];
		}
	}
	return NULL;
}

static struct json_object *member(struct json_object *obj, const char *a, const char *b) {
	struct json_object *x = NULL, *y = NULL;
	if (!obj || !json_object_object_get_ex(obj, a, &x) ||
	    !json_object_is_type(x, json_type_object) || !json_object_object_get_ex(x, b, &y)) {
		return NULL;
	}
	return y;
}

struct json_object *sim_scenario_fault(const struct sim_scenario *s, struct json_object *account,
				       const char *action) {
	struct json_object *f = member(account, "faults", action);
	if (!f) {
		f = member(account, "faults", "*");
	}
	if (!f) {
		f = member(s->root, "faults", action);
	}
	if (!f) {
		f = member(s->root, "faults", "*");
	}
	return f;
}

long sim_scenario_rate_limit(const struct sim_scenario *s, struct json_object *account,
			     const char *service, const char *action) {
	struct json_object *v = member(account, "rate_limits", action);
	if (!v) {
		v = member(s->root, "rate_limits", action);
	}
	if (v && json_object_is_type(v, json_type_int)) {
		return (long)json_object_get_int64(v);
	}
	/* documented limits: 20/s for billing and partners, 5/s for intlpartnersmgt */
	return strcmp(service, "intlpartnersmgt") == 0 ? 5 : 20;
}
