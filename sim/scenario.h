/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A simulator scenario: accounts (each with its API keys, money, and optional
 * faults and rate limits), and the CVM role. Loaded from JSON; see
 * sim/scenarios/README.md for the format. */
#ifndef SIM_SCENARIO_H
#define SIM_SCENARIO_H

#include <json-c/json.h>

#include "error.h"

struct sim_key {
	const char *secret_id;
	const char *secret_key;
	const char *token;           /* NULL: a permanent key */
	struct json_object *account; /* the account this key belongs to */
	const char *account_name;
};

struct sim_scenario {
	struct json_object *root;
	struct sim_key *keys;
	size_t nkeys;
	struct json_object *cvm_role; /* or NULL */
};

int sim_scenario_load(const char *path, struct sim_scenario *out, struct tc_error *err);
void sim_scenario_free(struct sim_scenario *s);

const struct sim_key *sim_scenario_key(const struct sim_scenario *s, const char *secret_id);

/* The fault object configured for an action of an account (or for every account
 * under "faults" at top level), or NULL. */
struct json_object *sim_scenario_fault(const struct sim_scenario *s, struct json_object *account,
				       const char *action);

/* Requests per second allowed for an action (account override, then scenario,
 * then the documented default of its service). */
long sim_scenario_rate_limit(const struct sim_scenario *s, struct json_object *account,
			     const char *service, const char *action);

#endif
